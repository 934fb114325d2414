import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import fs from 'node:fs';
import { checkFieldNames, checkFilterShape, clientAddress, isInheritedName } from '@sgd/plugin-core';
import { cleanUpload, UploadRefused, type IncomingFile, type UploadLimits } from '../lib/clean-upload';
import { IDENTIFIER_RATE_LIMITS, UPLOAD_RULES, type IdentifierRateGroup } from '@sgd/config';
import { parseIdentifier } from '@sgd/contracts';
import { isAuthGroup, rateGroupOf } from '../lib/rate-limit';
import { accountsService } from '../utils/get-service';

type Context = {
  path: string;
  method: string;
  request: {
    ip: string;
    body?: unknown;
    files?: Record<string, IncomingFile | IncomingFile[]>;
    is(type: string): string | false | null;
  };
  get(name: string): string;
  state: { bodyRead?: boolean } & Record<string, unknown>;
  query: Record<string, unknown>;
  set(name: string, value: string): void;
  status: number;
  body: unknown;
};

// Users & Permissions' own auth routes: the exchange signs people in through /api/accounts only
// (activation codes, phone numbers, the password rules), so these answer 410 whatever the permissions.
const CLOSED =
  /^\/api\/auth\/(local(\/register)?|forgot-password|reset-password|send-email-confirmation|email-confirmation|change-password)$/;

const limits = (strapi: Core.Strapi) => accountsService(strapi, 'rate-limit');

const refuse = (wait: number, message: string): never => {
  throw new errors.RateLimitError(message, { retryAfter: wait });
};
const minutes = (wait: number) => Math.max(1, Math.ceil(wait / 60));

/**
 * `plugin::accounts.rate-limit` (cms/config/middlewares.ts): limits the auth routes and every other
 * write to the public API per client (`AUTH_RATE_LIMITS`, `WRITE_RATE_LIMITS`): the visitor's
 * address the site signs, else the socket's IP (see `clientAddress` in @sgd/plugin-core); on the path as
 * the router reads it (case, repeated and trailing slashes, encoding), so neither a different email
 * in the body nor `/API/Accounts/Login/` starts a fresh count. Groups that count failures (sign-in,
 * codes) are checked before the route and counted after it, when it failed: people who sign in
 * behind one address (a mobile network's NAT, an office) do not use up each other's allowance.
 */
const rateLimit =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const group = rateGroupOf(ctx.method, ctx.path);
    if (!group) return next();
    const limiter = limits(strapi);
    const client = clientAddress(ctx, strapi);
    const countsFailures = limiter.rule(group).counts === 'failures';
    const wait = countsFailures ? await limiter.wait(group, client) : await limiter.check(group, client);
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      refuse(
        wait,
        isAuthGroup(group)
          ? `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${minutes(wait)} phút.`
          : `Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ${minutes(wait)} phút.`,
      );
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
      if (countsFailures) await limiter.failed(group, client);
      return;
    }
    if (!countsFailures) return next();
    try {
      await next();
    } catch (error) {
      await limiter.failed(group, client);
      throw error;
    }
    if (ctx.status >= 400) await limiter.failed(group, client);
  };

/**
 * `plugin::accounts.attempts` (declared on each route it guards, with `{ group }`): limits the
 * attempts on one account, named by the `identifier` of the body as the route reads it (so
 * `AN@Example.vn ` and `+84912…` are the accounts they stand for), in the tiers of
 * `IDENTIFIER_RATE_LIMITS`: waits that grow, then a block. Groups that count failures count an
 * attempt when the route fails or is refused here; a sign-in or a password reset that succeeds
 * forgets the account's failed sign-ins. Whether the account exists changes nothing.
 */
