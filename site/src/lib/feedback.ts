/**
 * Comments and the seller's answers on the site: form schemas (checked here before the CMS checks
 * again, `POST /api/comments`, `POST /api/answers`) and the author's own items with their moderation
 * status (`GET /api/comments/mine`, `/api/answers/mine`).
 */
import { z } from 'zod';
import { plainTextField } from '@sgd/contracts';
import { REVIEW_LIMITS } from '@sgd/config';

// The CMS's own rule (plain text, no markup, within the limits), checked before it is asked.
export const commentFormSchema = z.object({
  text: plainTextField('nội dung bình luận', REVIEW_LIMITS.commentText),
});
export const answerFormSchema = z.object({
  text: plainTextField('nội dung trả lời', REVIEW_LIMITS.answerText),
});

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
