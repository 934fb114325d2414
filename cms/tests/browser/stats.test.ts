import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { signInToAdmin } from './admin';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeSeller, unique } from '../factories';
import { PASSWORD, makeOfficer, type Officer } from '../staff';

/**
 * The statistics in the real admin panel (cms/dist/build) with Debian's Chromium: an officer of a
 * department of their own sees its figures on the homepage widget and on "Thống kê", only their
 * department in the filter, and downloads the yearly report as XLSX, whose figures are checked.
 */
jest.setTimeout(180_000);

const ADMIN_BUILD = path.resolve(__dirname, '..', '..', 'dist', 'build', 'index.html');
const YEAR = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4);

let app: TestApp;
let base: string;
let browser: Browser;
let page: Page;
let officer: Officer;
let departmentName: string;

beforeAll(async () => {
  if (!fs.existsSync(ADMIN_BUILD)) throw new Error('Chưa build trang quản trị: chạy `npm run build -w cms`.');
  app = await bootStrapi('stats-browser', { serveAdminPanel: true });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const strapi = app.strapi;
  departmentName = unique('Sở Thử nghiệm Báo cáo');
  const code = unique('BC').replace(/\s/g, '').slice(0, 20);
  const department = (await strapi.db
    .query(U.department)
    .create({ data: { name: departmentName, code } })) as {
    id: number;
  };
  officer = await makeOfficer(strapi, 'specialist', [code]);
  const seller = await makeSeller(strapi, { department: department.id, legalForm: 'cooperative' });
  await makeSeller(
    strapi,
    { department: department.id, legalForm: 'household', verificationStatus: 'pending' },
    false,
  );
  for (const [month, orderStatus] of [
    ['02', 'delivered'],
    ['02', 'cancelled'],
    ['04', 'delivered'],
  ]) {
    const placedAt = `${YEAR}-${month}-15T03:00:00.000Z`;
    await strapi.db.query('plugin::orders.order').create({
      data: {
        code: unique('DH').replace(/\s/g, '').slice(0, 20),
        orderStatus,
        seller: seller.id,
        sellerName: String(seller.name),
        contactName: 'Người mua',
        contactPhone: '0987000111',
        deliveryAddress: '1 đường Thử',
        paymentMethod: 'cash_on_delivery',
        deliveryMethod: 'carrier',
        total: 50000,
        department: department.id,
        placedAt,
        statusChangedAt: placedAt,
      },
    });
  }

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('shows an officer their department on the homepage and on "Thống kê", and downloads the yearly report', async () => {
  await signInToAdmin(page, base, officer.email, PASSWORD);

  // The homepage widget counts what waits for the officer's department.
  const waiting = page.getByRole('term').filter({ hasText: 'Chủ thể chờ xác minh' });
  await waiting.waitFor();
  expect(await waiting.locator('xpath=following-sibling::*[1]').textContent()).toBe('1');

  await page.goto(`${base}/admin/plugins/stats`);
  await page.getByRole('heading', { name: 'Thống kê', level: 1 }).waitFor();
  const sellers = page.locator('table[aria-label="Chủ thể kinh doanh theo loại hình"]');
  await sellers.waitFor();
  const cooperative = sellers.getByRole('row').filter({ hasText: 'Hợp tác xã' });
  expect((await cooperative.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
    'Hợp tác xã',
    '1',
    '1',
  ]);
  const orders = page.locator('table[aria-label="Đơn hàng theo tháng đặt"]');
  expect(
    await orders
      .getByRole('row')
      .filter({ hasText: `02/${YEAR}` })
      .locator('td')
      .nth(1)
      .textContent(),
  ).toBe('2');
  // Each table with a chart draws it beside its numbers.
  expect(await page.locator('section svg.recharts-surface').count()).toBeGreaterThanOrEqual(8);
  // Only the officer's department can be chosen.
  await page.getByRole('combobox', { name: 'Sở' }).click();
  const options = await page.getByRole('option').allTextContents();
  expect(options).toEqual(['Tất cả sở được xem', departmentName]);
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Báo cáo năm' }).click();
  await page
    .getByRole('heading', { name: new RegExp(`Báo cáo tình hình thương mại điện tử năm ${YEAR}`) })
    .waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải báo cáo XLSX' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(
    `Báo cáo thương mại điện tử năm ${YEAR} – ${departmentName}.xlsx`,
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sgd-stats-')), download.suggestedFilename());
  await download.saveAs(file);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const values: Record<string, unknown> = {};
  book.getWorksheet('Tổng hợp')!.eachRow((row, index) => {
    if (index > 1) values[String(row.getCell(2).value)] = row.getCell(3).value;
  });
  expect(values).toMatchObject({
    'Chủ thể kinh doanh đăng ký mới': 2,
    'Đơn hàng được đặt': 3,
    'Đơn hàng đã giao': 2,
    'Đơn hàng bị hủy': 1,
    'Khiếu nại của người mua': 0,
  });
  const info: Record<string, unknown> = {};
  book.getWorksheet('Thông tin')!.eachRow((row) => {
    info[String(row.getCell(1).value)] = row.getCell(2).value;
  });
  expect(info['Sở']).toBe(departmentName);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});
