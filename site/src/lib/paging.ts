/**
 * Paging of personal lists (orders, complaints) in the URL (`?page=`). `callApi` hands back the
 * list without its total, so a page knows only whether it is full: a full page links to the next.
 */
export const LIST_PAGE_SIZE = 20;

/** The page asked for (`page`): a whole number from 1, else 1. Every paged page reads it here. */
export function pageParam(params: URLSearchParams): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isSafeInteger(page) && page > 0 ? page : 1;
}

export const pageOf = (url: URL): number => pageParam(url.searchParams);

/** How many pages the pagination shows: up to this one, and the next one while this one is full. */
export const knownPageCount = (page: number, items: number, pageSize = LIST_PAGE_SIZE): number =>
  items >= pageSize ? page + 1 : page;

export const listHref = (path: string) => (page: number) => (page > 1 ? `${path}?page=${page}` : path);
