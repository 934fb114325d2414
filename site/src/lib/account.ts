/**
 * The visitor's account: calls to the CMS's /api/accounts routes and the session cookie. The CMS's
 * JWT lives only in an httpOnly, SameSite=Lax cookie (never in the page or in localStorage); forms
 * post to the same origin, which Astro checks (`security.checkOrigin`).
 */
import type { AstroCookies } from 'astro';
import { z } from 'zod';
import { visitorHeaders } from './client-address';
import { cms, CmsError } from './cms';

/** Personal calls may carry files (scans, pictures): a CMS that is alive gets this long. */
const PERSONAL_TIMEOUT_MS = 30_000;

export const SESSION_COOKIE = 'sgd_phien';
/** The identifier waiting for its activation code, kept between the register and activate pages. */
export const PENDING_COOKIE = 'sgd_cho_kich_hoat';
const SESSION_DAYS = 7;

/** The paging a list answer carries (orders, complaints…). */
const listMeta = z.object({
  pagination: z.object({
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
});
export type ListMeta = z.infer<typeof listMeta>;

/**
 * What the CMS answered: data (with the paging of a list), or a message for the person and the
 * message of each field.
 */
export type AccountResult<T> =
  | { ok: true; status: number; data: T; meta?: ListMeta }
  | { ok: false; status: number; message: string; fields: Record<string, string> };

const UNAVAILABLE = 'Hệ thống tài khoản đang bận. Vui lòng thử lại sau ít phút.';

interface CallOptions {
  token?: string | null;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

export function callAccounts<S extends z.ZodTypeAny>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  answer: S,
  options: CallOptions = {},
): Promise<AccountResult<z.output<S>>> {
  return callApi(method, `/accounts${path}`, answer, options);
}

/**
 * A personal call to the CMS's content API (`/api<path>`) with the visitor's token. `answer` is the
 * shape of the answer's `data` at this endpoint: an answer of another shape is treated like the
 * public reads treat one (`lib/cms.ts`): logged with its endpoint and never shown, and the person is
 * told the service is unavailable (502), as when the CMS fails.
 */
export async function callApi<S extends z.ZodTypeAny>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  answer: S,
  options: CallOptions = {},
): Promise<AccountResult<z.output<S>>> {
  let res: Response;
  try {
    res = await cms.send(
      `/api${path}`,
      {
        method,
        headers: {
          accept: 'application/json',
          ...visitorHeaders(),
          ...options.headers,
          ...(options.json !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
        body: options.form ?? (options.json !== undefined ? JSON.stringify(options.json) : undefined),
      },
      PERSONAL_TIMEOUT_MS,
    );
  } catch {
    return { ok: false, status: 503, message: UNAVAILABLE, fields: {} };
  }
  const body = (await res.json().catch(() => null)) as {
    data?: unknown;
    meta?: unknown;
    error?: { message?: string; details?: { errors?: { path?: string[]; message?: string }[] } };
  } | null;
  if (res.ok) {
    // `{ data }` envelopes (data may be null: "no business yet"), or a bare document (the export).
    const data = body && typeof body === 'object' && 'data' in body ? body.data : body;
    const parsed = answer.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown';
      console.error(`Unexpected CMS answer at /api${path} (${where})`);
      return { ok: false, status: 502, message: UNAVAILABLE, fields: {} };
    }
    const meta = listMeta.safeParse(body?.meta);
    return {
      ok: true,
      status: res.status,
      data: parsed.data as z.output<S>,
      ...(meta.success ? { meta: meta.data } : {}),
    };
  }
  const fields: Record<string, string> = {};
  for (const issue of body?.error?.details?.errors ?? []) {
    const key = issue.path?.[issue.path.length - 1] ?? issue.path?.[0];
    if (key && issue.message && !fields[key]) fields[key] = issue.message;
  }
  // 503 carries a message meant for people (a mail or SMS that could not go); other 5xx do not.
  const message =
    res.status >= 500 && !(res.status === 503 && body?.error?.message)
      ? UNAVAILABLE
      : (body?.error?.message ?? 'Yêu cầu không hợp lệ.');
  return { ok: false, status: res.status, message, fields };
}

const secure = (url: URL) => url.protocol === 'https:';

export function startSession(cookies: AstroCookies, url: URL, jwt: string) {
  cookies.set(SESSION_COOKIE, jwt, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(url),
    path: '/',
    maxAge: SESSION_DAYS * 24 * 3600,
  });
}

export function endSession(cookies: AstroCookies) {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}

export function sessionToken(cookies: AstroCookies): string | null {
  return cookies.get(SESSION_COOKIE)?.value ?? null;
}

export function rememberPending(cookies: AstroCookies, url: URL, identifier: string) {
  cookies.set(PENDING_COOKIE, identifier, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(url),
    path: '/tai-khoan',
    maxAge: 3600,
  });
}

