/**
 * Thao tác được ghi vào nhật ký thao tác của cán bộ (README "Operations"): mã lưu trong nhật ký, tên
 * hiển thị trong trang quản trị và tệp CSV xuất ra.
 */
export const AUDIT_ACTIONS = [
  { code: 'admin.login', name: 'Đăng nhập' },
  { code: 'admin.login_failed', name: 'Đăng nhập không thành công' },
  { code: 'admin.logout', name: 'Đăng xuất' },
  { code: 'role.create', name: 'Tạo vai trò' },
  { code: 'role.update', name: 'Sửa vai trò' },
  { code: 'role.delete', name: 'Xóa vai trò' },
  { code: 'permission.create', name: 'Cấp quyền' },
  { code: 'permission.update', name: 'Sửa quyền' },
  { code: 'permission.delete', name: 'Thu hồi quyền' },
  { code: 'user.create', name: 'Tạo tài khoản quản trị' },
  { code: 'user.update', name: 'Sửa tài khoản quản trị' },
  { code: 'user.delete', name: 'Xóa tài khoản quản trị' },
  { code: 'workflow.submit', name: 'Nộp hồ sơ' },
  { code: 'workflow.resubmit', name: 'Nộp lại hồ sơ' },
  { code: 'workflow.approve', name: 'Duyệt hồ sơ' },
  { code: 'workflow.reject', name: 'Từ chối hồ sơ' },
  { code: 'workflow.request_supplement', name: 'Yêu cầu bổ sung' },
  { code: 'workflow.return', name: 'Trả về bước trước' },
  { code: 'workflow.cancel', name: 'Hủy hồ sơ' },
  { code: 'workflow.lock', name: 'Khóa' },
  { code: 'workflow.unlock', name: 'Mở khóa' },
  { code: 'private_file.open', name: 'Mở tệp riêng tư' },
  { code: 'stats.export', name: 'Xuất thống kê' },
  { code: 'stats.report', name: 'Xem báo cáo năm' },
  { code: 'audit.export', name: 'Xuất nhật ký thao tác' },
] as const;
export type AuditActionCode = (typeof AUDIT_ACTIONS)[number]['code'];
