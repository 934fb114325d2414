import { defineMiddleware } from 'astro:middleware';
import { withVisitor } from './lib/client-address';
import { pageCache } from './lib/page-cache';

function visitorAddress(read: () => string): string | null {
  try {
    return read();
  } catch {
    return null; // not known for this request (a prerendered page)
  }
}

/**
 * Every request runs with its visitor's address known to the calls it makes to the CMS (see
 * `lib/client-address.ts`), so the CMS's per-client limits count visitors, not the site.
 *
 * Public pages are answered from the page cache while the CMS has not said anything changed; a
 * miss renders the page and keeps it if the page marked itself public (see `lib/page-cache.ts`). A
 * browser revalidating a version it holds gets 304 without the body.
 */
export const onRequest = defineMiddleware((context, next) =>
  withVisitor(
    visitorAddress(() => context.clientAddress),
    async () => {
      if (context.request.method !== 'GET') return next();
      const key = context.url.href;
      const hit = pageCache.get(key, context.request.headers.get('if-none-match'));
      if (hit) return hit;
      const renderedIn = pageCache.generation();
      return pageCache.keep(key, renderedIn, await next());
    },
  ),
);