/** Who I am, as `/api/accounts/me` answers. */
export const profileSchema = z.object({
  id: z.number().int(),
  fullName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  role: z.string().nullable(),
  createdAt: z.string(),
  consent: z.object({ privacyPolicyVersion: z.string().nullable(), at: z.string().nullable() }),
});
export type Profile = z.infer<typeof profileSchema>;

/** A session the CMS opens (sign in, activation): its token. */
export const sessionSchema = z.object({ jwt: z.string().min(1) });
/** An answer that only tells the person something (a code was sent, a password reset). */
export const messageSchema = z.object({ message: z.string() });
/** The answer of a call whose data the site does not read (only whether it succeeded). */
export const unreadAnswer = z.unknown();

/** What an action gives its page when it or the CMS refused: the message, each field's, the status. */
export interface Refusal {
  ok: false;
  status: number;
  message: string;
  fields: Record<string, string>;
}
export const refusal = (res: Extract<AccountResult<unknown>, { ok: false }>): Refusal => ({
  ok: false,
  status: res.status,
  message: res.message,
  fields: res.fields,
});

/** Who is signed in: their session token (for the CMS) and profile. */
export interface SignedIn {
  token: string;
  profile: Profile;
}

/**
 * The signed-in person, or null (no cookie, expired or refused token: the cookie is dropped). The
 * middleware settles it once per request (`Astro.locals.user`); pages read that.
 */
export async function currentUser(cookies: AstroCookies): Promise<SignedIn | null> {
  const token = sessionToken(cookies);
  if (!token) return null;
  const res = await callAccounts('GET', '/me', profileSchema, { token });
  if (res.ok) return { token, profile: res.data };
  // Not knowing who this is because the CMS does not answer is an outage, not "signed out".
  if (res.status >= 500)
    throw new CmsError(
      `Account unavailable at /api/accounts/me: ${res.message}`,
      '/api/accounts/me',
      res.status,
    );
  if (res.status === 401 || res.status === 403) endSession(cookies);
  return null;
}

/** Form text, trimmed; '' when missing. */
export const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

const ACCOUNT_HOME = '/tai-khoan';
/** Where a person lands after signing out on every device: the sign-in page, saying so. */
export const SIGNED_OUT_EVERYWHERE = '/tai-khoan/dang-nhap?da-dang-xuat=moi-thiet-bi';
/** Any origin would do: a path that stays on it stays on the site. */
const PROBE_ORIGIN = 'http://dia-chi-kiem-tra.invalid';
/**
 * Backslashes (browsers read `/\evil.example` as `//evil.example`), control characters (browsers
 * drop tabs and line breaks, so `/\t/evil.example` becomes `//evil.example`; CR/LF would also break
 * the Location header), spaces, and invisible or direction-changing marks (U+200B–U+200F,
 * U+2028–U+202E, U+2060–U+2069, U+FEFF) that make an address read differently from what it is.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const UNSAFE_IN_PATH = /[\\\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

/**
 * Where to go back to after signing in: a path of this site, as the browser will read it, or the
 * account page. Never another site, and never a value that cannot be a Location header.
 */
export function safeNext(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || UNSAFE_IN_PATH.test(value)) {
    return ACCOUNT_HOME;
  }
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return ACCOUNT_HOME;
  }
  if (url.origin !== PROBE_ORIGIN) return ACCOUNT_HOME;
  // Percent-encoded as the browser would send it: only ASCII reaches the Location header.
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Account pages are personal: never cached anywhere. */
export function noStore(headers: Headers) {
  headers.set('Cache-Control', 'private, no-store');
}
