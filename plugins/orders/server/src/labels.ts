import type { FieldLabels } from '@sgd/plugin-core';
import { UID } from './constants';

/** Vietnamese labels of the order's fields in the content manager (read-only there). */
export const labels: Record<string, FieldLabels> = {
  [UID.order]: {
    code: 'Mã đơn hàng',
    orderStatus: 'Trạng thái',
    buyer: 'Tài khoản người mua',
    seller: 'Người bán',
    sellerName: 'Tên người bán khi đặt',
    contactName: 'Người nhận (không công khai)',
    contactPhone: 'Điện thoại người nhận (không công khai)',
    contactEmail: 'Email người nhận (không công khai)',
    deliveryAddress: 'Địa chỉ giao hàng (không công khai)',
    note: 'Ghi chú của người mua (không công khai)',
    paymentMethod: 'Phương thức thanh toán',
    deliveryMethod: 'Phương thức giao hàng',
    total: 'Tổng tiền (đồng)',
    lines: 'Sản phẩm',
    department: 'Sở phụ trách người bán',
    placedAt: 'Thời điểm đặt',
    statusChangedAt: 'Thời điểm đổi trạng thái',
  },
};