const attempts =
  (config: { group: IdentifierRateGroup }, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const identifier = parseIdentifier(
      (ctx.request.body as { identifier?: unknown } | undefined)?.identifier,
    );
    if (!identifier) return next();
    const key = `${identifier.channel}:${identifier.value}`;
    const limiter = limits(strapi);
    const { group } = config;
    const wait = await limiter.identifierWait(group, key);
    if (wait) {
      await limiter.identifierAttempt(group, key);
      ctx.set('Retry-After', String(wait.seconds));
      refuse(
        wait.seconds,
        wait.blocked
          ? `Tài khoản này tạm ngừng nhận yêu cầu trong ${Math.ceil(wait.seconds / 3600)} giờ vì có quá nhiều lần thử. ` +
              'Nếu đây là tài khoản của bạn, hãy dùng "Quên mật khẩu" để đặt lại mật khẩu.'
          : `Đã có nhiều lần thử với tài khoản này. Vui lòng thử lại sau ${minutes(wait.seconds)} phút.`,
      );
    }
    if (IDENTIFIER_RATE_LIMITS[group].counts === 'requests') {
      await limiter.identifierAttempt(group, key);
      return next();
    }
    try {
      await next();
    } catch (error) {
      await limiter.identifierAttempt(group, key);
      throw error;
    }
    if (ctx.status >= 400) await limiter.identifierAttempt(group, key);
    else if (group === 'login' || group === 'password-reset') await limiter.identifierClear('login', key);
  };

const limitsOf = (strapi: Core.Strapi) =>
  (strapi.config.get('plugin::accounts') as { uploads: UploadLimits }).uploads;
// The seller declaration's licence scans (`scan_0`…) are reported on the licence they belong to.
const errorPath = (field: string) => {
  const licence = /^scan_(\d+)$/.exec(field);
  return licence ? ['licences', licence[1], 'scan'] : [field];
};
const normalPath = (path: string) =>
  path
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/+$/, '');

/** A body parser's error (co-body, raw-body, formidable) as a 4xx a person understands. */
function bodyError(error: unknown): Error | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { status?: number; httpCode?: number; type?: string };
  if (e.type === 'entity.too.large' || e.status === 413 || e.httpCode === 413) {
    return new errors.PayloadTooLargeError('Nội dung gửi lên quá lớn.');
  }
  if (
    error instanceof SyntaxError ||
    e.httpCode !== undefined ||
    (e.status && e.status >= 400 && e.status < 500)
  ) {
    return new errors.ValidationError(
      'Nội dung gửi lên không đọc được: cần một đối tượng JSON hợp lệ, hoặc một biểu mẫu đúng định dạng.',
    );
  }
  return null;
}

/**
 * `plugin::accounts.body-guard` (just before `strapi::body`), for the public API: a multipart
 * request larger than the files it may carry is refused before a byte is written to disk, and a
 * body the parser cannot read (broken JSON or multipart, too large) answers 400 or 413 in
 * Vietnamese instead of the parser's English, or a 500 for broken multipart.
 */
const bodyGuard =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    if (!ctx.path.startsWith('/api/')) return next();
    if (ctx.request.is('multipart')) {
      const limits = limitsOf(strapi);
      const declared = Number(ctx.get('content-length'));
      // The files plus room for the form's other fields.
      if (declared > limits.maxBytes * limits.maxFiles + 1024 * 1024) {
        throw new errors.PayloadTooLargeError(
          `Yêu cầu quá lớn: tối đa ${limits.maxFiles} tệp, mỗi tệp ${Math.round(limits.maxBytes / 1024 / 1024)} MB.`,
        );
      }
    }
    try {
      await next();
    } catch (error) {
      // Only errors of the parser itself: once the body is read, errors belong to the route.
      throw (!ctx.state.bodyRead && bodyError(error)) || error;
    }
  };

/**
 * `plugin::accounts.upload-guard` (after `strapi::body`): every file sent to the public API, on any
 * route (Strapi's `/api/upload`, the seller declaration's scans, routes added later), is checked by
 * its real content and images are re-encoded without their metadata (`cleanUpload`). A refused file
 * answers 400 before the route runs, so nothing is stored. Temporary files are removed afterwards.
 */
