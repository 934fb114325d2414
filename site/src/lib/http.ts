/** Pages built from public CMS data may be cached by browsers and proxies for a minute. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

export function cachePublicly(headers: Headers): void {
  headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
}
