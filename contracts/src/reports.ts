import { z } from 'zod';
import { optionalEmailField, optionalText, requiredText } from './text';

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
    details: requiredText('Nội dung phản ánh', min, max),
    name: optionalText('Họ tên', rules.nameMax),
    email: optionalEmailField,
  };
}
