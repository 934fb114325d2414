import type { Core } from '@strapi/strapi';
import { COMPLAINT_REMEDIES, complaintStatusName, type ComplaintStatusCode } from '@sgd/config';
import { coreService, type Recipient } from '@sgd/plugin-core';
import { UID } from '../constants';

export interface NoticeComplaint {
  documentId: string;
  orderCode: string;
  sellerName: string;
  subject: string;
  description: string;
  remedy: string;
}

export type { Recipient };

export const remedyName = (code: string) => COMPLAINT_REMEDIES.find((r) => r.code === code)?.name ?? code;

const summary = (complaint: NoticeComplaint) =>
  [
    `Đơn hàng: ${complaint.orderCode} (${complaint.sellerName})`,
    `Tiêu đề: ${complaint.subject}`,
    `Nội dung: ${complaint.description}`,
    `Người mua đề nghị: ${remedyName(complaint.remedy)}`,
  ].join('\n');

/**
 * Tells the parties about a complaint: an in-app notice (`GET /api/notifications`) and an
 * email through the outbox, inside the caller's transaction, so nothing is sent for a change
 * that was not saved and nothing is lost while the mail server is down.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => coreService(strapi, 'outbox');

  const tell = (to: Recipient, complaint: NoticeComplaint, subject: string, body: string, at: Date) =>
    outbox().tell(
      to,
      { subject, body, targetUid: UID.complaint, targetDocumentId: complaint.documentId },
      at,
    );

  return {
    /** A new complaint reaches the seller with the deadline to settle it. */
    async opened(seller: Recipient, complaint: NoticeComplaint, due: string, at: Date) {
      const subject = `Khiếu nại mới về đơn hàng ${complaint.orderCode}`;
      const body = [
        `Người mua đã gửi khiếu nại về đơn hàng ${complaint.orderCode}.`,
        '',
        summary(complaint),
        '',
        `Hãy đăng nhập Sàn giao dịch để trả lời và giải quyết trước ${due}. Quá hạn mà khiếu nại chưa được ` +
          'giải quyết, khiếu nại sẽ được chuyển đến Ban quản lý Sàn (QC Điều 11, 13).',
      ].join('\n');
      await tell(seller, complaint, subject, body, at);
    },

    /** A change of status, told to each recipient, with the message that came with it. */
    async changed(
      recipients: Recipient[],
      complaint: NoticeComplaint,
      to: ComplaintStatusCode,
      what: string,
      message: string | null,
      at: Date,
    ) {
      const subject = `Khiếu nại đơn hàng ${complaint.orderCode}: ${complaintStatusName(to)}`;
      const body = [
        `Khiếu nại "${complaint.subject}" về đơn hàng ${complaint.orderCode}: ${what}.`,
        ...(message ? ['', message] : []),
        '',
        summary(complaint),
        '',
        'Xem chi tiết và lịch sử khiếu nại trong tài khoản của bạn trên Sàn giao dịch.',
      ].join('\n');
      for (const recipient of recipients) await tell(recipient, complaint, subject, body, at);
    },

    /** The case, sent to the consumer protection association (QC Điều 19.8, 24). */
    async toAssociation(
      email: string,
      complaint: NoticeComplaint,
      buyer: { name: string; phone: string; email: string | null },
      message: string,
      history: string[],
      officer: string,
      at: Date,
    ) {
      const subject = `Sàn giao dịch điện tử chuyển khiếu nại về đơn hàng ${complaint.orderCode}`;
      const body = [
        'Kính gửi Hội Bảo vệ quyền lợi người tiêu dùng tỉnh,',
        '',
        'Ban quản lý Sàn giao dịch điện tử chuyển đến Hội khiếu nại dưới đây, vượt quá thẩm quyền của Sàn, đề ' +
          'nghị Hội phối hợp hòa giải, giải quyết (Quy chế Sàn, Điều 19 khoản 8 và Điều 24).',
        '',
        message,
        '',
        summary(complaint),
        `Người mua: ${buyer.name}, điện thoại ${buyer.phone}${buyer.email ? `, email ${buyer.email}` : ''}`,
        '',
        'Diễn biến:',
        ...history,
        '',
        `Cán bộ chuyển: ${officer}`,
        '',
        'Trân trọng,',
        'Ban quản lý Sàn giao dịch điện tử',
      ].join('\n');
      await outbox().enqueue({ to: email, subject, body }, at);
    },
  };
};
