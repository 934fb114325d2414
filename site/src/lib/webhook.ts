/**
 * The CMS's webhook: `POST /webhooks/cms` with a JSON body (`siteWebhookBodySchema` of
 * @sgd/contracts), signed with the secret both sides share (SITE_WEBHOOK_SECRET): header
 * `X-Sgd-Signature: sha256=<hex HMAC-SHA256 of the raw body>`. The body says when it was sent and
 * carries a random id: a captured request is refused once it is older than
 * `SITE_WEBHOOK_MAX_AGE_SECONDS`, and at once when replayed.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { SITE_WEBHOOK_MAX_AGE_SECONDS, siteWebhookBodySchema, type SiteWebhookBody } from '@sgd/contracts';

export { SITE_SIGNATURE_HEADER as SIGNATURE_HEADER } from '@sgd/contracts';

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

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export type WebhookCheck =
  { ok: true; body: SiteWebhookBody } | { ok: false; status: 400 | 401 | 409; error: string };

/**
 * The ids of the webhooks accepted within the time a webhook is believed, each forgotten once it is
 * too old to be accepted anyway: memory stays bounded by the CMS's rate of changes.
 */
export function createReplayGuard(maxAgeSeconds = SITE_WEBHOOK_MAX_AGE_SECONDS) {
  const seen = new Map<string, number>();
  return {
    /** Checks a webhook's signature, shape, age and novelty; an accepted id is remembered. */
    check(secret: string | undefined, raw: string, signature: string | null, now = Date.now()): WebhookCheck {
      if (!hasValidSignature(secret, raw, signature))
        return { ok: false, status: 401, error: 'Chữ ký không hợp lệ.' };
      const parsed = siteWebhookBodySchema.safeParse(parseJson(raw));
      if (!parsed.success) return { ok: false, status: 400, error: 'Nội dung không đúng định dạng.' };
      const seconds = now / 1000;
      for (const [id, sentAt] of seen) if (sentAt < seconds - maxAgeSeconds) seen.delete(id);
      if (Math.abs(seconds - parsed.data.sentAt) > maxAgeSeconds)
        return { ok: false, status: 401, error: 'Webhook đã quá cũ.' };
      if (seen.has(parsed.data.id)) return { ok: false, status: 409, error: 'Webhook này đã được nhận.' };
      seen.set(parsed.data.id, parsed.data.sentAt);
      return { ok: true, body: parsed.data };
    },
  };
}
