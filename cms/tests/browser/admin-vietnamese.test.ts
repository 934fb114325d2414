import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  ADMINISTRATIVE_LEVELS,
  AUDIT_ACTIONS,
  COMPLAINT_REMEDIES,
  COMPLAINT_STATUSES,
  DATA_REQUEST_KINDS,
  DELIVERY_METHODS,
  DIRECTORY_KINDS,
  LEGAL_DOCUMENT_KINDS,
  LEGAL_FORMS,
  MARKET_KINDS,
  MODERATION_STATES,
  ORDER_STATUSES,
  PAYMENT_METHODS,
  REPORT_REASONS,
  REPORT_TARGET_TYPES,
  STAFF_LEVELS,
  SUPPLY_DEMAND_KINDS,
  VERIFICATION_STATES,
  licenceTypes,
} from '@sgd/config';
import { TASK_KINDS, TASK_STATES, TEMPLATE_ACTIONS } from '@sgd/contracts';
import { CHROMIUM } from './chromium';
import { chromium } from 'playwright-core';
import { signInToAdmin } from './admin';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeArea, makeProduct, makeSeller, unique } from '../factories';
import { PASSWORD, departmentId, makeOfficer, type Officer } from '../staff';

/**
 * A new officer of Sở Công Thương whose browser speaks English works in the admin (the built panel in
 * cms/dist/build, Debian's Chromium started with `--lang=en-US`): on every screen they use — home,
 * inbox, statistics, the list and the edit view of every collection type they can read, the Media
 * Library, their profile, the settings pages open to them — and a super admin on the home page, the
 * lists of admin users and of roles, a new role's permissions, a new webhook and the language
 * settings: the visible text holds no English interface word, no code of this project's
 * enumerations, no document id and no US date format. Each screen is saved under screenshots/admin/
 * to be looked at.
 */
jest.setTimeout(600_000);

const ADMIN_BUILD = path.resolve(__dirname, '..', '..', 'dist', 'build', 'index.html');
const SHOTS = path.resolve(__dirname, '..', '..', '..', 'screenshots', 'admin');

/** Words of Strapi's English interface an officer met before (issue 17), and their kin. */
const ENGLISH = [
  'Hello',
  'Welcome',
  'Publish',
  'Unpublish',
  'Save',
  'Back',
  'Filters',
  'Filter',
  'Search',
  'characters',
  'max.',
  'Add or create a relation',
  'No content found',
  'Create new entry',
  'Introducing',
  'Read blog post',
  'Edit',
  'Delete',
  'Cancel',
  'Draft',
  'Published',
  'Modified',
  'Status',
  'STATUS',
  'Entries',
  'entries',
  'Loading',
  'Choose here',
  'Select',
  'Settings',
  'Profile',
  'Home',
  'Content Manager',
  'Media Library',
  'Untitled',
  'Forbidden',
  'TRUE',
  'FALSE',
  'true',
  'false',
  'Yes',
  'No',
  'Guided tour',
  'Active',
  'Inactive',
  'Firstname',
  'Lastname',
  'Username',
  'Internationalization',
  'Entry',
  'Media',
  'Locale',
  // English sentences the lists above do not name: their small words give them away.
  'the',
  'you',
  'your',
  'and',
  'of',
  'with',
  'this',
  'any',
  'are',
  'is',
  'for',
  'from',
  'will',
  'not',
];

