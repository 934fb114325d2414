/**
 * The CMS's webhook: `POST /webhooks/cms` with a JSON body, signed with the secret both sides share
 * (SITE_WEBHOOK_SECRET): header `X-Sgd-Signature: sha256=<hex HMAC-SHA256 of the raw body>`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const SIGNATURE_HEADER = 'x-sgd-signature';

export const webhookBodySchema = z.object({
  event: z.string().min(1),
  uids: z.array(z.string()),
});
export type WebhookBody = z.infer<typeof webhookBodySchema>;

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time check of the signature; false when no secret is configured. */
export function hasValidSignature(secret: string | undefined, body: string, header: string | null): boolean {
  if (!secret || !header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const received = Buffer.from(header);
  return expected.length === received.length && timingSafeEqual(expected, received);
}
