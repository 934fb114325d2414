import { z } from 'zod';

export { parseInput as parse } from '@sgd/plugin-core';

export const id = z.coerce
  .number({ invalid_type_error: 'Mã hồ sơ phải là số.' })
  .int('Mã hồ sơ phải là số nguyên.')
  .positive('Mã hồ sơ phải là số dương.');

export const text = (max: number, label: string) =>
  z
    .string({ invalid_type_error: `${label} phải là chuỗi ký tự.` })
    .max(max, `${label} quá dài (tối đa ${max.toLocaleString('vi-VN')} ký tự).`);

const dateLike = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'Ngày không hợp lệ (dùng dạng YYYY-MM-DD).');
export const period = z
  .object({ from: dateLike.optional(), to: dateLike.optional(), departmentId: id.optional() })
  .strict('Tham số không được hỗ trợ.');
