import { errors } from '@strapi/utils';
import { z } from 'zod';

/** Parses a request part with zod; a failure is a 400 carrying every message, in Vietnamese. */
export function parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const issues = result.error.issues;
  throw new errors.ValidationError(issues.map((issue) => issue.message).join(' '), {
    errors: issues.map((issue) => ({
      path: issue.path.map(String),
      message: issue.message,
      name: 'ValidationError',
    })),
  });
}

/** `page` and `pageSize` of a list query, with Vietnamese messages (1–10,000; 1–100, default 20). */
export const pageFields = {
  page: z.coerce.number().int().min(1, 'Số trang không đúng.').max(10_000, 'Số trang không đúng.').default(1),
  pageSize: z.coerce
    .number()
    .int()
    .min(1, 'Cỡ trang từ 1 đến 100.')
    .max(100, 'Cỡ trang từ 1 đến 100.')
    .default(20),
};
