import type { ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { trustedImport } from '@sgd/plugin-workflow';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { cmsBehindProxy, freePort, SITE_ENTRY, startSite } from '../site-server';
import { makeProduct, makeSeller, U, unique } from '../factories';

/**
 * The site's cache of CMS answers: a second visit does not reach the CMS, the CMS's webhook makes
 * a publish or unpublish show at once, and with the CMS down the last copy is served with a notice.
 * A counting proxy stands between the site and the CMS; closing it is the CMS going down.
 */

const SECRET = 'bi-mat-webhook-thu-nghiem';
let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let cms: Awaited<ReturnType<typeof cmsBehindProxy>>;
const cmsRequests: string[] = [];
let product: { name: string; slug: string };
let sellerId: string;

const get = async (pathname: string) => {
  const res = await fetch(`${siteUrl}${pathname}`);
  return { status: res.status, html: await res.text(), headers: res.headers };
};

/** Reads the page until `ready` holds: the webhook arrives a moment after the CMS's change. */
async function pageOnceChanged(pathname: string, ready: (page: { status: number; html: string }) => boolean) {
  let page = await get(pathname);
  for (let attempt = 0; attempt < 50 && !ready(page); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    page = await get(pathname);
  }
  return page;
}

const signedPost = (body: string, signature: string | null) =>
  fetch(`${siteUrl}/webhooks/cms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-sgd-signature': signature } : {}) },
    body,
  });
const sign = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
/** A webhook body as the CMS writes it (sent now unless said otherwise, with a fresh id). */
const webhookBody = (sentAt = Math.floor(Date.now() / 1000)) =>
  JSON.stringify({ id: randomUUID(), sentAt, event: 'entry.publish', uids: [U.product] });

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  const sitePort = await freePort();
  siteUrl = `http://127.0.0.1:${sitePort}`;
  // The CMS reads where to send its webhook at start, as in production.
  process.env.SITE_URL = siteUrl;
  process.env.SITE_WEBHOOK_SECRET = SECRET;
  app = await bootStrapi('site-cache');
  cms = await cmsBehindProxy(app.strapi.server.httpServer, (req) => {
    cmsRequests.push(req.url ?? '');
    return false;
  });

  const seller = await makeSeller(app.strapi, { name: unique('Hợp tác xã Bộ Nhớ Đệm') });
  sellerId = seller.documentId;
  const p = await makeProduct(app.strapi, sellerId, { name: unique('Khô cá lóc bộ nhớ đệm') });
  product = { name: p.name as string, slug: p.slug as string };

  ({ child: site } = await startSite(cms.url, {
    port: sitePort,
    env: { SITE_WEBHOOK_SECRET: SECRET },
  }));
});

afterAll(async () => {
  site?.kill();
  await cms?.close();
  await app.stop();
});

