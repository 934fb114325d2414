import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { foldVietnamese } from '@sgd/plugin-core';
import { launchChromium } from './chromium';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeLicence, makeProduct, makeSeller, unique } from '../factories';
import { makeOfficer, makeSiteUser, SITE_PASSWORD } from '../staff';
import { SITE_ENTRY, startSite } from '../site-server';

/**
 * The public's main journeys on the built site, in Debian's Chromium without client script, each
 * starting where a visitor starts (the home page, a menu link) and going by visible labels: search
 * without diacritics and open a product; keep OCOP 4★ products; check a licence by its number; read
 * an article of the operating regulation by its anchor; post a buy need, with a mistake explained
 * first, which the board shows once a moderator approves it.
 */
jest.setTimeout(180_000);

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let browser: Browser;
let page: Page;
const fourStar = { name: '', slug: '' };
let threeStarName: string;
let licenceNumber: string;
let sellerName: string;
/** A made-up word shared by this file's products only. */
const TOKEN = `Đặc sản Gò Công ${process.pid.toString(36)}`;

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('journeys-browser');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  sellerName = unique('Hợp tác xã Hành Trình');
  const seller = await makeSeller(app.strapi, { name: sellerName });
  const four = await makeProduct(app.strapi, seller.documentId, { name: `Mắm tôm chà ${TOKEN}` });
  Object.assign(fourStar, { name: four.name as string, slug: four.slug as string });
  const three = await makeProduct(app.strapi, seller.documentId, { name: `Bánh giò ${TOKEN}` });
  threeStarName = three.name as string;
  licenceNumber = unique('OCOP-HT').replace(/\s+/g, '-');
  await makeLicence(app.strapi, seller.documentId, {
    type: 'ocop',
    ocopStars: 4,
    number: licenceNumber,
    expiresOn: '2099-12-31',
    products: [four.documentId],
  });
  await makeLicence(app.strapi, seller.documentId, {
    type: 'ocop',
    ocopStars: 3,
    expiresOn: '2099-12-31',
    products: [three.documentId],
  });

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

it('searches without diacritics from the home page and opens the product', async () => {
  await page.goto(siteUrl);
  await page.getByLabel('Tìm sản phẩm').fill(foldVietnamese(fourStar.name));
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.waitForURL(/\/san-pham\?q=/);
  await page.getByRole('link', { name: fourStar.name }).first().click();
  await page.waitForURL(new RegExp(`/san-pham/${fourStar.slug}$`));
  await page.getByRole('heading', { level: 1, name: fourStar.name }).waitFor();
  await page.getByText(sellerName).first().waitFor();
});

it('keeps only OCOP 4-star products when the filter is chosen', async () => {
  await page.goto(`${siteUrl}/san-pham?q=${encodeURIComponent(TOKEN)}`);
  await page.getByRole('link', { name: threeStarName }).first().waitFor();
  await page.getByLabel('Hạng OCOP').selectOption({ label: 'OCOP 4 sao' });
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.waitForURL(/ocopStars=4/);
  await page.getByRole('link', { name: fourStar.name }).first().waitFor();
  expect(await page.getByRole('link', { name: threeStarName }).count()).toBe(0);
  // The choice stays in the form and in the address, for sharing and going back.
  expect(await page.getByLabel('Hạng OCOP').inputValue()).toBe('4');
});

it('checks a licence by its number from the menu', async () => {
  await page.goto(siteUrl);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Kiểm tra giấy phép' })
    .click();
  await page.getByLabel(/Số giấy phép/).fill(licenceNumber);
  await page.getByRole('button', { name: 'Kiểm tra' }).click();
  await page.waitForURL(/\/kiem-tra-giay-phep\?so=/);
  const result = page.getByRole('region', { name: /Kết quả/ });
  await result.getByText(sellerName).first().waitFor();
  await result.getByText('Còn hiệu lực').first().waitFor();
  await result.getByText('(4 sao)').first().waitFor();
});

