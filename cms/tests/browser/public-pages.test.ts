/// <reference lib="dom" />
// The functions given to page.evaluate run in the browser.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeArea, makeLicence, makeProduct, makeSeller, unique } from '../factories';
import { SITE_ENTRY, startSite } from '../site-server';

/**
 * The public pages in Debian's Chromium: axe-core finds no WCAG 2.1 A/AA violation on the main
 * pages, the keyboard reaches the content through the skip link with a visible focus, and the map
 * pages draw their map (Leaflet from the site itself) and say so when the tiles cannot load.
 */
jest.setTimeout(180_000);

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let browser: Browser;
let tiles: http.Server;
let tileRequests = 0;
const paths: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('public-pages-browser');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // A tile server that is down: every tile fails, as when the map's tiles are blocked.
  tiles = http.createServer((_req, res) => {
    tileRequests += 1;
    res.writeHead(503).end();
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  const tileUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;

  const seller = await makeSeller(app.strapi, { name: unique('Hợp tác xã Tiếp Cận') });
  const product = await makeProduct(app.strapi, seller.documentId, { name: unique('Bánh phồng tiếp cận') });
  const licence = unique('OCOP-TIEP-CAN');
  await makeLicence(app.strapi, seller.documentId, { type: 'ocop', ocopStars: 4, number: licence });
  await makeArea(app.strapi, seller.documentId, { name: unique('Vùng trồng tiếp cận') });
  const regulation = (await fetch(
    `${cmsUrl}/api/legal-documents?filters[kind][$eq]=operating_regulation&sort=effectiveFrom:desc`,
  ).then((res) => res.json())) as { data: { slug: string }[] };

  paths.push(
    '/',
    '/san-pham',
    `/san-pham?q=${encodeURIComponent('bánh phồng')}`,
    `/san-pham/${product.slug as string}`,
    `/doanh-nghiep/${seller.slug as string}`,
    '/kiem-tra-giay-phep',
    `/kiem-tra-giay-phep?so=${encodeURIComponent(licence)}`,
    '/cung-cau',
    `/van-ban/${regulation.data[0].slug}`,
    '/tai-khoan/dang-nhap',
    '/tai-khoan/dang-ky',
    '/vung-san-xuat',
    '/cho-va-diem-ban',
    '/thong-ke',
    '/du-lieu-mo',
    '/trang-khong-ton-tai',
  );

  ({ child: site, url: siteUrl } = await startSite(cmsUrl, { env: { MAP_TILE_URL: tileUrl } }));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  site?.kill();
  tiles?.closeAllConnections();
  await new Promise<void>((resolve) => (tiles ? tiles.close(() => resolve()) : resolve()));
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the site's Content-Security-Policy refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe.run(
      document,
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    ),
  );
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} – ${violation.help}`),
  );
}

it('has no WCAG 2.1 A or AA violation that axe-core finds on the main pages, at phone and desktop widths', async () => {
  // The check itself can fail: an image without a text alternative is reported.
  const probe = await browser.newPage();
  await probe.setContent(
    '<!doctype html><html lang="vi"><title>Thử</title><main><img src="a.png"></main></html>',
  );
  expect((await axeViolations(probe)).join('\n')).toContain('image-alt');
  await probe.close();

  const found: string[] = [];
  for (const width of [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const path of paths) {
      await page.goto(`${siteUrl}${path}`);
      if (path === '/vung-san-xuat') await page.waitForSelector('[data-map-ready="true"]');
      found.push(...(await axeViolations(page)).map((violation) => `${width}px ${path} ${violation}`));
    }
    await page.close();
  }
  expect(found).toEqual([]);
});

it('suggests names in the search box as one types, and searches without JavaScript too', async () => {
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/san-pham`);
  // The answer to the whole word typed (on a slow machine a pause between keys asks for "bánh p"
  // first, whose names fill the box until the last answer replaces them).
  const answered = page.waitForResponse((res) => {
    const url = new URL(res.url());
    return url.pathname === '/goi-y' && url.searchParams.get('q') === 'bánh phồng';
  });
  await page.locator('#q').pressSequentially('bánh phồng', { delay: 20 });
  const suggested = ((await (await answered).json()) as { data: { name: string }[] }).data.map((s) => s.name);
  expect(suggested.length).toBeGreaterThan(0);
  await page.waitForFunction(
    (names) =>
      JSON.stringify(
        Array.from(document.querySelectorAll('#goi-y-tim-kiem option')).map(
          (o) => (o as HTMLOptionElement).value,
        ),
      ) === JSON.stringify(names),
    suggested,
  );
  expect(suggested.length).toBeLessThanOrEqual(10);
  expect(suggested.every((name) => /bánh phồng/i.test(name))).toBe(true);
  await page.close();

  const noScript = await browser.newPage({ javaScriptEnabled: false });
  await noScript.goto(`${siteUrl}/san-pham`);
  await noScript.locator('#q').fill('banh phong tiep can');
  await noScript.locator('#q').press('Enter');
  await noScript.waitForURL(/q=banh\+phong\+tiep\+can/);
  expect(await noScript.locator('main').textContent()).toContain('Bánh phồng tiếp cận');
  await noScript.close();
});

it('reaches the content by keyboard: the first Tab shows the skip link, Enter moves to the main content', async () => {
  const page = await browser.newPage({ javaScriptEnabled: false });
  await page.goto(`${siteUrl}/san-pham`);
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      text: element.textContent?.trim(),
      outline: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      onScreen: box.top >= 0 && box.height > 0,
    };
  });
  expect(focused).toEqual({
    text: 'Bỏ qua đến nội dung chính',
    outline: 'solid',
    outlineWidth: 3,
    onScreen: true,
  });

  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
  await page.keyboard.press('Tab');
  // The next stop is inside the main content: the search field.
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  await page.close();
});

it('draws the production areas on a map, says when the tiles fail, and keeps the list without JavaScript', async () => {
  const page = await browser.newPage();
  await page.goto(`${siteUrl}/vung-san-xuat`);
  await page.waitForSelector('[data-map-ready="true"]');
  const listed = await page.locator('.place-list > li').count();
  expect(listed).toBeGreaterThan(0);
  expect(await page.locator('.map .leaflet-interactive').count()).toBe(listed);
  await page.locator('[data-map-tiles-failed]').waitFor({ state: 'visible' });
  expect(tileRequests).toBeGreaterThan(0);
  await page.close();

  const noScript = await browser.newPage({ javaScriptEnabled: false });
  await noScript.goto(`${siteUrl}/vung-san-xuat`);
  expect(await noScript.locator('[data-map]').isHidden()).toBe(true);
  expect(await noScript.locator('.place-list > li').count()).toBe(listed);
  await noScript.close();
});
