import type { AdminViews } from '@sgd/plugin-core';
import { UID } from './constants';

/** How the records staff edit in the content manager read. */
export const views: AdminViews = {
  [UID.staff]: {
    mainField: 'fullName',
    list: ['fullName', 'user', 'level', 'departments'],
    sort: { field: 'fullName', order: 'ASC' },
    fields: {
      fullName: { label: 'Họ và tên', placeholder: 'Lê Minh Chuyên' },
      user: { label: 'Tài khoản quản trị', description: 'Tài khoản đăng nhập trang quản trị của cán bộ.' },
      departments: { label: 'Sở phụ trách', description: 'Cán bộ chỉ thấy và xử lý hồ sơ của các sở này.' },
      level: { label: 'Cấp xử lý', description: 'Quyết định bước duyệt cán bộ được xử lý.' },
    },
  },
  [UID.template]: {
    mainField: 'name',
    list: ['name', 'workflow', 'action', 'subject'],
    sort: { field: 'name', order: 'ASC' },
    fields: {
      name: { label: 'Tên mẫu', placeholder: 'Yêu cầu bổ sung giấy phép ATTP' },
      workflow: {
        label: 'Quy trình',
        description: 'Mã quy trình duyệt dùng mẫu này; để trống: dùng chung cho mọi quy trình.',
      },
      stage: {
        label: 'Bước',
        description:
          'Mã bước của quy trình dùng mẫu này (sửa trong trình sửa quy trình); để trống: mọi bước.',
      },
      action: 'Thao tác',
      subject: { label: 'Tiêu đề thư', placeholder: 'Hồ sơ {{itemTitle}} cần bổ sung' },
      body: {
        label: 'Nội dung thư',
        description:
          'Có thể dùng {{submitterName}} (người nộp), {{itemTitle}} (tên hồ sơ), {{reason}} (lý do), {{dueDate}} (hạn).',
      },
    },
  },
};
