import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { signInToAdmin } from './admin';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeLicence, makeSeller, unique } from '../factories';
import { PASSWORD, departmentId, makeOfficer, type Officer } from '../staff';

/**
 * "Giấy phép sắp hết hạn" in the real admin panel (cms/dist/build), in Debian's Chromium: an officer
 * of Sở Công Thương sees their department's licences expiring soon under the seller's commune, and
 * not another department's.
 */
jest.setTimeout(180_000);

const ADMIN_BUILD = path.resolve(__dirname, '..', '..', 'dist', 'build', 'index.html');

let app: TestApp;
let base: string;
let browser: Browser;
let page: Page;
let officer: Officer;
const numbers = { ours: '', theirs: '', later: '' };
const commune = { code: `B${process.pid % 100000}`, name: unique('Xã Giấy Phép') };

/** A date `days` from today in Vietnam, as YYYY-MM-DD. */
const inDays = (days: number) =>
  new Date(Date.now() + 7 * 3600 * 1000 + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

beforeAll(async () => {
  if (!fs.existsSync(ADMIN_BUILD)) throw new Error('Chưa build trang quản trị: chạy `npm run build -w cms`.');
  app = await bootStrapi('expiring_licences', { serveAdminPanel: true });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  const unit = await app.strapi.documents(U.unit).create({
    data: { ...commune, level: 'commune', effectiveFrom: '2025-07-01' } as never,
  });
  const ours = await makeSeller(app.strapi, {
    name: unique('Hợp tác xã Gia Hạn'),
    department: await departmentId(app.strapi, 'SCT'),
    commune: unit.documentId,
  });
  numbers.ours = unique('ATTP-GH');
  await makeLicence(app.strapi, ours.documentId, { number: numbers.ours, expiresOn: inDays(40) });
  numbers.later = unique('ATTP-XA');
  await makeLicence(app.strapi, ours.documentId, { number: numbers.later, expiresOn: inDays(200) });
  const theirs = await makeSeller(app.strapi, {
    name: unique('Cơ sở Sở Y tế'),
    department: await departmentId(app.strapi, 'SYT'),
    commune: unit.documentId,
  });
  numbers.theirs = unique('ATTP-YT');
  await makeLicence(app.strapi, theirs.documentId, { number: numbers.theirs, expiresOn: inDays(40) });

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('lists the department’s licences expiring within 60 days under the seller’s commune', async () => {
  await signInToAdmin(page, base, officer.email, PASSWORD);

  await page.goto(`${base}/admin/plugins/sellers`);
  await page.getByRole('heading', { name: 'Giấy phép sắp hết hạn', level: 1 }).waitFor();
  await page.getByLabel('Mã xã, phường (không bắt buộc)').fill(commune.code);
  await page.getByRole('button', { name: 'Xem' }).click();
  await page.getByRole('status').filter({ hasText: '1 giấy phép hết hạn' }).waitFor();
  await page.getByRole('heading', { name: `${commune.name} (${commune.code}) — 1` }).waitFor();
  const row = page.getByRole('row').filter({ hasText: numbers.ours });
  expect(await row.textContent()).toContain('còn 40 ngày');
  const body = (await page.locator('main').textContent()) ?? '';
  // Another department's licence, and one expiring later, are not listed.
  expect(body).not.toContain(numbers.theirs);
  expect(body).not.toContain(numbers.later);
});
