import { defineMiddleware, sequence } from 'astro:middleware';
import { currentUser } from './lib/account';
import { cms, CmsError, isOutage } from './lib/cms';
import { formProblem, takesOtherBody } from './lib/form-guard';
import { isDegradedRequest } from './lib/http';
import { createOutageReporter, OUTAGE_PAGE } from './lib/outage';
import { pageCache } from './lib/page-cache';
import { withRequest } from './lib/request-context';
import { withSecurityHeaders } from './lib/security-headers';

/** Where a POST that is not a readable form is answered (see `lib/form-guard.ts`). */
const FORM_PROBLEM_PAGE = '/yeu-cau-khong-hop-le';

function visitorAddress(read: () => string): string | null {
  try {
    return read();
  } catch {
    return null; // not known for this request (a prerendered page)
  }
}

const outages = createOutageReporter();

/** Every answer carries the security headers (`lib/security-headers.ts`). */
const secured = defineMiddleware(async (context, next) => withSecurityHeaders(await next(), context.url));

/**
 * Every request runs in a context of its own (`lib/request-context.ts`): its visitor's address goes
 * with the calls it makes to the CMS, so the CMS's per-client limits count visitors, not the site;
 * and what the CMS answered (fresh, a saved copy, nothing) is known to the layout and the cache.
 */
const inContext = defineMiddleware((context, next) =>
  withRequest(
    visitorAddress(() => context.clientAddress),
    () => next(),
  ),
);

/** A POST that is not a readable form never reaches a page or an action (`lib/form-guard.ts`). */
const readableForms = defineMiddleware(async (context, next) => {
  // Already answered: this is the rewrite to the page that says so.
  if (context.locals.formProblem) return next();
  if (context.request.method !== 'POST' || takesOtherBody(context.url.pathname)) return next();
  const problem = await formProblem(context.request);
  if (!problem) return next();
  context.locals.formProblem = problem;
  return context.rewrite(FORM_PROBLEM_PAGE);
});

/**
 * A page the CMS cannot answer for (not started yet, or down, and no saved copy) is answered by
 * the outage page (503 with `Retry-After`), with one log line per outage instead of a stack trace
 * per request.
 */
const outagePage = defineMiddleware(async (context, next) => {
  try {
    const response = await next();
    if (!cms.isDegraded()) outages.answered();
    return response;
  } catch (error) {
    if (!(error instanceof CmsError) || !isOutage(error) || context.url.pathname === OUTAGE_PAGE) throw error;
    outages.failed(error, cms.isStarting());
    return context.rewrite(OUTAGE_PAGE);
  }
});

/** The pages and actions that depend on who is signed in. */
const PERSONAL = /^\/(tai-khoan|bao-cao-vi-pham|_actions)(\/|$)/;

/**
 * Who is signed in is settled once, here, for the personal pages (`Astro.locals.user`); a CMS that
 * cannot say (an outage) is answered by the outage page like any other call.
 */
const signedIn = defineMiddleware(async (context, next) => {
  context.locals.user = PERSONAL.test(context.url.pathname) ? await currentUser(context.cookies) : null;
  return next();
});

/**
 * Public pages are answered from the page cache while the CMS has not said anything changed; a
 * miss renders the page and keeps it if the page marked itself public and was built from fresh
 * answers only (see `lib/page-cache.ts`). A browser revalidating a version it holds gets 304.
 */
const cachedPages = defineMiddleware(async (context, next) => {
  if (context.request.method !== 'GET') return next();
  const key = context.url.href;
  const hit = pageCache.get(key, context.request.headers.get('if-none-match'));
  if (hit) return hit;
  const renderedIn = pageCache.generation();
  return pageCache.keep(key, renderedIn, await next(), isDegradedRequest);
});

export const onRequest = sequence(secured, inContext, readableForms, outagePage, signedIn, cachedPages);
