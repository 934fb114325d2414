import { AUDIT_ACTIONS } from '@sgd/config';
import { withLabels } from '../../lib/enumeration';

/**
 * The audit log of staff actions (sign-in, permission changes, decisions, locking, opening private
 * files, exports): append-only, read by the super admin in the content manager.
 */
export default {
  kind: 'collectionType',
  collectionName: 'sgd_audit_log',
  info: {
    singularName: 'audit-entry',
    pluralName: 'audit-entries',
    displayName: 'Nhật ký thao tác',
    description: 'Thao tác của cán bộ: đăng nhập, phân quyền, duyệt, khóa, mở tệp riêng tư, xuất dữ liệu',
  },
  options: { draftAndPublish: false },
  pluginOptions: { 'content-type-builder': { visible: false } },
  attributes: {
    action: withLabels({ type: 'string', required: true, maxLength: 60 }, AUDIT_ACTIONS),
    actorId: { type: 'integer' },
    actorEmail: { type: 'string', maxLength: 254 },
    /** The officer's name in Vietnamese order when the entry was written (họ, tên đệm, tên). */
    actorName: { type: 'string', maxLength: 255 },
    target: { type: 'string', maxLength: 255 },
    details: { type: 'json' },
    ip: { type: 'string', maxLength: 64 },
  },
};
