import { z } from 'zod';
import { MAX_PERIOD_DAYS } from '../constants';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng NNNN-TT-NN (ví dụ 2026-01-31).')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), 'Ngày không hợp lệ.');

const id = z.coerce
  .number({ invalid_type_error: 'Mã sở phải là một số.' })
  .int('Mã sở phải là một số nguyên.')
  .positive('Mã sở phải là một số dương.');

/** Filters of the dashboard and its exports: period (Vietnam dates), department, commune. */
const filters = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    department: id.optional(),
    commune: z
      .string()
      .trim()
      .regex(/^\d{1,10}$/, 'Mã xã, phường chỉ gồm chữ số.')
      .optional(),
  })
  .strict();

/** `fresh=1` computes the figures now instead of serving the cached dashboard (the bench's cold runs). */
export const dashboardQuery = filters.extend({
  fresh: z.literal('1', { errorMap: () => ({ message: 'Tham số fresh chỉ nhận giá trị 1.' }) }).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const exportQuery = filters.extend({
  format: z.enum(['csv', 'xlsx'], { message: 'Định dạng xuất là csv hoặc xlsx.' }).default('xlsx'),
});
export type ExportQuery = z.infer<typeof exportQuery>;

export const reportQuery = z
  .object({
    year: z.coerce
      .number({ invalid_type_error: 'Năm báo cáo phải là một số.' })
      .int('Năm báo cáo phải là một số nguyên.')
      .min(2020, 'Năm báo cáo từ 2020 trở đi.')
      .max(2100, 'Năm báo cáo không hợp lệ.'),
    department: id.optional(),
  })
  .strict();
export type ReportQuery = z.infer<typeof reportQuery>;

/** The Vietnam calendar date of an instant ('YYYY-MM-DD'). */
export const vietnamDate = (at: Date): string =>
  new Date(at.getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);

export interface Period {
  /** Vietnam dates, inclusive. */
  from: string;
  to: string;
  /** The instants that bound them. */
  start: Date;
  end: Date;
}

/** A period of Vietnam dates; by default from 1 January of this year to today. */
export function periodOf(query: { from?: string; to?: string }, now: Date): Period {
  const today = vietnamDate(now);
  const from = query.from ?? `${today.slice(0, 4)}-01-01`;
  const to = query.to ?? today;
  const start = new Date(`${from}T00:00:00.000+07:00`);
  const end = new Date(`${to}T23:59:59.999+07:00`);
  return { from, to, start, end };
}

/** Why a period cannot be used, or null. */
export function periodProblem(period: Period): string | null {
  if (period.start.getTime() > period.end.getTime()) return 'Ngày bắt đầu phải trước ngày kết thúc.';
  if ((period.end.getTime() - period.start.getTime()) / 86_400_000 > MAX_PERIOD_DAYS)
    return 'Khoảng thời gian thống kê tối đa 3 năm.';
  return null;
}
