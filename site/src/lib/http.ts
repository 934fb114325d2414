import { cms } from './cms';

/**
 * Pages built from public CMS data: browsers and proxies keep them a minute, may serve them up to
 * five more minutes while fetching a new copy, and up to a day when the site does not answer. The
 * site's own cache is what the CMS invalidates, so the browser's must stay short.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400';
/** A page built from old copies while the CMS is down is not kept anywhere: the next visit may be fresh. */
export const DEGRADED_CACHE_CONTROL = 'no-store';

export function cachePublicly(headers: Headers): void {
  headers.set('Cache-Control', cms.isDegraded() ? DEGRADED_CACHE_CONTROL : PUBLIC_CACHE_CONTROL);
}
