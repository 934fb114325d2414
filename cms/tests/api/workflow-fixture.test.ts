import path from 'node:path';
import request from 'supertest';
import { coreService } from '@sgd/plugin-core';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { Mailbox } from '../mailbox';
import { departmentId, makeOfficer, makeSiteUser, type Officer } from '../staff';

/**
 * A content type the engine has never heard of — `plugin::permits.permit`, in a fixture plugin a
 * province might add — gets a working review workflow from its `pluginOptions.workflow` alone: the
 * status attribute, the publish guard, the inbox, deadlines, history, notices and a workflow of its
 * own made in the editor. Nothing in plugins/workflow names it.
 */
const PERMIT = 'plugin::permits.permit';
let app: TestApp;
const mailbox = new Mailbox();
let clock = new Date('2026-12-07T02:00:00.000Z'); // Monday 7/12/2026, 09:00 in Vietnam
const staff = {} as Record<'specialist' | 'division' | 'superAdmin', Officer>;

const http = () => request(app.strapi.server.httpServer);
const as = (officer: Officer) => ({ Authorization: `Bearer ${officer.token}` });
const asUser = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });

async function permitOf(owner: { id: number }, name: string) {
  return (await app.strapi.documents(PERMIT as never).create({
    data: { name, venue: 'Nhà văn hóa phường Cao Lãnh', applicantName: 'Trần Thị Hội', applicant: owner.id },
  } as never)) as unknown as { documentId: string };
}
const published = (documentId: string) =>
  app.strapi.db.query(PERMIT as never).count({ where: { documentId, publishedAt: { $notNull: true } } });

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('workflow_fixture', {
    plugins: { permits: { enabled: true, resolve: path.join(__dirname, '..', 'fixtures', 'permits') } },
  });
  coreService(app.strapi, 'clock').now = () => new Date(clock);
  staff.specialist = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  staff.division = await makeOfficer(app.strapi, 'head_of_division', ['SCT']);
  staff.superAdmin = await makeOfficer(app.strapi, 'super_admin', []);
  // The new type's table is created at this boot (a schema sync the template database never saw).
}, 180_000);
afterAll(async () => {
  await app.stop();
  await mailbox.stop();
});

it('gives the new type a status, joins the workflow it names, and guards its publication', async () => {
  const attribute = app.strapi.contentType(PERMIT as never).attributes.reviewStatus as { enum: string[] };
  expect(attribute.enum).toEqual([
    'draft',
    'pending',
    'supplement_requested',
    'approved',
    'rejected',
    'locked',
  ]);
  const list = await http().get('/workflow/definitions').set(as(staff.superAdmin));
  const posts = list.body.data.find((wf: { code: string }) => wf.code === 'post_moderation');
  expect(posts.contentTypes).toEqual(
    expect.arrayContaining([
      {
        uid: PERMIT,
        routing: [
          { by: 'path', path: 'department' },
          { by: 'fixed', department: 'SCT' },
        ],
      },
    ]),
  );
  expect(list.body.meta.contentTypes).toEqual(
    expect.arrayContaining([
      {
        uid: PERMIT,
        name: 'Giấy phép tổ chức hội chợ',
        departmentPaths: [{ path: 'department', label: 'Sở ghi trên nội dung' }],
        communePaths: [],
      },
    ]),
  );

  const owner = await makeSiteUser(app.strapi);
  const permit = await permitOf(owner, 'Hội chợ hàng Việt Cao Lãnh 2027');
  const documents = app.strapi.documents(PERMIT as never) as unknown as {
    publish(p: object): Promise<unknown>;
  };
  await expect(documents.publish({ documentId: permit.documentId })).rejects.toThrow('Chỉ được công bố');
});

