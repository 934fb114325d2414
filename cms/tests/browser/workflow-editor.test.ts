import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium } from './chromium';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makePost } from '../factories';
import { PASSWORD, departmentId, makeOfficer, makeSiteUser, type Officer } from '../staff';

/**
 * The workflow editor in the real admin panel (the build in cms/dist/build), driven by Debian's
 * Chromium: the super admin adds a stage to the buy/sell posts' review and changes a deadline, a
 * mistake is shown beside the field, the save makes a new version; a post submitted afterwards goes
 * through both stages while one submitted before keeps its single stage. An officer without the
 * settings permission reads the same page without being able to save.
 */
jest.setTimeout(240_000);

const ADMIN_BUILD = path.resolve(__dirname, '..', '..', 'dist', 'build', 'index.html');
const WORKFLOW = 'Kiểm duyệt tin mua, tin bán (QC Điều 10.3)';

let app: TestApp;
let base: string;
let browser: Browser;
let page: Page;
const staff = {} as Record<'superAdmin' | 'specialist' | 'division', Officer>;

const http = () => request(app.strapi.server.httpServer);

async function submitPost() {
  const owner = await makeSiteUser(app.strapi);
  const post = await makePost(
    app.strapi,
    { owner: owner.id, department: await departmentId(app.strapi, 'SCT'), reviewStatus: 'draft' },
    false,
  );
  const res = await http()
    .post('/api/workflow/submissions')
    .set({ Authorization: `Bearer ${owner.jwt}` })
    .send({ type: 'supply-demand-post', documentId: post.documentId });
  expect(res.status).toBe(200);
  return (await app.strapi.db
    .query('plugin::workflow.task')
    .findOne({ where: { targetDocumentId: post.documentId } })) as { id: number; workflowVersion: number };
}

async function signIn(officer: Officer) {
  await page.context().clearCookies();
  await page.goto(`${base}/admin/auth/login`);
  await page.evaluate(() => localStorage.clear());
  await page.goto(`${base}/admin/auth/login`);
  await page.getByLabel(/email/i).fill(officer.email);
  await page.getByLabel(/password|mật khẩu/i).fill(PASSWORD);
  await page.getByRole('button', { name: /login|đăng nhập/i }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/login'));
}

beforeAll(async () => {
  if (!fs.existsSync(ADMIN_BUILD)) throw new Error('Chưa build trang quản trị: chạy `npm run build -w cms`.');
  app = await bootStrapi('workflow_editor', { serveAdminPanel: true });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  staff.superAdmin = await makeOfficer(app.strapi, 'super_admin', []);
  staff.specialist = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  staff.division = await makeOfficer(app.strapi, 'head_of_division', ['SCT']);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

it('adds a stage and changes a deadline; new submissions follow the new version, older tasks keep theirs', async () => {
  const older = await submitPost();

  await signIn(staff.superAdmin);
  await page.goto(`${base}/admin/plugins/workflow/quy-trinh`);
  await page.getByRole('heading', { name: 'Quy trình duyệt' }).waitFor();
  await page
    .getByRole('navigation', { name: 'Các quy trình' })
    .getByRole('button', { name: WORKFLOW })
    .click();
  const form = page.getByRole('region', { name: 'Sửa quy trình' });
  const first = form.getByRole('region', { name: 'Bước 1' });
  await first.getByRole('textbox', { name: 'Tên bước' }).waitFor();
  expect(await first.getByRole('textbox', { name: 'Tên bước' }).inputValue()).toBe('Kiểm duyệt');

  // A deadline of 0 is refused beside the field, in Vietnamese.
  const deadline = first.getByLabel('Thời hạn xử lý (ngày làm việc)');
  await deadline.fill('0');
  await first.getByText('Thời hạn ít nhất 1 ngày làm việc.').waitFor();
  await deadline.fill('4');
  await first.getByText('Thời hạn ít nhất 1 ngày làm việc.').waitFor({ state: 'detached' });

  await form.getByRole('button', { name: 'Thêm bước' }).click();
  const second = form.getByRole('region', { name: 'Bước 2' });
  await second.getByText('Mỗi bước cần ít nhất một vai trò được xử lý.').waitFor();
  await second.getByRole('textbox', { name: 'Tên bước' }).fill('Lãnh đạo phòng duyệt');
  await second.getByRole('checkbox', { name: 'Lãnh đạo phòng' }).click();
  await second.getByRole('checkbox', { name: 'Trả về bước trước' }).click();
  const deadline2 = second.getByLabel('Thời hạn xử lý (ngày làm việc)');
  await deadline2.fill('2');

  // The preview shows the path a post submitted now would take.
  const preview = page.getByRole('region', { name: 'Xem trước' });
  await preview.getByText('2. Lãnh đạo phòng duyệt').waitFor();
  await preview.getByText('Lãnh đạo phòng · 2 ngày làm việc', { exact: false }).waitFor();

  await form.getByRole('button', { name: 'Lưu thành phiên bản mới' }).click();
  await page
    .getByText(`Đã lưu quy trình «${WORKFLOW}», phiên bản ${older.workflowVersion + 1}.`, { exact: false })
    .waitFor();
  const versions = page.getByRole('region', { name: 'Các phiên bản' });
  await versions.getByText(`${older.workflowVersion + 1} (đang áp dụng)`).waitFor();

  // A post submitted now goes through both stages, with the new deadline.
  const newer = await submitPost();
  expect(newer.workflowVersion).toBe(older.workflowVersion + 1);
  const act = (officer: Officer, taskId: number) =>
    http()
      .post(`/workflow/tasks/${taskId}/actions`)
      .set({ Authorization: `Bearer ${officer.token}` })
      .send({ action: 'approve' });
  const firstStage = await act(staff.specialist, newer.id);
  expect(firstStage.body.data.task).toMatchObject({ state: 'in_review', stageName: 'Lãnh đạo phòng duyệt' });
  expect((await act(staff.division, newer.id)).body.data.task.state).toBe('approved');
  // The older post keeps its single stage: one approval publishes it.
  expect((await act(staff.specialist, older.id)).body.data.task).toMatchObject({
    state: 'approved',
    stageCount: 1,
  });
});

it('shows an officer without the settings permission the workflows, read only', async () => {
  await signIn(staff.specialist);
  await page.goto(`${base}/admin/plugins/workflow/quy-trinh`);
  await page
    .getByText('Bạn xem được quy trình; chỉ cán bộ có quyền «Sửa quy trình duyệt» mới lưu được thay đổi.')
    .waitFor();
  await page
    .getByRole('navigation', { name: 'Các quy trình' })
    .getByRole('button', { name: WORKFLOW })
    .click();
  const first = page.getByRole('region', { name: 'Bước 1' });
  await first.getByRole('textbox', { name: 'Tên bước' }).waitFor();
  expect(await first.getByRole('textbox', { name: 'Tên bước' }).isDisabled()).toBe(true);
  expect(await page.getByRole('button', { name: 'Lưu thành phiên bản mới' }).count()).toBe(0);
});
