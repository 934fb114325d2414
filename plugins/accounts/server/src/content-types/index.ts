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

export default { code: { schema: code } };
