export const PLUGIN_ID = 'orders';

export const UID = {
  order: 'plugin::orders.order',
  line: 'plugin::orders.order-line',
  event: 'plugin::orders.order-event',
  idempotencyKey: 'plugin::orders.idempotency-key',
  product: 'plugin::catalog.product',
  seller: 'plugin::sellers.seller',
  user: 'plugin::users-permissions.user',
} as const;

/**
 * What staff read of an order in the content manager, for their departments' sellers: the order
 * without the buyer's personal data (name, phone, email, address, note, account).
 */
export const STAFF_FIELDS = [
  'code',
  'orderStatus',
  'seller',
  'sellerName',
  'paymentMethod',
  'deliveryMethod',
  'total',
  'lines',
  'department',
  'placedAt',
  'statusChangedAt',
];

/** Site roles that order and sell (the Seller role is given when a business is verified). */
export const BUYER_ROLES = ['authenticated', 'seller'];

/** How long an `Idempotency-Key` answers with its order; older keys are forgotten (a retry is minutes). */
export const KEY_RETENTION_DAYS = 30;

export const MESSAGES = {
  notFound: 'Không tìm thấy đơn hàng này trong tài khoản của bạn.',
  signIn: 'Cần đăng nhập.',
  keyMissing: 'Thiếu tiêu đề Idempotency-Key (một chuỗi ngẫu nhiên cho mỗi lần đặt hàng, tối đa 255 ký tự).',
  noFreeCode: 'Chưa tạo được mã đơn hàng, xin vui lòng gửi lại đơn hàng.',
  keyReused:
    'Mã Idempotency-Key này đã dùng cho một đơn hàng khác nội dung. Hãy tạo mã mới cho mỗi lần đặt hàng.',
  productUnavailable: (name: string) => `Sản phẩm "${name}" hiện không bán trên Sàn.`,
  productNotFound: 'Không tìm thấy sản phẩm đã chọn, hoặc sản phẩm không còn bán trên Sàn.',
  noPrice: (name: string) => `Sản phẩm "${name}" chưa có giá bán cố định; hãy liên hệ người bán.`,
  totalTooLarge: 'Giá trị đơn hàng vượt quá mức Sàn xử lý được. Hãy chia thành nhiều đơn nhỏ hơn.',
  severalSellers: 'Mỗi đơn hàng chỉ gồm sản phẩm của một người bán. Hãy đặt riêng cho từng người bán.',
  ownProduct: 'Bạn không thể đặt mua sản phẩm của chính mình.',
  paymentNotOffered: (name: string) =>
    `Người bán không nhận phương thức thanh toán đã chọn cho sản phẩm "${name}".`,
  deliveryNotOffered: (name: string) =>
    `Người bán không có phương thức giao hàng đã chọn cho sản phẩm "${name}".`,
  readOnly:
    'Đơn hàng chỉ thay đổi qua thao tác của người mua và người bán, để mọi thay đổi đều được ghi vào lịch sử.',
  changedMeanwhile: 'Đơn hàng vừa được cập nhật bởi người khác. Hãy tải lại và thử lại.',
} as const;
