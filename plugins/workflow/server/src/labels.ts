/** Vietnamese field labels for the records staff edit in the content manager. */
export const labels = {
  'plugin::workflow.staff': {
    fullName: 'Họ và tên',
    user: 'Tài khoản quản trị',
    departments: 'Sở phụ trách',
    level: 'Cấp xử lý',
  },
  'plugin::workflow.reply-template': {
    name: 'Tên mẫu',
    workflow: 'Quy trình (để trống: dùng chung)',
    action: 'Thao tác',
    subject: 'Tiêu đề thư',
    body: 'Nội dung ({{submitterName}}, {{itemTitle}}, {{reason}})',
  },
};