/** Every code of this project's enumerations that a person could be shown instead of its name. */
const CODES = [
  ...[
    ADMINISTRATIVE_LEVELS,
    AUDIT_ACTIONS,
    COMPLAINT_REMEDIES,
    COMPLAINT_STATUSES,
    DATA_REQUEST_KINDS,
    DELIVERY_METHODS,
    DIRECTORY_KINDS,
    LEGAL_DOCUMENT_KINDS,
    LEGAL_FORMS,
    MARKET_KINDS,
    MODERATION_STATES,
    ORDER_STATUSES,
    PAYMENT_METHODS,
    REPORT_REASONS,
    REPORT_TARGET_TYPES,
    STAFF_LEVELS,
    SUPPLY_DEMAND_KINDS,
    TASK_KINDS,
    TASK_STATES,
    TEMPLATE_ACTIONS,
    VERIFICATION_STATES,
    licenceTypes,
  ].flatMap((list) => (list as readonly { code: string }[]).map((item) => item.code)),
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word standing alone: not inside a longer word, an address or a path. */
const alone = (word: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}_@./:-])${escape(word)}(?![\\p{L}\\p{N}_@/-]|\\.[\\p{L}\\p{N}])`, 'u');
const DOCUMENT_ID = /(?<![\p{L}\p{N}])[a-z0-9]{24}(?![\p{L}\p{N}])/u;
const US_DATE = /mm\/dd\/yyyy/i;

let app: TestApp;
let base: string;
let browser: Browser;
let page: Page;
let officer: Officer;
const problems: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(ADMIN_BUILD)) throw new Error('Chưa build trang quản trị: chạy `npm run build -w cms`.');
  app = await bootStrapi('admin-vietnamese', { serveAdminPanel: true });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  // A new officer with a Vietnamese name, as the super admin would create them.
  await app.strapi.db
    .query('admin::user')
    .update({ where: { id: officer.id }, data: { firstname: 'Thị Mai', lastname: 'Nguyễn' } });
  await app.strapi.db
    .query('plugin::workflow.staff')
    .update({ where: { user: { id: officer.id } }, data: { fullName: 'Nguyễn Thị Mai' } });
  await itemsOfEveryKind(await departmentId(app.strapi, 'SCT'));
  fs.mkdirSync(SHOTS, { recursive: true });
  if (!fs.existsSync(CHROMIUM)) throw new Error('Thiếu Chromium: apt-get install -y chromium');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--lang=en-US',
    ],
  });
  // A fresh browser profile in English, as on an office machine: nothing stored yet.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/**
 * One item of each kind the demo leaves without an example in the department (orders, reviews,
 * comments, answers, complaints, reports, personal-data requests, production areas), so that every
 * edit view is looked at.
 */
async function itemsOfEveryKind(department: number) {
  const db = (uid: string) => app.strapi.db.query(uid as never);
  const documentId = () => unique('ma').replace(/\W/g, '').toLowerCase();
  const seller = await makeSeller(app.strapi, { department, name: 'Hợp tác xã Xoài cát Mỹ Xương' });
  const product = await makeProduct(app.strapi, seller.documentId, {
    department,
    name: 'Xoài cát Hòa Lộc loại 1',
    internalNote: null,
    flaggedReasons: null,
  });
  await makeArea(app.strapi, seller.documentId, {
    department,
    name: 'Vùng trồng xoài Mỹ Xương',
    code: 'VN-DTP-0123',
  });
  const placed = new Date().toISOString();
  await db('plugin::orders.order').create({
    data: {
      code: 'DH-2026-0001',
      orderStatus: 'awaiting_confirmation',
      seller: seller.id,
      sellerName: seller.name,
      contactName: 'Trần Thị Mua',
      contactPhone: '0912345678',
      contactEmail: 'nguoimua@example.vn',
      deliveryAddress: 'Số 12, đường 30/4, phường Cao Lãnh',
      paymentMethod: 'cash_on_delivery',
      deliveryMethod: 'carrier',
      total: 450000,
      department,
      placedAt: placed,
      statusChangedAt: placed,
    },
  });
  const moderated = { department, reviewStatus: 'pending', publishedAt: null, authorName: 'Trần Thị Mua' };
  const review = await db('plugin::reviews.review').create({
    data: {
      ...moderated,
      documentId: documentId(),
      title: 'Đánh giá Xoài cát Hòa Lộc loại 1',
      product: product.id,
      seller: seller.id,
      productStars: 5,
      sellerStars: 4,
      text: 'Xoài ngọt, giao đúng hẹn.',
      orderProductKey: documentId(),
    },
  });
  await db('plugin::reviews.comment').create({
    data: {
      ...moderated,
      documentId: documentId(),
      title: 'Bình luận Xoài cát',
      product: product.id,
      text: 'Còn hàng không ạ?',
    },
  });
  await db('plugin::reviews.answer').create({
    data: {
      ...moderated,
      documentId: documentId(),
      title: 'Trả lời đánh giá',
      authorName: seller.name,
      review: review.id,
      product: product.id,
      seller: seller.id,
      text: 'Cảm ơn quý khách.',
      targetKey: `review:${documentId()}`,
    },
  });
  await db('plugin::complaints.complaint').create({
    data: {
      documentId: documentId(),
      title: 'Khiếu nại đơn DH-2026-0001',
      orderCode: 'DH-2026-0001',
      seller: seller.id,
      sellerName: seller.name,
      subject: 'Giao thiếu hàng',
      description: 'Thiếu một thùng xoài.',
      remedy: 'redeliver',
      complaintStatus: 'escalated',
      reviewStatus: 'pending',
      department,
      publishedAt: null,
      openedAt: placed,
      sellerDueAt: placed,
      statusChangedAt: placed,
    },
  });
  await db('plugin::complaints.violation-report').create({
    data: {
      documentId: documentId(),
      title: 'Phản ánh Xoài cát Hòa Lộc loại 1',
      targetType: 'product',
      targetUid: U.product,
      targetDocumentId: product.documentId,
      targetTitle: product.name,
      reason: 'false_information',
      details: 'Ghi sai nguồn gốc.',
      reporterName: 'Lê Văn Phản',
      reviewStatus: 'pending',
      department,
      publishedAt: null,
    },
  });
  await db('plugin::accounts.data-request').create({
    data: {
      documentId: documentId(),
      kind: 'access',
      title: 'Yêu cầu cung cấp dữ liệu cá nhân',
      details: 'Đề nghị cung cấp dữ liệu của tôi.',
      reviewStatus: 'pending',
      department,
      publishedAt: null,
    },
  });
}

/** What a person reads on the screen: its text, and the hints inside its inputs. */
async function visibleText(): Promise<string> {
  return page.evaluate(() => {
    // The browser's own date input follows the browser's language (mm/dd/yyyy in English).
    const browserDates = Array.from(document.querySelectorAll('input[type="date"]')).some(
      (input) => (input as HTMLElement).offsetParent !== null,
    );
    const hints = Array.from(
      document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
    )
      .filter((input) => input.offsetParent !== null)
      .map((input) => input.placeholder)
      .filter(Boolean);
    return [document.body.innerText, ...hints, browserDates ? 'mm/dd/yyyy' : ''].join('\n');
  });
}

/** Waits for a screen to settle, saves it, and notes every English word, code, id or US date on it. */
async function check(name: string) {
  await page.waitForLoadState('networkidle');
  // Strapi's page loader (its hidden text is a fixed "Loading content."): a screen still loading after
  // a minute is a fault of its own; a slow machine only makes it last longer, and quiet moments on the
  // network while the admin works out the next request are no sign that it has finished.
  const pageLoading = await page
    .locator('text=/^Loading content/')
    .first()
    .waitFor({ state: 'detached', timeout: 60_000 })
    .then(() => false)
    .catch(() => true);
  if (pageLoading) problems.push(`${name}: vẫn đang tải sau một phút`);
  // Until the screen has loaded: the project's "Đang tải…", and the spinners the design system draws
  // while a relation field fetches its choices (its hidden text is a fixed "Loading", read only while
  // it spins: the settled screen is what is checked).
  for (const loading of ['text=/Đang tải/', 'text=/^Loading$/']) {
    await page
      .locator(loading)
      .first()
      .waitFor({ state: 'detached', timeout: 15_000 })
      .catch(() => {});
  }
  const file = path.join(SHOTS, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  const text = await visibleText();
  for (const word of ENGLISH) if (alone(word).test(text)) problems.push(`${name}: tiếng Anh "${word}"`);
  for (const code of CODES) if (alone(code).test(text)) problems.push(`${name}: mã "${code}"`);
  const id = DOCUMENT_ID.exec(text);
  if (id) problems.push(`${name}: mã mục "${id[0]}"`);
  if (US_DATE.test(text)) problems.push(`${name}: ngày kiểu Mỹ`);
}

it('shows the sign-in page in Vietnamese to a browser set to English', async () => {
  await page.goto(`${base}/admin/auth/login`);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).waitFor();
  await check('dang-nhap');
  await signInToAdmin(page, base, officer.email, PASSWORD);
});

it('shows the officer’s own screens in Vietnamese', async () => {
  const screens: [string, string, (page: Page) => Promise<unknown>][] = [
    ['trang-chu', '', (p) => p.getByRole('heading', { name: /Xin chào/ }).waitFor()],
    ['hop-duyet', '/plugins/workflow', (p) => p.getByRole('heading', { name: 'Hộp duyệt' }).waitFor()],
    ['thong-ke', '/plugins/stats', (p) => p.locator('section svg.recharts-surface').first().waitFor()],
    ['giay-phep-sap-het-han', '/plugins/sellers', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['nguoi-dung', '/plugins/accounts', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['thu-vien-tep', '/plugins/upload', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['tai-khoan', '/me', (p) => p.getByRole('heading', { level: 1 }).waitFor()],
    ['thiet-lap', '/settings', (p) => p.getByRole('heading').first().waitFor()],
  ];
  for (const [name, pathname, ready] of screens) {
    await page.goto(`${base}/admin${pathname}`);
    await ready(page);
    await check(name);
  }
  expect(problems).toEqual([]);
});

it('shows the list and the edit view of every collection type the officer can read in Vietnamese', async () => {
  await page.goto(`${base}/admin/content-manager`);
  const links = page.locator('nav a[href*="/content-manager/collection-types/"]');
  await links.first().waitFor();
  const types = await links.evaluateAll((anchors) =>
    anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').at(-1) as string),
  );
  expect(types.length).toBeGreaterThanOrEqual(15);
  let opened = 0;
  for (const uid of [...new Set(types)]) {
    const name = uid.split('.').at(-1) as string;
    await page.goto(`${base}/admin/content-manager/collection-types/${uid}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await check(`danh-sach-${name}`);
    const first = page.locator('tbody tr').first();
    if ((await page.locator('tbody tr td').count()) > 1) {
      await first.locator('td').nth(1).click();
      await page.waitForURL((url) => url.pathname.split('/').length === 6);
      await check(`sua-${name}`);
      opened += 1;
    }
  }
  expect(opened).toBe(new Set(types).size);
  expect(problems).toEqual([]);
});

