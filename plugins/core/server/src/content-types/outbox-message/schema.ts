/** Emails waiting to be sent: a scheduled job delivers them with retries, so an SMTP outage loses nothing. */
export default {
  kind: 'collectionType',
  collectionName: 'sgd_outbox',
  info: {
    singularName: 'outbox-message',
    pluralName: 'outbox-messages',
    displayName: 'Thư chờ gửi',
    description: 'Hàng đợi thư điện tử',
  },
  options: { draftAndPublish: false },
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    recipient: { type: 'string', required: true, maxLength: 255 },
    subject: { type: 'string', required: true, maxLength: 255 },
    body: { type: 'text', required: true },
    status: { type: 'enumeration', enum: ['pending', 'sending', 'sent', 'failed'], default: 'pending' },
    attempts: { type: 'integer', default: 0 },
    nextAttemptAt: { type: 'datetime' },
    lockedUntil: { type: 'datetime' },
    lastError: { type: 'text' },
    sentAt: { type: 'datetime' },
  },
};
