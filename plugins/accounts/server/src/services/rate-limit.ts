import type { Core } from '@strapi/strapi';
import { RATE_LIMITS, type RateGroup } from '@sgd/config';
import { MemoryStore, RedisStore, type RateStore, type RedisLike } from '../lib/rate-limit';

/** Counts auth requests and public writes per client IP and group, in this process or in Redis (several instances). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let store: RateStore | null = null;
  let redis: { quit(): Promise<unknown> } | null = null;

  const current = (): RateStore => {
    if (store) return store;
    const url = (strapi.config.get('plugin::accounts') as { rateLimitRedisUrl: string }).rateLimitRedisUrl;
    if (url) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when configured
      const Redis = require('ioredis') as new (
        url: string,
        options: object,
      ) => RedisLike & { quit(): Promise<unknown> };
      const client = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
      redis = client;
      store = new RedisStore(client);
    } else {
      store = new MemoryStore();
    }
    return store;
  };

  return {
    /** `null` when allowed, else the seconds to wait. */
    async check(group: RateGroup, client: string): Promise<number | null> {
      const rule = RATE_LIMITS[group];
      const { count, resetInSeconds } = await current().hit(`${group}:${client}`, rule.windowSeconds);
      return count > rule.max ? resetInSeconds : null;
    },
    async reset() {
      await current().reset();
    },
    /** For tests and tools: count in this store instead. */
    useStore(next: RateStore) {
      store = next;
    },
    async close() {
      await redis?.quit();
      redis = null;
    },
  };
};