it('filters a list by a status named in Vietnamese', async () => {
  await page.goto(`${base}/admin/content-manager/collection-types/plugin::catalog.product`);
  await page.getByRole('button', { name: 'Bộ lọc' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').first().click();
  await page.getByRole('option', { name: 'Trạng thái kiểm duyệt' }).click();
  await dialog.getByRole('combobox').last().click();
  const options = await page.getByRole('option').allTextContents();
  expect(options).toEqual(expect.arrayContaining(['Chờ duyệt', 'Đã duyệt', 'Bị khóa']));
  await check('bo-loc-trang-thai');
  expect(problems).toEqual([]);
});

it("shows the super admin's home page, lists of admin users and of roles, a role's permissions, a new webhook and the language settings in Vietnamese", async () => {
  const superAdmin = await makeOfficer(app.strapi, 'super_admin', []);
  await app.strapi.db
    .query('admin::user')
    .update({ where: { id: superAdmin.id }, data: { firstname: 'Văn Hùng', lastname: 'Trần' } });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  await signInToAdmin(page, base, superAdmin.email, PASSWORD);

  // The home page lists the audit log's latest entries (this sign-in among them) by their names.
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
  await check('quan-tri-trang-chu');

  await page.goto(`${base}/admin/settings/users`);
  await page.getByRole('row', { name: /Văn Hùng/ }).waitFor();
  // Strapi writes a user's status and the list's filters in English, without a translation id.
  expect(await page.getByRole('row', { name: /Văn Hùng/ }).innerText()).toContain('Đang hoạt động');
  await check('quan-tri-nguoi-dung');
  await page.getByRole('button', { name: 'Bộ lọc' }).click();
  await page.getByRole('dialog').getByRole('combobox').first().click();
  const fields = await page.getByRole('option').allTextContents();
  expect(fields).toEqual(expect.arrayContaining(['Tên', 'Họ', 'Email', 'Tên người dùng', 'Đang hoạt động']));
  await check('quan-tri-nguoi-dung-bo-loc');
  await page.keyboard.press('Escape');

  // The roles, and a new role's permissions: content types and fields by their Vietnamese names.
  await page.goto(`${base}/admin/settings/roles`);
  await page.getByRole('row', { name: /Quản trị cao nhất/ }).waitFor();
  await check('quan-tri-vai-tro');
  await page.goto(`${base}/admin/settings/roles/new`);
  await page.getByText('Sản phẩm, dịch vụ').first().click();
  await page.getByText('Tên sản phẩm').first().waitFor();
  expect(await page.getByRole('textbox', { name: 'Mô tả' }).inputValue()).toMatch(
    /^Đã tạo \d{2}\/\d{2}\/\d{4}$/,
  );
  await check('quan-tri-vai-tro-moi');
  // The Plugins tab, in Vietnamese: a role given one of its permissions keeps it once saved.
  await page.getByRole('textbox', { name: /^Tên/ }).fill('Văn thư sở');
  await page.getByRole('tab', { name: 'Plugin' }).click();
  await page.getByRole('button', { name: /Quy trình duyệt/ }).click();
  await page.getByRole('checkbox', { name: /Xử lý hồ sơ trong Hộp duyệt/ }).click();
  await check('quan-tri-vai-tro-moi-plugin');
  await page.getByRole('tab', { name: 'Cài đặt' }).click();
  await check('quan-tri-vai-tro-moi-cai-dat');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.waitForURL((url) => /\/settings\/roles\/\d+$/.test(url.pathname));
  const role = (await app.strapi.db
    .query('admin::role')
    .findOne({ where: { name: 'Văn thư sở' }, populate: ['permissions'] })) as {
    permissions: { action: string }[];
  };
  expect(role.permissions.map((permission) => permission.action)).toEqual(['plugin::workflow.review']);

  await page.goto(`${base}/admin/settings/webhooks/create`);
  await page.getByText('Nội dung', { exact: true }).waitFor();
  await check('quan-tri-webhook-moi');

  await page.goto(`${base}/admin/settings/internationalization`);
  await page.getByRole('heading', { name: 'Đa ngôn ngữ' }).waitFor();
  await check('thiet-lap-ngon-ngu');
  expect(problems).toEqual([]);
});
