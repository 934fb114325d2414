#!/usr/bin/env node
// `npm run screenshots`: full-page PNGs of the public site's key pages at a phone width (390 px)
// and a desktop width (1280 px), in Debian's Chromium, against a running site (`npm start`).
// Written to the git-ignored `screenshots/` folder. Requests to other hosts (map tiles) are
// blocked unless `--network` is given, so the map page shows its "tiles failed" notice offline.
// Usage: npm run screenshots -- [--url http://127.0.0.1:4321] [--out screenshots] [--network]
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const base = arg('url', `http://127.0.0.1:${process.env.SITE_PORT || '4321'}`).replace(/\/+$/, '');
const out = path.resolve(root, arg('out', 'screenshots'));
const network = process.argv.includes('--network');
const CHROMIUM = '/usr/bin/chromium';
const WIDTHS = [390, 1280];
const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]', new URL(base).hostname]);

if (!fs.existsSync(CHROMIUM)) throw new Error('Thiếu Chromium: apt-get install -y chromium');
const home = await fetch(base).catch(() => null);
if (!home?.ok) throw new Error(`Trang công khai không trả lời ở ${base}: chạy \`npm start\` trước.`);

/** The first link on a page whose path starts with `prefix` (a product, a seller, a document). */
async function firstLink(pathname, prefix) {
  const html = await fetch(`${base}${pathname}`).then((res) => res.text());
  const match = new RegExp(`href="(${prefix}[^"?#]+)"`).exec(html);
  return match ? match[1] : null;
}

const pages = [
  ['trang-chu', '/'],
  ['san-pham', '/san-pham'],
  ['san-pham-chi-tiet', await firstLink('/san-pham', '/san-pham/')],
  ['doanh-nghiep', await firstLink('/san-pham?type=sellers', '/doanh-nghiep/')],
  ['kiem-tra-giay-phep', '/kiem-tra-giay-phep'],
  ['cung-cau', '/cung-cau'],
  ['van-ban', '/van-ban'],
  ['quy-che', await firstLink('/van-ban', '/van-ban/')],
  ['vung-san-xuat', '/vung-san-xuat'],
  ['cho-va-diem-ban', '/cho-va-diem-ban'],
  ['dang-nhap', '/tai-khoan/dang-nhap'],
  ['dang-ky', '/tai-khoan/dang-ky'],
  ['khong-tim-thay', '/trang-khong-ton-tai'],
].filter(([, pathname]) => pathname !== null);

fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  for (const width of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'vi-VN' });
    if (!network) {
      await context.route('**/*', (route) =>
        LOCAL.has(new URL(route.request().url()).hostname) ? route.continue() : route.abort(),
      );
    }
    const page = await context.newPage();
    for (const [name, pathname] of pages) {
      await page.goto(`${base}${pathname}`, { waitUntil: 'networkidle' });
      const file = path.join(out, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`${path.relative(root, file)}  ${pathname}`);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
