import { LICENCE_TYPE_CODES } from '@sgd/config';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@sgd/plugin-core';
import { z } from 'zod';
import { SEARCH_MESSAGES, SEARCH_TYPES } from '../constants';

const positiveInt = (message: string) =>
  z.coerce.number({ invalid_type_error: message }).int(message).positive(message);

export const searchQuery = z
  .object({
    q: z.string().max(100, SEARCH_MESSAGES.queryTooLong).default(''),
    type: z
      .enum(SEARCH_TYPES, { errorMap: () => ({ message: SEARCH_MESSAGES.badType }) })
      .default('products'),
    category: z.string().max(120).optional(),
    licenceType: z
      .enum(LICENCE_TYPE_CODES, { errorMap: () => ({ message: SEARCH_MESSAGES.badLicence }) })
      .optional(),
    ocopStars: z.coerce
      .number()
      .int()
      .refine((n) => n >= 3 && n <= 5, SEARCH_MESSAGES.badStars)
      .optional(),
    commune: z.string().max(10).optional(),
    page: positiveInt('Số trang phải là số nguyên dương.').default(1),
    pageSize: positiveInt('Số mục mỗi trang phải là số nguyên dương.')
      .default(DEFAULT_PAGE_SIZE)
      .transform((n) => Math.min(n, MAX_PAGE_SIZE)),
  })
  .strict()
  .refine((query) => !(query.type === 'sellers' && query.category), {
    message: 'Bộ lọc danh mục chỉ áp dụng khi tìm sản phẩm.',
    path: ['category'],
  });

export type SearchQuery = z.infer<typeof searchQuery>;
