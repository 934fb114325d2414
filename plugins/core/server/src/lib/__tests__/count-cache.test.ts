import { createCountCache } from '../count-cache';

/** A clock the test moves by hand, and a count that says how often it ran. */
function setup(ttlMs = 1000, maxEntries = 3) {
  let now = 0;
  const cache = createCountCache(ttlMs, maxEntries, () => now);
  let queries = 0;
  const count = (total: number) => () => {
    queries += 1;
    return Promise.resolve(total);
  };
  return {
    cache,
    count,
    queries: () => queries,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('public count cache', () => {
  it('reuses a total until it expires, then counts again', async () => {
    const { cache, count, queries, advance } = setup();
    expect(await cache.get('products', count(100))).toBe(100);
    advance(999);
    expect(await cache.get('products', count(101))).toBe(100);
    advance(1);
    expect(await cache.get('products', count(101))).toBe(101);
    expect(queries()).toBe(2);
  });

  it('runs one query for requests that ask for the same total at the same time', async () => {
    const { cache } = setup();
    let calls = 0;
    let release: (total: number) => void = () => undefined;
    const slow = () => {
      calls += 1;
      return new Promise<number>((resolve) => {
        release = resolve;
      });
    };
    const pending = [cache.get('k', slow), cache.get('k', slow), cache.get('k', slow)];
    release(7);
    expect(await Promise.all(pending)).toEqual([7, 7, 7]);
    expect(calls).toBe(1);
  });

  it('keeps totals of different conditions apart and forgets them all on clear', async () => {
    const { cache, count, queries } = setup();
    expect(await cache.get('gạo', count(3))).toBe(3);
    expect(await cache.get('xoài', count(5))).toBe(5);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(await cache.get('gạo', count(4))).toBe(4);
    expect(queries()).toBe(3);
  });

  it('does not keep a failed count', async () => {
    const { cache, count } = setup();
    await expect(cache.get('k', () => Promise.reject(new Error('mất kết nối')))).rejects.toThrow(
      'mất kết nối',
    );
    expect(await cache.get('k', count(9))).toBe(9);
  });

  it('holds at most its limit of totals, dropping the oldest', async () => {
    const { cache, count, queries } = setup(1000, 3);
    for (const key of ['a', 'b', 'c', 'd']) await cache.get(key, count(1));
    expect(cache.size).toBe(3);
    await cache.get('b', count(2));
    await cache.get('a', count(2));
    expect(queries()).toBe(5);
  });
});
