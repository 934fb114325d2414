import { SUPPLY_DEMAND_KINDS } from '@sgd/config';
import { enumeration } from '@sgd/plugin-core';

export default {
  kind: 'collectionType',
  collectionName: 'supply_demand_posts',
  info: {
    singularName: 'supply-demand-post',
    pluralName: 'supply-demand-posts',
    displayName: 'Tin cung cầu',
    description: 'Nhu cầu mua, nhu cầu bán',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    'content-type-builder': { visible: false },
    // Managed by its owner through `/api/accounts/mine/supply-demand-post` (the fields: OWNED_CONTENT, @sgd/contracts).
    accounts: { owned: 'supply-demand-post' },
    // Reviewed in a workflow (plugins/workflow): status, routing, owner and contacts are declared here.
    workflow: {
      workflow: 'post_moderation',
      title: 'title',
      owner: 'owner',
      contact: {
        email: ['contactEmail', 'owner.email'],
        name: ['contactName', 'owner.username'],
      },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'path', path: 'category.department' },
        { by: 'fixed', department: 'SCT' },
      ],
    },
  },
  attributes: {
    kind: enumeration(SUPPLY_DEMAND_KINDS, { required: true }),
    title: { type: 'string', required: true, maxLength: 255 },
    slug: { type: 'uid', targetField: 'title' },
    description: { type: 'text' },
    category: { type: 'relation', relation: 'manyToOne', target: 'plugin::catalog.category' },
    product: { type: 'relation', relation: 'manyToOne', target: 'plugin::catalog.product' },
    quantity: { type: 'decimal', min: 0 },
    unit: { type: 'string', maxLength: 30 },
    price: { type: 'biginteger' },
    priceNote: { type: 'string', maxLength: 255 },
    region: { type: 'string', maxLength: 255 },
    validUntil: { type: 'date', required: true },
    contactName: { type: 'string', required: true, maxLength: 150 },
    contactPhone: { type: 'string', maxLength: 20 },
    contactEmail: { type: 'email' },
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
