import { defineMiddleware } from 'astro:middleware';
import { withVisitor } from './lib/client-address';
import { cms, CmsError, isOutage } from './lib/cms';
import { createOutageReporter, OUTAGE_PAGE } from './lib/outage';
import { pageCache } from './lib/page-cache';

function visitorAddress(read: () => string): string | null {
  try {
    return read();
  } catch {
    return null; // not known for this request (a prerendered page)
  }
}

const outages = createOutageReporter();

/**
 * Every request runs with its visitor's address known to the calls it makes to the CMS (see
 * `lib/client-address.ts`), so the CMS's per-client limits count visitors, not the site.
 *
 * Public pages are answered from the page cache while the CMS has not said anything changed; a
 * miss renders the page and keeps it if the page marked itself public (see `lib/page-cache.ts`). A
 * browser revalidating a version it holds gets 304 without the body.
 *
 * A page the CMS cannot answer for (not started yet, or down, and no saved copy) is answered by
 * the outage page (503 with `Retry-After`), with one log line per outage instead of a stack trace
 * per request.
 */
export const onRequest = defineMiddleware((context, next) =>
  withVisitor(
    visitorAddress(() => context.clientAddress),
    async () => {
      try {
        const response = await render();
        if (!cms.isDegraded()) outages.answered();
        return response;
      } catch (error) {
        if (!(error instanceof CmsError) || !isOutage(error) || context.url.pathname === OUTAGE_PAGE)
          throw error;
        outages.failed(error, cms.isStarting());
        return context.rewrite(OUTAGE_PAGE);
      }

      async function render(): Promise<Response> {
        if (context.request.method !== 'GET') return next();
        const key = context.url.href;
        const hit = pageCache.get(key, context.request.headers.get('if-none-match'));
        if (hit) return hit;
        const renderedIn = pageCache.generation();
        return pageCache.keep(key, renderedIn, await next());
      }
    },
  ),
);
