export const PLUGIN_ID = 'core';

export const UID = {
  department: 'plugin::core.department',
  administrativeUnit: 'plugin::core.administrative-unit',
  auditEntry: 'plugin::core.audit-entry',
} as const;

export const MESSAGES = {
  auditReadOnly: 'Nhật ký thao tác chỉ để đọc: không ai tạo, sửa hay xóa được mục nào.',
  auditExportForbidden: 'Bạn không có quyền xem nhật ký thao tác.',
  auditBadFilter:
    'Bộ lọc nhật ký không hợp lệ: chỉ lọc theo cán bộ, thao tác, đối tượng, địa chỉ máy và thời điểm.',
} as const;

/** Rows of the audit log read per query while exporting it. */
export const AUDIT_EXPORT_BATCH = 1000;
