import request from 'supertest';
import { coreService } from '@sgd/plugin-core';
import { workflowService } from '@sgd/plugin-workflow';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeListing, makePost } from '../factories';
import { Mailbox } from '../mailbox';
import { departmentId, makeOfficer, makeSiteUser, type Officer } from '../staff';

/**
 * The workflow engine as a province's administrator drives it (issue 18): definitions are versioned
 * data edited one workflow at a time, routing to a department is part of them, invalid ones are
 * refused field by field in Vietnamese, and a task keeps the version it was submitted under.
 */
let app: TestApp;
const mailbox = new Mailbox();
let clock = new Date('2026-12-07T02:00:00.000Z'); // Monday 7/12/2026, 09:00 in Vietnam
const staff = {} as Record<
  'specialist' | 'division' | 'superAdmin' | 'ytSpecialist' | 'nnSpecialist',
  Officer
>;
let sct: number;
let syt: number;
let snnmt: number;

const http = () => request(app.strapi.server.httpServer);
const as = (officer: Officer) => ({ Authorization: `Bearer ${officer.token}` });
const at = (iso: string) => {
  clock = new Date(iso);
};

interface Definition {
  code: string;
  name: string;
  stages: {
    code: string;
    name: string;
    roles: string[];
    actions: string[];
    deadlineDays: number;
    templates: unknown[];
  }[];
  contentTypes: { uid: string; routing: Record<string, unknown>[] }[];
}
interface View extends Definition {
  version: number;
  versions: { version: number; openTasks: number }[];
}

async function definitions(officer = staff.superAdmin) {
  const res = await http().get('/workflow/definitions').set(as(officer));
  expect(res.status).toBe(200);
  return res.body as { data: View[]; meta: { canEdit: boolean; contentTypes: { uid: string }[] } };
}
/** The latest version of a workflow, as the editor sends it back (without the version fields). */
async function editable(code: string): Promise<Definition & { version: number }> {
  const view = (await definitions()).data.find((wf) => wf.code === code)!;
  const { versions: _versions, savedAt: _savedAt, ...definition } = view as View & { savedAt: unknown };
  return JSON.parse(JSON.stringify(definition));
}
const save = (code: string, data: unknown, officer = staff.superAdmin) =>
  http().put(`/workflow/definitions/${code}`).set(as(officer)).send({ data });
const strip = ({ version: _version, ...definition }: Definition & { version: number }) => definition;

async function submitPost(departmentCode = 'SCT') {
  const owner = await makeSiteUser(app.strapi);
  const post = await makePost(
    app.strapi,
    { owner: owner.id, reviewStatus: 'draft', department: await departmentId(app.strapi, departmentCode) },
    false,
  );
  const res = await http()
    .post('/api/workflow/submissions')
    .set({ Authorization: `Bearer ${owner.jwt}` })
    .send({ type: 'supply-demand-post', documentId: post.documentId });
  expect(res.status).toBe(200);
  return { owner, post, task: await taskOf(post.documentId) };
}
async function taskOf(documentId: string) {
  return (await app.strapi.db
    .query('plugin::workflow.task')
    .findOne({ where: { targetDocumentId: documentId }, orderBy: { id: 'desc' } })) as {
    id: number;
    state: string;
    stage: string;
    workflowVersion: number;
    departmentId: number;
  };
}
const act = (officer: Officer, taskId: number, body: Record<string, unknown>) =>
  http().post(`/workflow/tasks/${taskId}/actions`).set(as(officer)).send(body);

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('workflow_engine');
  coreService(app.strapi, 'clock').now = () => new Date(clock);
  sct = await departmentId(app.strapi, 'SCT');
  syt = await departmentId(app.strapi, 'SYT');
  snnmt = await departmentId(app.strapi, 'SNNMT');
  staff.specialist = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  staff.division = await makeOfficer(app.strapi, 'head_of_division', ['SCT']);
  staff.ytSpecialist = await makeOfficer(app.strapi, 'specialist', ['SYT']);
  staff.nnSpecialist = await makeOfficer(app.strapi, 'specialist', ['SNNMT']);
  staff.superAdmin = await makeOfficer(app.strapi, 'super_admin', []);
});
afterAll(async () => {
  await app.stop();
  await mailbox.stop();
});

