export const PLUGIN_ID = 'core';

export const UID = {
  department: 'plugin::core.department',
  administrativeUnit: 'plugin::core.administrative-unit',
  auditEntry: 'plugin::core.audit-entry',
  calendarYear: 'plugin::core.calendar-year',
  outbox: 'plugin::core.outbox-message',
  notification: 'plugin::core.notification',
} as const;

export const USER_UID = 'plugin::users-permissions.user';
export const SUPER_ADMIN_ROLE = 'strapi-super-admin';

/** Content-API actions of a signed-in site user on their own notices (granted to the Authenticated role). */
export const USER_ACTIONS = ['plugin::core.notifications.find', 'plugin::core.notifications.markRead'];

export const MESSAGES = {
  auditReadOnly: 'Nhật ký thao tác chỉ để đọc: không ai tạo, sửa hay xóa được mục nào.',
  auditExportForbidden: 'Bạn không có quyền xem nhật ký thao tác.',
  auditBadFilter:
    'Bộ lọc nhật ký không hợp lệ: chỉ lọc theo cán bộ, thao tác, đối tượng, địa chỉ máy và thời điểm.',
} as const;

/**
 * Strapi's own English error messages (its defaults when nothing more precise was said: a role
 * without the permission, a route that does not exist), said in Vietnamese instead, since an officer
 * meets them in the admin's notices and a citizen on the site.
 */
export const STRAPI_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  'Policy Failed': 'Bạn không có quyền thực hiện thao tác này.',
  Forbidden: 'Bạn không có quyền thực hiện thao tác này.',
  Unauthorized: 'Cần đăng nhập để thực hiện thao tác này.',
  'Not Found': 'Không tìm thấy nội dung yêu cầu.',
  'Method Not Allowed': 'Thao tác này không được hỗ trợ.',
  'Bad Request': 'Yêu cầu không hợp lệ.',
  'Internal Server Error': 'Hệ thống gặp lỗi. Vui lòng thử lại sau.',
};

/** Rows of the audit log read per query while exporting it. */
export const AUDIT_EXPORT_BATCH = 1000;
