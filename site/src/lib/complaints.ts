/**
 * Complaints about orders on the site: the shapes `/api/complaints` answers and the schema of an
 * action's message (the CMS checks again and stays the judge of who may do what, and when).
 */
import { z } from 'zod';

export const complaintActionSchema = z.object({
  action: z.string(),
  name: z.string(),
  messageRequired: z.boolean(),
});
export type ComplaintAction = z.infer<typeof complaintActionSchema>;

/** A complaint as its buyer or seller sees it (`/api/complaints…`), with what they may do next. */
export const complaintViewSchema = z.object({
  documentId: z.string(),
  orderCode: z.string(),
  seller: z.object({ documentId: z.string().nullable(), slug: z.string().nullable(), name: z.string() }),
  subject: z.string(),
  description: z.string(),
  remedy: z.string(),
  remedyName: z.string(),
  status: z.string(),
  statusName: z.string(),
  openedAt: z.string(),
  sellerDueAt: z.string().nullable(),
  statusChangedAt: z.string().nullable(),
  board: z.object({ state: z.string(), dueAt: z.string().nullable() }).nullable(),
  viewerRole: z.enum(['buyer', 'seller']),
  actions: z.array(complaintActionSchema),
  history: z.array(
    z.object({
      action: z.string(),
      toName: z.string(),
      by: z.string(),
      actorName: z.string().nullable(),
      message: z.string().nullable(),
      at: z.string(),
    }),
  ),
});
export type ComplaintView = z.infer<typeof complaintViewSchema>;

/** What the action's message is about, as the field's label. */
export const ACTION_MESSAGE_LABELS: Record<string, string> = {
  answer: 'Cách giải quyết của bạn',
  escalate: 'Lý do chuyển Ban quản lý Sàn',
  accept: 'Nhận xét (không bắt buộc)',
};
