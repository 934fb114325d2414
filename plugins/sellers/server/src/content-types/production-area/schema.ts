export default {
  kind: 'collectionType',
  collectionName: 'production_areas',
  info: {
    singularName: 'production-area',
    pluralName: 'production-areas',
    displayName: 'Vùng sản xuất',
    description: 'Vùng trồng, vùng nuôi có mã số và vị trí',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    'content-type-builder': { visible: false },
    // Managed by its owner through `/api/accounts/mine/production-area` (the fields: OWNED_CONTENT, @sgd/contracts).
    accounts: { owned: 'production-area' },
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
        { by: 'path', path: 'seller.department' },
        { by: 'fixed', department: 'SCT' },
      ],
    },
  },
  attributes: {
    name: { type: 'string', required: true, maxLength: 255 },
    slug: { type: 'uid', targetField: 'name' },
    code: { type: 'string', maxLength: 60 },
    latitude: { type: 'decimal', required: true },
    longitude: { type: 'decimal', required: true },
    polygon: { type: 'json' },
    areaHa: { type: 'decimal', min: 0 },
    crops: { type: 'string', maxLength: 255 },
    seasons: { type: 'string', maxLength: 255 },
    description: { type: 'text' },
    seller: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::sellers.seller',
      inversedBy: 'productionAreas',
    },
    commune: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.administrative-unit' },
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
    internalNote: { type: 'text', private: true },
  },
};
