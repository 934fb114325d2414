import type { AdminViews } from '@sgd/plugin-core';
import { UID } from './constants';

/** How complaints and violation reports read for the officers who handle them. */
export const views: AdminViews = {
  [UID.complaint]: {
    mainField: 'title',
    list: ['title', 'orderCode', 'complaintStatus', 'reviewStatus'],
    sort: { field: 'openedAt', order: 'DESC' },
    fields: {
      title: { label: 'Tiêu đề hồ sơ', description: 'Tạo tự động để nhận ra hồ sơ trong Hộp duyệt.' },
      order: 'Đơn hàng',
      orderCode: 'Mã đơn hàng',
      buyer: { label: 'Tài khoản người mua', hidden: true },
      seller: 'Người bán',
      sellerName: 'Tên người bán',
      subject: 'Vấn đề',
      description: 'Nội dung khiếu nại',
      remedy: { label: 'Người mua đề nghị', description: 'Điều người mua đề nghị người bán làm.' },
      complaintStatus: {
        label: 'Tình trạng khiếu nại',
        description: 'Đổi qua thao tác của người mua, người bán và Ban quản lý Sàn.',
      },
      reviewStatus: { label: 'Trạng thái xử lý của Ban quản lý', description: 'Do Hộp duyệt đặt.' },
      department: 'Sở phụ trách',
      openedAt: 'Thời điểm khiếu nại',
      sellerDueAt: {
        label: 'Hạn người bán giải quyết',
        description: 'Quá hạn mà người mua chưa chấp nhận thì khiếu nại tự chuyển Ban quản lý Sàn.',
      },
      statusChangedAt: 'Thời điểm đổi tình trạng',
    },
  },
  [UID.report]: {
    mainField: 'title',
    list: ['title', 'targetType', 'reason', 'reviewStatus'],
    sort: { field: 'createdAt', order: 'DESC' },
    fields: {
      title: { label: 'Tiêu đề hồ sơ', description: 'Tạo tự động để nhận ra hồ sơ trong Hộp duyệt.' },
      targetType: 'Nội dung bị phản ánh',
      targetUid: { label: 'Loại nội dung (mã)', hidden: true },
      targetDocumentId: { label: 'Mã nội dung', hidden: true },
      targetTitle: 'Tên nội dung bị phản ánh',
      reason: 'Lý do',
      details: 'Nội dung phản ánh',
      reporter: { label: 'Tài khoản người phản ánh', hidden: true },
      reporterName: 'Người phản ánh (không công khai)',
      reporterEmail: 'Email người phản ánh (không công khai)',
      reviewStatus: { label: 'Trạng thái xử lý', description: 'Do Hộp duyệt đặt.' },
      department: 'Sở phụ trách',
    },
  },
};