it('opens an article of the operating regulation from its table of contents, by its anchor', async () => {
  await page.goto(siteUrl);
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Quy chế hoạt động' })
    .click();
  await page.waitForURL(/\/van-ban\//);
  const toc = page.getByRole('navigation', { name: 'Mục lục' });
  const article = toc.getByRole('link', { name: /^Điều 10\b/ }).first();
  const anchor = (await article.getAttribute('href')) ?? '';
  expect(anchor).toMatch(/^#.+/);
  await article.click();
  await page.waitForURL((url) => url.hash === anchor);
  // The article's heading is the target of the address, and a link with it lands there directly.
  const target = page.locator(':target');
  expect(await target.textContent()).toMatch(/^Điều 10\b/);
  const shared = await browser.newPage({ javaScriptEnabled: false });
  await shared.goto(page.url());
  expect(await shared.locator(':target').textContent()).toMatch(/^Điều 10\b/);
  await shared.close();
});

it('posts a buy need: a mistake is explained beside its field, then the board shows it once approved', async () => {
  const user = await makeSiteUser(app.strapi);
  await page.goto(`${siteUrl}/cung-cau`);
  await page.getByRole('link', { name: 'Đăng tin' }).click();
  await page.waitForURL(/\/tai-khoan\/dang-nhap\?tiep=/);
  await page.getByLabel('Email hoặc số điện thoại').fill(user.email);
  await page.getByLabel('Mật khẩu').fill(SITE_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/tai-khoan\/tin-cung-cau\/moi$/);

  const title = unique('Cần mua 5 tấn xoài cát Hòa Lộc');
  await page.getByLabel(/^Nhu cầu/).selectOption({ label: 'Cần mua' });
  await page.getByLabel(/^Tiêu đề/).fill(title);
  await page.getByLabel('Số lượng').fill('5');
  await page.getByLabel('Đơn vị tính').fill('tấn');
  await page.getByLabel(/^Hiệu lực đến ngày/).fill('2099-06-30');
  await page.getByLabel('Điện thoại liên hệ').fill('0912345678');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();

  // No contact name: said beside the field, linked to it, and what was typed is kept.
  await page.getByText('Vui lòng nhập người liên hệ.').waitFor();
  const contact = page.getByLabel(/^Người liên hệ/);
  expect(await contact.getAttribute('aria-invalid')).toBe('true');
  expect(await contact.getAttribute('aria-describedby')).toContain('truong-contactName-loi');
  expect(await page.getByLabel(/^Tiêu đề/).inputValue()).toBe(title);
  expect(await page.getByLabel('Điện thoại liên hệ').inputValue()).toBe('0912345678');

  await contact.fill('Nguyễn Văn Bình');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await page.waitForURL(/\/tai-khoan\/tin-cung-cau\?da-luu=1$/);
  const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await item.getByRole('button', { name: `Gửi duyệt: ${title}` }).click();
  await page.getByText('Chờ duyệt').first().waitFor();

  const post = (await app.strapi.db
    .query('plugin::catalog.supply-demand-post')
    .findOne({ where: { title, publishedAt: null } })) as { documentId: string };
  const task = (await app.strapi.db
    .query('plugin::workflow.task')
    .findOne({ where: { targetDocumentId: post.documentId } })) as { id: number; departmentId: number };
  const department = (await app.strapi.db
    .query('plugin::core.department')
    .findOne({ where: { id: task.departmentId } })) as { code: string };
  const officer = await makeOfficer(app.strapi, 'specialist', [department.code]);
  await request(app.strapi.server.httpServer)
    .post(`/workflow/tasks/${task.id}/actions`)
    .set('Authorization', `Bearer ${officer.token}`)
    .send({ action: 'approve' })
    .expect(200);

  await page.goto(`${siteUrl}/cung-cau?loai=mua`);
  const onBoard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  await onBoard.getByText('Nguyễn Văn Bình').waitFor();
  await onBoard.getByText('0912345678').waitFor();
});
