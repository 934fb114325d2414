import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { trustedImport } from '@sgd/plugin-workflow';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { SITE_ENTRY, startSite } from '../site-server';
import {
  U,
  makeArea,
  makeLicence,
  makeListing,
  makePost,
  makeProduct,
  makeSeller,
  unique,
} from '../factories';
import { departmentId } from '../staff';

/**
 * The built public site (site/dist) against a real CMS on the seeded test
 * database: what a visitor sees, and what must never reach a page.
 */

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let cmsUrl: string;
let product: { name: string; slug: string };
let seller: { name: string; slug: string };
let draftName: string;
let draftSlug: string;
let myThoCode: string;
const areas = { published: '', draft: '' };
const licences = { valid: '', expired: '', draft: '' };
const posts = { buy: [] as string[], sell: '', expired: '', draft: '' };

const get = async (pathname: string, base = siteUrl) => {
  const res = await fetch(`${base}${pathname}`);
  return { status: res.status, html: await res.text(), headers: res.headers };
};

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('site');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const myTho = (await app.strapi.db
    .query('plugin::core.administrative-unit')
    .findOne({ where: { name: 'Phường Mỹ Tho' } })) as { id: number; code: string };
  myThoCode = myTho.code;
  const s = await makeSeller(app.strapi, {
    name: unique('Cơ sở Bánh pía Thử Nghiệm'),
    citizenId: '087999888777',
    phone: '0977000111',
    showPhone: false,
    // Managed by (and verified by) another department than the SCT; its address names its commune.
    department: await departmentId(app.strapi, 'SYT'),
    address: '12 đường 30/4, phường Mỹ Tho, tỉnh Đồng Tháp',
    commune: myTho.id,
  });
  seller = { name: s.name as string, slug: s.slug as string };
  const p = await makeProduct(app.strapi, s.documentId, {
    name: unique('Bánh pía thử nghiệm'),
    price: 125000,
  });
  product = { name: p.name as string, slug: p.slug as string };
  licences.valid = unique('OCOP-TEST');
  await makeLicence(app.strapi, s.documentId, {
    type: 'ocop',
    ocopStars: 4,
    number: licences.valid,
    issuer: 'Ủy ban nhân dân tỉnh Đồng Tháp',
    issuedOn: '2024-03-01',
    expiresOn: '2099-01-01',
    products: [p.documentId],
  });
  licences.expired = unique('ATTP-HET-HAN');
  await makeLicence(app.strapi, s.documentId, {
    number: licences.expired,
    issuedOn: '2020-01-01',
    expiresOn: '2023-01-01',
  });
  licences.draft = unique('ATTP-NHAP');
  await makeLicence(
    app.strapi,
    s.documentId,
    { number: licences.draft, verificationStatus: 'pending' },
    false,
  );

  // One more buy need than a page holds, so the board has a second page of them.
  for (let i = 0; i < 21; i += 1) {
    posts.buy.push(
      (await makePost(app.strapi, { kind: 'buy', title: unique('Cần mua khoai lang') })).title as string,
    );
  }
  posts.sell = (
    await makePost(app.strapi, { kind: 'sell', title: unique('Cần bán xoài cát'), region: 'Cao Lãnh' })
  ).title as string;
  posts.expired = (await makePost(app.strapi, { title: unique('Cần mua hết hạn'), validUntil: '2020-01-01' }))
    .title as string;
  posts.draft = (
    await makePost(app.strapi, { title: unique('Cần mua bản nháp'), reviewStatus: 'draft' }, false)
  ).title as string;
  draftName = unique('Bánh pía bản nháp');
  draftSlug = (await makeProduct(app.strapi, s.documentId, { name: draftName }, false)).slug as string;

  areas.published = (
    await makeArea(app.strapi, s.documentId, {
      name: unique('Vùng trồng xoài thử nghiệm'),
      crops: 'Xoài cát Hòa Lộc',
      latitude: 10.46,
      longitude: 105.63,
    })
  ).name as string;
  areas.draft = (await makeArea(app.strapi, s.documentId, { name: unique('Vùng trồng nháp') }, false))
    .name as string;

  // Contacts as an officer edits them in the admin (the site reads them when it starts here).
  const departments = app.strapi.db.query('plugin::core.department');
  await departments.update({ where: { code: 'SYT' }, data: { phone: '0273 123 4567' } });
  await departments.update({ where: { code: 'SCT' }, data: { phone: '0273 765 4321' } });

  ({ child: site, url: siteUrl } = await startSite(cmsUrl));
});

