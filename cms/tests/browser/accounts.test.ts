import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { Mailbox } from '../mailbox';
import { makeOfficer } from '../staff';
import { unique } from '../factories';
import { SITE_ENTRY, startSite } from '../site-server';

/**
 * The account journey on the built public site, in Debian's Chromium, without any client script:
 * register (a form error keeps what was typed), activate with the code from the SMTP server,
 * declare a business with a licence scan, and after the officers' approval see the seller page.
 */
jest.setTimeout(180_000);

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let browser: Browser;
let page: Page;
const mailbox = new Mailbox();

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('accounts-browser');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ({ child: site, url: siteUrl } = await startSite(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  ));
  browser = await launchChromium();
  // No JavaScript at all: every form must work as plain HTML.
  page = await browser.newPage({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
  await mailbox.stop();
});

it('registers, activates, declares a business and, once approved, shows the seller page', async () => {
  const email = `${unique('nguoiban').replace(/\W+/g, '.').toLowerCase()}@example.vn`;
  await page.goto(`${siteUrl}/tai-khoan/dang-ky`);
  await page.getByLabel('Họ và tên').fill('Trần Thị Bông');
  await page.getByLabel('Email hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu').fill('Hoa-sen-Thap-Muoi-2026');
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  // The consent box is not pre-ticked: the form says why, next to the box, and keeps the input.
  await page.getByText('Bạn cần đọc và đồng ý với Chính sách bảo vệ dữ liệu cá nhân.').first().waitFor();
  expect(await page.getByLabel('Họ và tên').inputValue()).toBe('Trần Thị Bông');
  expect(await page.getByLabel('Email hoặc số điện thoại').inputValue()).toBe(email);
  await page.getByLabel('Mật khẩu').fill('Hoa-sen-Thap-Muoi-2026');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Đăng ký' }).click();

  await page.waitForURL(/\/tai-khoan\/kich-hoat/);
  const mails = await mailbox.waitFor(email);
  const code = /\b(\d{6})\b/.exec(mails[mails.length - 1].text)?.[1] as string;
  expect(await page.getByLabel('Email hoặc số điện thoại').inputValue()).toBe(email);
  await page.getByLabel('Mã kích hoạt (6 chữ số)').fill(code);
  await page.getByRole('button', { name: 'Kích hoạt' }).click();
  await page.getByText('Tài khoản đã được kích hoạt. Chào mừng bạn!').waitFor();
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'sgd_phien')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

  await page.getByRole('link', { name: 'Đăng ký doanh nghiệp của bạn' }).click();
  const name = unique('Cơ sở Bánh tráng Bông');
  await page.getByLabel('Loại hình').selectOption('household');
  await page.getByLabel('Tên doanh nghiệp, cơ sở').fill(name);
  await page.getByLabel('Số CCCD của người đại diện').fill('087198765432');
  await page.getByLabel('Ảnh chụp CCCD của người đại diện (không bắt buộc)').setInputFiles({
    name: 'cccd.png',
    mimeType: 'image/png',
    buffer: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  });
  await page.getByLabel(/^Người đại diện/).fill('Trần Thị Bông');
  await page.getByLabel('Số điện thoại liên hệ').fill('0918765432');
  await page.getByLabel('Địa chỉ').fill('Ấp Mỹ Phú, xã Mỹ An Hưng');
  await page.getByLabel('Loại giấy phép').selectOption('food_safety');
  await page.getByLabel('Số giấy phép').fill(unique('ATTP-WEB'));
  await page.getByLabel('Cơ quan cấp').fill('Sở Y tế tỉnh Đồng Tháp');
  await page.getByLabel('Ngày cấp').fill('2025-06-01');
  await page.getByLabel('Ngày hết hạn').fill('2028-06-01');
  await page.getByLabel('Bản chụp giấy phép (ảnh hoặc PDF)').setInputFiles({
    name: 'giay-attp.png',
    mimeType: 'image/png',
    buffer: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  });
  await page.getByRole('button', { name: 'Gửi hồ sơ' }).click();
  await page.getByText('Đã gửi hồ sơ.').first().waitFor();
  await page.getByText('Đang xem xét').first().waitFor();

  // The Sở Công Thương's three stages approve it.
  const seller = (await app.strapi.db.query('plugin::sellers.seller').findOne({
    where: { name, publishedAt: null },
    populate: { licences: true },
  })) as {
    documentId: string;
    slug: string;
    licences: { documentId: string }[];
  };
  // The scan is kept privately, for the verifying department only.
  const scans = (await app.strapi.db.query('plugin::accounts.private-file').findMany({
    where: { sellerDocumentId: seller.documentId },
    orderBy: { id: 'asc' },
  })) as { kind: string; licenceDocumentId: string | null }[];
  expect(scans.map((scan) => [scan.kind, scan.licenceDocumentId])).toEqual([
    ['citizen_id_scan', null],
    ['licence_scan', seller.licences[0].documentId],
  ]);
  const task = (await app.strapi.db
    .query('plugin::workflow.task')
    .findOne({ where: { targetDocumentId: seller.documentId } })) as { id: number };
  for (const level of ['specialist', 'head_of_division', 'head_of_unit'] as const) {
    const officer = await makeOfficer(app.strapi, level, ['SCT']);
    await request(app.strapi.server.httpServer)
      .post(`/workflow/tasks/${task.id}/actions`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ action: 'approve' })
      .expect(200);
  }

  await page.goto(`${siteUrl}/tai-khoan/doanh-nghiep`);
  await page.getByText('Đã xác thực').first().waitFor();
  await page.getByRole('link', { name: 'Xem trang doanh nghiệp' }).click();
  await page.waitForURL(new RegExp(`/doanh-nghiep/${seller.slug}$`));
  await page.getByRole('heading', { name }).waitFor();
  expect(await page.content()).not.toContain('087198765432');

  await page.goto(`${siteUrl}/tai-khoan`);
  await page.getByText('Người bán').first().waitFor();
});
