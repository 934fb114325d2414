/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium } from './chromium';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeArea, makeLicence, makeListing, makePost, makeProduct, makeSeller, unique } from '../factories';
import { makeSiteUser, SITE_PASSWORD } from '../staff';
import { SITE_ENTRY, startSite } from '../site-server';

/**
 * Phones first (issue 21.5): at 360 px, the narrowest phone the exchange supports, no page of the
 * sitemap and no form (signed out, as a buyer and as a seller, empty and with its errors shown)
 * scrolls sideways; on the catalogue the filters fold behind "Bộ lọc" so results come first, and
 * open without JavaScript.
 */
jest.setTimeout(600_000);

const PHONE = { width: 360, height: 740 };

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

let product: { documentId: string; slug: string };
let orderCode: string;
let complaintId: string;
let sellerEmail: string;
let buyerEmail: string;

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('phone-width-browser');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const http = () => request(server);

  // A seller with one of everything a seller manages, and a buyer with a delivered order and a complaint.
  const owner = await makeSiteUser(app.strapi);
  const sellerRole = (await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'seller' } })) as { id: number };
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: owner.id }, data: { role: sellerRole.id } });
  sellerEmail = owner.email;
  const seller = await makeSeller(app.strapi, {
    owner: owner.id,
    email: owner.email,
    // A long name without spaces, as people type them: it must wrap, not push the page wider.
    name: unique('Hợp tác xã Nông nghiệp Dịch vụ Thương mại Tổng hợp Mỹ Xương-Cao-Lãnh-Đồng-Tháp'),
  });
  product = (await makeProduct(app.strapi, seller.documentId, {
    name: unique('Bánh phồng tôm Sa Giang loại đặc biệt hộp quà biếu'),
    paymentMethods: ['cash_on_delivery', 'bank_transfer'],
    deliveryMethods: ['carrier', 'pickup'],
  })) as unknown as typeof product;
  await makeLicence(app.strapi, seller.documentId, {
    type: 'ocop',
    ocopStars: 4,
    products: [product.documentId],
  });
  await makeArea(app.strapi, seller.documentId);
  await makePost(app.strapi, { owner: owner.id });
  await makeListing(app.strapi, { owner: owner.id });

  const buyer = await makeSiteUser(app.strapi);
  buyerEmail = buyer.email;
  const ordered = await http()
    .post('/api/orders')
    .set({ Authorization: `Bearer ${buyer.jwt}` })
    .set('Idempotency-Key', `dien-thoai-${process.pid}`)
    .send({
      items: [{ product: product.documentId, quantity: 2 }],
      contactName: 'Lê Thị Điện Thoại',
      contactPhone: '0911222333',
      deliveryAddress: '3 Hùng Vương, phường Sa Đéc, tỉnh Đồng Tháp',
      paymentMethod: 'cash_on_delivery',
      deliveryMethod: 'carrier',
    })
    .expect(201);
  orderCode = ordered.body.data.code as string;
  const act = (jwt: string, action: string) =>
    http()
      .post(`/api/orders/${orderCode}/actions`)
      .set({ Authorization: `Bearer ${jwt}` })
      .send({ action })
      .expect(200);
  await act(owner.jwt, 'confirm');
  await act(owner.jwt, 'ship');
  await act(buyer.jwt, 'confirm_receipt');
  const complained = await http()
    .post('/api/complaints')
    .set({ Authorization: `Bearer ${buyer.jwt}` })
    .send({
      order: orderCode,
      subject: 'Hộp quà bị móp khi nhận',
      description: 'Hai hộp bánh bị móp góc, một hộp rách giấy gói.',
      remedy: 'refund',
    })
    .expect(201);
  complaintId = complained.body.data.documentId as string;

  ({ child: site, url: siteUrl } = await startSite(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  ));
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

async function phone(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, ...options });
  contexts.push(context);
  return context.newPage();
}

async function signedIn(email: string): Promise<Page> {
  const page = await phone();
  await page.goto(`${siteUrl}/tai-khoan/dang-nhap`);
  await page.getByLabel('Email hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu').fill(SITE_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/tai-khoan$/);
  return page;
}

/**
 * How far the page is wider than the screen, and the innermost elements that stick out (what to
 * fix), or null when it fits.
 */
