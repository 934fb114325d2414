import request from 'supertest';
import { coreService } from '@sgd/plugin-core';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, unique } from '../factories';
import { Mailbox } from '../mailbox';
import { PASSWORD, departmentId, login, makeOfficer, makeSiteUser, type Officer } from '../staff';

/**
 * News articles and legal documents under editorial review (issues 17.5 and 18): an officer writes
 * them for their department in the content manager, sends them for review, and they are published
 * only when the last stage approves — with the same inbox, deadlines and history as everything else.
 */
let app: TestApp;
const mailbox = new Mailbox();
let clock = new Date('2026-12-07T02:00:00.000Z'); // Monday 7/12/2026, 09:00 in Vietnam
const staff = {} as Record<'writer' | 'division' | 'unit' | 'ytWriter', Officer>;
let sct: { id: number; documentId: string };

const http = () => request(app.strapi.server.httpServer);
const as = (officer: Officer) => ({ Authorization: `Bearer ${officer.token}` });
const cm = (uid: string) => `/content-manager/collection-types/${uid}`;
const flush = async () => {
  while ((await coreService(app.strapi, 'outbox').deliver(new Date(clock.getTime() + 1000))).sent > 0);
};

async function department(code: string) {
  const id = await departmentId(app.strapi, code);
  const row = (await app.strapi.db.query(U.department).findOne({ where: { id } })) as { documentId: string };
  return { id, documentId: row.documentId };
}

/** What the officer types in the content manager's create form. */
const article = (departmentDocumentId: string) => ({
  title: unique('Hội chợ OCOP Đồng Tháp'),
  summary: 'Hơn 200 gian hàng OCOP tham gia hội chợ cuối năm.',
  body: 'Hội chợ diễn ra tại Cao Lãnh từ ngày 20 đến 24/12/2026.',
  department: { connect: [{ documentId: departmentDocumentId }] },
});

async function write(officer: Officer, uid: string, data: Record<string, unknown>) {
  return http().post(cm(uid)).set(as(officer)).send(data);
}

/**
 * The document as the edit view reads it (the create and update answers leave out the fields a
 * department-scoped permission covers: Strapi checks the condition on the populated read).
 */
async function read(officer: Officer, uid: string, documentId: string) {
  const res = await http()
    .get(`${cm(uid)}/${documentId}`)
    .set(as(officer));
  expect(res.status).toBe(200);
  return res.body.data as { title: string; slug: string; reviewStatus: string };
}

const submit = (officer: Officer, uid: string, documentId: string) =>
  http().post(`/workflow/items/${uid}/${documentId}/submit`).set(as(officer));
const act = (officer: Officer, taskId: number, body: Record<string, unknown>) =>
  http().post(`/workflow/tasks/${taskId}/actions`).set(as(officer)).send(body);

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('editorial');
  coreService(app.strapi, 'clock').now = () => new Date(clock);
  sct = await department('SCT');
  staff.writer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  staff.division = await makeOfficer(app.strapi, 'head_of_division', ['SCT']);
  staff.unit = await makeOfficer(app.strapi, 'head_of_unit', ['SCT']);
  staff.ytWriter = await makeOfficer(app.strapi, 'specialist', ['SYT']);
});
afterAll(async () => {
  await app.stop();
  await mailbox.stop();
});

describe('writing for one’s department', () => {
  it.each([
    ['a news article', U.news],
    ['a legal document', U.legal],
  ])('lets an officer write %s for their department only', async (_label, uid) => {
    const data =
      uid === U.news
        ? article(sct.documentId)
        : {
            title: unique('Quy chế hoạt động Sàn (sửa đổi)'),
            kind: 'operating_regulation',
            series: 'quy-che-van-hanh',
            version: '2.0',
            effectiveFrom: '2027-01-15',
            summary: 'Sửa đổi quy định về thời hạn xử lý hồ sơ.',
            department: { connect: [{ documentId: sct.documentId }] },
          };
    const created = await write(staff.writer, uid, data);
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    expect((await read(staff.writer, uid, documentId)).reviewStatus).toBe('draft');

    // Another department's officer neither reads nor edits it, nor writes for that department.
    expect([403, 404]).toContain(
      (
        await http()
          .get(`${cm(uid)}/${documentId}`)
          .set(as(staff.ytWriter))
      ).status,
    );
    expect(
      (
        await http()
          .put(`${cm(uid)}/${documentId}`)
          .set(as(staff.ytWriter))
          .send({ title: 'Sửa' })
      ).status,
    ).toBe(403);
    expect((await write(staff.ytWriter, uid, { ...data, title: unique('Bài của sở khác') })).status).toBe(
      403,
    );
    // Without a department, it is filed under the writer's.
    const { department: _department, ...undepartmented } = data;
    const filed = await write(staff.writer, uid, { ...undepartmented, title: unique('Chưa chọn sở') });
    expect(filed.status).toBe(201);
    const filedRow = (await app.strapi.db.query(uid as never).findOne({
      where: { documentId: filed.body.data.documentId },
      populate: { department: { select: ['code'] } },
    })) as { department: { code: string } | null };
    expect(filedRow.department?.code).toBe('SCT');
    // The review status is the workflow's: an officer cannot set it.
    const forced = await http()
      .put(`${cm(uid)}/${documentId}`)
      .set(as(staff.writer))
      .send({ reviewStatus: 'approved' });
    expect(forced.status).toBe(200);
    expect((await read(staff.writer, uid, documentId)).reviewStatus).toBe('draft');
    // Nobody publishes it by hand, the officer included.
    expect(
      (
        await http()
          .post(`${cm(uid)}/${documentId}/actions/publish`)
          .set(as(staff.writer))
          .send({})
      ).status,
    ).toBe(403);
  });
});

