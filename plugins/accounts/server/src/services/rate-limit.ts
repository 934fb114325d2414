import type { Core } from '@strapi/strapi';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import {
  IDENTIFIER_RATE_LIMITS,
  RATE_LIMITS,
  type IdentifierRateGroup,
  type RateGroup,
  type RateLimit,
} from '@sgd/config';
import { consume, createLimiter, waitOf, type Window } from '../lib/rate-limit';

const PREFIX = 'sgd:rl';

interface RedisClient {
  status: string;
  once(event: 'ready' | 'end', listener: () => void): void;
  quit(): Promise<unknown>;
  scan(cursor: string, ...args: (string | number)[]): Promise<[string, string[]]>;
  del(...keys: string[]): Promise<number>;
}

/**
 * Rate limits (`RATE_LIMITS` per client address and group, `IDENTIFIER_RATE_LIMITS` per targeted
 * account) with rate-limiter-flexible: in Redis when RATE_LIMIT_REDIS_URL is set (several instances
 * count together; an in-memory limiter stands in while Redis is unreachable), in memory otherwise.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let redis: RedisClient | null | undefined;
  let overrides: Partial<Record<RateGroup, RateLimit>> = {};
  let limiters = new Map<string, RateLimiterAbstract>();

  const store = (): RedisClient | null => {
    if (redis !== undefined) return redis;
    const url = (strapi.config.get('plugin::accounts') as { rateLimitRedisUrl: string }).rateLimitRedisUrl;
    if (!url) return (redis = null);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when configured
    const Redis = require('ioredis') as new (
      url: string,
      options: object,
    ) => RedisClient & {
      on(event: 'error', listener: (error: Error) => void): void;
    };
    // No offline queue: while Redis is down a count fails at once and the insurance limiter answers.
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    client.on('error', (error) => strapi.log.warn(`Redis giới hạn tần suất: ${error.message}`));
    return (redis = client);
  };

  const limiter = (name: string, window: Window): RateLimiterAbstract => {
    const key = `${name}:${window.points}:${window.duration}`;
    let found = limiters.get(key);
    if (!found) limiters.set(key, (found = createLimiter(window, `${PREFIX}:${name}`, store())));
    return found;
  };
  const rule = (group: RateGroup): RateLimit => overrides[group] ?? RATE_LIMITS[group];
  const byAddress = (group: RateGroup) => limiter(`ip:${group}`, rule(group));
  const tiers = (group: IdentifierRateGroup) =>
    IDENTIFIER_RATE_LIMITS[group].tiers.map((window, i) => limiter(`id:${group}:${i}`, window));

  return {
    rule,

    /**
     * Connects to Redis at start, when configured, and waits a moment for it: the first requests of
     * a new instance then count with the others instead of in its insurance limiter alone. Redis
     * still down after that: the insurance limiter answers until it is back.
     */
    async connect(waitMs = 3000): Promise<void> {
      const client = store();
      if (!client || client.status === 'ready') return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        client.once('ready', done);
        client.once('end', done);
      });
    },

    /** Counts one request of a client in a group: `null` when allowed, else the seconds to wait. */
    check(group: RateGroup, client: string): Promise<number | null> {
      return consume(byAddress(group), client);
    },
    /** For groups counting failures: the seconds a client must wait, without counting. */
    wait(group: RateGroup, client: string): Promise<number | null> {
      return waitOf(byAddress(group), client);
    },
    /** A failure of a client in a group counting failures. */
    async failed(group: RateGroup, client: string): Promise<void> {
      await consume(byAddress(group), client);
    },

    /**
     * How long attempts on one account (`email:…`, `sms:…`) must wait: `null` when allowed, else the
     * seconds, and whether it is the last tier (a block rather than a slow-down).
     */
    async identifierWait(
      group: IdentifierRateGroup,
      identifier: string,
    ): Promise<{ seconds: number; blocked: boolean } | null> {
      const all = tiers(group);
      let worst: { seconds: number; blocked: boolean } | null = null;
      for (const [i, tier] of all.entries()) {
        const seconds = await waitOf(tier, identifier);
        if (seconds !== null && (!worst || seconds > worst.seconds))
          worst = { seconds, blocked: all.length > 1 && i === all.length - 1 };
      }
      return worst;
    },
    /** One attempt on an account counted in every tier of the group. */
    async identifierAttempt(group: IdentifierRateGroup, identifier: string): Promise<void> {
      for (const tier of tiers(group)) await consume(tier, identifier);
    },
    /** The account's attempts forgotten (its owner proved who they are). */
    async identifierClear(group: IdentifierRateGroup, identifier: string): Promise<void> {
      for (const tier of tiers(group)) await tier.delete(identifier);
    },

    /** Forgets every count (tests, tools). */
    async reset(): Promise<void> {
      limiters = new Map();
      const client = store();
      if (!client) return;
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 500);
        if (keys.length) await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
    },
    /** For tests and tools: these windows per address instead of the declared ones (`null`: declared). */
    useLimits(next: Partial<Record<RateGroup, RateLimit>> | null): void {
      overrides = next ?? {};
      limiters = new Map();
    },
    async close(): Promise<void> {
      await redis?.quit();
      redis = undefined;
    },
  };
};

export type RateLimits = ReturnType<typeof import('./rate-limit').default>;
