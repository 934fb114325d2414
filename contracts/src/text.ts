import { z } from 'zod';

const count = (n: number) => n.toLocaleString('vi-VN');

/** One message for a text's length: missing, too short, or too long. */
const lengthWithin =
  (missing: string, label: string, min: number, max: number, sayShort = true) =>
  (value: string, context: z.RefinementCtx) => {
    const message =
      value.length === 0 || (value.length < min && !sayShort)
        ? missing
        : value.length < min
          ? `${label} quá ngắn (ít nhất ${count(min)} ký tự).`
          : value.length > max
            ? `${label} quá dài (tối đa ${count(max)} ký tự).`
            : null;
    if (message) context.addIssue({ code: z.ZodIssueCode.custom, message });
  };

/**
 * A text a person must write, trimmed, with `label` in its messages: "Hãy nhập …" when empty,
 * "… quá ngắn (ít nhất n ký tự)" below `min` (or "Hãy nhập …" again when `min` is 1 or 2: a name of
 * one letter is a name not given), "… quá dài (tối đa n ký tự)" above `max`.
 */
export function requiredText(label: string, min: number, max: number) {
  const missing = `Hãy nhập ${label.charAt(0).toLowerCase()}${label.slice(1)}.`;
  return z
    .string({ required_error: missing, invalid_type_error: missing })
    .trim()
    .superRefine(lengthWithin(missing, label, min, max, min > 2));
}

/** A text a person may leave empty (trimmed; empty, null or missing is `null`), at most `max` long. */
export function optionalText(label: string, max: number) {
  return z
    .string({ invalid_type_error: `${label} phải là chuỗi ký tự.` })
    .trim()
    .max(max, `${label} quá dài (tối đa ${count(max)} ký tự).`)
    .nullish()
    .transform((value) => (value ? value : null));
}

/** An email a person may leave empty: lower case, `null` when empty. */
export const optionalEmailField = z
  .string({ invalid_type_error: 'Email chưa đúng.' })
  .trim()
  .toLowerCase()
  .max(254, 'Email quá dài.')
  .email('Email chưa đúng (ví dụ: ten@example.vn).')
  .nullish()
  .or(z.literal('').transform(() => null))
  .transform((value) => value ?? null);

/** The reason given with an action on an order (cancelling, refusing…): optional, at most `max`. */
export const reasonField = (max: number) => optionalText('Lý do', max);

/** The message given with an action on a complaint (the seller's answer…): optional, at most `max`. */
export const complaintMessageField = (max: number) => optionalText('Nội dung', max);

/** Tags (`<b>`, `</p>`, `<img …>`), comments and doctype: markup never reaches the site. */
const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|<!--/i;
// Control characters other than tab and line feed.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g;

export function containsMarkup(input: string): boolean {
  return MARKUP.test(input);
}

/** Plain text as stored: NFC, no control characters, single spaces, at most one blank line, trimmed. */
export function plainText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export const MARKUP_REFUSED = 'Nội dung không được chứa mã HTML; hãy nhập văn bản thường.';

/**
 * What a person writes in a review, a comment or an answer: plain text within `limits` once
 * tidied (`plainText`); markup is refused rather than silently altered. `label` names what is missing
 * ("nội dung đánh giá").
 */
export function plainTextField(label: string, limits: { min: number; max: number }) {
  return z
    .string({ required_error: `Hãy nhập ${label}.`, invalid_type_error: `Hãy nhập ${label}.` })
    .max(limits.max * 2, `Nội dung quá dài (tối đa ${count(limits.max)} ký tự).`)
    .refine((value) => !containsMarkup(value), MARKUP_REFUSED)
    .transform(plainText)
    .superRefine(lengthWithin(`Hãy nhập ${label}.`, 'Nội dung', limits.min, limits.max));
}
