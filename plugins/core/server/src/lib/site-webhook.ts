import { createHmac, randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { SITE_SIGNATURE_HEADER, SITE_WEBHOOK_PATH, type SiteWebhookBody } from '@sgd/contracts';

/** Document Service events that can change what the public site shows. */
export const SITE_EVENTS = [
  'entry.create',
  'entry.update',
  'entry.delete',
  'entry.publish',
  'entry.unpublish',
] as const;
/** Changes within this window go out as one webhook (an import changes thousands of documents). */
export const SITE_WEBHOOK_BATCH_MS = 100;
const SITE_WEBHOOK_TIMEOUT_MS = 5000;

export interface SiteWebhookConfig {
  /** The public site's base URL; nothing is sent when empty. */
  siteUrl: string;
  /** Shared with the site, which checks the HMAC-SHA256 signature of each body. */
  secret: string;
  /** Content types the site shows; changes to others (tasks, outbox…) are not sent. */
  uids: readonly string[];
}

export interface SiteNotifierDeps {
  fetch?: typeof fetch;
  log: { warn(message: string): void };
  batchMs?: number;
  /** Milliseconds since the epoch (tests steer it). */
  now?: () => number;
}

export function signSiteBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Collects changes to public content types and sends one signed `POST` per batch to the site,
 * which drops its cached CMS answers. The signed body holds when it was sent and a random id, so the
 * site refuses a captured request replayed later. A failed send is logged: the site's cache TTL is
 * the fallback.
 */
export function createSiteNotifier(config: SiteWebhookConfig, deps: SiteNotifierDeps) {
  const send = deps.fetch ?? fetch;
  const watched = new Set(config.uids);
  const url = `${config.siteUrl.replace(/\/+$/, '')}${SITE_WEBHOOK_PATH}`;
  let events = new Set<string>();
  let uids = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  async function flush(): Promise<void> {
    timer = null;
    if (uids.size === 0) return;
    const message: SiteWebhookBody = {
      id: randomUUID(),
      sentAt: Math.floor((deps.now ?? Date.now)() / 1000),
      event: [...events].join(','),
      uids: [...uids],
    };
    const body = JSON.stringify(message);
    events = new Set();
    uids = new Set();
    try {
      const res = await send(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [SITE_SIGNATURE_HEADER]: signSiteBody(config.secret, body),
        },
        body,
        signal: AbortSignal.timeout(SITE_WEBHOOK_TIMEOUT_MS),
      });
      if (!res.ok) deps.log.warn(`Trang công khai trả lời ${res.status} cho webhook ${url}.`);
    } catch (error) {
      deps.log.warn(`Không gửi được webhook tới trang công khai ${url}: ${(error as Error).message}`);
    }
  }

  return {
    /** A Document Service event; drafts do not change the public site. */
    notify(event: string, uid: string, entry?: { publishedAt?: unknown } | null): void {
      if (!watched.has(uid)) return;
      if ((event === 'entry.create' || event === 'entry.update') && entry?.publishedAt === null) return;
      events.add(event);
      uids.add(uid);
      if (!timer) {
        timer = setTimeout(() => void flush(), deps.batchMs ?? SITE_WEBHOOK_BATCH_MS);
        timer.unref();
      }
    },
    flush,
  };
}

/** Sends the site a webhook when public content changes, if SITE_URL and the secret are set. */
export function registerSiteWebhook(strapi: Core.Strapi, config: SiteWebhookConfig): void {
  if (!config.siteUrl) return;
  if (!config.secret) {
    strapi.log.warn(
      'Đã đặt SITE_URL nhưng thiếu SITE_WEBHOOK_SECRET: không gửi webhook cho trang công khai.',
    );
    return;
  }
  const notifier = createSiteNotifier(config, { log: strapi.log });
  for (const event of SITE_EVENTS) {
    strapi.eventHub.on(event, async (payload: { uid?: string; entry?: { publishedAt?: unknown } | null }) => {
      if (payload?.uid) notifier.notify(event, payload.uid, payload.entry);
    });
  }
  // Writes through the Query Engine (the licence expiry job, stored ratings, locks…) emit no Document
  // Service event: their lifecycles notify too, once their transaction commits (the site must not
  // read and cache the old state). A write of one draft row does not notify; a bulk write (no row to
  // look at) does. Both paths land in the same batch.
  const written =
    (event: string) =>
    async ({ model, result }: { model: { uid: string }; result?: unknown }): Promise<void> => {
      const row =
        result && typeof result === 'object' && 'publishedAt' in result
          ? (result as { publishedAt?: unknown })
          : undefined;
      const send = () => notifier.notify(event, model.uid, row);
      if (!strapi.db.inTransaction()) return send();
      // Joins the running transaction; its callbacks run after the outermost one commits.
      await strapi.db.transaction(async ({ onCommit }) => onCommit(send));
    };
  strapi.db.lifecycles.subscribe({
    models: [...config.uids],
    afterCreate: written('entry.create'),
    afterUpdate: written('entry.update'),
    afterUpdateMany: written('entry.update'),
    afterDelete: written('entry.delete'),
    afterDeleteMany: written('entry.delete'),
  });
}