describe('editorial work by role', () => {
  const legal = (departmentDocumentId: string) => ({
    title: unique('Quyết định về đăng ký bán hàng'),
    kind: 'decision',
    series: unique('huong-dan-dang-ky'),
    version: '1.0',
    effectiveFrom: '2027-01-15',
    summary: 'Các bước đăng ký chủ thể trên Sàn.',
    department: { connect: [{ documentId: departmentDocumentId }] },
  });
  const levels = ['specialist', 'head_of_division', 'head_of_unit'] as const;
  const cases = levels.flatMap((level) =>
    [
      ['news article', U.news],
      ['legal document', U.legal],
    ].map(([what, uid]) => [level, what, uid] as const),
  );

  it.each(cases)(
    'lets a %s write a %s for their department, edit and delete it, and nothing for another',
    async (level, _what, uid) => {
      const officer = await makeOfficer(app.strapi, level, ['SCT']);
      const yt = await department('SYT');
      const data = (documentId: string) => (uid === U.news ? article(documentId) : legal(documentId));
      const created = await write(officer, uid, data(sct.documentId));
      expect(created.status).toBe(201);
      const documentId = created.body.data.documentId as string;
      expect((await read(officer, uid, documentId)).reviewStatus).toBe('draft');
      const edited = await http()
        .put(`${cm(uid)}/${documentId}`)
        .set(as(officer))
        .send({ title: unique('Tiêu đề đã sửa') });
      expect(edited.status).toBe(200);

      const elsewhere = await write(officer, uid, data(yt.documentId));
      expect(elsewhere.body).toEqual({
        data: null,
        error: {
          status: 403,
          name: 'PolicyError',
          message: 'Bạn chỉ viết được nội dung cho sở mình phụ trách.',
          details: {},
        },
      });

      expect(
        (
          await http()
            .delete(`${cm(uid)}/${documentId}`)
            .set(as(officer))
        ).status,
      ).toBe(200);
      expect(await app.strapi.db.query(uid as never).count({ where: { documentId } })).toBe(0);
    },
  );

  it('refuses an officer whose role the super admin gave no editorial permission', async () => {
    const role = (await (
      app.strapi.service('admin::role') as unknown as { create(data: object): Promise<{ id: number }> }
    ).create({
      name: unique('Tiếp nhận hồ sơ'),
      code: unique('sgd-tiep-nhan').replace(/\s+/g, '-').toLowerCase(),
      description: 'Chỉ tiếp nhận, không viết tin bài.',
    })) as { id: number };
    const email = `${unique('tiepnhan').replace(/\s+/g, '.').toLowerCase()}@sangiaodich.local`;
    const user = (await (
      app.strapi.service('admin::user') as unknown as { create(data: object): Promise<{ id: number }> }
    ).create({
      email,
      firstname: 'Thị Nhận',
      lastname: 'Phạm',
      password: PASSWORD,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
    })) as { id: number };
    await app.strapi.db.query('plugin::workflow.staff').create({
      data: { fullName: 'Phạm Thị Nhận', user: user.id, departments: [sct.id], level: 'specialist' },
    });
    const reception: Officer = { id: user.id, email, token: await login(app.strapi, email) };
    for (const uid of [U.news, U.legal]) {
      const refused = await write(
        reception,
        uid,
        uid === U.news ? article(sct.documentId) : legal(sct.documentId),
      );
      // Strapi's own "Policy Failed", said in Vietnamese.
      expect(refused.body).toEqual({
        data: null,
        error: {
          status: 403,
          name: 'PolicyError',
          message: 'Bạn không có quyền thực hiện thao tác này.',
          details: {},
        },
      });
    }
  });
});

