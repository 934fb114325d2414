import type { AuthRateGroup, RateGroup } from '@sgd/config';

/** A fixed-window counter: how many hits a key had in its current window, and when it ends. */
export interface RateStore {
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetInSeconds: number }>;
  reset(): Promise<void>;
}

export class MemoryStore implements RateStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowSeconds: number) {
    const at = this.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= at) {
      window = { count: 0, endsAt: at + windowSeconds * 1000 };
      this.windows.set(key, window);
      if (this.windows.size > 50_000) this.sweep(at);
    }
    window.count += 1;
    return { count: window.count, resetInSeconds: Math.ceil((window.endsAt - at) / 1000) };
  }

  async reset() {
    this.windows.clear();
  }

  private sweep(at: number) {
    for (const [key, window] of this.windows) if (window.endsAt <= at) this.windows.delete(key);
  }
}

/** Minimal client surface (ioredis) so several CMS instances share one count. */
export interface RedisPipeline {
  incr(key: string): RedisPipeline;
  expire(key: string, seconds: number, mode: 'NX'): RedisPipeline;
  ttl(key: string): RedisPipeline;
  exec(): Promise<[Error | null, unknown][] | null>;
}
export interface RedisLike {
  multi(): RedisPipeline;
  scan(cursor: string, ...args: (string | number)[]): Promise<[string, string[]]>;
  del(...keys: string[]): Promise<number>;
}

export class RedisStore implements RateStore {
  constructor(
    private readonly client: RedisLike,
    private readonly prefix = 'sgd:rl:',
  ) {}

  async hit(key: string, windowSeconds: number) {
    const result = await this.client
      .multi()
      .incr(this.prefix + key)
      .expire(this.prefix + key, windowSeconds, 'NX')
      .ttl(this.prefix + key)
      .exec();
    if (!result) throw new Error('Redis không trả lời bộ đếm giới hạn tần suất.');
    for (const [error] of result) if (error) throw error;
    const count = Number(result[0][1]);
    const ttl = Number(result[2][1]);
    return { count, resetInSeconds: ttl > 0 ? ttl : windowSeconds };
  }

  async reset() {
    let cursor = '0';
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 500);
      if (keys.length) await this.client.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  }
}

const GROUPS: Record<string, AuthRateGroup> = {
  '/api/accounts/register': 'register',
  '/api/accounts/activate': 'activate',
  '/api/accounts/resend': 'resend',
  '/api/accounts/login': 'login',
  '/api/accounts/password/forgot': 'password-forgot',
  '/api/accounts/password/reset': 'password-reset',
  // Users & Permissions' own routes (closed to the public, limited all the same).
  '/api/auth/local': 'login',
  '/api/auth/local/register': 'register',
  '/api/auth/forgot-password': 'password-forgot',
  '/api/auth/reset-password': 'password-reset',
  '/api/auth/send-email-confirmation': 'resend',
  '/api/auth/email-confirmation': 'activate',
  '/api/auth/change-password': 'password-reset',
};

/** Other writes to the public API, first match wins; anything else under /api/ is `write`. */
const WRITE_GROUPS: [RegExp, RateGroup][] = [
  [/^\/api\/upload(\/|$)/, 'upload'],
  [/^\/api\/accounts\/mine\/[^/]+\/[^/]+\/images$/, 'upload'],
  [/^\/api\/orders$/, 'order'],
  [/^\/api\/orders\/[^/]+\/actions$/, 'order-action'],
  [/^\/api\/(reviews|comments|answers)(\/|$)/, 'review'],
  [/^\/api\/complaints(\/|$)/, 'complaint'],
  [/^\/api\/accounts\/me\/data-requests$/, 'data-request'],
  [/^\/api\/accounts\/(me|mine|business)(\/|$)/, 'account'],
];

/** A path as the router reads it: case-insensitive, repeated and trailing slashes ignored, decoded. */
function normalise(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Malformed encoding: the router will answer 400; count it by the raw path.
  }
  return decoded
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');
}

/**
 * The auth rate-limit group of a request path, read as the router reads it, so
 * `/API/Accounts//Login/` counts as login.
 */
export function groupOf(path: string): AuthRateGroup | null {
  return GROUPS[normalise(path)] ?? null;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The rate-limit group of any request to the public API: an auth group for sign-in routes, else a
 * write group for every POST, PUT, PATCH or DELETE under `/api/`; reads are not counted here.
 */
export function rateGroupOf(method: string, path: string): RateGroup | null {
  if (READS.has(method.toUpperCase())) return null;
  const normal = normalise(path);
  if (!normal.startsWith('/api/')) return null;
  const auth = GROUPS[normal];
  if (auth) return method.toUpperCase() === 'POST' ? auth : 'write';
  return WRITE_GROUPS.find(([pattern]) => pattern.test(normal))?.[1] ?? 'write';
}

/** Auth groups tell a person to wait before trying again; others that they sent too much. */
export const isAuthGroup = (group: RateGroup): group is AuthRateGroup =>
  Object.values(GROUPS).includes(group as AuthRateGroup);