async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const width = root.clientWidth;
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > width + 0.5;
    const culprits = Array.from(document.body.querySelectorAll('*'))
      .filter((element) => sticksOut(element) && !Array.from(element.children).some(sticksOut))
      .slice(0, 5)
      .map((element) => {
        const name = [
          element.tagName.toLowerCase(),
          element.id && `#${element.id}`,
          ...Array.from(element.classList),
        ]
          .filter(Boolean)
          .join('.');
        const text = (element.textContent ?? '').trim().slice(0, 40);
        return `${name} (${Math.round(element.getBoundingClientRect().right)} px) “${text}”`;
      });
    return `${root.scrollWidth} px > ${width} px: ${culprits.join('; ')}`;
  });
}

/**
 * Opens each address and lists the pages that scroll sideways. A page the site answered 503 because
 * the CMS was too busy for a moment (a loaded test machine) is opened again after the others, once.
 */
async function tooWide(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  const busy: string[] = [];
  const check = async (path: string, again: boolean) => {
    const status = (await page.goto(`${siteUrl}${path}`))?.status() ?? 0;
    if (status === 503 && !again) return busy.push(path);
    // Pages a person can meet: found, a refused search or form, not found.
    if (![200, 400, 404].includes(status)) return found.push(`${path}: HTTP ${status}`);
    const wide = await overflow(page);
    if (wide) found.push(`${path}: ${wide}`);
  };
  for (const path of paths) await check(path, false);
  for (const path of busy) await check(path, true);
  return found;
}

async function submitEmpty(page: Page, path: string, button: string): Promise<string | null> {
  await page.goto(`${siteUrl}${path}`);
  await page.getByRole('button', { name: button }).first().click();
  await page.waitForLoadState();
  await page.locator('.field-error, .alert').first().waitFor();
  const wide = await overflow(page);
  return wide && `${path} (sau khi gửi trống): ${wide}`;
}

/** Every address the site's sitemap lists, as paths. */
async function sitemapPaths(): Promise<string[]> {
  const locations = async (path: string) => {
    const xml = await fetch(`${siteUrl}${path}`).then((res) => res.text());
    return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => {
      const url = new URL(match[1].replaceAll('&amp;', '&'));
      return `${url.pathname}${url.search}`;
    });
  };
  const parts = await locations('/sitemap.xml');
  return (await Promise.all(parts.map(locations))).flat();
}

it('detects a page wider than the screen', async () => {
  const page = await phone();
  await page.setContent(
    '<!doctype html><meta name="viewport" content="width=device-width"><div style="width:500px">x</div>',
  );
  expect(await overflow(page)).toMatch(/^\d+ px > 360 px: div/);
});

it('fits every page of the sitemap in 360 px', async () => {
  const paths = await sitemapPaths();
  // Fixed pages, documents, news, and every public product and seller (the demo data and this file's).
  expect(paths).toEqual(expect.arrayContaining(['/', '/san-pham', `/san-pham/${product.slug}`]));
  expect(paths.length).toBeGreaterThan(100);
  expect(await tooWide(await phone(), paths)).toEqual([]);
});

it('fits the public forms and the pages a visitor opens from them in 360 px', async () => {
  const page = await phone();
  const found = await tooWide(page, [
    `/san-pham?q=${encodeURIComponent('bánh phồng')}&ocopStars=4&sort=price_asc`,
    '/san-pham?type=sellers&q=hop+tac+xa',
    '/cung-cau?loai=mua',
    `/kiem-tra-giay-phep?so=${encodeURIComponent('KHONG-CO-SO-NAY-0000000000000000')}`,
    `/bao-cao-vi-pham?loai=san-pham&ma=${product.slug}`,
    '/tai-khoan/dang-nhap',
    '/tai-khoan/dang-ky',
    '/tai-khoan/kich-hoat',
    '/tai-khoan/quen-mat-khau',
    '/trang-khong-ton-tai',
  ]);
  found.push(
    ...[
      await submitEmpty(page, `/bao-cao-vi-pham?loai=san-pham&ma=${product.slug}`, 'Gửi báo cáo'),
      await submitEmpty(page, '/tai-khoan/dang-ky', 'Đăng ký'),
    ].filter((wide): wide is string => wide !== null),
  );
  expect(found).toEqual([]);
});