describe('editorial review, end to end', () => {
  it('publishes a news article only when the head of unit approves, with the inbox, deadlines and history', async () => {
    clock = new Date('2026-12-07T02:00:00.000Z');
    const created = await write(staff.writer, U.news, article(sct.documentId));
    const documentId = created.body.data.documentId as string;
    const { slug, title } = await read(staff.writer, U.news, documentId);

    const panel = await http().get(`/workflow/items/${U.news}/${documentId}`).set(as(staff.writer));
    expect(panel.body).toEqual({ data: null, meta: { bound: true, canSubmit: true, lock: null } });
    expect((await submit(staff.ytWriter, U.news, documentId)).status).toBe(404);

    const sent = await submit(staff.writer, U.news, documentId);
    expect(sent.status).toBe(200);
    expect(sent.body.data.task).toMatchObject({
      workflow: 'editorial_review',
      state: 'in_review',
      stageName: 'Lãnh đạo phòng duyệt nội dung',
      typeName: 'Tin tức',
      kindName: 'Tin bài mới',
      department: expect.objectContaining({ code: 'SCT' }),
      // Two working days after Monday 7/12: the end of Wednesday 9/12, Vietnam time.
      dueAt: '2026-12-09T16:59:59.999Z',
    });
    expect(sent.body.data.canSubmit).toBe(false);
    expect((await submit(staff.writer, U.news, documentId)).status).toBe(409);
    expect((await http().get(`/api/news-articles/${slug}`)).status).toBe(404);

    const taskId = sent.body.data.task.id as number;
    const inbox = await http()
      .get('/workflow/tasks?type=api::news-article.news-article')
      .set(as(staff.division));
    expect(inbox.body.data.map((t: { id: number }) => t.id)).toContain(taskId);
    const ytInbox = await http().get('/workflow/tasks?state=all').set(as(staff.ytWriter));
    expect(ytInbox.body.data.map((t: { id: number }) => t.id)).not.toContain(taskId);
    // The writer cannot approve their own article: the stage belongs to the heads.
    expect((await act(staff.writer, taskId, { action: 'approve' })).status).toBe(403);

    clock = new Date('2026-12-08T02:00:00.000Z');
    const first = await act(staff.division, taskId, {
      action: 'approve',
      internalComment: 'Nội dung chính xác',
    });
    expect(first.body.data.task).toMatchObject({
      state: 'in_review',
      stageName: 'Lãnh đạo đơn vị duyệt đăng',
    });
    expect((await http().get(`/api/news-articles/${slug}`)).status).toBe(404);
    const done = await act(staff.unit, taskId, { action: 'approve' });
    expect(done.body.data.task.state).toBe('approved');

    const published = await http().get(`/api/news-articles/${slug}`);
    expect(published.status).toBe(200);
    expect(published.body.data.title).toBe(title);
    expect(
      done.body.data.history.map((h: { action: string; actionName: string }) => [h.action, h.actionName]),
    ).toEqual([
      ['submit', 'Nộp hồ sơ'],
      ['approve', 'Duyệt'],
      ['approve', 'Duyệt'],
    ]);

    // The writer is told, by email, as a site user would be.
    await flush();
    const mails = await mailbox.waitForMatch(staff.writer.email, (m) => m.subject.includes('đã được duyệt'));
    expect(mails.subject).toBe(`Hồ sơ "${title}" đã được duyệt`);
  });

  it('keeps the published legal document while its next version is under review, and refuses site users', async () => {
    clock = new Date('2026-12-07T02:00:00.000Z');
    const created = await write(staff.writer, U.legal, {
      title: unique('Chính sách bảo vệ dữ liệu cá nhân'),
      kind: 'privacy_policy',
      series: unique('chinh-sach-du-lieu'),
      version: '1.0',
      effectiveFrom: '2027-01-01',
      body: '## Điều 1\nPhạm vi áp dụng.',
      department: { connect: [{ documentId: sct.documentId }] },
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    const { slug } = await read(staff.writer, U.legal, documentId);
    const approveAll = async () => {
      const task = (await submit(staff.writer, U.legal, documentId)).body.data.task as {
        id: number;
        kind: string;
      };
      await act(staff.division, task.id, { action: 'approve' });
      await act(staff.unit, task.id, { action: 'approve' });
      return task;
    };
    expect((await approveAll()).kind).toBe('new');
    expect((await http().get(`/api/legal-documents/${slug}`)).body.data.version).toBe('1.0');

    await http()
      .put(`${cm(U.legal)}/${documentId}`)
      .set(as(staff.writer))
      .send({ version: '1.1' })
      .expect(200);
    const edit = await submit(staff.writer, U.legal, documentId);
    expect(edit.body.data.task).toMatchObject({ kind: 'edit', kindName: 'Đề nghị chỉnh sửa' });
    expect((await http().get(`/api/legal-documents/${slug}`)).body.data.version).toBe('1.0');
    await act(staff.division, edit.body.data.task.id, { action: 'approve' });
    await act(staff.unit, edit.body.data.task.id, { action: 'approve' });
    expect((await http().get(`/api/legal-documents/${slug}`)).body.data.version).toBe('1.1');

    const user = await makeSiteUser(app.strapi);
    const bySiteUser = await http()
      .post('/api/workflow/submissions')
      .set({ Authorization: `Bearer ${user.jwt}` })
      .send({ type: 'legal-document', documentId });
    expect(bySiteUser.status).toBe(404);
  });
});
