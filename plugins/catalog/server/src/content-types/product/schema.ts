import { DELIVERY_METHODS, PAYMENT_METHODS } from '@sgd/config';
import { codeList } from '@sgd/plugin-core';

export default {
  kind: 'collectionType',
  collectionName: 'products',
  info: {
    singularName: 'product',
    pluralName: 'products',
    displayName: 'Sản phẩm, dịch vụ',
    description: 'Sản phẩm, dịch vụ do chủ thể đăng bán',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    'content-type-builder': { visible: false },
    // Managed by its owner through `/api/accounts/mine/product` (the fields: OWNED_CONTENT, @sgd/contracts).
    accounts: { owned: 'product' },
    // Reviewed in a workflow (plugins/workflow): status, routing, owner and contacts are declared here.
    workflow: {
      workflow: 'product_moderation',
      title: 'name',
      owner: 'seller.owner',
      contact: {
        email: ['seller.email', 'seller.owner.email'],
        name: ['seller.representative', 'seller.name'],
      },
      routing: [
        { by: 'path', path: 'department' },
        { by: 'path', path: 'category.department' },
        { by: 'path', path: 'seller.department' },
        { by: 'fixed', department: 'SCT' },
      ],
      lock: { name: 'sản phẩm' },
    },
  },
  attributes: {
    name: { type: 'string', required: true, maxLength: 255 },
    slug: { type: 'uid', targetField: 'name' },
    category: { type: 'relation', relation: 'manyToOne', target: 'plugin::catalog.category' },
    seller: { type: 'relation', relation: 'manyToOne', target: 'plugin::sellers.seller' },
    description: { type: 'text' },
    ingredients: { type: 'text' },
    uses: { type: 'text' },
    specification: { type: 'text' },
    unit: { type: 'string', required: true, maxLength: 30 },
    price: { type: 'biginteger' },
    priceMin: { type: 'biginteger' },
    priceMax: { type: 'biginteger' },
    promotion: { type: 'string', maxLength: 255 },
    images: { type: 'media', multiple: true, allowedTypes: ['images'] },
    licences: {
      type: 'relation',
      relation: 'manyToMany',
      target: 'plugin::sellers.licence',
      inversedBy: 'products',
    },
    productionArea: { type: 'relation', relation: 'manyToOne', target: 'plugin::sellers.production-area' },
    paymentMethods: codeList(PAYMENT_METHODS),
    deliveryMethods: codeList(DELIVERY_METHODS),
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
    internalNote: { type: 'text', private: true },
    // Banned goods found at submission (QC Điều 17.2), for the reviewing officer; set by the complaints plugin.
    flaggedReasons: { type: 'text', private: true },
  },
};
