import type { Core } from '@strapi/strapi';

/** One row per shared cache: its version, raised by every write to what it caches. */
export const CACHE_VERSIONS_TABLE = 'sgd_cache_versions';

export interface SharedCache<T> {
  /** The cached value; reloaded when another instance (or this one) changed it since. */
  get(): Promise<T>;
  /**
   * Marks the cached data changed, in the caller's transaction when there is one (so other instances
   * never see the new version before the new data), and drops this instance's copy.
   */
  changed(): Promise<void>;
}

/**
 * A value loaded from the database and kept in memory, consistent across CMS instances: each
 * instance checks the cache's version row at most every `checkEveryMs` (one indexed read) and
 * reloads when it moved, so a change made through one instance is in force on all within seconds.
 */
export function sharedCache<T>(
  strapi: Core.Strapi,
  options: { name: string; load: () => Promise<T>; checkEveryMs?: number },
): SharedCache<T> {
  const checkEveryMs = options.checkEveryMs ?? 1000;
  let value: { data: T; version: number } | null = null;
  let checkedAt = 0;

  // Read in the caller's transaction when there is one: SQLite has a single connection, which an
  // open transaction holds, so a read beside it would wait forever.
  const readVersion = async (): Promise<number> => {
    let version = 0;
    await strapi.db.transaction(async ({ trx }) => {
      const row = (await trx(CACHE_VERSIONS_TABLE).where({ name: options.name }).first('version')) as
        { version: number | string } | undefined;
      version = Number(row?.version ?? 0);
    });
    return version;
  };

  return {
    async get() {
      const now = Date.now();
      if (value && now - checkedAt < checkEveryMs) return value.data;
      const version = await readVersion();
      checkedAt = now;
      if (!value || value.version !== version) value = { data: await options.load(), version };
      return value.data;
    },

    async changed() {
      await strapi.db.transaction(async ({ trx }) => {
        await trx(CACHE_VERSIONS_TABLE)
          .insert({ name: options.name, version: 1 })
          .onConflict('name')
          .merge({ version: trx.raw(`${CACHE_VERSIONS_TABLE}.version + 1`) });
      });
      value = null;
    },
  };
}
