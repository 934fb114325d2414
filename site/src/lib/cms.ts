/**
 * The only module that talks to the CMS. Every answer is checked (`res.ok`, then a zod schema); any
 * failure becomes one `CmsError` carrying the endpoint and the HTTP status, so pages can tell "not
 * found" (404), "bad input" (400, with the CMS's Vietnamese message) and "CMS down" (anything else).
 */
import { request as undiciRequest, type Dispatcher } from 'undici';
import type { z } from 'zod/v4';
import { EXCHANGE_MANAGER } from '@sgd/config';
import { autocompleteSchema, errorBodySchema, type Autocomplete } from '@sgd/contracts';
import {
  administrativeUnitSchema,
  categorySchema,
  departmentSchema,
  directoryListingSchema,
  legalDocumentSchema,
  licenceRecordSchema,
  listOf,
  marketSchema,
  newsArticleSchema,
  oneOf,
  openDataCatalogueSchema,
  productionAreaEntrySchema,
  productReviewSchema,
  productCommentSchema,
  productCardSchema,
  productSchema,
  searchPageOf,
  licenceTrustCardSchema,
  sellerSchema,
  sellerTrustCardSchema,
  sitemapEntrySchema,
  statisticsSchema,
  supplyDemandPostSchema,
  type AdministrativeUnit,
  type Category,
  type Department,
  type DirectoryListing,
  type LegalDocument,
  type LicenceRecord,
  type Market,
  type NewsArticle,
  type OpenDataCatalogue,
  type Page,
  type Product,
  type ProductCardData,
  type ProductReview,
  type SearchPage,
  type ProductComment,
  type ProductionAreaEntry,
  type PostKind,
  type LicenceTrustCard,
  type Seller,
  type SellerTrustCard,
  type SitemapEntry,
  type Statistics,
  type SupplyDemandPost,
} from './schemas';
import { todayInVietnam } from './format';
import { noteCmsUnavailable, noteSavedCopy } from './request-context';
import { createResponseCache } from './response-cache';

export const DEFAULT_CMS_URL = 'http://127.0.0.1:1337';
/** The longest a CMS that is alive may take to answer a page's call. */
export const REQUEST_TIMEOUT_MS = 8000;
/**
 * A call that has no answer after this long makes the client ask the CMS's liveness route
 * (`GET /_health`, answered without the database); no answer to that within `PROBE_TIMEOUT_MS`
 * either, and the call is given up: the CMS is unreachable (stopped, hung, a network that drops
 * packets), and the visitor gets the outage page in about two seconds instead of waiting for the
 * timeout. A CMS that is only slow (a heavy search) answers the probe and is waited for. With the
 * probe's time, 2.2 s: a loaded site renders the outage page well within the 3 s promised.
 */
export const SLOW_AFTER_MS = 700;
/** A CMS busy with other requests may take a moment to answer even its liveness route. */
export const PROBE_TIMEOUT_MS = 1500;
/**
 * After the CMS was found unreachable, calls ask its liveness route first for this long (at once,
 * rather than after `SLOW_AFTER_MS`), and are given up as soon as that does not answer.
 */
export const UNREACHABLE_RECHECK_MS = 3000;
/**
 * How long a cached answer is trusted without hearing from the CMS: a safety net when the webhook
 * invalidates the cache (SITE_WEBHOOK_SECRET set), the only refresh otherwise.
 */
export const CACHE_TTL_WITH_WEBHOOK_MS = 10 * 60_000;
export const CACHE_TTL_WITHOUT_WEBHOOK_MS = 60_000;
export const CACHE_MAX_ENTRIES = 2000;
/** After a failure, the layout's links fall back to defaults for this long instead of retrying at once. */
const FAILURE_TTL_MS = 10_000;
/** After the last failed call, the site counts the CMS as down (and says so) for this long at most. */
const DEGRADED_MS = 60_000;
/** A CMS that has not answered since the site started is starting, for this long; then it is down. */
const STARTUP_GRACE_MS = 2 * 60_000;
const MAX_PAGE_SIZE = 100;

export function cmsBaseUrl(): string {
  return (process.env.CMS_URL || DEFAULT_CMS_URL).replace(/\/+$/, '');
}

function positiveNumber(value: string | undefined): number | null {
  const parsed = Number(value);
  return value && Number.isFinite(parsed) && parsed > 0 ? parsed : null;
}

