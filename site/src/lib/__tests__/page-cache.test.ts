import { createPageCache, isStorable } from '../page-cache';

const PUBLIC = 'public, max-age=60';
const page = (body: string, headers: Record<string, string> = { 'cache-control': PUBLIC }, status = 200) =>
  new Response(body, { status, headers: { 'content-type': 'text/html', ...headers } });

let clock: number;
const make = (maxEntries = 10) => createPageCache({ maxEntries, ttlMs: 60_000, now: () => clock });

beforeEach(() => {
  clock = 0;
});

describe('page cache', () => {
  it.each([
    ['a public page', page('x'), true],
    ['a page without Cache-Control', page('x', {}), false],
    ['a private page', page('x', { 'cache-control': 'private, no-store' }), false],
    ['a page built while the CMS is down', page('x', { 'cache-control': 'no-store' }), false],
    ['a page that sets a cookie', page('x', { 'cache-control': PUBLIC, 'set-cookie': 'a=b' }), false],
    ['a 404', page('x', { 'cache-control': PUBLIC }, 404), false],
    [
      'a sitemap',
      page('x', { 'cache-control': PUBLIC, 'content-type': 'application/xml; charset=utf-8' }),
      true,
    ],
    ['an uploaded image', page('x', { 'cache-control': PUBLIC, 'content-type': 'image/jpeg' }), false],
  ])('stores %s: %s', (_case, response, storable) => {
    expect(isStorable(response)).toBe(storable);
  });

  it('answers a kept page with its body, status and headers until invalidated or expired', async () => {
    const cache = make();
    const sent = await cache.keep('/san-pham', cache.generation(), page('<h1>Sản phẩm</h1>'));
    expect(await sent.text()).toBe('<h1>Sản phẩm</h1>');

    const hit = cache.get('/san-pham');
    expect(await hit?.text()).toBe('<h1>Sản phẩm</h1>');
    expect(hit?.headers.get('cache-control')).toBe(PUBLIC);
    // Kept as bytes: every later visitor gets the whole page again, not what an earlier answer left.
    expect(await cache.get('/san-pham')?.text()).toBe('<h1>Sản phẩm</h1>');

    clock = 60_000;
    expect(cache.get('/san-pham')).toBeNull();

    await cache.keep('/san-pham', cache.generation(), page('mới'));
    cache.invalidate();
    expect(cache.get('/san-pham')).toBeNull();
  });

  it('tags a kept page with an ETag and answers 304 to a browser holding that version', async () => {
    const cache = make();
    const sent = await cache.keep('/san-pham', cache.generation(), page('<h1>Sản phẩm</h1>'));
    const etag = sent.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/"[\w-]{22}"$/);

    const revalidated = cache.get('/san-pham', `W/"khac", ${etag}`);
    expect(revalidated?.status).toBe(304);
    expect(await revalidated?.text()).toBe('');
    expect(revalidated?.headers.get('cache-control')).toBe(PUBLIC);
    expect(cache.get('/san-pham', 'W/"khac"')?.status).toBe(200);

    // A new version of the page has another tag.
    cache.invalidate();
    const changed = await cache.keep('/san-pham', cache.generation(), page('<h1>Sản phẩm mới</h1>'));
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(cache.get('/san-pham', etag)?.status).toBe(200);
  });

  it('does not keep a page rendered across an invalidation, nor one that is not storable', async () => {
    const cache = make();
    const renderedIn = cache.generation();
    cache.invalidate();
    const sent = await cache.keep('/san-pham', renderedIn, page('cũ'));
    expect(await sent.text()).toBe('cũ');
    expect(cache.get('/san-pham')).toBeNull();

    await cache.keep(
      '/tai-khoan',
      cache.generation(),
      page('riêng', { 'cache-control': 'private, no-store' }),
    );
    expect(cache.get('/tai-khoan')).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('keeps at most the configured number of pages, dropping the least recently used', async () => {
    const cache = make(2);
    await cache.keep('/a', 0, page('a'));
    await cache.keep('/b', 0, page('b'));
    cache.get('/a');
    await cache.keep('/c', 0, page('c'));
    expect([cache.get('/a') !== null, cache.get('/b') !== null, cache.get('/c') !== null]).toEqual([
      true,
      false,
      true,
    ]);
  });
});
