import type { AdminViews } from '@sgd/plugin-core';
import { USER_UID } from './constants';

const DATA_REQUEST_UID = 'plugin::accounts.data-request';

/** How site users and their personal-data requests read in the admin. */
export const views: AdminViews = {
  [DATA_REQUEST_UID]: {
    mainField: 'title',
    list: ['title', 'kind', 'reviewStatus'],
    sort: { field: 'createdAt', order: 'DESC' },
    fields: {
      kind: 'Loại yêu cầu',
      title: { label: 'Tiêu đề hồ sơ', description: 'Tạo tự động để nhận ra hồ sơ trong Hộp duyệt.' },
      details: 'Nội dung yêu cầu',
      reviewStatus: {
        label: 'Trạng thái xử lý',
        description: 'Do Hộp duyệt đặt; yêu cầu được trả lời trong 2 ngày làm việc.',
      },
      department: 'Sở phụ trách',
      owner: { label: 'Tài khoản người yêu cầu', hidden: true },
    },
  },
  [USER_UID]: {
    mainField: 'username',
    list: ['username', 'fullName', 'email', 'phone', 'confirmed', 'blocked'],
    sort: { field: 'createdAt', order: 'DESC' },
    fields: {
      username: { label: 'Tên đăng nhập', description: 'Email hoặc số điện thoại người dùng đăng ký.' },
      fullName: 'Họ và tên',
      email: 'Email',
      phone: 'Điện thoại',
      provider: { label: 'Cách đăng ký', hidden: true },
      password: 'Mật khẩu',
      resetPasswordToken: { label: 'Mã đặt lại mật khẩu', hidden: true },
      confirmationToken: { label: 'Mã xác nhận', hidden: true },
      confirmed: { label: 'Đã kích hoạt', description: 'Người dùng đã nhập mã kích hoạt.' },
      blocked: { label: 'Bị khóa', description: 'Khóa, mở khóa ở khung "Khóa tài khoản" bên phải.' },
      role: 'Vai trò',
      consentPolicyVersion: 'Phiên bản chính sách đã đồng ý',
      consentAt: 'Thời điểm đồng ý',
      deletedAt: 'Thời điểm xóa tài khoản',
      sessionKey: { label: 'Khóa phiên đăng nhập', hidden: true },
    },
  },
};
