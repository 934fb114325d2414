import type { Core } from '@strapi/strapi';

/** How long a public list's total is reused: what another instance's write (or raw SQL) may lag by. */
export const PUBLIC_COUNT_TTL_MS = 30_000;
/** Totals kept at most (filters come from visitors: the cache must not grow without bound). */
export const PUBLIC_COUNT_MAX_ENTRIES = 500;

/** Writes of the database layer after which every total is recomputed. */
const WRITE_ACTIONS = [
  'afterCreate',
  'afterCreateMany',
  'afterUpdate',
  'afterUpdateMany',
  'afterDelete',
  'afterDeleteMany',
] as const;

export interface CountCache {
  /** The total under `key`, computed once by `compute` however many requests ask at the same time. */
  get(key: string, compute: () => Promise<number>): Promise<number>;
  clear(): void;
  readonly size: number;
}

/**
 * Totals of public lists, reused for a short time. Counting the 100,000 visible products of a
 * province costs more than reading their first page (every row is joined with its seller), and the
 * catalogue asks for the same total on every visit; a few seconds of reuse turns that count into a
 * map lookup. Concurrent requests for one total share one query.
 */
export function createCountCache(
  ttlMs = PUBLIC_COUNT_TTL_MS,
  maxEntries = PUBLIC_COUNT_MAX_ENTRIES,
  now: () => number = Date.now,
): CountCache {
  const entries = new Map<string, { total: Promise<number>; expires: number }>();
  return {
    get(key, compute) {
      const hit = entries.get(key);
      if (hit && hit.expires > now()) return hit.total;
      entries.delete(key);
      const total = compute();
      const entry = { total, expires: now() + ttlMs };
      entries.set(key, entry);
      // A failed count is not kept; the next request tries again.
      total.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      return total;
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

/** The totals of this process's public lists. */
export const publicCounts = createCountCache();

/**
 * Any write through Strapi's database layer (Document Service, Query Engine, Content Manager) in
 * this process drops every total, so a visitor never sees a total older than the last change made
 * here; changes made by another instance show within the TTL.
 */
export function registerCountInvalidation(strapi: Core.Strapi, cache: CountCache = publicCounts): void {
  onWrites(strapi, () => cache.clear());
}

/** Calls `handler` after every create, update or delete through Strapi's database layer (of `models`). */
export function onWrites(strapi: Core.Strapi, handler: () => void, models?: string[]): void {
  strapi.db.lifecycles.subscribe({
    ...(models ? { models } : {}),
    ...Object.fromEntries(WRITE_ACTIONS.map((action) => [action, handler])),
  });
}
