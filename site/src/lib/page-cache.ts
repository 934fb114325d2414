/**
 * Rendered public pages, kept whole: a page the CMS's webhook has not invalidated is answered
 * without rendering it again. Only what a page marked as public (`Cache-Control: public…`, set by
 * `cachePublicly` once its data loaded fresh) is kept, never a page that sets a cookie; pages
 * built from stale copies while the CMS is down are `no-store`, so never kept.
 */
import { createHash } from 'node:crypto';
import { cacheSettings } from './cms';
import { DEGRADED_CACHE_CONTROL } from './http';

export interface PageCacheOptions {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}

interface StoredPage {
  /** The page as sent (UTF-8): neither decoded into a string nor encoded again for each answer. */
  body: Uint8Array<ArrayBuffer>;
  status: number;
  headers: [string, string][];
  storedAt: number;
  generation: number;
}

/** Pages and sitemaps; never a file passed through from the CMS (binary, and cached by browsers). */
const STORED_TYPES = /^(text\/html|application\/xml)\b/;

export function isStorable(response: Response): boolean {
  return (
    response.status === 200 &&
    STORED_TYPES.test(response.headers.get('content-type') ?? '') &&
    (response.headers.get('cache-control') ?? '').startsWith('public') &&
    !response.headers.has('set-cookie')
  );
}

export function createPageCache(options: PageCacheOptions) {
  const now = options.now ?? Date.now;
  const pages = new Map<string, StoredPage>();
  let generation = 0;

  return {
    /**
     * The stored page as a new response, or null when there is none or it is out of date; 304
     * without a body when the browser already holds this version (`If-None-Match`).
     */
    get(key: string, ifNoneMatch: string | null = null): Response | null {
      const page = pages.get(key);
      if (!page || page.generation !== generation || now() - page.storedAt >= options.ttlMs) return null;
      pages.delete(key);
      pages.set(key, page);
      const etag = page.headers.find(([name]) => name === 'etag')?.[1];
      if (etag && ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(etag)) {
        return new Response(null, {
          status: 304,
          headers: page.headers.filter(([name]) => name !== 'content-type'),
        });
      }
      return new Response(page.body, { status: page.status, headers: page.headers });
    },

    /** The generation a render starts in; a page rendered across an invalidation is not kept. */
    generation(): number {
      return generation;
    },

    /**
     * Keeps a storable response rendered in `renderedIn`; answers the response to send. `degraded`
     * is asked once the whole page has rendered: a page that used a saved copy, or went without an
     * answer (the layout's links), is sent `no-store` and not kept.
     */
    async keep(
      key: string,
      renderedIn: number,
      response: Response,
      degraded: () => boolean = () => false,
    ): Promise<Response> {
      if (!isStorable(response) || renderedIn !== generation) return response;
      const body = new Uint8Array(await response.arrayBuffer());
      if (degraded()) {
        const headers = new Headers(response.headers);
        headers.set('cache-control', DEGRADED_CACHE_CONTROL);
        return new Response(body, { status: response.status, headers });
      }
      const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
      const headers: [string, string][] = [...response.headers.entries(), ['etag', etag]];
      pages.delete(key);
      pages.set(key, { body, status: response.status, headers, storedAt: now(), generation: renderedIn });
      while (pages.size > options.maxEntries) {
        const oldest = pages.keys().next().value;
        if (oldest === undefined) break;
        pages.delete(oldest);
      }
      return new Response(body, { status: response.status, headers });
    },

    invalidate(): void {
      generation += 1;
    },

    get size(): number {
      return pages.size;
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;

/** Rendered pages kept at most (a catalogue page weighs about 30 KB). */
export const PAGE_CACHE_MAX_ENTRIES = 500;

/** The site's page cache: invalidated with the CMS answers, by the same webhook and TTL. */
export const pageCache: PageCache = createPageCache({
  maxEntries: PAGE_CACHE_MAX_ENTRIES,
  ttlMs: cacheSettings().cacheTtlMs,
});
