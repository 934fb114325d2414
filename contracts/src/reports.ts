import { z } from 'zod';

/** The reasons and lengths a report of a violation keeps (`REPORT_REASON_CODES`, `REPORT_LIMITS`). */
export interface ReportRules<R extends string> {
  reasons: readonly R[];
  detailsMin: number;
  detailsMax: number;
  nameMax: number;
}

/**
 * What a person writes in a report of a violation (QC Điều 26.2): the reason, what they saw, and,
 * when not signed in, how to reach them. One set of rules and messages for the CMS
 * (`POST /api/reports`) and the site's form; the rules themselves are data of @sgd/config, given here
 * (config depends on this package, not the other way). An empty name or email is none.
 */
export function reportFields<R extends string>(rules: ReportRules<R>) {
  const { detailsMin: min, detailsMax: max } = rules;
  return {
    reason: z.enum(rules.reasons as unknown as [R, ...R[]], {
      errorMap: () => ({ message: 'Hãy chọn lý do phản ánh.' }),
    }),
    details: z
      .string({
        required_error: 'Hãy nhập nội dung phản ánh.',
        invalid_type_error: 'Hãy nhập nội dung phản ánh.',
      })
      .trim()
      .min(min, `Nội dung phản ánh quá ngắn (ít nhất ${min} ký tự).`)
      .max(max, `Nội dung phản ánh quá dài (tối đa ${max.toLocaleString('vi-VN')} ký tự).`),
    name: z
      .string({ invalid_type_error: 'Họ tên phải là chuỗi ký tự.' })
      .trim()
      .max(rules.nameMax, `Họ tên quá dài (tối đa ${rules.nameMax.toLocaleString('vi-VN')} ký tự).`)
      .nullish()
      .transform((value) => (value ? value : null)),
    email: z
      .string({ invalid_type_error: 'Email chưa đúng.' })
      .trim()
      .toLowerCase()
      .max(254, 'Email quá dài.')
      .email('Email chưa đúng (ví dụ: ten@example.vn).')
      .nullish()
      .or(z.literal('').transform(() => null))
      .transform((value) => value ?? null),
  };
}
