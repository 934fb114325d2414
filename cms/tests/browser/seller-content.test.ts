import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { launchChromium } from './chromium';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeSeller, unique } from '../factories';
import { makeSiteUser, SITE_PASSWORD } from '../staff';
import { SITE_ENTRY, startSite } from '../site-server';

/**
 * A verified seller manages a product on the built public site, in Debian's Chromium without any
 * client script: every field is found by its visible label, a mistake is shown beside its field with
 * the input kept, the draft is listed, and "Gửi duyệt" sends it to review; pictures are added with
 * the file field and removed.
 */
jest.setTimeout(180_000);

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('seller-content-browser');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ({ child: site, url: siteUrl } = await startSite(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  ));
  browser = await launchChromium();
  page = await browser.newPage({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

it('signs in, adds a product by its labels, fixes a mistake, and sends it to review', async () => {
  const user = await makeSiteUser(app.strapi);
  await makeSeller(app.strapi, { owner: user.id });

  await page.goto(`${siteUrl}/tai-khoan/san-pham/moi`);
  await page.waitForURL(/\/tai-khoan\/dang-nhap\?tiep=\/tai-khoan\/san-pham\/moi$/);
  await page.getByLabel('Email hoặc số điện thoại').fill(user.email);
  await page.getByLabel('Mật khẩu').fill(SITE_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/tai-khoan\/san-pham\/moi$/);

  const name = unique('Bánh phồng tôm Sa Giang');
  await page.getByLabel(/^Tên sản phẩm/).fill(name);
  await page.getByLabel('Giá (đồng)').fill('năm mươi nghìn');
  await page.getByLabel('Mô tả').fill('Bánh phồng tôm truyền thống.');
  await page.getByLabel('Chuyển khoản ngân hàng').check();
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();

  // The unit is missing and the price is not a number: said beside each field, input kept.
  await page.getByText('Vui lòng nhập đơn vị tính.').waitFor();
  const unit = page.getByLabel(/^Đơn vị tính/);
  expect(await unit.getAttribute('aria-invalid')).toBe('true');
  expect(await unit.getAttribute('aria-describedby')).toContain('truong-unit-loi');
  expect(await page.getByLabel('Giá (đồng)').inputValue()).toBe('năm mươi nghìn');
  expect(await page.getByLabel(/^Tên sản phẩm/).inputValue()).toBe(name);
  expect(await page.getByLabel('Mô tả').inputValue()).toBe('Bánh phồng tôm truyền thống.');
  expect(await page.getByLabel('Chuyển khoản ngân hàng').isChecked()).toBe(true);

  await unit.fill('hộp');
  await page.getByLabel('Giá (đồng)').fill('50.000');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await page.waitForURL(/\/tai-khoan\/san-pham\?da-luu=1$/);
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
  await item.getByText('Bản nháp').waitFor();

  await item.getByRole('button', { name: `Gửi duyệt: ${name}` }).click();
  await page.getByText('Đã gửi duyệt.').waitFor();
  await page.getByText('Chờ duyệt').waitFor();
  expect(await page.getByRole('button', { name: 'Lưu thay đổi' }).count()).toBe(0);

  await page.getByRole('link', { name: 'Tài khoản của tôi' }).click();
  await page.getByRole('link', { name: 'Sản phẩm của tôi' }).click();
  await item.getByText('Chờ duyệt').waitFor();
});

it('adds pictures to a draft product with the file field, sees them, and removes one', async () => {
  const user = await makeSiteUser(app.strapi);
  await makeSeller(app.strapi, { owner: user.id });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const tab = await context.newPage();
  await tab.goto(`${siteUrl}/tai-khoan/dang-nhap?tiep=/tai-khoan/san-pham/moi`);
  await tab.getByLabel('Email hoặc số điện thoại').fill(user.email);
  await tab.getByLabel('Mật khẩu').fill(SITE_PASSWORD);
  await tab.getByRole('button', { name: 'Đăng nhập' }).click();
  await tab.waitForURL(/\/tai-khoan\/san-pham\/moi$/);
  const name = unique('Kẹo dừa Bến Tre có ảnh');
  await tab.getByLabel(/^Tên sản phẩm/).fill(name);
  await tab.getByLabel(/^Đơn vị tính/).fill('hộp');
  await tab.getByLabel('Giá (đồng)').fill('35.000');
  await tab.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await tab.waitForURL(/\/tai-khoan\/san-pham\?da-luu=1$/);
  await tab.getByRole('link', { name }).click();

  await tab.getByText('Chưa có ảnh nào.').waitFor();
  const picture = (colour: string) =>
    sharp({ create: { width: 600, height: 400, channels: 3, background: colour } })
      .jpeg()
      .toBuffer();
  await tab.getByLabel('Thêm ảnh').setInputFiles([
    { name: 'keo-dua.jpg', mimeType: 'image/jpeg', buffer: await picture('#c8a165') },
    { name: 'hop-qua.jpg', mimeType: 'image/jpeg', buffer: await picture('#2e7d32') },
  ]);
  await tab.getByRole('button', { name: 'Tải ảnh lên' }).click();
  await tab.getByText('Đã thêm ảnh.', { exact: false }).waitFor();
  expect(await tab.getByRole('img', { name: 'keo-dua.jpg' }).count()).toBe(1);
  expect(await tab.getByRole('img', { name: 'hop-qua.jpg' }).count()).toBe(1);
  // The thumbnails load from the CMS (through the site, at a signed address). They load lazily: in view.
  await tab.getByRole('img', { name: 'keo-dua.jpg' }).scrollIntoViewIfNeeded();
  const loaded = await tab.getByRole('img', { name: 'keo-dua.jpg' }).evaluate((img: HTMLImageElement) =>
    img.complete
      ? img.naturalWidth > 0
      : new Promise<boolean>((resolve) => {
          // A lazy image may still be on its way: its load or error event says how it went.
          img.addEventListener('load', () => resolve(img.naturalWidth > 0));
          img.addEventListener('error', () => resolve(false));
        }),
  );
  expect(loaded).toBe(true);

  await tab.getByRole('button', { name: 'Xóa ảnh keo-dua.jpg' }).click();
  await tab.getByText('Đã xóa ảnh khỏi bản đang sửa.', { exact: false }).waitFor();
  expect(await tab.getByRole('img', { name: 'keo-dua.jpg' }).count()).toBe(0);
  expect(await tab.getByRole('img', { name: 'hop-qua.jpg' }).count()).toBe(1);
  await context.close();
});
