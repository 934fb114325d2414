/**
 * Reports of violations (QC Điều 26.2) on the site: which public item a report is about (by its kind
 * in the URL, `/bao-cao-vi-pham?loai=san-pham&ma=<slug>`), the form's schema, checked here before the
 * CMS checks again (`POST /api/reports`, signed in or not).
 */
import { z } from 'zod';
import { REPORT_LIMITS, REPORT_REASON_CODES, REPORT_REASONS, type ReportTargetTypeCode } from '@sgd/config';

export const REPORT_PATH = '/bao-cao-vi-pham';

/** The kinds a person can report, with the word of the URL and how the item is named on the page. */
export const REPORT_KINDS = [
  { param: 'san-pham', type: 'product', what: 'sản phẩm' },
  { param: 'doanh-nghiep', type: 'seller', what: 'người bán' },
  { param: 'tin-cung-cau', type: 'supply-demand-post', what: 'tin cung cầu' },
  { param: 'danh-gia', type: 'review', what: 'đánh giá' },
  { param: 'binh-luan', type: 'comment', what: 'bình luận' },
] as const satisfies readonly { param: string; type: ReportTargetTypeCode; what: string }[];
export type ReportKind = (typeof REPORT_KINDS)[number];

export const reportKindOf = (param: string | null): ReportKind | null =>
  REPORT_KINDS.find((kind) => kind.param === param) ?? null;

/**
 * The link beside a product, a seller, a post, a review or a comment. Reviews and comments have no
 * page of their own: `product` (its slug) is where the form links back to.
 */
export function reportHref(type: ReportKind['type'], key: string, product?: string): string {
  const kind = REPORT_KINDS.find((entry) => entry.type === type) as ReportKind;
  const params = new URLSearchParams({ loai: kind.param, ma: key });
  if (product) params.set('sp', product);
  return `${REPORT_PATH}?${params.toString()}`;
}

export const REPORT_REASON_CHOICES = REPORT_REASONS.map((reason) => ({
  value: reason.code,
  label: reason.name,
}));

export const REPORT_FIELDS = ['reason', 'details', 'name', 'email'] as const;
export type ReportFormValues = Record<(typeof REPORT_FIELDS)[number], string>;

export const reportFormSchema = z.object({
  reason: z.string().refine((v) => (REPORT_REASON_CODES as string[]).includes(v), 'Hãy chọn lý do phản ánh.'),
  details: z
    .string()
    .trim()
    .min(10, 'Nội dung phản ánh ít nhất 10 ký tự.')
    .max(REPORT_LIMITS.details, `Tối đa ${REPORT_LIMITS.details.toLocaleString('vi-VN')} ký tự.`),
  name: z
    .string()
    .trim()
    .max(REPORT_LIMITS.name, `Tối đa ${REPORT_LIMITS.name} ký tự.`)
    .transform((v) => v || undefined),
  email: z
    .string()
    .trim()
    .max(254, 'Email quá dài.')
    .refine(
      (v) => v === '' || z.string().email().safeParse(v).success,
      'Nhập email hợp lệ (ví dụ: ten@example.vn).',
    )
    .transform((v) => v || undefined),
});
