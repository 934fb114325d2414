/**
 * The catalogue's state lives in the URL (a plain GET form, no JavaScript): these helpers read it
 * back, turn it into a search for the CMS, and build the links of the pagination.
 */
import type { SearchParams } from './cms';
import { pageParam } from './paging';

export const CATALOGUE_PATH = '/san-pham';
export const CATALOGUE_PAGE_SIZE = 24;

export type CatalogueType = 'products' | 'sellers';

export interface CatalogueQuery {
  q: string;
  type: CatalogueType;
  category: string;
  licenceType: string;
  ocopStars: string;
  commune: string;
  /** Prices in đồng, as typed ("50.000" is fine). */
  priceMin: string;
  priceMax: string;
  /** `relevance` (the default), `name`, `newest`, `price_asc`, `price_desc` (products only). */
  sort: string;
  page: number;
}

const FILTER_KEYS = ['q', 'category', 'licenceType', 'ocopStars', 'commune', 'priceMin', 'priceMax'] as const;

/** The orders a visitor can pick; price orders only when searching products. */
export const SORT_OPTIONS: readonly { value: string; label: string; productsOnly?: boolean }[] = [
  { value: 'relevance', label: 'Phù hợp nhất' },
  { value: 'newest', label: 'Mới nhất' },
  { value: 'price_asc', label: 'Giá tăng dần', productsOnly: true },
  { value: 'price_desc', label: 'Giá giảm dần', productsOnly: true },
  { value: 'name', label: 'Tên A–Z' },
];

/** "50.000", "50 000 đ" → "50000"; anything else is sent as typed, for the CMS to explain. */
function plainPrice(typed: string): string | undefined {
  if (!typed) return undefined;
  const digits = typed.replace(/[.,\s]|đồng|đ|₫/gi, '');
  return /^\d+$/.test(digits) ? digits : typed;
}

/** What the visitor asked for, as typed (trimmed). The CMS validates it and answers 400 if needed. */
export function parseCatalogueQuery(params: URLSearchParams): CatalogueQuery {
  const value = (key: string) => (params.get(key) ?? '').trim();
  return {
    q: value('q'),
    type: value('type') === 'sellers' ? 'sellers' : 'products',
    category: value('category'),
    licenceType: value('licenceType'),
    ocopStars: value('ocopStars'),
    commune: value('commune'),
    priceMin: value('priceMin'),
    priceMax: value('priceMax'),
    sort: value('sort') === 'relevance' ? '' : value('sort'),
    page: pageParam(params),
  };
}

export function toSearchParams(query: CatalogueQuery): SearchParams {
  return {
    q: query.q || undefined,
    category: query.type === 'products' ? query.category || undefined : undefined,
    licenceType: query.licenceType || undefined,
    ocopStars: query.ocopStars || undefined,
    commune: query.commune || undefined,
    // Prices and price orders are about products: a seller search leaves them out.
    priceMin: query.type === 'products' ? plainPrice(query.priceMin) : undefined,
    priceMax: query.type === 'products' ? plainPrice(query.priceMax) : undefined,
    sort:
      query.sort && (query.type === 'products' || !query.sort.startsWith('price')) ? query.sort : undefined,
    page: query.page,
    pageSize: CATALOGUE_PAGE_SIZE,
  };
}

/** The catalogue URL of the same search on another page; empty fields are left out. */
export function catalogueHref(query: CatalogueQuery, page: number): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (query[key]) params.set(key, query[key]);
  }
  if (query.type !== 'products') params.set('type', query.type);
  if (query.sort) params.set('sort', query.sort);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `${CATALOGUE_PATH}?${search}` : CATALOGUE_PATH;
}

export function hasFilters(query: CatalogueQuery): boolean {
  return FILTER_KEYS.some((key) => query[key] !== '');
}

/** Page numbers to link: the first, the last, and two on each side of the current one. */
export function pageWindow(current: number, pageCount: number): (number | null)[] {
  const pages: (number | null)[] = [];
  for (let page = 1; page <= pageCount; page += 1) {
    const near = Math.abs(page - current) <= 2;
    if (page === 1 || page === pageCount || near) pages.push(page);
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  return pages;
}