/** Cache settings from the environment: SITE_CACHE_TTL_SECONDS, SITE_CACHE_MAX_ENTRIES. */
export function cacheSettings(env: Record<string, string | undefined> = process.env): {
  cacheTtlMs: number;
  cacheMaxEntries: number;
} {
  const ttlSeconds = positiveNumber(env.SITE_CACHE_TTL_SECONDS);
  return {
    cacheTtlMs:
      ttlSeconds !== null
        ? ttlSeconds * 1000
        : env.SITE_WEBHOOK_SECRET
          ? CACHE_TTL_WITH_WEBHOOK_MS
          : CACHE_TTL_WITHOUT_WEBHOOK_MS,
    cacheMaxEntries: positiveNumber(env.SITE_CACHE_MAX_ENTRIES) ?? CACHE_MAX_ENTRIES,
  };
}

export class CmsError extends Error {
  override readonly name = 'CmsError';
  /** Path and query of the request, e.g. `/api/products/xoai?…`. */
  readonly endpoint: string;
  /** HTTP status of the CMS's answer; null when no answer came (refused, timed out). */
  readonly status: number | null;
  /** The CMS's own message (`error.message`), meant for people, when it sent one. */
  readonly detail: string | null;

  constructor(message: string, endpoint: string, status: number | null, detail: string | null = null) {
    super(message);
    this.endpoint = endpoint;
    this.status = status;
    this.detail = detail;
  }
}

export type QueryValue = string | number | undefined | null;
export type Query = Record<string, QueryValue>;

export interface SearchParams {
  q?: string;
  category?: string;
  licenceType?: string;
  ocopStars?: string | number;
  commune?: string;
  priceMin?: string;
  priceMax?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export interface SiteLink {
  slug: string;
  title: string;
}

/** The department running the exchange, as the footer and the contact page show it. */
export type ExchangeManager = Pick<Department, 'name' | 'code' | 'address' | 'phone' | 'email'>;

export interface SiteLinks {
  regulation: SiteLink | null;
  privacyPolicy: SiteLink | null;
  complaintProcess: SiteLink | null;
}

const NO_LINKS: SiteLinks = { regulation: null, privacyPolicy: null, complaintProcess: null };

export interface CmsClientOptions {
  baseUrl?: string;
  timeoutMs?: number;
  /** See `SLOW_AFTER_MS` and `PROBE_TIMEOUT_MS`. */
  slowAfterMs?: number;
  probeTimeoutMs?: number;
  cacheTtlMs?: number;
  cacheMaxEntries?: number;
  /** Clock for the cache; tests pass their own. */
  now?: () => number;
}

function queryString(query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(key, String(value));
  }
  const encoded = params.toString();
  return encoded ? `?${encoded}` : '';
}

/** The reason a call is given up when the CMS does not answer its liveness route either. */
const UNREACHABLE = 'CmsUnreachable';

/** Why fetch failed, in a few words for the log. The abort reason is a DOMException, not always an Error. */
function networkReason(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = (error ?? {}) as {
    name?: unknown;
    message?: unknown;
    cause?: { code?: unknown };
  };
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  if (name === UNREACHABLE) return String(message);
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return `${typeof message === 'string' ? message : String(error)}${code}`;
}

/** No answer, or the CMS (or a proxy before it) failing: a cached copy is better than an error page. */
export function isOutage(error: unknown): boolean {
  return error instanceof CmsError && (error.status === null || error.status >= 500);
}

/** What is cached for an endpoint: its validated body, or the CMS's 404 (answered as null). */
type Answer = { found: true; body: unknown } | { found: false; error: CmsError };

async function errorDetail(body: Dispatcher.ResponseData['body']): Promise<string | null> {
  try {
    const parsed = errorBodySchema.safeParse(await body.json());
    return parsed.success ? parsed.data.error.message : null;
  } catch {
    return null;
  }
}

/**
 * Resolves once the answers already waiting on the sockets have been read: Node runs due timers
 * before it reads sockets, and the second turn leaves room for the reads' own callbacks.
 */