describe('reading and saving workflows', () => {
  it('lets every officer read the workflows, and only those with the settings permission save', async () => {
    const read = await definitions(staff.specialist);
    expect(read.meta.canEdit).toBe(false);
    expect(read.data.map((wf) => wf.code)).toEqual(
      expect.arrayContaining(['seller_verification', 'post_moderation', 'editorial_review']),
    );
    // Every content type that declares pluginOptions.workflow is offered, the app's news included.
    expect(read.meta.contentTypes.map((type) => type.uid)).toEqual(
      expect.arrayContaining([U.product, U.post, U.news, U.legal]),
    );
    const posts = await editable('post_moderation');
    const refused = await save('post_moderation', strip(posts), staff.specialist);
    expect(refused.status).toBe(403);
    expect((await definitions()).meta.canEdit).toBe(true);
  });

  it.each([
    [
      'no stage',
      (wf: Definition) => (wf.stages = []),
      'Các bước: Quy trình cần ít nhất một bước.',
      ['stages'],
    ],
    [
      'an unknown role',
      (wf: Definition) => (wf.stages[0].roles = ['ke-toan']),
      'Bước 1 «Kiểm duyệt», vai trò được xử lý: Vai trò "ke-toan" không tồn tại.',
      ['stages', '0', 'roles', '0'],
    ],
    [
      'a deadline of 0',
      (wf: Definition) => (wf.stages[0].deadlineDays = 0),
      'Bước 1 «Kiểm duyệt», thời hạn: Thời hạn ít nhất 1 ngày làm việc.',
      ['stages', '0', 'deadlineDays'],
    ],
    [
      'a routing path that does not resolve',
      (wf: Definition) => (wf.contentTypes[0].routing = [{ by: 'path', path: 'category.vendor' }]),
      'Loại nội dung 1 (plugin::catalog.supply-demand-post), quy tắc phân công 1, trường: Trường "category.vendor": không có trường "vendor".',
      ['contentTypes', '0', 'routing', '0', 'path'],
    ],
    [
      'a routing path that does not lead to a department',
      (wf: Definition) => (wf.contentTypes[0].routing = [{ by: 'path', path: 'owner' }]),
      'Loại nội dung 1 (plugin::catalog.supply-demand-post), quy tắc phân công 1, trường: Trường "owner" không phải quan hệ tới plugin::core.department.',
      ['contentTypes', '0', 'routing', '0', 'path'],
    ],
    [
      'a department that does not exist',
      (wf: Definition) => (wf.contentTypes[0].routing = [{ by: 'fixed', department: 'SO-LA' }]),
      'Loại nội dung 1 (plugin::catalog.supply-demand-post), quy tắc phân công 1, sở: Sở mã "SO-LA" không tồn tại.',
      ['contentTypes', '0', 'routing', '0', 'department'],
    ],
    [
      'a content type that does not exist',
      (wf: Definition) =>
        wf.contentTypes.push({
          uid: 'api::khong-ton-tai.khong-ton-tai',
          routing: [{ by: 'fixed', department: 'SCT' }],
        }),
      'Loại nội dung 2 (api::khong-ton-tai.khong-ton-tai), loại nội dung: Loại nội dung "api::khong-ton-tai.khong-ton-tai" không tồn tại hoặc chưa khai báo tham gia quy trình duyệt.',
      ['contentTypes', '1', 'uid'],
    ],
  ])('refuses %s, naming the field, and saves nothing', async (_label, change, message, path) => {
    at('2026-12-07T02:00:00.000Z');
    const running = await submitPost();
    const before = await editable('post_moderation');
    const candidate = strip(JSON.parse(JSON.stringify(before)));
    change(candidate);
    const res = await save('post_moderation', candidate);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    expect(res.body.error.details.errors[0]).toMatchObject({
      path,
      message: message.split(': ').slice(1).join(': '),
    });
    expect((await editable('post_moderation')).version).toBe(before.version);
    expect(await taskOf(running.post.documentId)).toMatchObject({
      id: running.task.id,
      state: 'in_review',
      workflowVersion: running.task.workflowVersion,
    });
  });

  it('previews the path of a task before saving: each stage with who acts and its deadline', async () => {
    at('2026-12-07T02:00:00.000Z');
    const candidate = strip(await editable('post_moderation'));
    candidate.stages.push({
      code: 'division_approval',
      name: 'Lãnh đạo phòng duyệt',
      roles: ['sgd-head-of-division'],
      actions: ['approve', 'reject', 'return'],
      deadlineDays: 2,
      templates: [],
    });
    const res = await http()
      .post('/workflow/definitions/preview')
      .set(as(staff.specialist))
      .send({ data: candidate });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      problems: [],
      path: [
        {
          stage: 'Kiểm duyệt',
          roles: ['Chuyên viên', 'Lãnh đạo phòng', 'Lãnh đạo đơn vị'],
          deadlineDays: 3,
          dueAt: '2026-12-10T16:59:59.999Z',
          actions: ['approve', 'reject', 'request_supplement'],
        },
        {
          stage: 'Lãnh đạo phòng duyệt',
          roles: ['Lãnh đạo phòng'],
          deadlineDays: 2,
          dueAt: '2026-12-14T16:59:59.999Z',
          actions: ['approve', 'reject', 'return'],
        },
      ],
    });
    candidate.stages[1].deadlineDays = 0;
    const invalid = await http()
      .post('/workflow/definitions/preview')
      .set(as(staff.specialist))
      .send({ data: candidate });
    expect(invalid.body.data).toEqual({
      problems: [{ path: ['stages', 1, 'deadlineDays'], message: 'Thời hạn ít nhất 1 ngày làm việc.' }],
      path: [],
    });
  });
});

