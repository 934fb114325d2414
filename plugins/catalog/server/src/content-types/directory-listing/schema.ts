import { DIRECTORY_KINDS } from '@sgd/config';
import { enumeration } from '@sgd/plugin-core';

export default {
  kind: 'collectionType',
  collectionName: 'directory_listings',
  info: {
    singularName: 'directory-listing',
    pluralName: 'directory-listings',
    displayName: 'Thông tin khác (QC Điều 6.9)',
    description: 'Dự án đầu tư, du lịch, nhà hàng khách sạn, sản phẩm công nghệ, đào tạo tuyển dụng…',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    'content-type-builder': { visible: false },
    // Managed by its owner through `/api/accounts/mine/directory-listing` (the fields: OWNED_CONTENT, @sgd/contracts).
    accounts: { owned: 'directory-listing' },
    // Reviewed in a workflow (plugins/workflow): status, routing, owner and contacts are declared here.
    workflow: {
      workflow: 'listing_moderation',
      title: 'title',
      owner: 'owner',
      contact: {
        email: ['owner.email'],
        name: ['owner.username'],
      },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'fixed', department: 'SCT' },
      ],
    },
  },
  attributes: {
    kind: enumeration(DIRECTORY_KINDS, { required: true }),
    title: { type: 'string', required: true, maxLength: 255 },
    slug: { type: 'uid', targetField: 'title' },
    summary: { type: 'text' },
    body: { type: 'richtext' },
    image: { type: 'media', multiple: false, allowedTypes: ['images'] },
    address: { type: 'string', maxLength: 500 },
    commune: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.administrative-unit' },
    contact: { type: 'string', maxLength: 255 },
    // A link: only http(s) addresses are stored (core's text rules).
    website: { type: 'string', maxLength: 255, pluginOptions: { core: { link: true } } },
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
    owner: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::users-permissions.user',
      private: true,
    },
    internalNote: { type: 'text', private: true },
  },
};
