import { LEGAL_FORMS } from '@sgd/config';
import { enumeration } from '@sgd/plugin-core';

export default {
  kind: 'collectionType',
  collectionName: 'sellers',
  info: {
    singularName: 'seller',
    pluralName: 'sellers',
    displayName: 'Chủ thể sản xuất, kinh doanh',
    description: 'Doanh nghiệp, hợp tác xã, hộ kinh doanh, cá nhân bán hàng trên sàn',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    'content-type-builder': { visible: false },
    // Reviewed in a workflow (plugins/workflow): status, routing, owner and contacts are declared here.
    workflow: {
      workflow: 'seller_verification',
      status: { field: 'verificationStatus', approved: 'verified' },
      approvedAt: 'verifiedAt',
      title: 'name',
      owner: 'owner',
      contact: {
        email: ['email', 'owner.email'],
        name: ['representative', 'name'],
      },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'fixed', department: 'SCT' },
      ],
      lock: { name: 'chủ thể' },
    },
  },
  attributes: {
    name: { type: 'string', required: true, maxLength: 255 },
    slug: { type: 'uid', targetField: 'name' },
    legalForm: enumeration(LEGAL_FORMS, { required: true }),
    enterpriseCode: { type: 'string', maxLength: 14 },
    registrationDate: { type: 'date' },
    registrationIssuer: { type: 'string', maxLength: 255 },
    citizenId: { type: 'string', maxLength: 12, private: true },
    representative: { type: 'string', maxLength: 255 },
    phone: { type: 'string', maxLength: 20, private: true },
    email: { type: 'email', private: true },
    showPhone: { type: 'boolean', default: false },
    showEmail: { type: 'boolean', default: false },
    address: { type: 'string', maxLength: 500 },
    commune: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.administrative-unit' },
    description: { type: 'text' },
    logo: { type: 'media', multiple: false, allowedTypes: ['images'] },
    isOcopProducer: { type: 'boolean', default: false },
    vneidVerified: { type: 'boolean', default: false },
    verifiedAt: { type: 'datetime' },
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
    licences: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::sellers.licence',
      mappedBy: 'seller',
    },
    productionAreas: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::sellers.production-area',
      mappedBy: 'seller',
    },
    owner: {
      type: 'relation',
      relation: 'oneToOne',
      target: 'plugin::users-permissions.user',
      private: true,
    },
    internalNote: { type: 'text', private: true },
  },
};
