export default {
  kind: 'collectionType',
  collectionName: 'categories',
  info: {
    singularName: 'category',
    pluralName: 'categories',
    displayName: 'Danh mục',
    description: 'Cây danh mục sản phẩm, dịch vụ; mỗi danh mục có sở phụ trách',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-type-builder': { visible: false } },
  attributes: {
    name: { type: 'string', required: true, maxLength: 150 },
    slug: { type: 'uid', targetField: 'name' },
    description: { type: 'text' },
    sortOrder: { type: 'integer', default: 0 },
    parent: {
      type: 'relation',
      relation: 'manyToOne',
      target: 'plugin::catalog.category',
      inversedBy: 'children',
    },
    children: {
      type: 'relation',
      relation: 'oneToMany',
      target: 'plugin::catalog.category',
      mappedBy: 'parent',
    },
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
  },
};
