/**
 * The site's in-process cache of CMS answers, keyed by endpoint and query. Entries stay fresh until
 * the CMS says something changed (`invalidate`, called by the webhook) or the TTL runs out, a safety
 * net for a missed webhook. Invalidated and expired entries are kept, not deleted: when the CMS does
 * not answer, the last copy is served instead of an error page. The number of entries is bounded;
 * the least recently used goes first.
 */

export interface ResponseCacheOptions {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}

export interface CacheRead<T> {
  value: T;
  /** True when the value is an old copy served because loading a fresh one failed. */
  stale: boolean;
}

interface Entry<T> {
  value: T;
  storedAt: number;
  /** The invalidation generation the load started in; an older one means invalidated. */
  generation: number;
}

export function createResponseCache<T>(options: ResponseCacheOptions) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry<T>>();
  const loading = new Map<string, Promise<T>>();
  let generation = 0;

  const isFresh = (entry: Entry<T>) =>
    entry.generation === generation && now() - entry.storedAt < options.ttlMs;

  function store(key: string, entry: Entry<T>): void {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > options.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  }

  /** One load per key at a time: concurrent misses share it. */
  function load(key: string, loader: () => Promise<T>): Promise<T> {
    const inFlight = loading.get(key);
    if (inFlight) return inFlight;
    // An answer loaded across an invalidation may predate the change: it is stored as invalidated.
    const startedIn = generation;
    const promise = loader()
      .then((value) => {
        store(key, { value, storedAt: now(), generation: startedIn });
        return value;
      })
      .finally(() => loading.delete(key));
    loading.set(key, promise);
    return promise;
  }

  return {
    /**
     * The fresh copy, or a new load; when the load fails and `serveStale(error)` agrees, the last
     * copy marked stale. Otherwise the load's error.
     */
    async read(
      key: string,
      loader: () => Promise<T>,
      serveStale: (error: unknown) => boolean,
    ): Promise<CacheRead<T>> {
      const entry = entries.get(key);
      if (entry && isFresh(entry)) {
        store(key, entry);
        return { value: entry.value, stale: false };
      }
      try {
        return { value: await load(key, loader), stale: false };
      } catch (error) {
        const last = entries.get(key);
        if (last && serveStale(error)) return { value: last.value, stale: true };
        throw error;
      }
    },

    /** Everything cached becomes out of date; copies stay as a fallback while the CMS is down. */
    invalidate(): void {
      generation += 1;
    },

    get size(): number {
      return entries.size;
    },
  };
}

export type ResponseCache<T> = ReturnType<typeof createResponseCache<T>>;
