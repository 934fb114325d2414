/**
 * Complaints about orders on the site: the shapes `/api/complaints` answers and the schema of an
 * action's message (the CMS checks again and stays the judge of who may do what, and when).
 */
import { z } from 'zod';
import { COMPLAINT_LIMITS } from '@sgd/config';

export interface ComplaintAction {
  action: string;
  name: string;
  messageRequired: boolean;
}

export interface ComplaintView {
  documentId: string;
  orderCode: string;
  seller: { documentId: string | null; slug: string | null; name: string };
  subject: string;
  description: string;
  remedy: string;
  remedyName: string;
  status: string;
  statusName: string;
  openedAt: string;
  sellerDueAt: string | null;
  statusChangedAt: string | null;
  board: { state: string; dueAt: string | null } | null;
  viewerRole: 'buyer' | 'seller';
  actions: ComplaintAction[];
  history: {
    action: string;
    toName: string;
    by: string;
    actorName: string | null;
    message: string | null;
    at: string;
  }[];
}

/** The message sent with an action: required for some (the seller's answer), optional otherwise. */
export const complaintMessageSchema = (required: boolean) =>
  z.object({
    message: z
      .string()
      .trim()
      .max(COMPLAINT_LIMITS.message, `Tối đa ${COMPLAINT_LIMITS.message.toLocaleString('vi-VN')} ký tự.`)
      .refine((v) => !required || v.length > 0, 'Hãy nhập nội dung.')
      .transform((v) => v || undefined),
  });

/** What the action's message is about, as the field's label. */
export const ACTION_MESSAGE_LABELS: Record<string, string> = {
  answer: 'Cách giải quyết của bạn',
  escalate: 'Lý do chuyển Ban quản lý Sàn',
  accept: 'Nhận xét (không bắt buộc)',
};