const uploadGuard =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    ctx.state.bodyRead = true;
    const files = ctx.path.startsWith('/api/') ? Object.entries(ctx.request.files ?? {}) : [];
    if (!files.length) return next();
    const limits = limitsOf(strapi);
    const list = files.flatMap(([field, value]) =>
      (Array.isArray(value) ? value : [value]).map((file) => ({ field, file })),
    );
    const temporary = list.map(({ file }) => file.filepath);
    try {
      if (list.length > limits.maxFiles) {
        throw new errors.ValidationError(`Gửi tối đa ${limits.maxFiles} tệp một lần.`);
      }
      const allowPdf = (UPLOAD_RULES.documentPaths as readonly string[]).includes(normalPath(ctx.path));
      for (const { field, file } of list) {
        try {
          const copy = await cleanUpload(file, limits, allowPdf);
          if (copy) temporary.push(copy);
        } catch (error) {
          if (!(error instanceof UploadRefused)) throw error;
          throw new errors.ValidationError(error.message, {
            errors: [{ path: errorPath(field), message: error.message, name: 'ValidationError' }],
          });
        }
      }
      await next();
    } finally {
      await Promise.all(temporary.map((file) => fs.promises.rm(file, { force: true })));
    }
  };

/** Whether a string anywhere in a parsed query or body (keys included) holds a NUL character. */
function holdsNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (typeof item === 'string') {
      if (item.includes('\u0000')) return true;
    } else if (item && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        if (key.includes('\u0000')) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

/**
 * A database "data exception" (PostgreSQL's class 22: `abc` where a number is stored, a number out
 * of range, an impossible date, text too long for its column): a value of the request the route did
 * not check, never the server's fault. SQLite stores such values as they come.
 */
function dataException(error: unknown): Error | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^22[0-9A-Z]{3}$/.test(code)) return null;
  return new errors.ValidationError(
    'Dữ liệu gửi lên không hợp lệ: có giá trị không đúng kiểu hoặc vượt giới hạn (ví dụ chữ ở chỗ cần số).',
  );
}

/**
 * `plugin::accounts.input-guard` (after `strapi::body`), for every route, those of Strapi's own
 * plugins and those added later included. On the public API, a NUL character (which PostgreSQL
 * cannot store or compare, and no form sends), `filters` of a shape the database cannot bind (an
 * operator holding an object, too deep, too many conditions) and `fields` or `sort` naming an
 * inherited property of plain objects (`fields[0]=__proto__`, which Strapi's validation passes to
 * SQL) answer 400 before the route runs. On admin routes, a path segment such as `constructor` is
 * not found. Everywhere, a value the database refuses for its type answers 400, not 500.
 */
const inputGuard = () => async (ctx: Context, next: () => Promise<void>) => {
  if (ctx.path.startsWith('/api/')) {
    if (holdsNul(ctx.query) || holdsNul((ctx.request as { body?: unknown }).body)) {
      throw new errors.ValidationError('Dữ liệu gửi lên chứa ký tự không hợp lệ (NUL).');
    }
    checkFilterShape(ctx.query.filters);
    checkFieldNames(ctx.query);
  } else if (ctx.path.split('/').some((segment) => isInheritedName(segment))) {
    // Admin routes (Strapi's content manager and content-type builder among them) look their path's
    // model, field and id up in plain objects. Public routes are not guarded so: a product may be
    // called "Constructor" (its slug), and their lookups are fixed at the root.
    throw new errors.NotFoundError('Không tìm thấy.');
  }
  try {
    await next();
  } catch (error) {
    throw dataException(error) ?? error;
  }
};

/**
 * `plugin::accounts.media-gate` (just before `strapi::public`): `/uploads/<file>` serves a file of
 * the media library only when it is public (a published version shows it, or staff put it there and
 * nothing shows it yet) or the address carries a valid signature (the seller's own pages, the
 * admin); a picture of an item not approved yet answers 404 to anyone else. A signed answer is
 * private to the browser that asked.
 */
const mediaGate =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    if (!['GET', 'HEAD'].includes(ctx.method) || !ctx.path.startsWith('/uploads/')) return next();
    const media = accountsService(strapi, 'media');
    if (media.isSigned(ctx.path, ctx.query)) {
      await next();
      ctx.set('Cache-Control', 'private, max-age=3600');
      return;
    }
    let name = ctx.path.slice('/uploads/'.length);
    try {
      name = decodeURIComponent(name);
    } catch {
      // not a name the library gives: the static folder answers
    }
    if ((await media.isPublic(name)) === false) throw new errors.NotFoundError('Không tìm thấy tệp.');
    return next();
  };

export default {
  'rate-limit': rateLimit,
  'media-gate': mediaGate,
  attempts,
  'input-guard': inputGuard,
  'body-guard': bodyGuard,
  'upload-guard': uploadGuard,
};