afterAll(async () => {
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

describe('public site', () => {
  it('shows the home page in Vietnamese', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.html).toContain('lang="vi"');
    expect(page.html).toContain('Sàn giao dịch điện tử');
  });

  it('finds a product without diacritics and never shows drafts', async () => {
    const page = await get(`/san-pham?q=${encodeURIComponent('banh pia thu nghiem')}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(product.name);
    expect(page.html).not.toContain(draftName);
    // The card of a result: its link, price, OCOP stars of its valid licence, and its seller.
    const card = page.html.slice(page.html.indexOf(`href="/san-pham/${product.slug}"`));
    expect(card.slice(0, card.indexOf('</article>'))).toMatch(
      new RegExp(
        `125\\.000[^<]*</p>.*OCOP 4 sao.*${seller.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
        's',
      ),
    );
  });

  it('says what a search corrected, and what to try when nothing matches', async () => {
    const corrected = await get(`/san-pham?q=${encodeURIComponent('banh pai thu nghiem')}`);
    expect(corrected.status).toBe(200);
    expect(corrected.html).toContain(product.name);
    expect(corrected.html).toContain('hiển thị cả kết quả cho “');
    expect(corrected.html).toContain('>bánh pía thu nghiem</a>');
    const nothing = await get(`/san-pham?q=${encodeURIComponent('qzxwv qzxwv')}`);
    expect(nothing.html).toContain('Không tìm thấy sản phẩm nào phù hợp.');
    expect(nothing.html).not.toContain('Có phải bạn muốn tìm');
  });

  it('suggests names for the search box from /goi-y (at most 10)', async () => {
    const res = await fetch(`${siteUrl}/goi-y?q=${encodeURIComponent('bánh pía thử')}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { name: string; slug: string }[] };
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.length).toBeLessThanOrEqual(10);
    expect(body.data.map((d) => d.name)).toContain(product.name);
    const empty = await fetch(`${siteUrl}/goi-y?q=`);
    expect(await empty.json()).toEqual({ data: [] });
    const tooLong = await fetch(`${siteUrl}/goi-y?q=${'x'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
  });

  it('keeps the search and filters in the URL form', async () => {
    const page = await get(`/san-pham?q=${encodeURIComponent('bánh pía')}&ocopStars=4`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/name="q"[^>]*value="bánh pía"|value="bánh pía"[^>]*name="q"/);
    const inCommune = await get(
      `/san-pham?q=${encodeURIComponent('banh pia thu nghiem')}&commune=${myThoCode}`,
    );
    expect(inCommune.html).toContain(product.name);
    expect(inCommune.html).toContain(`<option value="${myThoCode}" selected>Phường Mỹ Tho</option>`);
    expect(inCommune.html.match(/<option [^>]*selected/g)).toEqual([
      '<option value="products" selected',
      `<option value="${myThoCode}" selected`,
      '<option value="relevance" selected',
    ]);
  });

  it('filters by price and sorts, keeping both in the URL, and explains a price that is not a number', async () => {
    const within = await get(
      `/san-pham?q=${encodeURIComponent('banh pia thu nghiem')}&priceMin=100.000&priceMax=150000&sort=price_desc`,
    );
    expect(within.status).toBe(200);
    expect(within.html).toContain(product.name);
    expect(within.html).toMatch(/<option value="price_desc" selected/);
    expect(within.html).toContain('value="100.000"');
    const above = await get(`/san-pham?q=${encodeURIComponent('banh pia thu nghiem')}&priceMin=200000`);
    expect(above.html).not.toContain(product.name);
    const wrong = await get(`/san-pham?priceMin=${encodeURIComponent('rẻ nhất')}`);
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('Giá phải là một số đồng không âm, ví dụ 50000.');
    expect(wrong.html).toContain('value="rẻ nhất"');
  });

  it('shows a product with its price, seller and OCOP licence', async () => {
    const page = await get(`/san-pham/${product.slug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(product.name);
    expect(page.html).toMatch(/125\.000/);
    expect(page.html).toContain(seller.name);
    expect(page.html).toContain('Còn hiệu lực');
    // The seller card says when it was verified, claims no department, and names the commune once.
    const from = page.html.indexOf('id="seller-title"');
    const card = page.html.slice(from, page.html.indexOf('</section>', from));
    expect(card).toContain('<span class="badge badge-verified">Đã xác thực ngày 01/08/2025</span>');
    expect(card).not.toContain('Sở Công Thương');
    expect(card).toContain('<p>12 đường 30/4, phường Mỹ Tho, tỉnh Đồng Tháp</p>');
  });

  it('answers 404 for an unknown product', async () => {
    expect((await get('/san-pham/khong-ton-tai-san-pham-nay')).status).toBe(404);
  });

  it("shows a seller's legal identity but never private data", async () => {
    const page = await get(`/doanh-nghiep/${seller.slug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(seller.name);
    expect(page.html).toContain('1201234567');
    expect(page.html).not.toContain('087999888777');
    expect(page.html).not.toContain('0977000111');
    expect(page.html).not.toContain('Ghi chú nội bộ');
  });

  it('publishes the operating regulation with a table of contents and article anchors', async () => {
    const list = await fetch(
      `${siteUrl.replace(/:\d+$/, '')}:${(app.strapi.server.httpServer.address() as AddressInfo).port}/api/legal-documents?filters[kind][$eq]=operating_regulation&sort=effectiveFrom:desc`,
    ).then((res) => res.json() as Promise<{ data: Array<{ slug: string; outline: { anchor: string }[] }> }>);
    const page = await get(`/van-ban/${list.data[0].slug}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('id="dieu-7"');
    expect(page.html).toContain('href="#dieu-7"');
    // Every entry of the outline is in the table of contents and lands on its heading.
    const outline = list.data[0].outline;
    expect(outline.length).toBeGreaterThan(20);
    const missing = outline
      .map((entry) => entry.anchor)
      .filter((anchor) => !page.html.includes(`id="${anchor}"`) || !page.html.includes(`href="#${anchor}"`));
    expect(missing).toEqual([]);
    expect(page.html).toContain('Các phiên bản');
  });

  it('checks a licence by its number: holder, issuer, dates, validity and verification', async () => {
    const page = await get(`/kiem-tra-giay-phep?so=${encodeURIComponent(` ${licences.valid} `)}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<dd>${licences.valid}</dd>`);
    expect(page.html).toContain(`<a href="/doanh-nghiep/${seller.slug}">${seller.name}</a>`);
    expect(page.html).toContain('Giấy chứng nhận sản phẩm OCOP');
    expect(page.html).toContain('(4 sao)');
    expect(page.html).toContain('Ủy ban nhân dân tỉnh Đồng Tháp');
    expect(page.html).toContain('<dd>01/03/2024</dd>');
    expect(page.html).toContain('<dd>01/01/2099</dd>');
    expect(page.html).toContain('<span class="badge badge-valid">Còn hiệu lực</span>');
    expect(page.html).toContain('Đã xác thực');
    expect(page.html).toMatch(/id="so"[^>]*value="OCOP-TEST/);

    const expired = await get(`/kiem-tra-giay-phep?so=${encodeURIComponent(licences.expired)}`);
    expect(expired.html).toContain('<span class="badge badge-expired">Hết hạn</span>');

    // A licence not verified (still in review), like a number nobody has, is not found.
    for (const number of [licences.draft, 'KHONG-CO-SO-NAY-123']) {
      const missing = await get(`/kiem-tra-giay-phep?so=${encodeURIComponent(number)}`);
      expect([number, missing.status]).toEqual([number, 200]);
      expect(missing.html).toContain(`Không tìm thấy giấy phép số “${number}”`);
      expect(missing.html).not.toContain(seller.name);
    }
    const form = await get('/kiem-tra-giay-phep');
    expect(form.html).toContain('<label for="so">Số giấy phép');
    expect(form.html).not.toContain('Không tìm thấy giấy phép');
  });

  it('lists buy and sell needs still valid, filtered by kind in the URL, with pages and a link to post one', async () => {
    const all = await get('/cung-cau');
    expect(all.status).toBe(200);
    expect(all.html).toContain(posts.sell);
    expect(all.html).toContain(posts.buy[posts.buy.length - 1]);
    expect(all.html).not.toContain(posts.expired);
    expect(all.html).not.toContain(posts.draft);
    expect(all.html).toContain('<a class="button" href="/tai-khoan/tin-cung-cau/moi">Đăng tin</a>');

    const selling = await get('/cung-cau?loai=ban');
    expect(selling.html).toContain(posts.sell);
    expect(selling.html).toContain('Cao Lãnh');
    expect(selling.html).not.toContain(posts.buy[posts.buy.length - 1]);
    expect(selling.html).toMatch(/<a href="\/cung-cau\?loai=ban" aria-current="page">\s*Cần bán\s*<\/a>/);

    const buying = await get('/cung-cau?loai=mua');
    expect(buying.html).not.toContain(posts.sell);
    expect(buying.html).toMatch(/href="\/cung-cau\?loai=mua&(amp;|#38;)?page=2"/);
    const second = await get('/cung-cau?loai=mua&page=2');
    expect(second.status).toBe(200);
    expect(second.html).not.toContain(posts.sell);
    expect(second.html).toMatch(/href="\/cung-cau\?loai=mua" rel="prev"/);
    // Every buy need of this test is on one of the two pages, none twice.
    const shown = posts.buy.filter((title) => buying.html.includes(title) || second.html.includes(title));
    expect(shown).toEqual(posts.buy);
    expect(posts.buy.filter((title) => buying.html.includes(title) && second.html.includes(title))).toEqual(
      [],
    );

    // Posting asks to sign in first, then comes back to the form.
    const post = await fetch(`${siteUrl}/tai-khoan/tin-cung-cau/moi`, { redirect: 'manual' });
    expect(post.headers.get('location')).toBe('/tai-khoan/dang-nhap?tiep=/tai-khoan/tin-cung-cau/moi');
  });

  it('gives pages a canonical URL, OpenGraph tags and schema.org data; error and account pages are not indexed', async () => {
    const jsonLd = (html: string) =>
      [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map(
        (match) => JSON.parse(match[1]) as Record<string, unknown>,
      );
    const canonical = (html: string) => /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];

    const productPage = await get(`/san-pham/${product.slug}?utm_source=zalo`);
    expect(canonical(productPage.html)).toBe(`${siteUrl}/san-pham/${product.slug}`);
    expect(productPage.html).toContain('<meta property="og:type" content="product">');
    expect(productPage.html).toContain(`<meta property="og:title" content="${product.name}">`);
    const [productData] = jsonLd(productPage.html);
    expect(productData).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: product.name,
      url: `${siteUrl}/san-pham/${product.slug}`,
      offers: {
        '@type': 'Offer',
        priceCurrency: 'VND',
        seller: { '@type': 'Organization', name: seller.name, url: `${siteUrl}/doanh-nghiep/${seller.slug}` },
      },
    });
    expect(Number((productData.offers as { price: string }).price)).toBe(125000);
    // The public API carries no ratings: no made-up aggregateRating.
    expect(productData).not.toHaveProperty('aggregateRating');

    const sellerData = jsonLd((await get(`/doanh-nghiep/${seller.slug}`)).html);
    expect(sellerData).toEqual([
      expect.objectContaining({ '@type': 'Organization', name: seller.name, taxID: '1201234567' }),
    ]);
    expect(JSON.stringify(sellerData)).not.toContain('087999888777');

    const home = await get('/');
    expect(canonical(home.html)).toBe(`${siteUrl}/`);
    expect(jsonLd(home.html)).toEqual([
      expect.objectContaining({
        '@type': 'Organization',
        name: 'Sàn giao dịch điện tử tỉnh Đồng Tháp',
        contactPoint: expect.objectContaining({ '@type': 'ContactPoint' }),
      }),
    ]);

    // The catalogue's canonical URL keeps the search and the page, drops empty fields.
    const search = await get(`/san-pham?q=${encodeURIComponent('bánh pía')}&category=&page=2`);
    expect(canonical(search.html)).toBe(
      `${siteUrl}/san-pham?q=${encodeURIComponent('bánh pía').replace(/%20/g, '+')}&page=2`,
    );

    for (const path of ['/san-pham/khong-ton-tai-san-pham-nay', '/tai-khoan/dang-nhap']) {
      const page = await get(path);
      expect([
        path,
        canonical(page.html),
        page.html.includes('<meta name="robots" content="noindex">'),
      ]).toEqual([path, undefined, true]);
    }
  });

  it('publishes robots.txt and a sitemap of pages, documents, products and sellers, without drafts', async () => {
    const robots = await get('/robots.txt');
    expect(robots.html).toContain('Disallow: /tai-khoan');
    expect(robots.html).toContain(`Sitemap: ${siteUrl}/sitemap.xml`);

    const index = await get('/sitemap.xml');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('application/xml');
    const files = [...index.html.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(files).toEqual([
      `${siteUrl}/sitemap-trang.xml`,
      `${siteUrl}/sitemap-san-pham-1.xml`,
      `${siteUrl}/sitemap-doanh-nghiep-1.xml`,
    ]);

    const pages = await get('/sitemap-trang.xml');
    expect(pages.html).toContain(`<loc>${siteUrl}/</loc>`);
    expect(pages.html).toContain(`<loc>${siteUrl}/kiem-tra-giay-phep</loc>`);
    expect(pages.html).toContain(`<loc>${siteUrl}/san-pham?type=sellers</loc>`);
    expect(pages.html).toMatch(/<loc>[^<]+\/van-ban\/quy-che[^<]*<\/loc>/);
    const products = await get('/sitemap-san-pham-1.xml');
    expect(products.html).toContain(`<loc>${siteUrl}/san-pham/${product.slug}</loc>`);
    expect(draftSlug).toBeTruthy();
    expect(products.html).not.toContain(`/san-pham/${draftSlug}<`);
    expect(products.html).toMatch(/<lastmod>\d{4}-\d{2}-\d{2}T/);
    const sellers = await get('/sitemap-doanh-nghiep-1.xml');
    expect(sellers.html).toContain(`<loc>${siteUrl}/doanh-nghiep/${seller.slug}</loc>`);

    expect((await get('/sitemap-san-pham-999.xml')).status).toBe(404);
    expect((await get('/sitemap-linh-tinh.xml')).status).toBe(404);
  });

  it('lists production areas with their seller and a map of them, never drafts', async () => {
    const page = await get('/vung-san-xuat');
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<h3>${areas.published}</h3>`);
    expect(page.html).toContain('Xoài cát Hòa Lộc');
    expect(page.html).toContain(`<a href="/doanh-nghiep/${seller.slug}">${seller.name}</a>`);
    expect(page.html).toContain(
      'href="https://www.openstreetmap.org/?mlat=10.46&mlon=105.63#map=16/10.46/105.63"',
    );
    expect(page.html).not.toContain(areas.draft);
    // The map's points are in the page for the script; the map itself stays hidden until it runs.
    const points = JSON.parse(
      /<script type="application\/json" data-map-points>(.*?)<\/script>/s.exec(page.html)?.[1] ?? '[]',
    );
    expect(points).toContainEqual(
      expect.objectContaining({ name: areas.published, lat: 10.46, lon: 105.63, detail: 'Xoài cát Hòa Lộc' }),
    );
    expect(page.html).toMatch(
      /<div class="map" data-map data-tiles="https:\/\/tile\.openstreetmap\.org\/\{z\}\/\{x\}\/\{y\}\.png" role="region" aria-label="Bản đồ các vùng sản xuất" hidden/,
    );
    // Leaflet is bundled and served by the site itself.
    const script = /<script type="module" src="(\/_astro\/[^"]+\.js)"/.exec(page.html)?.[1];
    expect(script).toBeDefined();
    const bundle = await fetch(`${siteUrl}${script}`);
    expect(bundle.status).toBe(200);
    expect(await bundle.text()).toContain('tileerror');
    // Built files: kept a year by browsers (their names change with their content), typed.
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(bundle.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves its built files, and answers pages for every other address (404 when there is none)', async () => {
    const icon = await fetch(`${siteUrl}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    // Not a built file: the page handler answers (Vietnamese 404 page), not a file error.
    const missing = await get('/_astro/khong-co.js');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('<html lang="vi"');
    expect((await fetch(`${siteUrl}/%E0%A4%A`)).status).toBe(400);
    // A file name the server never built is not read from the disk around it.
    expect((await fetch(`${siteUrl}/_astro/../../server/entry.mjs`)).status).toBe(404);
  });

  it('lists markets by kind, filtered in the URL', async () => {
    const all = await get('/cho-va-diem-ban');
    expect(all.status).toBe(200);
    for (const id of ['nhom-cho', 'nhom-sieu-thi', 'nhom-trung-tam-thuong-mai', 'nhom-cua-hang-tien-ich']) {
      expect(all.html).toContain(`<h2 id="${id}">`);
    }
    expect(all.html).toContain('Chợ Cai Lậy');

    const supermarkets = await get('/cho-va-diem-ban?loai=sieu-thi');
    expect(supermarkets.html).toContain('Co.opmart Cao Lãnh');
    expect(supermarkets.html).not.toContain('Chợ Cai Lậy');
    expect(supermarkets.html).toMatch(
      /<a href="\/cho-va-diem-ban\?loai=sieu-thi" aria-current="page">\s*Siêu thị\s*<\/a>/,
    );
    expect(supermarkets.html).toContain(
      `<link rel="canonical" href="${siteUrl}/cho-va-diem-ban?loai=sieu-thi">`,
    );
  });

  it('lists the news, newest first, a page at a time', async () => {
    const title = unique('Hội chợ OCOP cuối năm');
    // News is published by its editorial review; here an article imported as already approved.
    await trustedImport(() =>
      app.strapi.documents('api::news-article.news-article').create({
        data: { title, summary: 'Hơn 200 gian hàng OCOP.', body: 'Nội dung', publishedOn: '2099-12-31' },
        status: 'published',
      }),
    );
    const page = await get('/tin-tuc');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h1>Tin tức</h1>');
    const first = page.html.indexOf('<h2 class="card-title">');
    expect(first).toBeGreaterThan(-1);
    expect(page.html.slice(first, first + 400)).toContain(title);
    const total = await app.strapi.db
      .query('api::news-article.news-article')
      .count({ where: { publishedAt: { $notNull: true } } });
    expect(page.html).toContain(`${total} tin`);
    if (total > 12) expect(page.html).toContain('href="/tin-tuc?page=2"');
    const home = await get('/');
    expect(home.html).toContain('href="/tin-tuc"');
  });

  it("renders an article's Markdown as written (headings, a table, nested lists) and never a javascript: link", async () => {
    const article = await trustedImport(() =>
      app.strapi.documents('api::news-article.news-article').create({
        data: { title: unique('Lịch hội chợ OCOP'), body: 'Nội dung', publishedOn: '2099-12-30' },
        status: 'published',
      }),
    );
    // Written straight to the database: the CMS refuses such a link, the page must not trust that.
    await app.strapi.db.query('api::news-article.news-article').updateMany({
      where: { documentId: article.documentId },
      data: {
        body: [
          '## Lịch gian hàng',
          '',
          '| Ngày | Gian hàng |',
          '| --- | --- |',
          '| 20/12 | Bánh pía Sóc Sãi |',
          '',
          '1. Đăng ký:',
          '   - gửi hồ sơ;',
          '   - chờ duyệt.',
          '',
          '[Xem thêm](javascript:alert(1)) hoặc [quy chế](/van-ban/quy-che#dieu-7).',
        ].join('\n'),
      },
    });
    const page = await get(`/tin-tuc/${article.slug as string}`);
    expect(page.status).toBe(200);
    // One level below the page's title: `##` is a third-level heading.
    expect(page.html).toContain('<h3 id="lich-gian-hang">Lịch gian hàng</h3>');
    expect(page.html).toMatch(
      /<div class="table-scroll"[^>]*>\s*<table>\s*<thead>\s*<tr>\s*<th>Ngày<\/th>\s*<th>Gian hàng<\/th>[\s\S]*<td>20\/12<\/td>\s*<td>Bánh pía Sóc Sãi<\/td>/,
    );
    expect(page.html).toMatch(
      /<ol>\s*<li>Đăng ký:\s*<ul>\s*<li>gửi hồ sơ;<\/li>\s*<li>chờ duyệt.<\/li>\s*<\/ul>/,
    );
    expect(page.html).toContain('Xem thêm hoặc <a href="/van-ban/quy-che#dieu-7">quy chế</a>.');
    expect(page.html).not.toMatch(/javascript:/i);
  });

  it('shows approved "other information" listings by kind, never drafts or internal notes', async () => {
    const tourism = await makeListing(app.strapi, {
      kind: 'tourism',
      title: unique('Khu du lịch Đồng Sen'),
      contact: 'Ban quản lý khu du lịch, 0277 000 111',
      website: 'https://dulichdongsen.example.vn',
      body: 'Tham quan **cánh đồng sen**.',
    });
    const project = await makeListing(app.strapi, {
      kind: 'investment_project',
      title: unique('Dự án kho lạnh nông sản'),
    });
    // Written today, a `javascript:` link is refused (text rules); one stored before the rule is
    // still never drawn as a link.
    await expect(
      makeListing(app.strapi, { title: unique('Dự án có liên kết độc'), website: 'javascript:alert(1)' }),
    ).rejects.toThrow(/http:\/\/ hoặc https:\/\//);
    await app.strapi.db
      .query(U.listing)
      .updateMany({ where: { documentId: project.documentId }, data: { website: 'javascript:alert(1)' } });
    const draft = await makeListing(
      app.strapi,
      { title: unique('Dự án chưa duyệt'), reviewStatus: 'draft' },
      false,
    );

    const all = await get('/thong-tin-khac');
    expect(all.status).toBe(200);
    expect(all.html).toContain(tourism.title as string);
    expect(all.html).toContain(project.title as string);
    expect(all.html).not.toContain(draft.title as string);

    const tourismOnly = await get('/thong-tin-khac?loai=tourism');
    expect(tourismOnly.html).toContain(tourism.title as string);
    expect(tourismOnly.html).not.toContain(project.title as string);
    expect(tourismOnly.html).toMatch(/aria-current="page">\s*Dịch vụ du lịch\s*</);

    const detail = await get(`/thong-tin-khac/${tourism.slug as string}`);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain('Ban quản lý khu du lịch, 0277 000 111');
    expect(detail.html).toContain('href="https://dulichdongsen.example.vn/"');
    expect(detail.html).toContain('<strong>cánh đồng sen</strong>');
    expect(detail.html).not.toContain('Ghi chú nội bộ');

    const unsafe = await get(`/thong-tin-khac/${project.slug as string}`);
    expect(unsafe.html).not.toContain('javascript:alert');
    expect((await get(`/thong-tin-khac/${draft.slug as string}`)).status).toBe(404);
  });

  it("gives the hotline and every department's contacts as the admin keeps them", async () => {
    const page = await get('/lien-he');
    expect(page.status).toBe(200);
    expect(page.html).toContain('Đường dây nóng');
    expect(page.html).toContain('Ban quản lý Sàn: Sở Công Thương');
    expect(page.html).toContain('href="tel:02731234567"');
    expect(page.html).toContain('Sở Y tế');
    const home = await get('/');
    expect(home.html).toContain('href="/lien-he"');
    // Every page's footer and the exchange's structured data give the same hotline as the contact page.
    for (const html of [page.html, home.html, (await get('/san-pham')).html]) {
      const footer = html.slice(html.indexOf('<footer'));
      expect(footer).toContain('Cơ quan quản lý: Sở Công Thương tỉnh Đồng Tháp');
      expect(footer).toContain('Đường dây nóng: <a href="tel:02737654321">0273 765 4321</a>');
    }
    expect(home.html).toContain('"telephone":"0273 765 4321"');
  });

  it("sends the seller directory to the catalogue's seller search", async () => {
    const res = await fetch(`${siteUrl}/doanh-nghiep`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/san-pham?type=sellers');
  });

  it('sends no JavaScript on the pages without a map but the search box suggestions, from a file', async () => {
    const scripts = (html: string) => html.match(/<script(?![^>]*application\/(ld\+)?json)[^>]*>/g) ?? [];
    // The catalogue's search box suggests names (the form works without it). The script is a file of
    // the site: the Content-Security-Policy allows no inline script.
    const catalogue = scripts((await get('/san-pham')).html);
    expect(catalogue).toHaveLength(1);
    expect(catalogue[0]).toMatch(/^<script type="module" src="\/_astro\/[^"]+\.js">$/);
    for (const path of [
      '/',
      `/san-pham/${product.slug}`,
      `/doanh-nghiep/${seller.slug}`,
      '/cung-cau',
      '/kiem-tra-giay-phep',
      '/tai-khoan/dang-nhap',
      '/tin-tuc',
      '/thong-tin-khac',
      '/lien-he',
    ]) {
      const page = await get(path);
      expect([path, scripts(page.html)]).toEqual([path, []]);
    }
  });

  it('serves product images from its own origin, passed through from the CMS, sandboxed', async () => {
    const home = await get('/');
    const src = /<img[^>]+src="(\/uploads\/[^"]+)"/.exec(home.html)?.[1];
    expect(src).toBeDefined();
    expect(home.html).not.toContain(cmsUrl);

    const image = await fetch(`${siteUrl}${src}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
    expect(image.headers.get('content-security-policy')).toContain('sandbox');
    const direct = await fetch(`${cmsUrl}${src}`);
    expect(Buffer.from(await image.arrayBuffer()).equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);

    // JPEG and PNG go out as AVIF or WebP to browsers that accept them.
    const photo = [...home.html.matchAll(/src="(\/uploads\/[^"]+\.(?:jpe?g|png))"/g)][0]?.[1];
    expect(photo).toBeDefined();
    const original = await fetch(`${siteUrl}${photo}`, { headers: { accept: '*/*' } });
    expect(original.headers.get('content-type')).toMatch(/^image\/(jpeg|png)$/);
    expect(original.headers.get('vary')).toBe('Accept');
    for (const [accept, type] of [
      ['image/avif,image/webp,image/apng,*/*;q=0.8', 'image/avif'],
      ['image/webp,*/*', 'image/webp'],
    ]) {
      const modern = await fetch(`${siteUrl}${photo}`, { headers: { accept } });
      expect([accept, modern.status, modern.headers.get('content-type')]).toEqual([accept, 200, type]);
      const bytes = Buffer.from(await modern.arrayBuffer());
      expect(bytes.byteLength).toBe(Number(modern.headers.get('content-length')));
      expect(bytes.byteLength).toBeGreaterThan(0);
    }

    for (const path of [
      '/uploads/khong-co-tep-nay.jpg',
      '/uploads/..%2F..%2Fadmin',
      '/uploads/%2e%2e/api/products',
    ]) {
      expect([path, (await fetch(`${siteUrl}${path}`)).status]).toEqual([path, 404]);
    }
  });

  it('answers with a friendly page when the CMS does not answer', async () => {
    // A site that never heard from its CMS counts it as starting (see starting.test.ts).
    const down = await startSite('http://127.0.0.1:9');
    try {
      const page = await get('/san-pham', down.url);
      expect(page.status).toBe(503);
      expect(page.html).toContain('Hệ thống đang khởi động');
    } finally {
      down.child.kill();
    }
  });

  it('sends visitors who are not signed in to the login page, and never caches account pages', async () => {
    const res = await fetch(`${siteUrl}/tai-khoan`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/tai-khoan/dang-nhap?tiep=/tai-khoan');
    for (const path of ['/tai-khoan/dang-ky', '/tai-khoan/dang-nhap', '/tai-khoan/quen-mat-khau']) {
      const page = await get(path);
      expect([path, page.status, page.headers.get('cache-control')]).toEqual([
        path,
        200,
        'private, no-store',
      ]);
    }
    // A stale or forged session cookie is dropped, not trusted.
    const forged = await fetch(`${siteUrl}/tai-khoan`, {
      redirect: 'manual',
      headers: { cookie: 'sgd_phien=gia-mao' },
    });
    expect(forged.status).toBe(303);
  });

  it('refuses a form posted from another site (CSRF)', async () => {
    const res = await fetch(`${siteUrl}/tai-khoan/dang-nhap`, {
      method: 'POST',
      headers: { origin: 'https://ke-gian.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'identifier=a%40example.vn&password=x',
    });
    expect(res.status).toBe(403);
  });

  it('shows a sign-in error next to the form and keeps what was typed', async () => {
    const res = await fetch(`${siteUrl}/tai-khoan/dang-nhap`, {
      method: 'POST',
      headers: { origin: siteUrl, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'identifier=khong.co%40example.vn&password=Sai-mat-khau-2026',
    });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Email/số điện thoại hoặc mật khẩu không đúng.');
    expect(html).toContain('value="khong.co@example.vn"');
    expect(html).not.toContain('Sai-mat-khau-2026');
  });
});
