#!/usr/bin/env node
// `npm run screenshots`: full-page PNGs of the public site's key pages at a phone width (390 px)
// and a desktop width (1280 px), in Debian's Chromium, against a running site (`npm start`).
// Written to the git-ignored `screenshots/` folder. Requests to other hosts (map tiles) are
// blocked unless `--network` is given, so the map page shows its "tiles failed" notice offline.
// Usage: npm run screenshots -- [--url http://127.0.0.1:4321] [--out screenshots] [--network]
//
// `--admin`: the admin screens an officer uses, at 1440 px, into docs/hinh-anh/ (the staff guide,
// docs/huong-dan-can-bo.md, shows them), against a running CMS with the demo data, signed in as the
// demo officer of Sở Công Thương (the demo password is ADMIN_PASSWORD, from cms/.env) and, for the
// audit log, as the super admin.
// Usage: npm run screenshots -- --admin [--cms http://127.0.0.1:1337] [--out docs/hinh-anh]
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadEnvironment } from './backup-lib.mjs';
import { root } from './lib.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];
if (!fs.existsSync(CHROMIUM)) throw new Error('Thiếu Chromium: apt-get install -y chromium');

if (process.argv.includes('--admin')) await shootAdmin(path.resolve(root, arg('out', 'docs/hinh-anh')));
else await shootSite(path.resolve(root, arg('out', 'screenshots')));

/** The public site's pages, at a phone's and a desktop's width. */
async function shootSite(out) {
  const base = arg('url', `http://127.0.0.1:${process.env.SITE_PORT || '4321'}`).replace(/\/+$/, '');
  const network = process.argv.includes('--network');
  const WIDTHS = [390, 1280];
  const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]', new URL(base).hostname]);

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
}

/** The admin screens of the staff guide, as the demo officer (and the super admin) see them. */
async function shootAdmin(out) {
  loadEnvironment();
  const cms = arg('cms', `http://127.0.0.1:${process.env.PORT || '1337'}`).replace(/\/+$/, '');
  const password = process.env.ADMIN_PASSWORD;
  if (!password)
    throw new Error('Thiếu ADMIN_PASSWORD (mật khẩu của cán bộ mẫu) trong môi trường hoặc cms/.env.');
  const ready = await fetch(`${cms}/_ready`).catch(() => null);
  if (!ready?.ok) throw new Error(`CMS không trả lời ở ${cms}: chạy \`npm start\` trước.`);
  fs.mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const shoot = async (page, name) => {
    await page.waitForLoadState('networkidle');
    // Lists and panels fill in after the page: wait until nothing says it is loading.
    await page
      .locator('text=/Đang tải/')
      .first()
      .waitFor({ state: 'detached', timeout: 15000 })
      .catch(() => {});
    const file = path.join(out, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(path.relative(root, file));
  };
  const signIn = async (email) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${cms}/admin/auth/login`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Mật khẩu/).fill(password);
    return { context, page };
  };
  const openFirstRow = async (page, uid) => {
    await page.goto(`${cms}/admin/content-manager/collection-types/${uid}`);
    await page.locator('tbody tr td').nth(1).click();
    await page.waitForURL((url) => url.pathname.split('/').length === 6);
  };
  try {
    const officer = await signIn(arg('email', 'chuyenvien.sct@sangiaodich.local'));
    const page = officer.page;
    await shoot(page, 'dang-nhap');
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.includes('/auth/login'));
    const screens = [
      ['trang-chu', '/admin'],
      ['hop-duyet', '/admin/plugins/workflow'],
      ['thong-ke', '/admin/plugins/stats'],
      ['bao-cao-nam', '/admin/plugins/stats/bao-cao'],
      ['giay-phep-sap-het-han', '/admin/plugins/sellers'],
      ['nguoi-dung', '/admin/plugins/accounts'],
      ['thu-vien-tep', '/admin/plugins/upload'],
      ['tai-khoan', '/admin/me'],
      ['san-pham-danh-sach', '/admin/content-manager/collection-types/plugin::catalog.product'],
    ];
    for (const [name, pathname] of screens) {
      await page.goto(`${cms}${pathname}`);
      await shoot(page, name);
    }
    await page.goto(`${cms}/admin/plugins/workflow`);
    await page.getByRole('button', { name: 'Xử lý' }).first().click();
    await shoot(page, 'hop-duyet-xu-ly');
    await openFirstRow(page, 'plugin::catalog.product');
    await shoot(page, 'san-pham-sua');
    await openFirstRow(page, 'plugin::sellers.seller');
    await shoot(page, 'chu-the-khoa');
    await officer.context.close();

    const admin = await signIn(process.env.ADMIN_EMAIL || 'admin@sangiaodich.local');
    await admin.page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await admin.page.waitForURL((url) => !url.pathname.includes('/auth/login'));
    await admin.page.goto(`${cms}/admin/content-manager/collection-types/plugin::core.audit-entry`);
    await shoot(admin.page, 'nhat-ky-thao-tac');
    await admin.context.close();
  } finally {
    await browser.close();
  }
}
