import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { signInToAdmin } from './admin';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makePost, unique } from '../factories';
import { Mailbox } from '../mailbox';
import { PASSWORD, departmentId, makeOfficer, makeSiteUser, type Officer } from '../staff';
import { coreService } from '@sgd/plugin-core';

/**
 * The review inbox in the real admin panel (the build in cms/dist/build) driven by Debian's
 * Chromium: an officer of Sở Công Thương logs in, sees only their department's tasks, approves a
 * buy/sell post with a reply template, and the submitter's email arrives at the test SMTP server.
 */
jest.setTimeout(180_000);

const ADMIN_BUILD = path.resolve(__dirname, '..', '..', 'dist', 'build', 'index.html');

let app: TestApp;
let base: string;
let browser: Browser;
let page: Page;
const mailbox = new Mailbox();
let officer: Officer;
let owner: Awaited<ReturnType<typeof makeSiteUser>>;
const ours = { title: '', slug: '' };
let theirs: string;
const templateName = 'Chấp thuận tin đăng (mẫu thử)';
const templateSubject = 'Tin "{{itemTitle}}" đã được đăng trên Sàn';

async function submitPost(jwt: string, department: number, title: string) {
  const post = await makePost(
    app.strapi,
    { owner: owner.id, department, reviewStatus: 'draft', title, contactEmail: owner.email },
    false,
  );
  const res = await request(app.strapi.server.httpServer)
    .post('/api/workflow/submissions')
    .set({ Authorization: `Bearer ${jwt}` })
    .send({ type: 'supply-demand-post', documentId: post.documentId });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`Nộp tin thất bại: ${res.status} ${JSON.stringify(res.body)}`);
  return post;
}

beforeAll(async () => {
  if (!fs.existsSync(ADMIN_BUILD)) throw new Error('Chưa build trang quản trị: chạy `npm run build -w cms`.');
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('inbox', { serveAdminPanel: true });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  owner = await makeSiteUser(app.strapi);
  await app.strapi.db.query('plugin::workflow.reply-template').create({
    data: {
      name: templateName,
      workflow: 'post_moderation',
      action: 'approve',
      subject: templateSubject,
      body: 'Kính gửi {{submitterName}},\n\nTin "{{itemTitle}}" đã được duyệt.{{reasonLine}}',
    },
  });
  const title = unique('Cần mua 5 tấn xoài cát Hòa Lộc');
  const post = await submitPost(owner.jwt, await departmentId(app.strapi, 'SCT'), title);
  ours.title = title;
  ours.slug = post.slug as string;
  theirs = unique('Cần bán thuốc nam Sở Y tế');
  await submitPost(owner.jwt, await departmentId(app.strapi, 'SYT'), theirs);
  // The submission itself sends an acknowledgement: keep only what the decision sends.
  await deliverAll();
  mailbox.messages.length = 0;

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mailbox.stop();
});

/** Sends what the outbox holds; a send that failed fails the test with the outbox's own account. */
async function deliverAll() {
  const outbox = coreService(app.strapi, 'outbox');
  for (;;) {
    const { sent, failed } = await outbox.deliver(new Date());
    if (failed > 0) {
      const rows = await app.strapi.db.query('plugin::core.outbox-message' as never).findMany({
        where: { status: { $ne: 'sent' } },
        select: ['recipient', 'subject', 'status', 'lastError'],
      });
      throw new Error(`Gửi thư thất bại: ${JSON.stringify(rows)}`);
    }
    if (sent === 0) return;
  }
}

async function postOf(slug: string) {
  return (await app.strapi.db
    .query('plugin::catalog.supply-demand-post' as never)
    .findOne({ where: { slug } })) as { documentId: string };
}

it('lets an officer approve a task of their department with a template, and emails the submitter', async () => {
  await signInToAdmin(page, base, officer.email, PASSWORD);

  await page.goto(`${base}/admin/plugins/workflow`);
  await page.getByRole('heading', { name: 'Hộp duyệt' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: ours.title });
  await row.waitFor();
  // Only Sở Công Thương's tasks: the Sở Y tế post is not listed.
  expect(await row.textContent()).toContain('Sở Công Thương');
  const table = (await page.locator('table').textContent()) ?? '';
  expect(table).not.toContain(theirs);
  expect(table).not.toContain('Sở Y tế');

  await row.getByRole('button', { name: 'Xử lý' }).click();
  const dialog = page.getByRole('dialog');
  await expectText(dialog, 'Kiểm duyệt tin mua, tin bán');
  await dialog.getByRole('combobox', { name: 'Thao tác' }).click();
  await page.getByRole('option', { name: 'Duyệt', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Mẫu trả lời' }).click();
  await page.getByRole('option', { name: templateName }).click();
  // The preview fills the placeholders.
  await expectText(dialog, `Tin "${ours.title}" đã được đăng trên Sàn`);
  await dialog.getByRole('textbox', { name: 'Lý do' }).fill('Tin đăng đầy đủ thông tin liên hệ.');
  await dialog.getByRole('button', { name: 'Thực hiện' }).click();
  await page.getByText('Đã thực hiện: Duyệt.').waitFor();
  // The history timeline shows the decision.
  await expectText(dialog, 'Tin đăng đầy đủ thông tin liên hệ.');

  // The scheduled delivery job (run here by hand: cron is off in tests) sends the email.
  await deliverAll();
  // A delivery started beside the test (the row was found 'sending' once) may be the one sending it.
  const mails = await mailbox.waitFor(owner.email).catch(() => mailbox.to(owner.email));
  if (mails.length === 0) {
    // What the decision left, to tell a decision that sent nothing from a mail that was not delivered.
    const tasks = await app.strapi.db
      .query('plugin::workflow.task' as never)
      .findMany({ where: { targetDocumentId: (await postOf(ours.slug)).documentId } });
    const queued = await app.strapi.db.query('plugin::core.outbox-message' as never).findMany({});
    throw new Error(`Không có thư: ${JSON.stringify({ tasks, queued })}`);
  }
  expect(mails.map((m) => m.subject)).toEqual([`Tin "${ours.title}" đã được đăng trên Sàn`]);
  expect(mails[0].text).toContain('Tin đăng đầy đủ thông tin liên hệ.');
  // Approved at the only stage: the post is public.
  const pub = await request(app.strapi.server.httpServer).get(`/api/supply-demand-posts/${ours.slug}`);
  expect(pub.status).toBe(200);
});

it('lets the officer find the submitter by email and lock the account with a reason', async () => {
  await page.goto(`${base}/admin/plugins/accounts`);
  await page.getByLabel('Họ tên, email hoặc số điện thoại').fill(owner.email);
  await page.getByRole('button', { name: 'Tìm' }).click();
  const row = page.getByRole('row').filter({ hasText: owner.email });
  await row.waitFor();
  expect(await row.textContent()).toContain('Hoạt động');
  await row.getByRole('textbox').fill('Đăng tin mua bán hàng cấm.');
  await row.getByRole('button', { name: 'Khóa tài khoản' }).click();
  await page.getByText('Đã khóa tài khoản.').waitFor();
  await expectText(row, 'Đang bị khóa');
  await expectText(row, 'Đăng tin mua bán hàng cấm.');
  const user = (await app.strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { id: owner.id } })) as { blocked: boolean };
  expect(user.blocked).toBe(true);
});

async function expectText(locator: ReturnType<Page['locator']>, text: string) {
  await locator.getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
}