it('runs a workflow of its own, made in the editor: submission, inbox, deadlines, history, notices, publication', async () => {
  const fairs = {
    code: 'fair_permit',
    name: 'Cấp phép tổ chức hội chợ',
    stages: [
      {
        code: 'checking',
        name: 'Chuyên viên kiểm tra hồ sơ',
        roles: ['sgd-specialist'],
        actions: ['approve', 'reject', 'request_supplement'],
        deadlineDays: 5,
        templates: [
          {
            action: 'approve',
            name: 'Đồng ý cấp phép',
            subject: 'Đồng ý cấp phép "{{itemTitle}}"',
            body: 'Kính gửi {{submitterName}},\n\nSở Công Thương đồng ý cấp phép "{{itemTitle}}".',
          },
        ],
      },
      {
        code: 'granting',
        name: 'Lãnh đạo phòng ký cấp phép',
        roles: ['sgd-head-of-division'],
        actions: ['approve', 'reject', 'return'],
        deadlineDays: 2,
        templates: [
          {
            action: 'approve',
            name: 'Đã cấp phép',
            subject: 'Đã cấp phép "{{itemTitle}}"',
            body: 'Kính gửi {{submitterName}},\n\nGiấy phép "{{itemTitle}}" đã được ký.{{reasonLine}}',
          },
        ],
      },
    ],
    contentTypes: [{ uid: PERMIT, routing: [{ by: 'fixed', department: 'SCT' }] }],
  };
  const saved = await http()
    .put('/workflow/definitions/fair_permit')
    .set(as(staff.superAdmin))
    .send({ data: fairs });
  expect(saved.status).toBe(200);
  const views = saved.body.data as { code: string; contentTypes: { uid: string }[]; version: number }[];
  expect(views.find((wf) => wf.code === 'fair_permit')).toMatchObject({ version: 1 });
  expect(views.find((wf) => wf.code === 'post_moderation')!.contentTypes.map((b) => b.uid)).not.toContain(
    PERMIT,
  );

  clock = new Date('2026-12-07T02:00:00.000Z');
  const owner = await makeSiteUser(app.strapi);
  const permit = await permitOf(owner, 'Hội chợ OCOP Sa Đéc 2027');
  const submitted = await http()
    .post('/api/workflow/submissions')
    .set(asUser(owner.jwt))
    .send({ type: 'permit', documentId: permit.documentId });
  expect(submitted.status).toBe(200);
  // Five working days after Monday 7/12: the end of Monday 14/12, Vietnam time.
  expect(submitted.body.data).toMatchObject({
    state: 'in_review',
    stage: 'Chuyên viên kiểm tra hồ sơ',
    dueAt: '2026-12-14T16:59:59.999Z',
  });
  const stranger = await makeSiteUser(app.strapi);
  expect(
    (
      await http()
        .post('/api/workflow/submissions')
        .set(asUser(stranger.jwt))
        .send({ type: 'permit', documentId: permit.documentId })
    ).status,
  ).toBe(404);

  const inbox = await http().get(`/workflow/tasks?type=${PERMIT}`).set(as(staff.specialist));
  const task = inbox.body.data.find(
    (t: { targetDocumentId: string }) => t.targetDocumentId === permit.documentId,
  );
  expect(task).toMatchObject({
    workflowName: 'Cấp phép tổ chức hội chợ',
    typeName: 'Giấy phép tổ chức hội chợ',
    kindName: 'Đề nghị cấp phép hội chợ',
    stageName: 'Chuyên viên kiểm tra hồ sơ',
    stageCount: 2,
    department: expect.objectContaining({ id: await departmentId(app.strapi, 'SCT') }),
    submitterName: 'Trần Thị Hội',
  });

  const detail = await http().get(`/workflow/tasks/${task.id}`).set(as(staff.specialist));
  const stageTemplate = detail.body.data.templates.find(
    (t: { name: string }) => t.name === 'Đồng ý cấp phép',
  );
  expect(stageTemplate).toBeDefined();
  expect(detail.body.data.templates.map((t: { name: string }) => t.name)).not.toContain('Đã cấp phép');
  expect(
    (
      await http()
        .post(`/workflow/tasks/${task.id}/actions`)
        .set(as(staff.specialist))
        .send({ action: 'approve' })
    ).status,
  ).toBe(200);
  expect(await published(permit.documentId)).toBe(0);
  const granted = await http()
    .post(`/workflow/tasks/${task.id}/actions`)
    .set(as(staff.division))
    .send({ action: 'approve', comment: 'Đề nghị niêm yết giấy phép tại cổng hội chợ.' });
  expect(granted.body.data.task).toMatchObject({ state: 'approved' });
  expect(await published(permit.documentId)).toBe(1);
  expect(granted.body.data.history.map((h: { action: string }) => h.action)).toEqual([
    'submit',
    'approve',
    'approve',
  ]);

  while ((await coreService(app.strapi, 'outbox').deliver(new Date(clock.getTime() + 1000))).sent > 0);
  const mail = await mailbox.waitForMatch(owner.email, (m) => m.subject.startsWith('Đã cấp phép'));
  expect(mail.subject).toBe('Đã cấp phép "Hội chợ OCOP Sa Đéc 2027"');
  expect(mail.text).toContain('Kính gửi Trần Thị Hội');
  expect(mail.text).toContain('Ghi chú: Đề nghị niêm yết giấy phép tại cổng hội chợ.');
  const notices = await http().get('/api/notifications').set(asUser(owner.jwt));
  expect(notices.body.data.map((n: { title: string }) => n.title)).toContain(
    'Đã cấp phép "Hội chợ OCOP Sa Đéc 2027"',
  );

  // Its edit view offers the lock panel by the name its schema gives, and locking works as for sellers.
  const item = await http().get(`/workflow/items/${PERMIT}/${permit.documentId}`).set(as(staff.specialist));
  expect(item.body.meta).toEqual({
    bound: true,
    canSubmit: false,
    lock: { name: 'giấy phép hội chợ', statusField: 'reviewStatus' },
  });
  const locked = await http()
    .post('/workflow/locks')
    .set(as(staff.specialist))
    .send({ uid: PERMIT, documentId: permit.documentId, reason: 'Đơn vị tổ chức không đủ điều kiện.' });
  expect(locked.status).toBe(200);
  expect(await published(permit.documentId)).toBe(0);
});

it.each([
  ['plugin::sellers.seller', { name: 'chủ thể', statusField: 'verificationStatus' }],
  ['plugin::catalog.product', { name: 'sản phẩm', statusField: 'reviewStatus' }],
  ['plugin::catalog.supply-demand-post', null],
])('offers the lock panel on %s as its schema declares', async (uid, lock) => {
  const row = (await app.strapi.db.query(uid as never).findOne({ select: ['documentId'] })) as {
    documentId: string;
  };
  const item = await http().get(`/workflow/items/${uid}/${row.documentId}`).set(as(staff.superAdmin));
  expect(item.status).toBe(200);
  expect(item.body.meta).toEqual({ bound: true, canSubmit: false, lock });
});
