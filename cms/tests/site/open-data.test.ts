import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { SITE_ENTRY, startSite } from '../site-server';
import { U, makeLicence, makeProduct, makeSeller } from '../factories';

/**
 * `/thong-ke` and `/du-lieu-mo` on the built site against a real CMS: the figures the CMS counts,
 * the download links with the reuse licence, files passed through as they stream, and links in
 * every page's footer.
 */
let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let cmsUrl: string;
const TOKEN = `tk${process.pid.toString(36)}x`;
const PRIVATE_PHONE = '0966123987';

const get = async (pathname: string) => {
  const res = await fetch(`${siteUrl}${pathname}`);
  return { status: res.status, text: await res.text(), headers: res.headers };
};

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('site_open_data');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const seller = await makeSeller(app.strapi, {
    name: `Hợp tác xã Thống Kê ${TOKEN}`,
    phone: PRIVATE_PHONE,
    showPhone: true,
  });
  const product = await makeProduct(app.strapi, seller.documentId, { name: `Mật ong rừng ${TOKEN}` });
  await makeLicence(app.strapi, seller.documentId, {
    type: 'ocop',
    ocopStars: 5,
    number: `OCOP-${TOKEN}`,
    expiresOn: '2099-01-01',
    products: [product.documentId],
  });
  await app.strapi.documents(U.market).create({
    data: {
      name: `Chợ Thống Kê ${TOKEN}`,
      kind: 'traditional_market',
      latitude: 10.3,
      longitude: 105.7,
    } as never,
    status: 'published',
  });
  ({ child: site, url: siteUrl } = await startSite(cmsUrl));
});

afterAll(async () => {
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

const count = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
const cell = (label: string, n: number) =>
  new RegExp(`${label}(?:</a>)?\\s*</th>\\s*<td class="number">${count(n)}</td>`);

describe('/thong-ke', () => {
  it('shows the CMS’s counts, and is kept like other public pages', async () => {
    const stats = (await (await fetch(`${cmsUrl}/api/statistics`)).json()).data as {
      sellers: { verified: number };
      products: { total: number };
      ocopProducts: { byStars: { stars: number; count: number }[] };
      markets: { byKind: { kind: string; name: string; count: number }[] };
    };
    const page = await get('/thong-ke');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toMatch(/^public/);
    expect(page.text).toContain('<h1>Thống kê</h1>');
    expect(page.text).toContain(
      `<strong>${count(stats.sellers.verified)}</strong> Chủ thể kinh doanh đã xác thực`,
    );
    expect(page.text).toContain(`<strong>${count(stats.products.total)}</strong> Sản phẩm`);
    const five = stats.ocopProducts.byStars.find((row) => row.stars === 5)?.count ?? 0;
    expect(five).toBeGreaterThanOrEqual(1);
    expect(page.text).toMatch(cell('<a href="/san-pham\\?ocopStars=5">OCOP 5 sao', five));
    for (const row of stats.markets.byKind) expect(page.text).toMatch(cell(`>?${row.name}`, row.count));
    // The second visit is the kept page (same validator), not a new render.
    const again = await fetch(`${siteUrl}/thong-ke`);
    expect(again.headers.get('etag')).toBeTruthy();
    const revalidated = await fetch(`${siteUrl}/thong-ke`, {
      headers: { 'if-none-match': again.headers.get('etag') as string },
    });
    expect(revalidated.status).toBe(304);
  });

  it('is linked from every page’s footer and the sitemap, with the open data', async () => {
    const home = await get('/');
    expect(home.text).toContain('<a href="/thong-ke">Thống kê</a>');
    expect(home.text).toContain('<a href="/du-lieu-mo">Dữ liệu mở</a>');
    const sitemap = await get('/sitemap-trang.xml');
    expect(sitemap.text).toContain(`<loc>${siteUrl}/thong-ke</loc>`);
    expect(sitemap.text).toContain(`<loc>${siteUrl}/du-lieu-mo</loc>`);
  });
});

describe('/du-lieu-mo', () => {
  it('lists every file and states the reuse licence', async () => {
    const page = await get('/du-lieu-mo');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toMatch(/^public/);
    expect(page.text).toContain('<h1>Dữ liệu mở</h1>');
    expect(page.text).toMatch(
      /<a href="https:\/\/creativecommons.org\/licenses\/by\/4.0\/deed.vi" rel="license">/,
    );
    expect(page.text).toContain('Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)');
    for (const file of ['chu-the-kinh-doanh', 'san-pham', 'giay-phep', 'cho-va-diem-ban']) {
      for (const format of ['csv', 'json']) {
        expect(page.text).toContain(`href="/du-lieu-mo/${file}.${format}"`);
      }
    }
  });

  it('passes the files through from the CMS, with the licence header and no private data', async () => {
    const csv = await get('/du-lieu-mo/san-pham.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="san-pham.csv"');
    expect(csv.headers.get('link')).toContain('rel="license"');
    expect(csv.text.split('\r\n').filter((line) => line.includes(TOKEN))).toEqual([
      expect.stringMatching(new RegExp(`^Mật ong rừng ${TOKEN},.*,5$`)),
    ]);
    const sellers = await get('/du-lieu-mo/chu-the-kinh-doanh.json');
    expect(sellers.status).toBe(200);
    const body = JSON.parse(sellers.text) as { meta: { license: { id: string } }; data: { name: string }[] };
    expect(body.meta.license.id).toBe('CC-BY-4.0');
    expect(body.data.map((row) => row.name)).toContain(`Hợp tác xã Thống Kê ${TOKEN}`);
    expect(sellers.text).not.toContain(PRIVATE_PHONE);
  });

  it('answers 404 to any other file', async () => {
    for (const path of [
      '/du-lieu-mo/nguoi-dung.csv',
      '/du-lieu-mo/san-pham.xml',
      '/du-lieu-mo/..%2Fstatistics',
    ]) {
      const res = await get(path);
      expect(res.status).toBe(404);
    }
    expect((await get('/du-lieu-mo/nguoi-dung.csv')).text).toBe('Không có tệp dữ liệu mở này.');
  });
});
