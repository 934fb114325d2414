import { errors } from '@strapi/utils';
import type { z } from 'zod';

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
