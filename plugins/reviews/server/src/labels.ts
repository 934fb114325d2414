import type { FieldLabels } from '@sgd/plugin-core';
import { UID } from './constants';

const moderation: FieldLabels = {
  title: 'Tiêu đề hồ sơ',
  reviewStatus: 'Trạng thái kiểm duyệt',
  flaggedWords: 'Từ ngữ cần xem (không công khai)',
  department: 'Sở kiểm duyệt',
  product: 'Sản phẩm',
  author: 'Tài khoản người viết (không công khai)',
  authorName: 'Tên hiển thị',
  text: 'Nội dung',
};

/** Vietnamese labels of the fields officers read in the content manager. */
export const labels: Record<string, FieldLabels> = {
  [UID.review]: {
    ...moderation,
    order: 'Đơn hàng (không công khai)',
    seller: 'Người bán',
    productStars: 'Số sao sản phẩm',
    sellerStars: 'Số sao người bán',
    orderProductKey: 'Khóa đơn hàng – sản phẩm',
    orderSellerKey: 'Khóa chấm điểm người bán',
  },
  [UID.comment]: moderation,
  [UID.answer]: {
    ...moderation,
    authorName: 'Người bán trả lời',
    review: 'Đánh giá được trả lời',
    comment: 'Bình luận được trả lời',
    seller: 'Người bán',
    targetKey: 'Khóa nội dung được trả lời',
  },
};