describe('versions', () => {
  it('keeps a task on the version it was submitted under while new submissions follow the new one', async () => {
    at('2026-12-07T02:00:00.000Z');
    const before = await editable('post_moderation');
    const older = await submitPost();
    expect(older.task.workflowVersion).toBe(before.version);

    const twoStages = strip(JSON.parse(JSON.stringify(before)));
    twoStages.stages.push({
      code: 'division_approval',
      name: 'Lãnh đạo phòng duyệt',
      roles: ['sgd-head-of-division'],
      actions: ['approve', 'reject', 'return'],
      deadlineDays: 2,
      templates: [],
    });
    expect((await save('post_moderation', twoStages)).status).toBe(200);
    const saved = (await definitions()).data.find((wf) => wf.code === 'post_moderation')!;
    expect(saved.version).toBe(before.version + 1);
    expect(saved.versions[0]).toEqual(expect.objectContaining({ version: before.version + 1, openTasks: 0 }));
    expect(saved.versions.find((v) => v.version === before.version)!.openTasks).toBeGreaterThanOrEqual(1);

    // The task in flight still has one stage: the specialist's approval is the last.
    const oldTask = await http().get(`/workflow/tasks/${older.task.id}`).set(as(staff.specialist));
    expect(oldTask.body.data.task).toMatchObject({ stageCount: 1, workflowVersion: before.version });
    const done = await act(staff.specialist, older.task.id, { action: 'approve' });
    expect(done.body.data.task.state).toBe('approved');

    const newer = await submitPost();
    expect(newer.task.workflowVersion).toBe(before.version + 1);
    const first = await act(staff.specialist, newer.task.id, { action: 'approve' });
    expect(first.body.data.task).toMatchObject({ state: 'in_review', stageIndex: 1, stageCount: 2 });
    const second = await act(staff.division, newer.task.id, { action: 'approve' });
    expect(second.body.data.task.state).toBe('approved');
    expect(
      second.body.data.history.map((h: { action: string; workflowVersion: number }) => [
        h.action,
        h.workflowVersion,
      ]),
    ).toEqual([
      ['submit', before.version + 1],
      ['approve', before.version + 1],
      ['approve', before.version + 1],
    ]);
    expect(second.body.data.history[1]).toMatchObject({
      actionName: 'Duyệt',
      fromStageName: 'Kiểm duyệt',
      toStageName: 'Lãnh đạo phòng duyệt',
    });

    expect((await save('post_moderation', strip(before))).status).toBe(200);
  });

  it('forwards to the next stage without an approval where the stage allows it, and never from the last', async () => {
    at('2026-12-07T02:00:00.000Z');
    const before = await editable('post_moderation');
    const withForward = strip(JSON.parse(JSON.stringify(before)));
    withForward.stages[0].actions = ['approve', 'forward', 'reject'];
    withForward.stages.push({
      code: 'division_approval',
      name: 'Lãnh đạo phòng duyệt',
      roles: ['sgd-head-of-division'],
      actions: ['approve', 'reject'],
      deadlineDays: 2,
      templates: [],
    });
    expect((await save('post_moderation', withForward)).status).toBe(200);
    const { task } = await submitPost();
    const forwarded = await act(staff.specialist, task.id, { action: 'forward' });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.data.task).toMatchObject({
      state: 'in_review',
      stageIndex: 1,
      stageName: 'Lãnh đạo phòng duyệt',
    });
    expect(forwarded.body.data.history.at(-1)).toMatchObject({
      action: 'forward',
      actionName: 'Chuyển bước tiếp theo',
    });

    withForward.stages[1].actions = ['approve', 'forward'];
    const refused = await save('post_moderation', withForward);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'Bước 2 «Lãnh đạo phòng duyệt», thao tác được phép: Bước cuối cùng không có bước tiếp theo để chuyển.',
    );
    expect((await save('post_moderation', strip(before))).status).toBe(200);
  });
});

