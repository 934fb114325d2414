import { listPageCount, pageParam } from '../paging';

const meta = (pageCount: number, total: number) => ({
  pagination: { page: 1, pageSize: 20, pageCount, total },
});

describe('paging of personal lists', () => {
  it.each([
    ['the CMS count, when the answer carries it', 1, 20, meta(1, 20), 1],
    ['the CMS count, one more order', 1, 20, meta(2, 21), 2],
    ['at least one page for an empty list', 1, 0, meta(0, 0), 1],
    ['this page and the next while full, without a count', 3, 20, undefined, 4],
    ['this page only when not full, without a count', 3, 7, undefined, 3],
  ])('counts %s', (_label, page, items, pagination, expected) => {
    expect(listPageCount(page, items, pagination)).toBe(expected);
  });

  it.each([
    ['2', 2],
    ['0', 1],
    ['-3', 1],
    ['abc', 1],
    ['1.5', 1],
    ['99999999999999999999', 1],
  ])('reads ?page=%s as %d', (raw, expected) => {
    expect(pageParam(new URLSearchParams({ page: raw }))).toBe(expected);
  });
});
