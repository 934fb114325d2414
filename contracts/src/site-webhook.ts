import { z } from 'zod';

/**
 * The CMS's webhook to the public site: `POST /webhooks/cms` when public content changes, so the
 * site drops its cached answers. The raw body is signed with the secret both sides share
 * (SITE_WEBHOOK_SECRET) in `X-Sgd-Signature: sha256=<hex HMAC-SHA256>`; the body carries when it was
 * sent and a random id, so a captured request is refused once it is old or has been used.
 */
export const SITE_WEBHOOK_PATH = '/webhooks/cms';
export const SITE_SIGNATURE_HEADER = 'x-sgd-signature';
/** A webhook sent longer ago than this (or as far in the future: clocks differ) is refused. */
export const SITE_WEBHOOK_MAX_AGE_SECONDS = 300;

export const siteWebhookBodySchema = z.object({
  /** Random per request: the site refuses an id it has already seen. */
  id: z.string().uuid(),
  /** Unix seconds at which the CMS sent it. */
  sentAt: z.number().int(),
  /** The Document Service events batched, comma-separated (`entry.publish,entry.update`). */
  event: z.string().min(1),
  uids: z.array(z.string()),
});
export type SiteWebhookBody = z.infer<typeof siteWebhookBodySchema>;
