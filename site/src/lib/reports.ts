/**
 * Reports of violations (QC Điều 26.2) on the site: which public item a report is about (by its kind
 * in the URL, `/bao-cao-vi-pham?loai=san-pham&ma=<slug>`) and the rules of the form, which the
 * `report` action (`src/actions`) checks with the CMS's own schema before sending it
 * (`POST /api/reports`, signed in or not).
 */
import {
  REPORT_LIMITS,
  REPORT_REASON_CODES,
  REPORT_REASONS,
  type ReportReasonCode,
  type ReportTargetTypeCode,
} from '@sgd/config';
import type { ReportRules } from '@sgd/contracts';

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

/** The rules of a report's fields, the CMS's own (`reportFields` of @sgd/contracts). */
export const REPORT_RULES: ReportRules<ReportReasonCode> = {
  reasons: REPORT_REASON_CODES,
  detailsMin: REPORT_LIMITS.detailsMin,
  detailsMax: REPORT_LIMITS.details,
  nameMax: REPORT_LIMITS.name,
};
