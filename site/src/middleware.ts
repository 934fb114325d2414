import { defineMiddleware } from 'astro:middleware';
import { pageCache } from './lib/page-cache';

/**
 * Public pages are answered from the page cache while the CMS has not said anything changed; a
 * miss renders the page and keeps it if the page marked itself public (see `lib/page-cache.ts`). A
 * browser revalidating a version it holds gets 304 without the body.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  if (context.request.method !== 'GET') return next();
  const key = context.url.href;
  const hit = pageCache.get(key, context.request.headers.get('if-none-match'));
  if (hit) return hit;
  const renderedIn = pageCache.generation();
  return pageCache.keep(key, renderedIn, await next());
});
