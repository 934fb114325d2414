import { DATA_REQUEST_KINDS, PRIVATE_FILE_KINDS } from '@sgd/config';
import { enumeration } from '@sgd/plugin-core';

/** One-time codes (activation, password reset): only a hash is kept; one live code per purpose and target. */
const code = {
  kind: 'collectionType',
  collectionName: 'acc_codes',
  info: {
    singularName: 'code',
    pluralName: 'codes',
    displayName: 'Mã xác minh',
    description: 'Mã kích hoạt và mã đặt lại mật khẩu (chỉ lưu giá trị băm)',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    purpose: { type: 'enumeration', enum: ['activate', 'reset'], required: true },
    channel: { type: 'enumeration', enum: ['email', 'sms'], required: true },
    target: { type: 'string', required: true, maxLength: 254 },
    userId: { type: 'integer', required: true },
    codeHash: { type: 'string', required: true, private: true },
    expiresAt: { type: 'datetime', required: true },
    attempts: { type: 'integer', default: 0 },
    sentAt: { type: 'datetime', required: true },
  },
};

/** A data-subject request: handled by staff through the `data_request` workflow within 2 working days. */
const dataRequest = {
  kind: 'collectionType',
  collectionName: 'acc_data_requests',
  info: {
    singularName: 'data-request',
    pluralName: 'data-requests',
    displayName: 'Yêu cầu về dữ liệu cá nhân',
    description: 'Yêu cầu của người dùng về dữ liệu cá nhân (QC Điều 16)',
  },
  // Published = handled: the workflow publishes what it approves. There is no public route.
  options: { draftAndPublish: true },
  pluginOptions: {
    'content-type-builder': { visible: false },
    // Reviewed in the `data_request` workflow (plugins/workflow), which adds `reviewStatus`.
    workflow: {
      workflow: 'data_request',
      title: 'title',
      owner: 'owner',
      contact: { email: ['owner.email'], name: ['owner.fullName'] },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'fixed', department: 'SCT' },
      ],
      label: 'Yêu cầu về dữ liệu cá nhân',
    },
  },
  attributes: {
    kind: enumeration(DATA_REQUEST_KINDS, { required: true }),
    title: { type: 'string', required: true, maxLength: 255 },
    details: { type: 'text', required: true, maxLength: 5000 },
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
    owner: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::users-permissions.user',
      private: true,
    },
  },
};

/**
 * A scan a seller hands in for verification (licence, citizen ID): sensitive personal data since
 * 1/1/2026. The bytes live outside the public folder; only the verifying department's staff read
 * them, through an authorised admin route. A citizen-ID scan is erased a set time after the seller
 * is verified; the row stays as the record that it existed and when it was erased.
 */
const privateFile = {
  kind: 'collectionType',
  collectionName: 'acc_private_files',
  info: {
    singularName: 'private-file',
    pluralName: 'private-files',
    displayName: 'Tệp riêng tư',
    description: 'Bản chụp giấy phép, CCCD: chỉ cơ quan xác thực xem được',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    kind: { type: 'enumeration', enum: PRIVATE_FILE_KINDS.map((k) => k.code), required: true },
    name: { type: 'string', required: true, maxLength: 255 },
    mime: { type: 'string', required: true, maxLength: 100 },
    size: { type: 'integer', required: true },
    sha256: { type: 'string', required: true, maxLength: 64, private: true },
    storageKey: { type: 'string', required: true, unique: true, maxLength: 64, private: true },
    sellerDocumentId: { type: 'string', required: true, maxLength: 64 },
    licenceDocumentId: { type: 'string', maxLength: 64 },
    ownerId: { type: 'integer', required: true, private: true },
    purgedAt: { type: 'datetime' },
  },
};

export default {
  code: { schema: code },
  'data-request': { schema: dataRequest },
  'private-file': { schema: privateFile },
};
