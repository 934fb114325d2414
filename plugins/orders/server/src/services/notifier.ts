import type { Core } from '@strapi/strapi';
import {
  DELIVERY_METHODS,
  orderStatusName,
  PAYMENT_METHODS,
  type OrderStatusCode,
  type OrderTransition,
} from '@sgd/config';
import { coreService, type Recipient } from '@sgd/plugin-core';
import { UID } from '../constants';

export interface NoticeOrder {
  id: number;
  code: string;
  status: OrderStatusCode;
  sellerName: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  deliveryAddress: string;
  note: string | null;
  paymentMethod: string;
  deliveryMethod: string;
  total: number;
  lines: { productName: string; unit: string; unitPrice: number; quantity: number; lineTotal: number }[];
}

export type { Recipient };

export const money = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
const nameOf = (list: readonly { code: string; name: string }[], code: string) =>
  list.find((item) => item.code === code)?.name ?? code;

function summary(order: NoticeOrder): string {
  return [
    ...order.lines.map(
      (line) =>
        `- ${line.productName}: ${line.quantity} ${line.unit} × ${money(line.unitPrice)} = ${money(line.lineTotal)}`,
    ),
    `Tổng cộng: ${money(order.total)}`,
    `Thanh toán: ${nameOf(PAYMENT_METHODS, order.paymentMethod)}`,
    `Giao hàng: ${nameOf(DELIVERY_METHODS, order.deliveryMethod)}`,
  ].join('\n');
}

/**
 * Tells the other party about an order: an in-app notice (read through `GET /api/notifications`)
 * and an email written to the outbox, inside the caller's transaction, so nothing is sent
 * for an order that was not saved and nothing is lost when the mail server is down.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => coreService(strapi, 'outbox');

  const tell = (to: Recipient, order: NoticeOrder, subject: string, body: string, at: Date) =>
    outbox().tell(to, { subject, body, targetUid: UID.order, targetDocumentId: order.code }, at);

  return {
    /** A new order reaches the seller with what they need to confirm and deliver it. */
    async newOrder(seller: Recipient, order: NoticeOrder, at: Date) {
      const subject = `Đơn hàng mới ${order.code} trên Sàn giao dịch`;
      const body = [
        `${order.sellerName} có đơn hàng mới ${order.code}.`,
        '',
        summary(order),
        '',
        `Người nhận: ${order.contactName}, điện thoại ${order.contactPhone}${order.contactEmail ? `, email ${order.contactEmail}` : ''}`,
        `Địa chỉ giao hàng: ${order.deliveryAddress}`,
        ...(order.note ? [`Ghi chú của người mua: ${order.note}`] : []),
        '',
        'Hãy đăng nhập Sàn giao dịch để xác nhận hoặc từ chối đơn hàng (từ chối cần ghi lý do).',
      ].join('\n');
      await tell(seller, order, subject, body, at);
    },

    /** Each change of status reaches the party who did not make it. */
    async statusChanged(
      to: Recipient,
      order: NoticeOrder,
      transition: OrderTransition,
      reason: string | null,
      at: Date,
    ) {
      const subject = `Đơn hàng ${order.code}: ${orderStatusName(transition.to)}`;
      const body = [
        `Đơn hàng ${order.code} (${order.sellerName}) chuyển sang trạng thái "${orderStatusName(transition.to)}": ${transition.name.toLowerCase()}.`,
        ...(reason ? [`Lý do: ${reason}`] : []),
        '',
        summary(order),
        '',
        'Xem chi tiết và lịch sử đơn hàng trong tài khoản của bạn trên Sàn giao dịch.',
      ].join('\n');
      await tell(to, order, subject, body, at);
    },
  };
};