describe('routing as data', () => {
  it('sends an item to the department its workflow routes it to: by commune, else a fixed department', async () => {
    const commune = (await app.strapi.db
      .query('plugin::core.administrative-unit')
      .findOne({ where: { level: 'commune' }, select: ['id', 'code'] })) as { id: number; code: string };
    const before = await editable('listing_moderation');
    const routed = strip(JSON.parse(JSON.stringify(before)));
    routed.contentTypes = routed.contentTypes.map((binding) =>
      binding.uid === U.listing
        ? {
            uid: U.listing,
            routing: [
              { by: 'commune', path: 'commune', departments: { [commune.code]: 'SYT' } },
              { by: 'fixed', department: 'SNNMT' },
            ],
          }
        : binding,
    );
    expect((await save('listing_moderation', routed)).status).toBe(200);

    const submitListing = async (overrides: Record<string, unknown>) => {
      const owner = await makeSiteUser(app.strapi);
      const listing = await makeListing(
        app.strapi,
        { reviewStatus: 'draft', owner: owner.id, ...overrides },
        false,
      );
      const res = await http()
        .post('/api/workflow/submissions')
        .set({ Authorization: `Bearer ${owner.jwt}` })
        .send({ type: 'directory-listing', documentId: listing.documentId });
      expect(res.status).toBe(200);
      return taskOf(listing.documentId);
    };
    // Its own department no longer decides: the commune does.
    expect((await submitListing({ commune: commune.id, department: sct })).departmentId).toBe(syt);
    expect((await submitListing({ department: sct })).departmentId).toBe(snnmt);
    const inbox = await http()
      .get('/workflow/tasks?type=plugin::catalog.directory-listing')
      .set(as(staff.nnSpecialist));
    expect(inbox.body.data.length).toBeGreaterThan(0);

    expect((await save('listing_moderation', strip(before))).status).toBe(200);
    expect((await submitListing({ department: sct })).departmentId).toBe(sct);
  });

  it('moves a content type to another workflow when it is added there, and refuses to leave one without any', async () => {
    const posts = await editable('post_moderation');
    const listings = await editable('listing_moderation');
    const withoutPosts = strip(JSON.parse(JSON.stringify(posts)));
    withoutPosts.contentTypes = [];
    const orphan = await save('post_moderation', withoutPosts);
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.message).toBe(
      'Loại nội dung: Không thể bỏ Tin cung cầu khỏi quy trình: mỗi loại nội dung phải thuộc một quy trình. Hãy thêm nó vào quy trình khác (nó sẽ tự rời quy trình này).',
    );

    const moved = strip(JSON.parse(JSON.stringify(listings)));
    moved.contentTypes.push(posts.contentTypes.find((binding) => binding.uid === U.post)!);
    expect((await save('listing_moderation', moved)).status).toBe(200);
    const after = (await definitions()).data;
    expect(after.find((wf) => wf.code === 'post_moderation')!.contentTypes).toEqual([]);
    at('2026-12-07T02:00:00.000Z');
    const { task } = await submitPost();
    expect(
      (await http().get(`/workflow/tasks/${task.id}`).set(as(staff.specialist))).body.data.task,
    ).toMatchObject({
      workflow: 'listing_moderation',
      stageCount: 2,
    });

    expect((await save('post_moderation', strip(posts))).status).toBe(200);
    expect((await editable('listing_moderation')).contentTypes.map((b) => b.uid)).toEqual([U.listing]);
  });
});

