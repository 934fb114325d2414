export const PLUGIN_ID = 'complaints';

export const UID = {
  complaint: 'plugin::complaints.complaint',
  event: 'plugin::complaints.complaint-event',
  report: 'plugin::complaints.violation-report',
  order: 'plugin::orders.order',
  product: 'plugin::catalog.product',
  seller: 'plugin::sellers.seller',
  user: 'plugin::users-permissions.user',
  history: 'plugin::workflow.history',
} as const;

/** Site roles that buy and sell. */
export const USER_ROLES = ['authenticated', 'seller'];
/** Anyone may report a violation, signed in or not. */
export const REPORT_ROLES = ['public', 'authenticated', 'seller'];

export const MESSAGES = {
  signIn: 'Cần đăng nhập.',
  notFound: 'Không tìm thấy khiếu nại này trong tài khoản của bạn.',
  orderNotFound: 'Không tìm thấy đơn hàng này trong tài khoản của bạn.',
  alreadyOpen:
    'Đơn hàng này đang có một khiếu nại chưa giải quyết xong. Hãy theo dõi và bổ sung trong khiếu nại đó.',
  changedMeanwhile: 'Khiếu nại vừa được cập nhật bởi người khác. Hãy tải lại và thử lại.',
  onlyThroughComplaint:
    'Khiếu nại chỉ chuyển Ban quản lý Sàn khi người mua yêu cầu hoặc khi người bán không giải quyết đúng hạn.',
  noAssociation:
    'Chưa cấu hình địa chỉ email của Hội Bảo vệ quyền lợi người tiêu dùng (CONSUMER_ASSOCIATION_EMAIL). Liên hệ quản trị viên.',
  outOfScope: 'Không tìm thấy khiếu nại.',
  noDepartment: 'Tài khoản của bạn chưa được gán vào sở nào. Liên hệ quản trị viên.',
  targetNotFound: 'Không tìm thấy nội dung cần phản ánh trên Sàn.',
  tooMany: (minutes: number) => `Bạn đã gửi quá nhiều phản ánh. Vui lòng thử lại sau ${minutes} phút.`,
} as const;
