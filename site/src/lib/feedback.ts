/**
 * Comments and the seller's answers on the site: form schemas (checked here before the CMS checks
 * again, `POST /api/comments`, `POST /api/answers`) and the author's own items with their moderation
 * status (`GET /api/comments/mine`, `/api/answers/mine`).
 */
import { z } from 'zod';
import { REVIEW_LIMITS } from '@sgd/config';

// An empty field reaches an action as null (Astro): it is as short as a text can be.
const textOf = (limits: { min: number; max: number }, what: string) =>
  z
    .string({ invalid_type_error: `${what} ít nhất ${limits.min} ký tự.` })
    .trim()
    .min(limits.min, `${what} ít nhất ${limits.min} ký tự.`)
    .max(limits.max, `Tối đa ${limits.max.toLocaleString('vi-VN')} ký tự.`);

export const commentFormSchema = z.object({ text: textOf(REVIEW_LIMITS.commentText, 'Bình luận') });
export const answerFormSchema = z.object({ text: textOf(REVIEW_LIMITS.answerText, 'Câu trả lời') });

/** Moderation statuses of a comment or an answer, as its author reads them. */
const STATUS_NAMES: Record<string, string> = {
  draft: 'Chưa gửi duyệt',
  pending: 'Chờ duyệt',
  supplement_requested: 'Cần bổ sung',
  approved: 'Đã duyệt, đang hiển thị',
  rejected: 'Không được duyệt',
  locked: 'Đã bị gỡ',
};
export const moderationName = (status: string): string => STATUS_NAMES[status] ?? status;

/** One of my comments (`/api/comments/mine`). */
export const myCommentSchema = z.object({
  documentId: z.string(),
  text: z.string(),
  status: z.string(),
  createdAt: z.string(),
  product: z.object({ documentId: z.string(), name: z.string(), slug: z.string() }).nullable(),
});
export type MyComment = z.infer<typeof myCommentSchema>;

/** One of my answers (`/api/answers/mine`). */
export const myAnswerSchema = z.object({
  documentId: z.string(),
  text: z.string(),
  /** `review:<documentId>` or `comment:<documentId>`: what the answer is about. */
  targetKey: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
export type MyAnswer = z.infer<typeof myAnswerSchema>;
