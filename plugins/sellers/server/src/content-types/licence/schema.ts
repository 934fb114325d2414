import { licenceTypes } from '@sgd/config';
import { enumeration } from '@sgd/plugin-core';
import { LICENCE_NUMBER_MAX_LENGTH } from '../../constants';

const LICENCE_TYPES = licenceTypes.map(({ code, shortName }) => ({ code, name: shortName }));

export default {
  kind: 'collectionType',
  collectionName: 'licences',
  info: {
    singularName: 'licence',
    pluralName: 'licences',
    displayName: 'Giấy phép, chứng nhận',
    description: 'Đăng ký kinh doanh, ATTP, OCOP, VietGAP, GlobalGAP, HACCP, ISO 22000…',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    'content-type-builder': { visible: false },
    // Managed by its owner through `/api/accounts/mine/licence` (the fields: OWNED_CONTENT, @sgd/contracts).
    accounts: { owned: 'licence' },
    // Reviewed in a workflow (plugins/workflow): status, routing, owner and contacts are declared here.
    workflow: {
      workflow: 'licence_verification',
      status: { field: 'verificationStatus', approved: 'verified' },
      approvedAt: 'verifiedAt',
      title: 'number',
      owner: 'seller.owner',
      contact: {
        email: ['seller.email', 'seller.owner.email'],
        name: ['seller.representative', 'seller.name'],
      },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'path', path: 'seller.department' },
        { by: 'fixed', department: 'SCT' },
      ],
    },
  },
  attributes: {
    type: enumeration(LICENCE_TYPES, { required: true }),
    number: { type: 'string', required: true, maxLength: LICENCE_NUMBER_MAX_LENGTH },
    // The number as the public check looks it up (`foldCode`), kept by services/licence-check.ts.
    numberKey: { type: 'string', maxLength: LICENCE_NUMBER_MAX_LENGTH, private: true, configurable: false },
    issuer: { type: 'string', required: true, maxLength: 255 },
    issuedOn: { type: 'date', required: true },
    expiresOn: { type: 'date' },
    ocopStars: { type: 'integer', min: 3, max: 5 },
    seller: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::sellers.seller',
      inversedBy: 'licences',
    },
    verifiedAt: { type: 'datetime' },
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
    internalNote: { type: 'text', private: true },
    // Set by the daily expiry job (services/expiry.ts); each notice records the expiry date it was
    // sent for, so a renewed licence (a new date) is warned again and a republished one is not.
    expiryNotice60For: { type: 'date', private: true },
    expiryNotice30For: { type: 'date', private: true },
    // Set on the published version only: publishing a renewal (from the draft) clears it.
    expiredAt: { type: 'datetime' },
  },
};
