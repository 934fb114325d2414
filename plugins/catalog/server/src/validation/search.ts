import { LICENCE_TYPE_CODES } from '@sgd/config';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@sgd/plugin-core';
import { z } from 'zod';
import { SEARCH_MESSAGES, SEARCH_SORTS, SEARCH_TYPES, SEARCH_VIEWS } from '../constants';

const price = z.coerce
  .number({ invalid_type_error: SEARCH_MESSAGES.badPrice })
  .int(SEARCH_MESSAGES.badPrice)
  .nonnegative(SEARCH_MESSAGES.badPrice)
  .max(1e13, SEARCH_MESSAGES.badPrice)
  .optional();

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
    priceMin: price,
    priceMax: price,
    sort: z
      .enum(SEARCH_SORTS, { errorMap: () => ({ message: SEARCH_MESSAGES.badSort }) })
      .default('relevance'),
    page: positiveInt('Số trang phải là số nguyên dương.').default(1),
    pageSize: positiveInt('Số mục mỗi trang phải là số nguyên dương.')
      .default(DEFAULT_PAGE_SIZE)
      .transform((n) => Math.min(n, MAX_PAGE_SIZE)),
    view: z.enum(SEARCH_VIEWS, { errorMap: () => ({ message: SEARCH_MESSAGES.badView }) }).default('full'),
  })
  .strict()
  .refine((query) => !(query.type === 'sellers' && query.category), {
    message: 'Bộ lọc danh mục chỉ áp dụng khi tìm sản phẩm.',
    path: ['category'],
  })
  .refine(
    (query) =>
      !(
        query.type === 'sellers' &&
        (query.priceMin !== undefined || query.priceMax !== undefined || query.sort.startsWith('price'))
      ),
    { message: SEARCH_MESSAGES.priceForSellers, path: ['sort'] },
  )
  .refine(
    (query) =>
      query.priceMin === undefined || query.priceMax === undefined || query.priceMin <= query.priceMax,
    { message: SEARCH_MESSAGES.priceRange, path: ['priceMax'] },
  );

export type SearchQuery = z.infer<typeof searchQuery>;

/** `GET /api/search/autocomplete?q=…&type=products`: names for the search box as the visitor types. */
export const suggestQuery = z
  .object({
    q: z.string().max(100, SEARCH_MESSAGES.queryTooLong).default(''),
    type: z
      .enum(SEARCH_TYPES, { errorMap: () => ({ message: SEARCH_MESSAGES.badType }) })
      .default('products'),
  })
  .strict();

export type SuggestQuery = z.infer<typeof suggestQuery>;
