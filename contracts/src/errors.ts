import { z } from 'zod';

/**
 * The body of every error the CMS answers (Strapi's shape): `{ data: null, error: { status, name,
 * message, details? } }`. `message` is meant for people (Vietnamese on the public API).
 */
export const errorBodySchema = z.object({
  error: z.object({
    status: z.number(),
    name: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
