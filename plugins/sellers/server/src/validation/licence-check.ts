import { z } from 'zod';
import { LICENCE_NUMBER_MAX_LENGTH } from '../constants';

/** Query of the public licence check: the number as typed or scanned. */
export const licenceCheckQuery = z
  .object({
    number: z
      .string({ message: 'Nhập số giấy phép cần kiểm tra.' })
      .trim()
      .min(1, 'Nhập số giấy phép cần kiểm tra.')
      .max(LICENCE_NUMBER_MAX_LENGTH, `Số giấy phép tối đa ${LICENCE_NUMBER_MAX_LENGTH} ký tự.`),
  })
  .strict('Tham số không được hỗ trợ: chỉ dùng number.');

export type LicenceCheckQuery = z.infer<typeof licenceCheckQuery>;
