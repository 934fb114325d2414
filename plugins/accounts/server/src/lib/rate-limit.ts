import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { AuthRateGroup, RateGroup } from '@sgd/config';

/** A window: at most `points` in `duration` seconds. */
export interface Window {
  points: number;
  duration: number;
}

/**
 * A limiter of rate-limiter-flexible: in Redis when a client is given (several CMS instances count
 * together), with an in-memory limiter of the same window as insurance while Redis is unreachable
 * (each instance then counts alone rather than letting everything through); in memory otherwise.
 */
export function createLimiter(window: Window, keyPrefix: string, redis?: unknown): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ keyPrefix, points: window.points, duration: window.duration });
  if (!redis) return memory;
  return new RateLimiterRedis({
    storeClient: redis,
    keyPrefix,
    points: window.points,
    duration: window.duration,
    insuranceLimiter: memory,
    rejectIfRedisNotReady: true,
  });
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Counts one for `key`; `null` while within the window's points, else the seconds to wait. */
export async function consume(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (error) {
    if (error instanceof RateLimiterRes) return seconds(error.msBeforeNext);
    throw error;
  }
}

/** Without counting: `null` while `key` has points left, else the seconds until the window ends. */
export async function waitOf(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  const state = await limiter.get(key);
  if ((state?.consumedPoints ?? 0) < limiter.points) return null;
  return seconds(state?.msBeforeNext ?? limiter.duration * 1000);
}

const GROUPS = new Map<string, AuthRateGroup>(
  Object.entries({
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
  }),
);

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
  return GROUPS.get(normalise(path)) ?? null;
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
  const auth = GROUPS.get(normal);
  if (auth) return method.toUpperCase() === 'POST' ? auth : 'write';
  return WRITE_GROUPS.find(([pattern]) => pattern.test(normal))?.[1] ?? 'write';
}

/** Auth groups tell a person to wait before trying again; others that they sent too much. */
export const isAuthGroup = (group: RateGroup): group is AuthRateGroup =>
  [...GROUPS.values()].includes(group as AuthRateGroup);
