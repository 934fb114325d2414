import { plainTextField } from '@sgd/contracts';
import { pageFields } from '@sgd/plugin-core';
import { REVIEW_LIMITS } from '@sgd/config';
import { z } from 'zod';

/** Plain text within limits; markup is refused (400) rather than silently altered. */
const text = plainTextField;

const stars = (label: string) =>
  z
    .number({
      required_error: `Hãy chấm điểm ${label}.`,
      invalid_type_error: `Điểm ${label} là số sao từ 1 đến 5.`,
    })
    .int(`Điểm ${label} là số sao từ 1 đến 5.`)
    .min(REVIEW_LIMITS.minStars, `Điểm ${label} là số sao từ 1 đến 5.`)
    .max(REVIEW_LIMITS.maxStars, `Điểm ${label} là số sao từ 1 đến 5.`);

const documentId = (message: string) =>
  z.string({ required_error: message, invalid_type_error: message }).trim().min(1, message).max(64, message);

const STRICT = 'Dữ liệu có trường không được phép (trạng thái, tác giả, đơn hàng… do Sàn xác định).';

export const newReview = z
  .object({
    order: z
      .string({ required_error: 'Hãy chọn đơn hàng.', invalid_type_error: 'Hãy chọn đơn hàng.' })
      .trim()
      .min(1, 'Hãy chọn đơn hàng.')
      .max(20, 'Mã đơn hàng không đúng.'),
    product: documentId('Hãy chọn sản phẩm trong đơn hàng.'),
    productStars: stars('sản phẩm'),
    sellerStars: stars('người bán').nullish(),
    text: text('nội dung đánh giá', REVIEW_LIMITS.reviewText),
  })
  .strict(STRICT);
export type NewReview = z.infer<typeof newReview>;

export const newComment = z
  .object({
    product: documentId('Hãy chọn sản phẩm.'),
    text: text('nội dung bình luận', REVIEW_LIMITS.commentText),
  })
  .strict(STRICT);
export type NewComment = z.infer<typeof newComment>;

export const newAnswer = z
  .object({
    review: documentId('Mã đánh giá không đúng.').optional(),
    comment: documentId('Mã bình luận không đúng.').optional(),
    text: text('nội dung trả lời', REVIEW_LIMITS.answerText),
  })
  .strict(STRICT)
  .refine((value) => Boolean(value.review) !== Boolean(value.comment), {
    message: 'Hãy chọn đúng một đánh giá hoặc một bình luận để trả lời.',
  });
export type NewAnswer = z.infer<typeof newAnswer>;

/** What the author may change when the officer asks for a supplement: the text and the stars. */
export const reviewEdit = z
  .object({
    productStars: stars('sản phẩm').optional(),
    sellerStars: stars('người bán').optional(),
    text: text('nội dung đánh giá', REVIEW_LIMITS.reviewText),
  })
  .strict(STRICT);
export type ReviewEdit = z.infer<typeof reviewEdit>;

export const commentEdit = z
  .object({ text: text('nội dung bình luận', REVIEW_LIMITS.commentText) })
  .strict(STRICT);
export const answerEdit = z
  .object({ text: text('nội dung trả lời', REVIEW_LIMITS.answerText) })
  .strict(STRICT);
export type TextEdit = z.infer<typeof commentEdit>;

export const pageQuery = z
  .object({
    ...pageFields,
  })
  .strict('Tham số không được phép.');
export type PageQuery = z.infer<typeof pageQuery>;