function afterWaitingAnswers(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

export function createCmsClient(options: CmsClientOptions = {}) {
  const baseUrl = (options.baseUrl ?? cmsBaseUrl()).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const slowAfterMs = options.slowAfterMs ?? SLOW_AFTER_MS;
  const probeTimeoutMs = options.probeTimeoutMs ?? PROBE_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const cache = createResponseCache<Answer>({
    ttlMs: options.cacheTtlMs ?? CACHE_TTL_WITHOUT_WEBHOOK_MS,
    maxEntries: options.cacheMaxEntries ?? CACHE_MAX_ENTRIES,
    now,
  });
  let lastOutageAt: number | null = null;
  let linksFailedAt: number | null = null;
  /** False until the CMS has answered once (any status) since the site started: it is starting. */
  let hasAnswered = false;
  /** Answers received from the CMS (any status) since the site started. */
  let answers = 0;
  const createdAt = now();
  /** Until then, calls ask the liveness route first: it did not answer a moment ago. */
  let unreachableUntil: number | null = null;
  /** The liveness probe in flight, shared by the calls waiting on a slow answer. */
  let probe: Promise<boolean> | null = null;

  /**
   * Whether the CMS answers `GET /_health` (any status) within the probe's time, or answers any
   * other call meanwhile: a CMS slow to reach its liveness route under load is still answering.
   * When the time is up, the answers that arrived meanwhile are read before deciding: a site that
   * was itself held up (its own CPU, a pause to collect garbage) runs its timers before the answers
   * waiting on its sockets, and must not take a CMS that did answer for unreachable.
   */
  function isAlive(): Promise<boolean> {
    const answersBefore = answers;
    probe ??= askHealth()
      .then((healthy) => healthy || answers > answersBefore)
      .then((alive) => {
        unreachableUntil = alive ? null : now() + UNREACHABLE_RECHECK_MS;
        return alive;
      })
      .finally(() => {
        probe = null;
      });
    return probe;
  }

  async function askHealth(): Promise<boolean> {
    const controller = new AbortController();
    let answered = false;
    const asked = fetch(`${baseUrl}/_health`, { signal: controller.signal }).then(
      async (res) => {
        answered = true;
        await res.body?.cancel();
        return true;
      },
      () => false,
    );
    const timer = setTimeout(() => {
      void afterWaitingAnswers().then(() => {
        if (!answered) controller.abort();
      });
    }, probeTimeoutMs);
    try {
      return await asked;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * One HTTP exchange with the CMS: given up after `limitMs`, or, for a read, as soon as the CMS is
   * found unreachable (see `SLOW_AFTER_MS`). A write (sign-in, an order, a form) is waited for until
   * `limitMs`: the CMS may be doing it, and the visitor must not be told it failed while it goes
   * through. While the CMS was found unreachable a moment ago, a call asks the liveness route first
   * and is given up at once if that does not answer either; a CMS that answers again is used at once.
   * No answer is a `CmsError` with a null status.
   */
  function send(path: string, init: RequestInit, limitMs: number): Promise<Response> {
    const method = (init.method ?? 'GET').toUpperCase();
    return exchange(
      path,
      method === 'GET' || method === 'HEAD',
      limitMs,
      (url, signal) => fetch(url, { ...init, signal }),
      async (res) => res,
      false,
    );
  }

  /**
   * `send`'s exchange, made by `ask` (fetch, or undici's `request` for the pages' reads), with the
   * answer read by `read` within the same time; the timer is cleared once it is read
   * (`clearWhenRead`), or left to run for a caller that reads the answer itself.
   */
  async function exchange<R, T>(
    path: string,
    isRead: boolean,
    limitMs: number,
    ask: (url: string, signal: AbortSignal) => Promise<R>,
    read: (res: R) => Promise<T>,
    clearWhenRead = true,
  ): Promise<T> {
    if (unreachableUntil !== null && now() < unreachableUntil && !(await isAlive())) {
      noteCmsUnavailable();
      throw new CmsError(
        `CMS unreachable at ${path}: no answer from /_health within ${probeTimeoutMs} ms, as a moment ago`,
        path,
        null,
      );
    }
    // One controller and two timers: `AbortSignal.any` of `AbortSignal.timeout` and a controller cost
    // ~60 µs a request on Node 20 (about 2 % of the site's CPU for a catalogue page).
    const controller = new AbortController();
    const timeout = setTimeout(
      () => controller.abort(new DOMException(`no answer within ${limitMs} ms`, 'TimeoutError')),
      limitMs,
    );
    const watchdog = setTimeout(() => {
      if (isRead)
        void isAlive().then((alive) => {
          if (alive) return;
          const reason = new Error(
            `no answer, and no answer from /_health within ${probeTimeoutMs} ms: the CMS is unreachable`,
          );
          reason.name = UNREACHABLE;
          controller.abort(reason);
        });
    }, slowAfterMs);
    try {
      let res: R;
      try {
        res = await ask(`${baseUrl}${path}`, controller.signal);
      } catch (error) {
        noteCmsUnavailable();
        throw new CmsError(`CMS unreachable at ${path}: ${networkReason(error, limitMs)}`, path, null);
      } finally {
        clearTimeout(watchdog);
      }
      hasAnswered = true;
      answers += 1;
      // The body too is read within the time.
      const answer = await read(res);
      if (!clearWhenRead) timeout.unref();
      return answer;
    } finally {
      if (clearWhenRead) clearTimeout(timeout);
    }
  }

  async function request<S extends z.ZodTypeAny>(path: string, query: Query, schema: S): Promise<z.infer<S>> {
    const endpoint = `${path}${queryString(query)}`;
    const read = await cache.read(
      endpoint,
      async (): Promise<Answer> => {
        try {
          const body = await fetchAnswer(endpoint, schema);
          // The CMS answers again: the layout's links are worth asking for on the next page.
          lastOutageAt = null;
          linksFailedAt = null;
          return { found: true, body };
        } catch (error) {
          if (isOutage(error)) {
            lastOutageAt = now();
            noteCmsUnavailable();
            throw error;
          }
          lastOutageAt = null;
          if (error instanceof CmsError && error.status === 404) return { found: false, error };
          throw error;
        }
      },
      isOutage,
    );
    if (read.stale) noteSavedCopy();
    if (!read.value.found) throw read.value.error;
    return read.value.body as z.infer<S>;
  }

  async function fetchAnswer<S extends z.ZodTypeAny>(endpoint: string, schema: S): Promise<z.infer<S>> {
    // undici's `request` rather than fetch: the same client without the WHATWG layers (Request,
    // Response, web streams), a third less of the site's CPU per call (0.33 ms instead of 0.52 for a
    // catalogue page's search answer, measured side by side).
    const ask = (url: string, signal: AbortSignal) =>
      undiciRequest(url, { headers: { accept: 'application/json' }, signal });
    return exchange(endpoint, true, timeoutMs, ask, async ({ statusCode: status, body: stream }) => {
      if (status < 200 || status > 299) {
        const detail = await errorDetail(stream);
        throw new CmsError(
          `CMS answered ${status} at ${endpoint}${detail ? `: ${detail}` : ''}`,
          endpoint,
          status,
          detail,
        );
      }
      let body: unknown;
      try {
        body = await stream.json();
      } catch {
        throw new CmsError(`CMS sent a body that is not JSON at ${endpoint}`, endpoint, status);
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? `${issue.path.join('.')}: ${issue.message}` : 'unknown';
        throw new CmsError(`Unexpected CMS answer at ${endpoint} (${where})`, endpoint, status);
      }
      return parsed.data;
    });
  }

  async function list<S extends z.ZodTypeAny>(
    path: string,
    query: Query,
    item: S,
  ): Promise<Page<z.infer<S>>> {
    const body = await request(path, query, listOf(item));
    return { items: body.data, pagination: body.meta.pagination };
  }

  async function search<S extends z.ZodTypeAny>(query: Query, item: S): Promise<SearchPage<z.infer<S>>> {
    const body = await request('/api/search', query, searchPageOf(item));
    return {
      items: body.data,
      pagination: body.meta.pagination,
      corrected: body.meta.corrected ?? null,
      suggestion: body.meta.suggestion ?? null,
      capped: body.meta.capped ?? false,
    };
  }

  /** One document by slug; null when the CMS answers 404. */
  async function findOne<S extends z.ZodTypeAny>(
    path: string,
    slug: string,
    item: S,
  ): Promise<z.infer<S> | null> {
    try {
      const body = await request(`${path}/${encodeURIComponent(slug)}`, {}, oneOf(item));
      return body.data;
    } catch (error) {
      if (error instanceof CmsError && error.status === 404) return null;
      throw error;
    }
  }

  /** Every page of a list, joined, per list read whole (a few fixed lists: communes, categories…). */
  const gathered = new Map<string, { pages: unknown[][]; items: unknown[] }>();

  async function allPages<S extends z.ZodTypeAny>(
    path: string,
    query: Query,
    item: S,
  ): Promise<z.infer<S>[]> {
    const first = await list(
      path,
      { ...query, 'pagination[page]': 1, 'pagination[pageSize]': MAX_PAGE_SIZE },
      item,
    );
    const rest = await Promise.all(
      Array.from({ length: Math.max(0, first.pagination.pageCount - 1) }, (_, index) =>
        list(path, { ...query, 'pagination[page]': index + 2, 'pagination[pageSize]': MAX_PAGE_SIZE }, item),
      ),
    );
    // The same answers (from the answer cache) give the same array, so that what pages derive from it
    // (the communes' and categories' options, sorted in Vietnamese order) is derived once.
    const pages = [first, ...rest].map((page) => page.items);
    const key = `${path}${queryString(query)}`;
    const known = gathered.get(key);
    if (
      known &&
      known.pages.length === pages.length &&
      known.pages.every((items, index) => items === pages[index])
    )
      return known.items as z.infer<S>[];
    const items = pages.flat();
    gathered.set(key, { pages, items });
    return items;
  }

  function searchQuery(type: 'products' | 'sellers', params: SearchParams): Query {
    return {
      q: params.q,
      type,
      category: params.category,
      licenceType: params.licenceType,
      ocopStars: params.ocopStars,
      commune: params.commune,
      priceMin: type === 'products' ? params.priceMin : undefined,
      priceMax: type === 'products' ? params.priceMax : undefined,
      sort: params.sort,
      page: params.page,
      pageSize: params.pageSize,
    };
  }

  /** The departments and their public office contacts, as the admin keeps them. */
  function departments(): Promise<Department[]> {
    return allPages('/api/departments', { sort: 'name:asc' }, departmentSchema);
  }

  async function currentDocument(kind: string): Promise<SiteLink | null> {
    const page = await list(
      '/api/legal-documents',
      {
        'filters[kind][$eq]': kind,
        'filters[effectiveFrom][$lte]': todayInVietnam(),
        sort: 'effectiveFrom:desc',
        'pagination[pageSize]': 1,
      },
      legalDocumentSchema,
    );
    const doc = page.items[0];
    return doc ? { slug: doc.slug, title: doc.title } : null;
  }

  return {
    baseUrl,

    /** A raw exchange with the CMS (personal calls read their own answers), with the same limits. */
    send,

    /** Products found, as the catalogue's cards show them (the CMS sends only those fields: `view=card`). */
    searchProducts(params: SearchParams): Promise<SearchPage<ProductCardData>> {
      return search({ ...searchQuery('products', params), view: 'card' }, productCardSchema);
    },

    searchSellers(params: SearchParams): Promise<SearchPage<Seller>> {
      return search(searchQuery('sellers', params), sellerSchema);
    },

    /** Names for the search box as the visitor types (at most 10). */
    async autocomplete(q: string, type: 'products' | 'sellers'): Promise<Autocomplete['data']> {
      return (await request('/api/search/autocomplete', { q, type }, autocompleteSchema)).data;
    },

    getProduct(slug: string): Promise<Product | null> {
      return findOne('/api/products', slug, productSchema);
    },

    /** Approved reviews of a product, newest first (its own pagination: `page`, `pageSize`). */
    getProductReviews(slug: string, pageSize = 10, page = 1): Promise<Page<ProductReview>> {
      return list(
        `/api/products/${encodeURIComponent(slug)}/reviews`,
        { page, pageSize },
        productReviewSchema,
      );
    },

    /** Approved comments of a product, newest first. */
    getProductComments(slug: string, pageSize = 10, page = 1): Promise<Page<ProductComment>> {
      return list(
        `/api/products/${encodeURIComponent(slug)}/comments`,
        { page, pageSize },
        productCommentSchema,
      );
    },

    getSeller(slug: string): Promise<Seller | null> {
      return findOne('/api/sellers', slug, sellerSchema);
    },

    /** A seller's trust card, live (a locked seller says so); null when it has none. */
    getSellerTrustCard(slug: string): Promise<SellerTrustCard | null> {
      return findOne(`/api/sellers/${encodeURIComponent(slug)}`, 'trust-card', sellerTrustCardSchema);
    },

    /** A licence's trust card, live; null when it has none. */
    getLicenceTrustCard(documentId: string): Promise<LicenceTrustCard | null> {
      return findOne(`/api/licences/${encodeURIComponent(documentId)}`, 'trust-card', licenceTrustCardSchema);
    },

    getSellerProducts(sellerSlug: string, pageSize = 24): Promise<Page<Product>> {
      return list(
        '/api/products',
        { 'filters[seller][slug][$eq]': sellerSlug, sort: 'name:asc', 'pagination[pageSize]': pageSize },
        productSchema,
      );
    },

    /**
     * Verified licences with this number however it was typed (case, spaces, dashes, tone marks,
     * full-width characters: the CMS folds it); a number may exist at more than one seller.
     */
    async checkLicence(number: string): Promise<LicenceRecord[]> {
      const answer = await request('/api/licences/check', { number }, oneOf(licenceRecordSchema.array()));
      return answer.data;
    },

    /** Buy and sell needs still valid, newest first; `kind` keeps one of the two. */
    getSupplyDemandPosts(params: {
      kind?: PostKind;
      page?: number;
      pageSize?: number;
    }): Promise<Page<SupplyDemandPost>> {
      return list(
        '/api/supply-demand-posts',
        {
          'filters[kind][$eq]': params.kind,
          // Newest first; the id breaks ties so that no post shows on two pages or on none.
          'sort[0]': 'publishedAt:desc',
          'sort[1]': 'id:desc',
          'pagination[page]': params.page,
          'pagination[pageSize]': params.pageSize,
        },
        supplyDemandPostSchema,
      );
    },

    /** One published buy or sell post, by slug or documentId; null when it is not public. */
    getSupplyDemandPost(slug: string): Promise<SupplyDemandPost | null> {
      return findOne('/api/supply-demand-posts', slug, supplyDemandPostSchema);
    },

    /** Every published production area, by name. */
    getProductionAreas(): Promise<ProductionAreaEntry[]> {
      return allPages('/api/production-areas', { sort: 'name:asc' }, productionAreaEntrySchema);
    },

    /** Markets, supermarkets, malls and convenience stores, by name; `kind` keeps one kind. */
    getMarkets(kind?: string): Promise<Market[]> {
      return allPages('/api/markets', { 'filters[kind][$eq]': kind, sort: 'name:asc' }, marketSchema);
    },

    getDepartments: departments,

    /**
     * The department running the exchange with its contacts as the admin keeps them (the footer of
     * every page and the contact page say the same); the configured ones while the CMS cannot say.
     */
    async getExchangeManager(): Promise<ExchangeManager> {
      try {
        const kept = (await departments()).find((department) => department.code === EXCHANGE_MANAGER.code);
        if (kept)
          return {
            name: kept.name,
            code: kept.code,
            address: kept.address,
            phone: kept.phone,
            email: kept.email,
          };
      } catch {
        // The CMS is down with no saved copy (already noted for the page), or answered nonsense.
      }
      return EXCHANGE_MANAGER;
    },

    /** Counts for `/thong-ke` (SQL aggregates in the CMS, cached here like every answer). */
    async getStatistics(): Promise<Statistics> {
      return (await request('/api/statistics', {}, statisticsSchema)).data;
    },

    /** The open datasets for `/du-lieu-mo`. */
    getOpenDataCatalogue(): Promise<OpenDataCatalogue> {
      return request('/api/open-data', {}, openDataCatalogueSchema);
    },

    getCategories(): Promise<Category[]> {
      return allPages('/api/categories', {}, categorySchema);
    },

    getCommunes(): Promise<AdministrativeUnit[]> {
      return allPages(
        '/api/administrative-units',
        { 'filters[level][$eq]': 'commune', sort: 'name:asc' },
        administrativeUnitSchema,
      );
    },

    async getLatestNews(limit = 3): Promise<NewsArticle[]> {
      const page = await list(
        '/api/news-articles',
        { sort: 'publishedOn:desc', 'pagination[pageSize]': limit },
        newsArticleSchema,
      );
      return page.items;
    },

    /** News, newest first, a page at a time. */
    getNews(page: number, pageSize: number): Promise<Page<NewsArticle>> {
      return list(
        '/api/news-articles',
        {
          'sort[0]': 'publishedOn:desc',
          'sort[1]': 'id:desc',
          'pagination[page]': page,
          'pagination[pageSize]': pageSize,
        },
        newsArticleSchema,
      );
    },

    /** Approved listings of QC Điều 6.9 (investment projects, tourism…), newest first; `kind` keeps one kind. */
    getDirectoryListings(params: {
      kind?: string;
      page?: number;
      pageSize?: number;
    }): Promise<Page<DirectoryListing>> {
      return list(
        '/api/directory-listings',
        {
          'filters[kind][$eq]': params.kind,
          'sort[0]': 'publishedAt:desc',
          'sort[1]': 'id:desc',
          'pagination[page]': params.page,
          'pagination[pageSize]': params.pageSize,
        },
        directoryListingSchema,
      );
    },

    getDirectoryListing(slug: string): Promise<DirectoryListing | null> {
      return findOne('/api/directory-listings', slug, directoryListingSchema);
    },

    getNewsArticle(slug: string): Promise<NewsArticle | null> {
      return findOne('/api/news-articles', slug, newsArticleSchema);
    },

    getLegalDocuments(): Promise<LegalDocument[]> {
      return allPages('/api/legal-documents', { sort: 'effectiveFrom:desc' }, legalDocumentSchema);
    },

    getLegalDocument(slug: string): Promise<LegalDocument | null> {
      return findOne('/api/legal-documents', slug, legalDocumentSchema);
    },

    async getDocumentVersions(series: string): Promise<LegalDocument[]> {
      const page = await list(
        '/api/legal-documents',
        { 'filters[series][$eq]': series, sort: 'effectiveFrom:desc', 'pagination[pageSize]': MAX_PAGE_SIZE },
        legalDocumentSchema,
      );
      return page.items;
    },

    /** How many products or sellers are published. */
    async countPublished(kind: 'products' | 'sellers'): Promise<number> {
      const page = await list(`/api/${kind}`, { 'pagination[pageSize]': 1 }, sitemapEntrySchema);
      return page.pagination.total;
    },

    /** Slugs and last changes of one sitemap file of products or sellers (`perFile` a multiple of 100). */
    async getSitemapEntries(
      kind: 'products' | 'sellers',
      file: number,
      perFile: number,
    ): Promise<SitemapEntry[]> {
      const requests = Math.ceil(perFile / MAX_PAGE_SIZE);
      const pages = await Promise.all(
        Array.from({ length: requests }, (_, index) =>
          list(
            `/api/${kind}`,
            {
              sort: 'id:asc',
              'pagination[page]': (file - 1) * requests + index + 1,
              'pagination[pageSize]': MAX_PAGE_SIZE,
            },
            sitemapEntrySchema,
          ),
        ),
      );
      return pages.flatMap((page) => page.items);
    },

    getNewsEntries(): Promise<SitemapEntry[]> {
      return allPages('/api/news-articles', { sort: 'publishedOn:desc' }, sitemapEntrySchema);
    },

    /**
     * Links every page shows (header, footer). Never throws: when the CMS is down the layout still
     * renders, with links to the list of documents instead.
     */
    async getSiteLinks(): Promise<SiteLinks> {
      if (linksFailedAt !== null && now() - linksFailedAt < FAILURE_TTL_MS) {
        noteCmsUnavailable();
        return NO_LINKS;
      }
      try {
        const [regulation, privacyPolicy, complaintProcess] = await Promise.all([
          currentDocument('operating_regulation'),
          currentDocument('privacy_policy'),
          currentDocument('complaint_process'),
        ]);
        linksFailedAt = null;
        return { regulation, privacyPolicy, complaintProcess };
      } catch {
        linksFailedAt = now();
        noteCmsUnavailable();
        return NO_LINKS;
      }
    },

    /** The privacy policy in force (null: none yet); an outage throws, unlike `getSiteLinks`. */
    getPrivacyPolicy(): Promise<SiteLink | null> {
      return currentDocument('privacy_policy');
    },

    /** The CMS said content changed: every cached answer is reloaded on its next use. */
    invalidate(): void {
      cache.invalidate();
      linksFailedAt = null;
    },

    /** True while the CMS is not answering and pages are built from cached copies. */
    isDegraded(): boolean {
      return lastOutageAt !== null && now() - lastOutageAt < DEGRADED_MS;
    },

    /**
     * True until the CMS answers for the first time since the site started (`npm start` starts both,
     * the site first), for two minutes at most.
     */
    isStarting(): boolean {
      return !hasAnswered && now() - createdAt < STARTUP_GRACE_MS;
    },
  };
}

export type CmsClient = ReturnType<typeof createCmsClient>;

/** The client pages use, configured from the environment (CMS_URL, SITE_CACHE_*, SITE_WEBHOOK_SECRET). */
export const cms: CmsClient = createCmsClient(cacheSettings());
