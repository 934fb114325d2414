import type { AdminViews, FieldView } from '@sgd/plugin-core';
import { UID } from './constants';

const moderation: Record<string, string | FieldView> = {
  title: { label: 'Tiêu đề hồ sơ', description: 'Tạo tự động để nhận ra hồ sơ trong Hộp duyệt.' },
  reviewStatus: {
    label: 'Trạng thái kiểm duyệt',
    description: 'Do Hộp duyệt đặt; nội dung chỉ hiện trên sàn khi đã duyệt.',
  },
  flaggedWords: {
    label: 'Từ ngữ cần xem (không công khai)',
    description: 'Từ thuộc danh sách từ cấm tìm thấy trong nội dung: cán bộ xem kỹ trước khi duyệt.',
  },
  department: 'Sở kiểm duyệt',
  product: 'Sản phẩm',
  author: { label: 'Tài khoản người viết (không công khai)', hidden: true },
  authorName: 'Tên hiển thị',
  text: 'Nội dung',
};
const list = ['title', 'authorName', 'product', 'reviewStatus'];
const sort = { field: 'createdAt', order: 'DESC' } as const;

/** How reviews, comments and answers read for the officers who moderate them. */
export const views: AdminViews = {
  [UID.review]: {
    mainField: 'title',
    list: ['title', 'product', 'productStars', 'reviewStatus'],
    sort,
    fields: {
      ...moderation,
      order: { label: 'Đơn hàng (không công khai)', hidden: true },
      seller: 'Người bán',
      productStars: 'Số sao sản phẩm',
      sellerStars: 'Số sao người bán',
      orderProductKey: { label: 'Khóa đơn hàng – sản phẩm', hidden: true },
      orderSellerKey: { label: 'Khóa chấm điểm người bán', hidden: true },
    },
  },
  [UID.comment]: { mainField: 'title', list, sort, fields: moderation },
  [UID.answer]: {
    mainField: 'title',
    list,
    sort,
    fields: {
      ...moderation,
      authorName: 'Người bán trả lời',
      review: 'Đánh giá được trả lời',
      comment: 'Bình luận được trả lời',
      seller: 'Người bán',
      targetKey: { label: 'Khóa nội dung được trả lời', hidden: true },
    },
  },
};
