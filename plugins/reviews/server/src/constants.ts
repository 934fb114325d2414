import { REVIEW_LIMITS } from '@sgd/config';

export const PLUGIN_ID = 'reviews';

export const UID = {
  review: 'plugin::reviews.review',
  comment: 'plugin::reviews.comment',
  answer: 'plugin::reviews.answer',
  rating: 'plugin::reviews.rating',
  order: 'plugin::orders.order',
  product: 'plugin::catalog.product',
  seller: 'plugin::sellers.seller',
  user: 'plugin::users-permissions.user',
} as const;

/** The order status after which the buyer may review (`config/src/orders.ts`). */
export const REVIEWABLE_ORDER_STATUS = 'delivered';

const MODERATED = ['title', 'product', 'authorName', 'text', 'reviewStatus', 'flaggedWords', 'department'];

/** What officers read in the content manager: no author account, no order, no internal keys. */
export const STAFF_FIELDS: Record<string, string[]> = {
  [UID.review]: [...MODERATED, 'seller', 'productStars', 'sellerStars'],
  [UID.comment]: MODERATED,
  [UID.answer]: [...MODERATED, 'seller', 'review', 'comment'],
};

/** Personal data and internal keys, never in an officer's read permission. */
export const HIDDEN_FROM_STAFF = ['author', 'order', 'orderProductKey', 'orderSellerKey', 'targetKey'];

/** Site roles that write reviews, comments and answers. */
export const WRITER_ROLES = ['authenticated', 'seller'];

/** Shown instead of a name when the author gave no full name (usernames are random identifiers). */
export const ANONYMOUS_NAME = 'Thành viên Sàn';

/** Public products: approved, of a verified seller (the catalog's own public condition). */
export const PUBLIC_PRODUCT = { reviewStatus: 'approved', seller: { verificationStatus: 'verified' } };

export const MESSAGES = {
  signIn: 'Cần đăng nhập.',
  orderNotFound: 'Không tìm thấy đơn hàng này trong tài khoản của bạn.',
  notDelivered: 'Chỉ đánh giá được đơn hàng đã giao. Hãy xác nhận đã nhận hàng trước khi đánh giá.',
  productNotInOrder: 'Sản phẩm này không có trong đơn hàng.',
  alreadyReviewed: 'Bạn đã đánh giá sản phẩm này cho đơn hàng này.',
  sellerAlreadyRated: 'Bạn đã chấm điểm người bán cho đơn hàng này; chỉ chấm một lần mỗi đơn.',
  productNotFound: 'Không tìm thấy sản phẩm, hoặc sản phẩm chưa được công bố.',
  targetNotFound: 'Không tìm thấy đánh giá hoặc bình luận đã được công bố.',
  notProductSeller: 'Chỉ người bán của sản phẩm được trả lời đánh giá, bình luận này.',
  alreadyAnswered:
    'Đánh giá hoặc bình luận này đã có câu trả lời của người bán; mỗi nội dung chỉ trả lời một lần.',
  rateLimited: `Bạn đã gửi quá ${REVIEW_LIMITS.writes} đánh giá, bình luận hoặc trả lời trong ${REVIEW_LIMITS.windowMinutes} phút. Vui lòng thử lại sau.`,
  notMine: 'Không tìm thấy nội dung này trong tài khoản của bạn.',
  notEditable: 'Chỉ sửa được nội dung khi cán bộ kiểm duyệt yêu cầu bổ sung.',
  sellerNotRated: 'Đánh giá này không chấm điểm người bán; mỗi đơn hàng chỉ chấm người bán một lần.',
  flaggedTitle: (words: string[]) => `[Cần xem: ${words.join(', ')}] `,
} as const;
