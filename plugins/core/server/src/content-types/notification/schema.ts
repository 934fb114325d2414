/** In-app notices to a site user (`GET /api/notifications`), written with the email by `outbox.tell`. */
export default {
  kind: 'collectionType',
  collectionName: 'sgd_notifications',
  info: {
    singularName: 'notification',
    pluralName: 'notifications',
    displayName: 'Thông báo',
    description: 'Thông báo trong ứng dụng gửi người dùng',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    userId: { type: 'integer', required: true },
    title: { type: 'string', required: true, maxLength: 255 },
    body: { type: 'text' },
    targetUid: { type: 'string', maxLength: 120 },
    targetDocumentId: { type: 'string', maxLength: 64 },
    readAt: { type: 'datetime' },
  },
};
