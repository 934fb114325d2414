import type { ListMeta } from './account';

/** Paging of personal lists (orders, complaints) in the URL (`?page=`). */
export const LIST_PAGE_SIZE = 20;

/** The page asked for (`page`): a whole number from 1, else 1. Every paged page reads it here. */
export function pageParam(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
}

export const pageOf = (url: URL): number => pageParam(url.searchParams);

/**
 * How many pages the pagination shows: the list's own count when the answer carries its paging,
 * else up to this one, and the next one while this one is full.
 */
export const listPageCount = (
  page: number,
  items: number,
  meta?: ListMeta,
  pageSize = LIST_PAGE_SIZE,
): number => (meta ? Math.max(1, meta.pagination.pageCount) : items >= pageSize ? page + 1 : page);

/** A page past the last one of a list that has pages (an old link, `?page=999`). */
export const isBeyondLastPage = (page: number, pageCount: number): boolean =>
  pageCount >= 1 && page > pageCount;

export const listHref = (path: string) => (page: number) => (page > 1 ? `${path}?page=${page}` : path);
