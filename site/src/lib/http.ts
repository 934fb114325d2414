import { currentRequest } from './request-context';

/**
 * Pages built from public CMS data: browsers and proxies keep them a minute, may serve them up to
 * five more minutes while fetching a new copy, and up to a day when the site does not answer. The
 * site's own cache is what the CMS invalidates, so the browser's must stay short.
 */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400';
/** A page built from old copies while the CMS is down is not kept anywhere: the next visit may be fresh. */
export const DEGRADED_CACHE_CONTROL = 'no-store';

/** True when this request's page went without a fresh CMS answer (saved copy, or none at all). */
export function isDegradedRequest(): boolean {
  const state = currentRequest();
  return Boolean(state && (state.usedSavedCopy || state.cmsUnavailable));
}

export function cachePublicly(headers: Headers): void {
  headers.set('Cache-Control', isDegradedRequest() ? DEGRADED_CACHE_CONTROL : PUBLIC_CACHE_CONTROL);
}
