import { z } from 'zod';
import { EXPIRING_LIST_MAX_DAYS } from '../constants';

/** Query of the staff list of expiring licences. */
export const expiringQuery = z
  .object({
    days: z.coerce
      .number({ message: `Số ngày phải là số nguyên từ 1 đến ${EXPIRING_LIST_MAX_DAYS}.` })
      .int(`Số ngày phải là số nguyên từ 1 đến ${EXPIRING_LIST_MAX_DAYS}.`)
      .min(1, `Số ngày phải là số nguyên từ 1 đến ${EXPIRING_LIST_MAX_DAYS}.`)
      .max(EXPIRING_LIST_MAX_DAYS, `Số ngày phải là số nguyên từ 1 đến ${EXPIRING_LIST_MAX_DAYS}.`)
      .default(60),
    departmentId: z.coerce
      .number({ message: 'Mã sở không hợp lệ.' })
      .int('Mã sở không hợp lệ.')
      .positive('Mã sở không hợp lệ.')
      .optional(),
    commune: z
      .string()
      .regex(/^[A-Za-z0-9]{1,20}$/, 'Mã xã, phường không hợp lệ.')
      .optional(),
  })
  .strict('Tham số không được hỗ trợ.');

export type ExpiringQuery = z.infer<typeof expiringQuery>;
