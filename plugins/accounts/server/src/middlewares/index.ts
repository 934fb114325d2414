import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { clientAddress } from '@sgd/plugin-core';
import { groupOf } from '../lib/rate-limit';

type Context = {
  path: string;
  method: string;
  request: { ip: string };
  state: Record<string, unknown>;
  get(name: string): string;
  set(name: string, value: string): void;
  status: number;
  body: unknown;
};

// Users & Permissions' own auth routes: the exchange signs people in through /api/accounts only
// (activation codes, phone numbers, the password rules), so these answer 410 whatever the permissions.
const CLOSED =
  /^\/api\/auth\/(local(\/register)?|forgot-password|reset-password|send-email-confirmation|email-confirmation|change-password)$/;

/**
 * `plugin::accounts.rate-limit` (cms/config/middlewares.ts): limits the auth routes per client (the
 * visitor's address the site signs, else the socket's IP: see `clientAddress` in @sgd/plugin-core),
 * on the path as the router reads it (case, repeated and trailing slashes, encoding), so neither a
 * different email in the body nor `/API/Accounts/Login/` starts a fresh count.
 */
const rateLimit =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const group = ctx.method === 'POST' ? groupOf(ctx.path) : null;
    if (!group) return next();
    const limiter = strapi.plugin('accounts').service('rate-limit') as {
      check(group: string, client: string): Promise<number | null>;
    };
    const wait = await limiter.check(group, clientAddress(ctx, strapi));
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      const minutes = Math.max(1, Math.ceil(wait / 60));
      throw new errors.RateLimitError(`Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`, {
        retryAfter: wait,
      });
    }
    let normal = ctx.path;
    try {
      normal = decodeURIComponent(ctx.path);
    } catch {
      // counted above; the router answers
    }
    if (
      CLOSED.test(
        normal
          .toLowerCase()
          .replace(/\/{2,}/g, '/')
          .replace(/\/+$/, ''),
      )
    ) {
      const message = 'Đường dẫn này không dùng trên Sàn. Hãy dùng /api/accounts.';
      ctx.status = 410;
      ctx.body = { data: null, error: { status: 410, name: 'GoneError', message, details: {} } };
      return;
    }
    return next();
  };

export default { 'rate-limit': rateLimit };