it("fits a buyer's pages and forms in 360 px: business registration, order, review, complaint, comment", async () => {
  const page = await signedIn(buyerEmail);
  const found = await tooWide(page, [
    '/tai-khoan',
    '/tai-khoan/doanh-nghiep',
    `/tai-khoan/dat-hang/${product.slug}`,
    '/tai-khoan/don-hang',
    `/tai-khoan/don-hang/${orderCode}`,
    '/tai-khoan/khieu-nai',
    `/tai-khoan/khieu-nai/${complaintId}`,
    `/tai-khoan/binh-luan/${product.slug}`,
    '/tai-khoan/tin-cung-cau',
    '/tai-khoan/tin-cung-cau/moi',
  ]);
  found.push(
    ...[
      await submitEmpty(page, '/tai-khoan/doanh-nghiep', 'Gửi hồ sơ'),
      await submitEmpty(page, `/tai-khoan/dat-hang/${product.slug}`, 'Đặt hàng'),
      await submitEmpty(page, '/tai-khoan/tin-cung-cau/moi', 'Lưu bản nháp'),
    ].filter((wide): wide is string => wide !== null),
  );
  expect(found).toEqual([]);
});

it("fits a seller's pages and forms in 360 px: what they manage, incoming orders and complaints, answers", async () => {
  const page = await signedIn(sellerEmail);
  const kinds = ['san-pham', 'giay-phep', 'vung-san-xuat', 'tin-cung-cau', 'thong-tin-khac'];
  const paths = [
    '/tai-khoan/doanh-nghiep',
    '/tai-khoan/don-hang-den',
    `/tai-khoan/don-hang/${orderCode}`,
    '/tai-khoan/khieu-nai-den',
    `/tai-khoan/khieu-nai/${complaintId}`,
    `/tai-khoan/tra-loi/${product.slug}`,
  ];
  for (const kind of kinds) {
    await page.goto(`${siteUrl}/tai-khoan/${kind}`);
    // The edit form of the item this file made (its link in the list).
    const edit = await page
      .locator(`main a[href^="/tai-khoan/${kind}/"]:not([href$="/moi"])`)
      .first()
      .getAttribute('href');
    expect(edit).toBeTruthy();
    paths.push(`/tai-khoan/${kind}`, `/tai-khoan/${kind}/moi`, edit as string);
  }
  const found = await tooWide(page, paths);
  for (const kind of kinds) {
    const wide = await submitEmpty(page, `/tai-khoan/${kind}/moi`, 'Lưu bản nháp');
    if (wide) found.push(wide);
  }
  expect(found).toEqual([]);
});

it('folds the catalogue filters behind "Bộ lọc" on a phone so results come first, and opens them without JavaScript', async () => {
  const page = await phone({ javaScriptEnabled: false });
  await page.goto(`${siteUrl}/san-pham?q=${encodeURIComponent('bánh phồng')}`);
  const filters = page.locator('details.filters');
  const ocop = page.getByLabel('Hạng OCOP');
  expect(await ocop.isVisible()).toBe(false);
  // The search box and the first result are on the first screen.
  expect(await page.getByLabel('Từ khóa').isVisible()).toBe(true);
  const firstResult = page.locator('main .grid > li').first();
  const box = await firstResult.boundingBox();
  expect(box && box.y).toBeLessThan(PHONE.height);

  await page.getByText('Bộ lọc', { exact: false }).first().click();
  expect(await filters.getAttribute('open')).not.toBeNull();
  await ocop.selectOption({ label: 'OCOP 4 sao' });
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.waitForURL(/ocopStars=4/);
  // The chosen filters are counted on the folded control.
  await page.locator('details.filters > summary').filter({ hasText: '1' }).waitFor();
  expect(await overflow(page)).toBeNull();

  // On a wide screen the filters are simply there.
  const wide = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
  contexts.push(wide);
  const desktop = await wide.newPage();
  await desktop.goto(`${siteUrl}/san-pham`);
  expect(await desktop.getByLabel('Hạng OCOP').isVisible()).toBe(true);
  expect(await desktop.locator('details.filters > summary').isVisible()).toBe(false);
});