describe('names and labels a person reads', () => {
  it('names officers in Vietnamese order and stages by their names, in the inbox, the history and reminders', async () => {
    const officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    await app.strapi.db.query('admin::user').update({
      where: { id: officer.id },
      data: { firstname: 'Minh Chuyên', lastname: 'Lê' },
    });
    const profile = (await app.strapi.db
      .query('plugin::workflow.staff')
      .findOne({ where: { user: { id: officer.id } }, select: ['id'] })) as { id: number };
    await app.strapi.db
      .query('plugin::workflow.staff')
      .update({ where: { id: profile.id }, data: { fullName: null } });
    at('2026-12-07T02:00:00.000Z');
    const { post, task } = await submitPost();
    await http().post(`/workflow/tasks/${task.id}/claim`).set(as(officer)).expect(200);
    const listed = await http()
      .get(`/workflow/tasks?q=${encodeURIComponent(String(post.title))}`)
      .set(as(officer));
    expect(listed.body.data[0]).toMatchObject({
      assigneeName: 'Lê Minh Chuyên',
      kindName: 'Đăng ký mới',
      stageName: 'Kiểm duyệt',
    });

    at('2026-12-10T01:00:00.000Z');
    await workflowService(app.strapi, 'jobs').sendReminders(clock);
    while ((await coreService(app.strapi, 'outbox').deliver(clock)).sent > 0);
    const reminder = await mailbox.waitForMatch(officer.email, (m) => m.text.includes(String(post.title)));
    expect(reminder.text).toContain('Kính gửi Lê Minh Chuyên,');
    expect(reminder.text).toContain(`- "${post.title}" (bước Kiểm duyệt): hạn 23:59 10/12/2026`);

    const decided = await act(officer, task.id, { action: 'reject', comment: 'Tin đăng thiếu giá bán.' });
    expect(decided.body.data.history.at(-1)).toMatchObject({
      actorName: 'Lê Minh Chuyên',
      actionName: 'Từ chối',
    });
  });
});
