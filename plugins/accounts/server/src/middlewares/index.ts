import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import fs from 'node:fs';
import { UPLOAD_RULES } from '@sgd/config';
import { checkFilterShape, clientAddress } from '@sgd/plugin-core';
import { cleanUpload, UploadRefused, type IncomingFile, type UploadLimits } from '../lib/clean-upload';
import { isAuthGroup, rateGroupOf } from '../lib/rate-limit';
import { accountsService } from '../utils/get-service';

type Context = {
  path: string;
  method: string;
  request: {
    ip: string;
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

/**
 * `plugin::accounts.rate-limit` (cms/config/middlewares.ts): limits the auth routes and every other
 * write to the public API per client (`AUTH_RATE_LIMITS`, `WRITE_RATE_LIMITS`): the visitor's
 * address the site signs, else the socket's IP (see `clientAddress` in @sgd/plugin-core); on the path as
 * the router reads it (case, repeated and trailing slashes, encoding), so neither a different email
 * in the body nor `/API/Accounts/Login/` starts a fresh count.
 */
const rateLimit =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    const group = rateGroupOf(ctx.method, ctx.path);
    if (!group) return next();
    const limiter = accountsService(strapi, 'rate-limit');
    const wait = await limiter.check(group, clientAddress(ctx, strapi));
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      const minutes = Math.max(1, Math.ceil(wait / 60));
      const message = isAuthGroup(group)
        ? `Bạn đã thử quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`
        : `Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ${minutes} phút.`;
      throw new errors.RateLimitError(message, { retryAfter: wait });
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
 * `plugin::accounts.input-guard` (after `strapi::body`), for every route of the public API, those
 * of Strapi's own plugins included: a NUL character (which PostgreSQL cannot store or compare, and
 * no form sends) and `filters` of a shape the database cannot bind (an operator holding an object,
 * too deep, too many conditions) answer 400 before the route runs.
 */
const inputGuard = () => async (ctx: Context, next: () => Promise<void>) => {
  if (!ctx.path.startsWith('/api/')) return next();
  if (holdsNul(ctx.query) || holdsNul((ctx.request as { body?: unknown }).body)) {
    throw new errors.ValidationError('Dữ liệu gửi lên chứa ký tự không hợp lệ (NUL).');
  }
  checkFilterShape(ctx.query.filters);
  return next();
};

export default {
  'rate-limit': rateLimit,
  'input-guard': inputGuard,
  'body-guard': bodyGuard,
  'upload-guard': uploadGuard,
};
