import type { AdminViews } from '@sgd/plugin-core';
import { UID } from './constants';

const byTheSystem = 'Hệ thống ghi khi đơn hàng đổi trạng thái.';

/** How an order reads in the content manager (read-only there: the parties' actions change it). */
export const views: AdminViews = {
  [UID.order]: {
    mainField: 'code',
    list: ['code', 'sellerName', 'orderStatus', 'total', 'placedAt'],
    sort: { field: 'placedAt', order: 'DESC' },
    fields: {
      code: { label: 'Mã đơn hàng', description: 'Người mua và người bán dùng mã này khi trao đổi.' },
      orderStatus: 'Trạng thái',
      buyer: { label: 'Tài khoản người mua', hidden: true },
      seller: 'Người bán',
      sellerName: 'Tên người bán khi đặt',
      contactName: 'Người nhận (không công khai)',
      contactPhone: 'Điện thoại người nhận (không công khai)',
      contactEmail: 'Email người nhận (không công khai)',
      deliveryAddress: 'Địa chỉ giao hàng (không công khai)',
      note: 'Ghi chú của người mua (không công khai)',
      paymentMethod: 'Phương thức thanh toán',
      deliveryMethod: 'Phương thức giao hàng',
      total: { label: 'Tổng tiền (đồng)', description: 'Theo giá của từng sản phẩm khi đặt.' },
      lines: 'Sản phẩm',
      department: { label: 'Sở phụ trách người bán', description: 'Sở của người bán khi đặt hàng.' },
      placedAt: 'Thời điểm đặt',
      statusChangedAt: { label: 'Thời điểm đổi trạng thái', description: byTheSystem },
    },
  },
};
