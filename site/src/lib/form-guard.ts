/**
 * Every form of the site posts `application/x-www-form-urlencoded` or `multipart/form-data`. A POST
 * with another body (JSON, XML, none) or a form body that cannot be read (broken multipart) is
 * answered here, before any page or action reads it: 415 or 400 with a Vietnamese page, never the
 * 500 a page's `formData()` would throw. The check runs in the middleware for every path, so a form
 * added later is covered too; only the endpoints listed in `OTHER_BODIES` take another body.
 */
import { UPLOAD_RULES } from '@sgd/config';

export const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'] as const;

/** Paths whose POST is not a form: the CMS's webhook (signed JSON). */
export const OTHER_BODIES = ['/webhooks/'];

/**
 * The largest form body: the scans of a business declaration or a product's pictures (at most
 * `UPLOAD_RULES.maxFiles` files of `UPLOAD_RULES.maxBytes`), plus the fields.
 */
export const FORM_BODY_LIMIT = UPLOAD_RULES.maxFiles * UPLOAD_RULES.maxBytes + 1024 * 1024;

export type FormProblem = 400 | 413 | 415;

export const FORM_PROBLEM_MESSAGES: Record<FormProblem, { title: string; text: string }> = {
  400: {
    title: 'Không đọc được biểu mẫu',
    text: 'Nội dung gửi lên bị hỏng hoặc không đầy đủ. Vui lòng quay lại trang trước, tải lại trang và gửi lại biểu mẫu.',
  },
  413: {
    title: 'Biểu mẫu quá lớn',
    text: `Nội dung gửi lên vượt quá giới hạn (tối đa ${UPLOAD_RULES.maxFiles} tệp, mỗi tệp ${UPLOAD_RULES.maxBytes / 1024 / 1024} MB). Vui lòng bớt tệp đính kèm rồi gửi lại.`,
  },
  415: {
    title: 'Yêu cầu không phải biểu mẫu',
    text: 'Trang này chỉ nhận biểu mẫu gửi từ trình duyệt. Vui lòng mở trang và gửi biểu mẫu trên trang.',
  },
};

const mediaType = (contentType: string | null) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/** Whether the path takes a body other than a form. */
export const takesOtherBody = (pathname: string) =>
  OTHER_BODIES.some((prefix) => pathname.startsWith(prefix));

/**
 * Why a POST cannot be read as a form, or null when it can. Reads a copy of the body, so the page
 * or the action reads it again.
 */
export async function formProblem(request: Request, limit = FORM_BODY_LIMIT): Promise<FormProblem | null> {
  const type = mediaType(request.headers.get('content-type'));
  if (!(FORM_TYPES as readonly string[]).includes(type)) return 415;
  const length = Number(request.headers.get('content-length') ?? '');
  if (Number.isFinite(length) && length > limit) return 413;
  try {
    await request.clone().formData();
    return null;
  } catch {
    return 400;
  }
}