describe('site cache', () => {
  it('answers a second visit to the catalogue and a product from its cache, without asking the CMS', async () => {
    const search = `/san-pham?q=${encodeURIComponent('khô cá lóc bộ nhớ đệm')}`;
    const first = await get(search);
    expect(first.status).toBe(200);
    expect(first.html).toContain(product.name);
    expect(first.headers.get('cache-control')).toBe(
      'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400',
    );
    await get(`/san-pham/${product.slug}`);

    const before = cmsRequests.length;
    const again = await get(search);
    const productAgain = await get(`/san-pham/${product.slug}`);

    expect(again.html).toContain(product.name);
    expect(productAgain.html).toContain(product.name);
    expect(cmsRequests.slice(before)).toEqual([]);

    // A browser that holds this version revalidates it without downloading it again.
    const etag = again.headers.get('etag');
    expect(etag).toMatch(/^W\//);
    const revalidated = await fetch(`${siteUrl}${search}`, { headers: { 'if-none-match': etag as string } });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
  });

  it('refuses a webhook without the right signature', async () => {
    const body = webhookBody();
    expect((await signedPost(body, null)).status).toBe(401);
    expect((await signedPost(body, sign('sai-bi-mat', body))).status).toBe(401);
    // Signed but not what the CMS sends: refused.
    for (const bad of [
      'không phải JSON',
      JSON.stringify({ uids: 'tất cả' }),
      // The shape before webhooks carried their time and id.
      JSON.stringify({ event: 'entry.publish', uids: [U.product] }),
    ]) {
      expect((await signedPost(bad, sign(SECRET, bad))).status).toBe(400);
    }
    const accepted = await signedPost(body, sign(SECRET, body));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ invalidated: true, event: 'entry.publish' });
  });

  it('does not let a captured webhook flush the cache again, nor an old one', async () => {
    const page = `/san-pham/${product.slug}`;
    const asksCms = async () => {
      const before = cmsRequests.length;
      await get(page);
      return cmsRequests.length > before;
    };
    await get(page);
    expect(await asksCms()).toBe(false);

    const captured = webhookBody();
    expect((await signedPost(captured, sign(SECRET, captured))).status).toBe(200);
    expect(await asksCms()).toBe(true);
    expect(await asksCms()).toBe(false);

    // The same request sent again: refused, and the cache stays.
    const replayed = await signedPost(captured, sign(SECRET, captured));
    expect(replayed.status).toBe(409);
    expect(await replayed.json()).toEqual({ error: 'Webhook này đã được nhận.' });
    expect(await asksCms()).toBe(false);

    // Signed ten minutes ago: too old to be believed.
    const old = webhookBody(Math.floor(Date.now() / 1000) - 600);
    const stale = await signedPost(old, sign(SECRET, old));
    expect(stale.status).toBe(401);
    expect(await stale.json()).toEqual({ error: 'Webhook đã quá cũ.' });
    expect(await asksCms()).toBe(false);
  });

  it('shows a product as soon as it is published, and drops it when it is unpublished (webhook)', async () => {
    const name = unique('Mắm cá linh bộ nhớ đệm');
    const draft = await makeProduct(app.strapi, sellerId, { name }, false);
    const search = `/san-pham?q=${encodeURIComponent('mắm cá linh bộ nhớ đệm')}`;
    expect((await get(search)).html).not.toContain(name);
    // Cached now: only the CMS's webhook can change what this page shows before the TTL (10 minutes).
    await get(search);

    const published = await trustedImport(() =>
      app.strapi.documents(U.product).publish({ documentId: draft.documentId }),
    );
    const slug = (published.entries[0] as unknown as { slug: string }).slug;
    const listed = await pageOnceChanged(search, (page) => page.html.includes(name));
    expect(listed.html).toContain(name);
    expect((await get(`/san-pham/${slug}`)).status).toBe(200);

    await app.strapi.documents(U.product).unpublish({ documentId: draft.documentId });
    const gone = await pageOnceChanged(`/san-pham/${slug}`, (page) => page.status === 404);
    expect(gone.status).toBe(404);
    expect((await get(search)).html).not.toContain(name);
  });

  it('shows a change made by a job through the Query Engine without waiting for the TTL (webhook)', async () => {
    const p = await makeProduct(app.strapi, sellerId, { name: unique('Bánh phồng tôm bộ nhớ đệm') });
    const page = `/san-pham/${p.slug as string}`;
    // The webhook of the product's own publication has come and gone before the page is cached.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await get(page)).html).toContain(p.name as string);
    const before = cmsRequests.length;
    expect((await get(page)).html).toContain(p.name as string);
    expect(cmsRequests.slice(before)).toEqual([]);
    const renamed = unique('Bánh phồng tôm Sa Giao bộ nhớ đệm');
    // As a job writes (no Document Service event): the published row itself.
    await app.strapi.db.query(U.product).updateMany({
      where: { documentId: p.documentId, publishedAt: { $notNull: true } },
      data: { name: renamed },
    });
    const changed = await pageOnceChanged(page, (shown) => shown.html.includes(renamed));
    expect(changed.html).toContain(renamed);

    // Inside a transaction the webhook waits for the commit, and then it is sent.
    const again = unique('Bánh phồng tôm Sa Giao loại 1 bộ nhớ đệm');
    await app.strapi.db.transaction(async () => {
      await app.strapi.db.query(U.product).updateMany({
        where: { documentId: p.documentId, publishedAt: { $notNull: true } },
        data: { name: again },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const committed = await pageOnceChanged(page, (shown) => shown.html.includes(again));
    expect(committed.html).toContain(again);
  });

  it('keeps serving the last copy with a notice when the CMS is down', async () => {
    const page = `/san-pham/${product.slug}`;
    expect((await get(page)).html).not.toContain('đang tạm gián đoạn');

    await cms.stopProxy();
    // Content changed just before the CMS went down: the site's copies are out of date.
    const body = webhookBody();
    expect((await signedPost(body, sign(SECRET, body))).status).toBe(200);

    const stale = await get(page);
    expect(stale.status).toBe(200);
    expect(stale.html).toContain(product.name);
    expect(stale.html).toContain('Hệ thống dữ liệu của sàn đang tạm gián đoạn');
    expect(stale.headers.get('cache-control')).toBe('no-store');

    // A page never visited has no copy: the friendly error page.
    const unseen = await get('/san-pham/chua-tung-xem-san-pham-nay');
    expect(unseen.status).toBe(503);
    expect(unseen.headers.get('retry-after')).toBe('30');
    expect(unseen.html).toContain('Hệ thống đang bận');
    expect(unseen.html).not.toContain('bản lưu gần nhất');
  });
});
