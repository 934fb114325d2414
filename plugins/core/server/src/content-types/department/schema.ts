export default {
  kind: 'collectionType',
  collectionName: 'departments',
  info: {
    singularName: 'department',
    pluralName: 'departments',
    displayName: 'Sở, ngành',
    description: 'Cơ quan chuyên môn phụ trách kiểm duyệt theo lĩnh vực',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: true },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true, unique: true, maxLength: 200 },
    code: { type: 'string', required: true, unique: true, maxLength: 20 },
    email: { type: 'email' },
    phone: { type: 'string', maxLength: 20 },
    address: { type: 'string', maxLength: 300 },
  },
};
