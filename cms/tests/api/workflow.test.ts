import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import {
  U,
  makeArea,
  makeLicence,
  makeListing,
  makePost,
  makeProduct,
  makeSeller,
  unique,
} from '../factories';
import { Mailbox } from '../mailbox';
import { SITE_PASSWORD, departmentId, makeOfficer, makeSiteUser, type Officer } from '../staff';
import { coreService } from '@sgd/plugin-core';
import { workflowService } from '@sgd/plugin-workflow';

let app: TestApp;
const mailbox = new Mailbox();
let clock = new Date('2026-12-07T02:00:00.000Z'); // Monday 7/12/2026, 09:00 in Vietnam
let sct: number;
let syt: number;
const staff = {} as Record<
  'specialist' | 'division' | 'unit' | 'ytSpecialist' | 'ytDivision' | 'superAdmin',
  Officer
>;

const http = () => request(app.strapi.server.httpServer);
const jobs = () => workflowService(app.strapi, 'jobs');
const outbox = () => coreService(app.strapi, 'outbox');
const asOfficer = (officer: Officer) => ({ Authorization: `Bearer ${officer.token}` });
const asUser = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
const deliver = () => outbox().deliver(clock);
/** Sends everything due now. */
const flush = async () => {
  while ((await deliver()).sent > 0);
};
const at = (iso: string) => {
  clock = new Date(iso);
};

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('workflow');
  coreService(app.strapi, 'clock').now = () => new Date(clock);
  sct = await departmentId(app.strapi, 'SCT');
  syt = await departmentId(app.strapi, 'SYT');
  staff.specialist = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  staff.division = await makeOfficer(app.strapi, 'head_of_division', ['SCT']);
  staff.unit = await makeOfficer(app.strapi, 'head_of_unit', ['SCT']);
  staff.ytSpecialist = await makeOfficer(app.strapi, 'specialist', ['SYT']);
  staff.ytDivision = await makeOfficer(app.strapi, 'head_of_division', ['SYT']);
  staff.superAdmin = await makeOfficer(app.strapi, 'super_admin', []);
});
afterAll(async () => {
  await app.stop();
  await mailbox.stop();
});

/** A site user who owns a seller in draft (verification not yet asked). */
async function sellerInDraft(overrides: Record<string, unknown> = {}) {
  const owner = await makeSiteUser(app.strapi);
  const seller = await makeSeller(
    app.strapi,
    {
      owner: owner.id,
      department: sct,
      verificationStatus: 'draft',
      verifiedAt: null,
      email: owner.email,
      representative: 'Nguyễn Thị Chủ',
      ...overrides,
    },
    false,
  );
  return { owner, seller };
}

/** A verified, public seller owned by a site user (as after its own verification). */
async function verifiedSeller() {
  const owner = await makeSiteUser(app.strapi);
  const seller = await makeSeller(app.strapi, { owner: owner.id, department: sct, email: owner.email });
  return { owner, seller };
}

async function submit(jwt: string, type: string, documentId: string) {
  return http().post('/api/workflow/submissions').set(asUser(jwt)).send({ type, documentId });
}

async function inbox(officer: Officer, query = '') {
  const res = await http().get(`/workflow/tasks${query}`).set(asOfficer(officer));
  expect(res.status).toBe(200);
  return res.body.data as Array<{ id: number; targetDocumentId: string; stage: string; state: string }>;
}

async function act(officer: Officer, taskId: number, body: Record<string, unknown>) {
  return http().post(`/workflow/tasks/${taskId}/actions`).set(asOfficer(officer)).send(body);
}

async function taskOf(documentId: string) {
  const task = (await app.strapi.db
    .query('plugin::workflow.task')
    .findOne({ where: { targetDocumentId: documentId }, orderBy: { id: 'desc' } })) as {
    id: number;
    state: string;
    stage: string;
    round: number;
    dueAt: string;
    kind: string;
  };
  return task;
}

/** A draft product of a seller in draft, submitted by its owner; with its task. */
async function submittedProduct() {
  const { owner, seller } = await sellerInDraft();
  const product = await makeProduct(
    app.strapi,
    seller.documentId,
    { reviewStatus: 'draft', department: sct },
    false,
  );
  expect((await submit(owner.jwt, 'product', product.documentId)).status).toBe(200);
  return { owner, product, task: await taskOf(product.documentId) };
}

describe('seller verification, three stages, end to end', () => {
  it('goes from submission to publication through specialist, head of division and head of unit', async () => {
    at('2026-12-07T02:00:00.000Z');
    const { owner, seller } = await sellerInDraft();

    const submitted = await submit(owner.jwt, 'seller', seller.documentId);
    expect(submitted.status).toBe(200);
    expect(submitted.body.data).toMatchObject({
      state: 'in_review',
      kind: 'new',
      round: 1,
      stage: 'Chuyên viên thẩm định',
    });
    // Three working days after Monday 7/12: end of Thursday 10/12, Vietnam time.
    expect(submitted.body.data.dueAt).toBe('2026-12-10T16:59:59.999Z');
    expect((await http().get(`/api/sellers/${seller.slug}`)).status).toBe(404);

    const task = (await inbox(staff.specialist)).find((t) => t.targetDocumentId === seller.documentId);
    expect(task).toMatchObject({ state: 'in_review', stage: 'specialist_review' });
    const claimed = await http().post(`/workflow/tasks/${task!.id}/claim`).set(asOfficer(staff.specialist));
    expect(claimed.status).toBe(200);
    expect(claimed.body.data.allowedActions).toEqual(['approve', 'reject', 'request_supplement']);

    expect(
      (await act(staff.specialist, task!.id, { action: 'approve', internalComment: 'Hồ sơ đủ' })).status,
    ).toBe(200);
    const wrongLevel = await act(staff.specialist, task!.id, { action: 'approve' });
    expect(wrongLevel.status).toBe(403);
    expect(wrongLevel.body.error.message).toBe('Bạn không có quyền xử lý bước "Lãnh đạo phòng duyệt".');

    at('2026-12-08T03:00:00.000Z');
    const second = await act(staff.division, task!.id, { action: 'approve' });
    expect(second.body.data.task).toMatchObject({ stage: 'unit_confirmation' });
    expect(second.body.data.task.dueAt).toBe('2026-12-11T16:59:59.999Z');
    expect((await http().get(`/api/sellers/${seller.slug}`)).status).toBe(404);

    const templates = await http().get('/workflow/templates?action=approve').set(asOfficer(staff.unit));
    const template = templates.body.data[0];
    const done = await act(staff.unit, task!.id, {
      action: 'approve',
      templateId: template.id,
      comment: 'Chào mừng.',
    });
    expect(done.status).toBe(200);
    expect(done.body.data.task.state).toBe('approved');

    const page = await http().get(`/api/sellers/${seller.slug}`);
    expect(page.status).toBe(200);
    expect(page.body.data.verifiedAt).toBe('2026-12-08T03:00:00.000Z');

    const history = done.body.data.history as Array<{
      action: string;
      actorName: string;
      internalComment: string | null;
    }>;
    expect(history.map((h) => h.action)).toEqual(['submit', 'approve', 'approve', 'approve']);
    expect(history[1].internalComment).toBe('Hồ sơ đủ');

    // The submitter sees the decisions, not the officers' names or internal notes.
    const mine = await http()
      .get(`/api/workflow/submissions/seller/${seller.documentId}`)
      .set(asUser(owner.jwt));
    expect(mine.status).toBe(200);
    expect(mine.body.data.state).toBe('approved');
    expect(JSON.stringify(mine.body)).not.toContain('Hồ sơ đủ');
    expect(mine.body.data.history[1]).not.toHaveProperty('actorName');

    await flush();
    const mails = mailbox.to(owner.email);
    expect(mails.map((m) => m.subject)).toEqual([
      `Sàn giao dịch đã nhận hồ sơ "${seller.name}"`,
      `Hồ sơ "${seller.name}" đã được duyệt`,
    ]);
    expect(mails[1].text).toContain('Kính gửi Nguyễn Thị Chủ');
    expect(mails[1].text).toContain('Ghi chú: Chào mừng.');

    const notices = await http().get('/api/notifications').set(asUser(owner.jwt));
    expect(notices.body.meta.unread).toBe(2);
  });

  it('does not let anyone but the owner submit or read an item', async () => {
    const { seller } = await sellerInDraft();
    const stranger = await makeSiteUser(app.strapi);
    expect((await submit(stranger.jwt, 'seller', seller.documentId)).status).toBe(404);
    expect(
      (await http().get(`/api/workflow/submissions/seller/${seller.documentId}`).set(asUser(stranger.jwt)))
        .status,
    ).toBe(404);
    const anonymous = await http()
      .post('/api/workflow/submissions')
      .send({ type: 'seller', documentId: seller.documentId });
    expect([401, 403]).toContain(anonymous.status);
    const bad = await submit(stranger.jwt, 'hoa-don', seller.documentId);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('Loại hồ sơ "hoa-don" không hợp lệ.');
  });
});

describe('every other content type, end to end', () => {
  type Made = { documentId: string };
  const cases: Array<[string, string, string, number, (seller: string, owner: number) => Promise<Made>]> = [
    [
      'licence (2 stages)',
      'licence',
      U.licence,
      2,
      (seller) => makeLicence(app.strapi, seller, { verificationStatus: 'draft', department: sct }, false),
    ],
    [
      'production area (2 stages)',
      'production-area',
      U.area,
      2,
      (seller) => makeArea(app.strapi, seller, { reviewStatus: 'draft' }, false),
    ],
    [
      'directory listing (2 stages)',
      'directory-listing',
      U.listing,
      2,
      (_seller, owner) => makeListing(app.strapi, { reviewStatus: 'draft', department: sct, owner }, false),
    ],
    [
      'buy/sell post (1 stage)',
      'supply-demand-post',
      U.post,
      1,
      (_seller, owner) => makePost(app.strapi, { reviewStatus: 'draft', department: sct, owner }, false),
    ],
  ];

  it.each(cases)(
    '%s: submit, approve at each stage (two-stage items are returned once), published',
    async (_label, type, uid, stages, make) => {
      at('2026-12-07T02:00:00.000Z');
      const { owner, seller } = await verifiedSeller();
      const item = await make(seller.documentId, owner.id);
      const published = () =>
        app.strapi.documents(uid as never).findOne({ documentId: item.documentId, status: 'published' });

      expect((await submit(owner.jwt, type, item.documentId)).status).toBe(200);
      const task = await taskOf(item.documentId);
      expect((await inbox(staff.specialist)).some((t) => t.id === task.id)).toBe(true);
      expect((await inbox(staff.ytSpecialist)).some((t) => t.id === task.id)).toBe(false);

      expect((await act(staff.specialist, task.id, { action: 'approve' })).status).toBe(200);
      const actions = ['submit', 'approve'];
      if (stages === 2) {
        expect(await published()).toBeNull();
        const returned = await act(staff.division, task.id, {
          action: 'return',
          comment: 'Chuyên viên kiểm tra lại số liệu.',
        });
        expect(returned.status).toBe(200);
        expect(returned.body.data.task).toMatchObject({ state: 'in_review', stage: 'specialist_review' });
        expect((await act(staff.specialist, task.id, { action: 'approve' })).status).toBe(200);
        const done = await act(staff.division, task.id, { action: 'approve' });
        expect(done.status).toBe(200);
        actions.push('return', 'approve', 'approve');
      }
      const final = await taskOf(item.documentId);
      expect(final.state).toBe('approved');
      expect(await published()).not.toBeNull();

      const mine = await http()
        .get(`/api/workflow/submissions/${type}/${item.documentId}`)
        .set(asUser(owner.jwt));
      expect(mine.body.data.history.map((h: { action: string }) => h.action)).toEqual(actions);
    },
  );
});

describe('supplement loop and rejection', () => {
  it('sends a product back for a supplement, restarts the clock on resubmission and keeps each round', async () => {
    at('2026-12-07T02:00:00.000Z');
    const { owner, product, task } = await submittedProduct();

    const noReason = await act(staff.specialist, task.id, { action: 'request_supplement', comment: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('Cần ghi rõ lý do');

    const asked = await act(staff.specialist, task.id, {
      action: 'request_supplement',
      comment: 'Bổ sung ảnh nhãn sản phẩm có hạn sử dụng.',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.data.task.state).toBe('supplement_requested');
    expect((await act(staff.specialist, task.id, { action: 'approve' })).status).toBe(409);

    // Resubmitted on Friday 11/12: due three working days later, Wednesday 16/12.
    at('2026-12-11T01:00:00.000Z');
    const again = await submit(owner.jwt, 'product', product.documentId);
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({
      state: 'in_review',
      round: 2,
      dueAt: '2026-12-16T16:59:59.999Z',
    });
    expect((await submit(owner.jwt, 'product', product.documentId)).status).toBe(409);

    const history = again.body.data.history as Array<{
      action: string;
      round: number;
      comment: string | null;
    }>;
    expect(history.map((h) => [h.round, h.action])).toEqual([
      [1, 'submit'],
      [1, 'request_supplement'],
      [2, 'resubmit'],
    ]);
    expect(history[1].comment).toBe('Bổ sung ảnh nhãn sản phẩm có hạn sử dụng.');

    await flush();
    const mail = mailbox.to(owner.email).find((m) => m.subject.startsWith('Đề nghị bổ sung'));
    expect(mail?.text).toContain('Bổ sung ảnh nhãn sản phẩm có hạn sử dụng.');
  });

  it('rejects with a reason, emails it and keeps the item off the public site', async () => {
    at('2026-12-07T02:00:00.000Z');
    const { owner, seller } = await sellerInDraft();
    expect((await submit(owner.jwt, 'seller', seller.documentId)).status).toBe(200);
    const task = await taskOf(seller.documentId);
    const rejected = await act(staff.specialist, task.id, {
      action: 'reject',
      comment: 'Mã số doanh nghiệp không khớp cổng thông tin quốc gia.',
    });
    expect(rejected.body.data.task.state).toBe('rejected');
    expect((await http().get(`/api/sellers/${seller.slug}`)).status).toBe(404);
    const row = (await app.strapi.db
      .query(U.seller)
      .findOne({ where: { documentId: seller.documentId, publishedAt: null } })) as {
      verificationStatus: string;
    };
    expect(row.verificationStatus).toBe('rejected');
    await flush();
    expect(mailbox.to(owner.email).find((m) => m.subject.includes('không được chấp thuận'))?.text).toContain(
      'Lý do: Mã số doanh nghiệp không khớp cổng thông tin quốc gia.',
    );
  });
});

describe('deleted items', () => {
  it('closes the open submission of an item deleted meanwhile; the officer can no longer act on it', async () => {
    at('2026-12-07T02:00:00.000Z');
    const { product, task } = await submittedProduct();
    expect(task.state).toBe('in_review');

    at('2026-12-08T02:00:00.000Z');
    await app.strapi.documents('plugin::catalog.product').delete({ documentId: product.documentId });
    expect(await taskOf(product.documentId)).toMatchObject({ id: task.id, state: 'cancelled' });
    const entry = (await app.strapi.db
      .query('plugin::workflow.history-entry')
      .findOne({ where: { taskId: task.id, action: 'cancel' } })) as Record<string, unknown>;
    expect(entry).toMatchObject({
      fromState: 'in_review',
      toState: 'cancelled',
      comment: 'Nội dung đã bị xóa nên hồ sơ được đóng.',
    });
    expect(new Date(entry.createdAt as string).toISOString()).toBe('2026-12-08T02:00:00.000Z');
    expect((await act(staff.specialist, task.id, { action: 'approve' })).status).toBe(409);
  });
});

describe('publishing only through approval', () => {
  it('refuses publish from code, create or update with status published, and the admin', async () => {
    const { seller } = await sellerInDraft();
    const product = await makeProduct(
      app.strapi,
      seller.documentId,
      { reviewStatus: 'approved', department: sct },
      false,
    );
    const documents = app.strapi.documents(U.product as never) as unknown as Record<
      string,
      (p: object) => Promise<unknown>
    >;
    await expect(documents.publish({ documentId: product.documentId })).rejects.toThrow('Chỉ được công bố');
    await expect(
      documents.update({ documentId: product.documentId, data: { unit: 'kg' }, status: 'published' }),
    ).rejects.toThrow('Chỉ được công bố');
    await expect(
      documents.create({
        data: { name: unique('Lén công bố'), unit: 'kg', reviewStatus: 'approved' },
        status: 'published',
      }),
    ).rejects.toThrow('Chỉ được công bố');

    const viaAdmin = await http()
      .post(`/content-manager/collection-types/${U.product}/${product.documentId}/actions/publish`)
      .set(asOfficer(staff.superAdmin))
      .send({});
    expect(viaAdmin.status).toBe(403);
    expect(viaAdmin.body.error.message).toContain('Chỉ được công bố');
    expect(
      await app.strapi.db
        .query(U.product)
        .count({ where: { documentId: product.documentId, publishedAt: { $notNull: true } } }),
    ).toBe(0);
  });

  it('keeps the approved version public while an edit goes through review', async () => {
    at('2026-12-07T02:00:00.000Z');
    const { owner, seller } = await verifiedSeller();
    const product = await makeProduct(
      app.strapi,
      seller.documentId,
      { name: unique('Khô cá lóc'), reviewStatus: 'draft', department: sct },
      false,
    );
    await submit(owner.jwt, 'product', product.documentId);
    const first = await taskOf(product.documentId);
    await act(staff.specialist, first.id, { action: 'approve' });
    await act(staff.division, first.id, { action: 'approve' });
    const publicName = (await http().get(`/api/products/${product.slug}`)).body.data.name;
    expect(publicName).toBe(product.name);

    // The seller edits the draft: the published version does not move.
    await app.strapi
      .documents(U.product as never)
      .update({ documentId: product.documentId, data: { name: 'Khô cá lóc một nắng loại 1' } } as never);
    await expect(
      (
        app.strapi.documents(U.product as never) as unknown as { publish(p: object): Promise<unknown> }
      ).publish({ documentId: product.documentId }),
    ).rejects.toThrow('Chỉ được công bố');
    const edit = await submit(owner.jwt, 'product', product.documentId);
    expect(edit.body.data.kind).toBe('edit');
    const shown = await http().get(`/api/products/${product.slug}`);
    expect(shown.status).toBe(200);
    expect(shown.body.data.name).toBe(product.name);

    const task = await taskOf(product.documentId);
    await act(staff.specialist, task.id, { action: 'approve' });
    await act(staff.division, task.id, { action: 'approve' });
    expect((await http().get(`/api/products/${product.slug}`)).body.data.name).toBe(
      'Khô cá lóc một nắng loại 1',
    );
  });
});

describe('department scoping on every admin route', () => {
  let task: { id: number };
  let product: { documentId: string; slug: string };

  beforeAll(async () => {
    at('2026-12-07T02:00:00.000Z');
    const { owner, seller } = await sellerInDraft();
    const made = await makeProduct(
      app.strapi,
      seller.documentId,
      { reviewStatus: 'draft', department: sct },
      false,
    );
    product = { documentId: made.documentId, slug: String(made.slug) };
    await submit(owner.jwt, 'product', product.documentId);
    task = await taskOf(product.documentId);
  });

  it('hides a Sở Công Thương task from a Sở Y tế officer in the inbox and the task routes', async () => {
    const theirs = await inbox(staff.ytSpecialist, '?state=all&pageSize=100');
    expect(theirs.every((t) => t.targetDocumentId !== product.documentId)).toBe(true);
    const ours = await inbox(staff.specialist, '?pageSize=100');
    expect(ours.some((t) => t.targetDocumentId === product.documentId)).toBe(true);

    const y = asOfficer(staff.ytSpecialist);
    const attempts = [
      http().get(`/workflow/tasks/${task.id}`).set(y),
      http().post(`/workflow/tasks/${task.id}/claim`).set(y),
      http().post(`/workflow/tasks/${task.id}/actions`).set(y).send({ action: 'approve' }),
      http()
        .post('/workflow/tasks/bulk')
        .set(y)
        .send({ ids: [task.id], action: 'approve' }),
      http().get(`/workflow/items/${U.product}/${product.documentId}`).set(y),
      http()
        .post('/workflow/locks')
        .set(y)
        .send({ uid: U.product, documentId: product.documentId, reason: 'Vi phạm quy chế' }),
      http()
        .post(`/workflow/tasks/${task.id}/assign`)
        .set(asOfficer(staff.ytDivision))
        .send({ assigneeId: staff.ytSpecialist.id }),
    ];
    const results = await Promise.all(attempts);
    expect(results.map((r) => r.status)).toEqual([404, 404, 404, 200, 404, 404, 404]);
    expect(results[3].body.data).toEqual([{ id: task.id, ok: false, message: 'Không tìm thấy hồ sơ.' }]);
    expect((await taskOf(product.documentId)).state).toBe('in_review');
    const stats = await http().get('/workflow/stats/overdue').set(y);
    expect(stats.body.data.byDepartment.every((d: { departmentId: number }) => d.departmentId === syt)).toBe(
      true,
    );
  });

  it('hides it in the content manager too (the "belongs to my department" condition)', async () => {
    const y = asOfficer(staff.ytSpecialist);
    const base = `/content-manager/collection-types/${U.product}`;
    const one = await http().get(`${base}/${product.documentId}`).set(y);
    expect([403, 404]).toContain(one.status);
    const list = await http()
      .get(`${base}?page=1&pageSize=100&_q=${encodeURIComponent('Sản phẩm thử')}`)
      .set(y);
    expect(list.status).toBe(200);
    expect(list.body.results.some((r: { documentId: string }) => r.documentId === product.documentId)).toBe(
      false,
    );
    const update = await http().put(`${base}/${product.documentId}`).set(y).send({ name: 'Đổi tên' });
    expect(update.status).toBe(403);
    const publish = await http().post(`${base}/${product.documentId}/actions/publish`).set(y).send({});
    expect(publish.status).toBe(403);

    const own = await http().get(`${base}/${product.documentId}`).set(asOfficer(staff.specialist));
    expect(own.status).toBe(200);
  });

  it('gives an item submitted without a department the one that reviews it, so its officers see it', async () => {
    const owner = await makeSiteUser(app.strapi);
    const post = await makePost(app.strapi, { owner: owner.id, reviewStatus: 'draft' }, false);
    await submit(owner.jwt, 'supply-demand-post', post.documentId);
    const draft = (await app.strapi.db.query(U.post).findOne({
      where: { documentId: post.documentId, publishedAt: null },
      populate: { department: true },
    })) as { department: { id: number } | null };
    expect(draft.department?.id).toBe(sct);
    const base = `/content-manager/collection-types/${U.post}/${post.documentId}`;
    expect((await http().get(base).set(asOfficer(staff.specialist))).status).toBe(200);
    expect([403, 404]).toContain((await http().get(base).set(asOfficer(staff.ytSpecialist))).status);
  });

  it('refuses workflow routes to an admin without a department and to editing workflows without the right', async () => {
    const res = await http()
      .put('/workflow/definitions/post_moderation')
      .set(asOfficer(staff.unit))
      .send({ data: {} });
    expect(res.status).toBe(403);
  });
});

describe('deadlines and overdue counts on a scripted clock', () => {
  it('counts on-time, due today, 1–3 days and more per officer and per department', async () => {
    const officer = await makeOfficer(app.strapi, 'specialist', ['SKHCN']);
    const skhcn = await departmentId(app.strapi, 'SKHCN');
    const owner = await makeSiteUser(app.strapi);
    const submitAt = async (iso: string) => {
      at(iso);
      const post = await makePost(
        app.strapi,
        { owner: owner.id, department: skhcn, reviewStatus: 'draft' },
        false,
      );
      expect((await submit(owner.jwt, 'supply-demand-post', post.documentId)).status).toBe(200);
      const t = await taskOf(post.documentId);
      await http().post(`/workflow/tasks/${t.id}/claim`).set(asOfficer(officer));
      return t;
    };
    // Submitted Mon 30/11 → due Thu 3/12; Tue 1/12 → Fri 4/12; Thu 3/12 → Tue 8/12; Mon 7/12 → Thu 10/12;
    // Tue 8/12 → Fri 11/12.
    await submitAt('2026-11-30T02:00:00.000Z');
    await submitAt('2026-12-01T02:00:00.000Z');
    await submitAt('2026-12-03T02:00:00.000Z');
    await submitAt('2026-12-07T02:00:00.000Z');
    const decided = await submitAt('2026-12-08T02:00:00.000Z');

    // Today is Thursday 10/12/2026: one due today, one 2 days late (due Tue 8/12), one 4 working days late
    // (due Fri 4/12), one 5 late (due Thu 3/12), and one decided on time.
    at('2026-12-10T03:00:00.000Z');
    await act(officer, decided.id, { action: 'approve' });
    expect(await jobs().markOverdue(clock)).toBeGreaterThanOrEqual(3);

    const res = await http()
      .get(`/workflow/stats/overdue?from=2026-11-01&to=2026-12-31&departmentId=${skhcn}`)
      .set(asOfficer(staff.superAdmin));
    expect(res.status).toBe(200);
    const mine = res.body.data.byOfficer.find((r: { officerId: number }) => r.officerId === officer.id);
    expect(mine).toMatchObject({
      total: 5,
      open: 4,
      onTrack: 0,
      dueToday: 1,
      overdue1to3: 1,
      overdueMore: 2,
      decidedOnTime: 1,
      decidedLate: 0,
    });
    expect(res.body.data.byDepartment).toEqual([
      expect.objectContaining({
        departmentId: skhcn,
        departmentName: 'Sở Khoa học và Công nghệ',
        total: 5,
        overdueMore: 2,
      }),
    ]);

    // A decision after the deadline counts as late for the officer who took it.
    const late = (await inbox(officer, '?overdue=true')).at(-1)!;
    await act(officer, late.id, { action: 'reject', comment: 'Tin đăng thiếu thông tin liên hệ.' });
    const after = await http()
      .get(`/workflow/stats/overdue?from=2026-11-01&to=2026-12-31`)
      .set(asOfficer(officer));
    expect(after.body.data.byOfficer[0]).toMatchObject({
      officerId: officer.id,
      decidedLate: 1,
      decidedOnTime: 1,
      open: 3,
    });
  });

  it('reminds the assignee and the head of division when a task becomes due', async () => {
    at('2026-12-07T02:00:00.000Z');
    const { owner, seller } = await sellerInDraft();
    await submit(owner.jwt, 'seller', seller.documentId);
    const task = await taskOf(seller.documentId);
    await http().post(`/workflow/tasks/${task.id}/claim`).set(asOfficer(staff.specialist));
    const remind = (now: Date) => jobs().sendReminders(now);
    const reminded = async () =>
      (
        (await app.strapi.db.query('plugin::workflow.task').findOne({ where: { id: task.id } })) as {
          reminderSentAt: string | null;
        }
      ).reminderSentAt;
    // Wednesday 9/12: not due yet (due end of Thursday 10/12).
    at('2026-12-09T02:00:00.000Z');
    await remind(clock);
    expect(await reminded()).toBeNull();
    at('2026-12-10T01:00:00.000Z');
    expect(await remind(clock)).toBeGreaterThanOrEqual(1);
    expect(await reminded()).not.toBeNull();
    expect(await remind(clock)).toBe(0);
    await flush();
    // One digest per person: the assignee and the department's head of division.
    const line = `- "${seller.name}" (bước Chuyên viên thẩm định): hạn 23:59 10/12/2026`;
    const digest = (m: { text: string }) => m.text.includes(line);
    await expect(mailbox.waitForMatch(staff.specialist.email, digest)).resolves.toBeTruthy();
    await expect(mailbox.waitForMatch(staff.division.email, digest)).resolves.toBeTruthy();
  });
});

describe('notifications survive an SMTP outage', () => {
  it('keeps the email in the outbox while the server is down and delivers it afterwards', async () => {
    at('2026-12-07T02:00:00.000Z');
    await flush();
    const { owner, seller } = await sellerInDraft();
    await mailbox.stop();
    await submit(owner.jwt, 'seller', seller.documentId);
    const down = await deliver();
    expect(down).toEqual({ sent: 0, failed: 1 });
    const row = (await app.strapi.db
      .query('plugin::core.outbox-message')
      .findOne({ where: { recipient: owner.email } })) as {
      status: string;
      attempts: number;
    };
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });

    await mailbox.start();
    expect(await deliver()).toEqual({ sent: 0, failed: 0 }); // not before its retry time
    at('2026-12-07T02:05:00.000Z');
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    expect(mailbox.to(owner.email)).toHaveLength(1);
  });
});

describe('bulk decisions for single-stage workflows', () => {
  it('approves several buy/sell posts at once and refuses multi-stage items', async () => {
    at('2026-12-07T02:00:00.000Z');
    const owner = await makeSiteUser(app.strapi);
    const ids: number[] = [];
    const slugs: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const post = await makePost(
        app.strapi,
        { owner: owner.id, department: sct, reviewStatus: 'draft' },
        false,
      );
      await submit(owner.jwt, 'supply-demand-post', post.documentId);
      ids.push((await taskOf(post.documentId)).id);
      slugs.push(post.slug as string);
    }
    const { seller, owner: sellerOwner } = await sellerInDraft();
    await submit(sellerOwner.jwt, 'seller', seller.documentId);
    const sellerTask = await taskOf(seller.documentId);

    const res = await http()
      .post('/workflow/tasks/bulk')
      .set(asOfficer(staff.specialist))
      .send({ ids: [...ids, sellerTask.id], action: 'approve' });
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, true, false]);
    expect(res.body.data[3].message).toBe('Chỉ xử lý hàng loạt được quy trình một bước.');
    for (const slug of slugs) expect((await http().get(`/api/supply-demand-posts/${slug}`)).status).toBe(200);
  });
});

describe('account locking (QC Điều 9)', () => {
  it('locks a seller off the public site with an email, and unlocks it through re-verification', async () => {
    at('2026-12-07T02:00:00.000Z');
    const { owner, seller } = await sellerInDraft();
    await submit(owner.jwt, 'seller', seller.documentId);
    const task = await taskOf(seller.documentId);
    for (const officer of [staff.specialist, staff.division, staff.unit])
      await act(officer, task.id, { action: 'approve' });
    expect((await http().get(`/api/sellers/${seller.slug}`)).status).toBe(200);

    const noReason = await http()
      .post('/workflow/locks')
      .set(asOfficer(staff.specialist))
      .send({ uid: U.seller, documentId: seller.documentId });
    expect(noReason.status).toBe(400);
    const locked = await http()
      .post('/workflow/locks')
      .set(asOfficer(staff.specialist))
      .send({ uid: U.seller, documentId: seller.documentId, reason: 'Đăng bán hàng giả nhãn hiệu.' });
    expect(locked.status).toBe(200);
    expect((await http().get(`/api/sellers/${seller.slug}`)).status).toBe(404);
    const product = await makeProduct(
      app.strapi,
      seller.documentId,
      { reviewStatus: 'draft', department: sct },
      false,
    );
    const refused = await submit(owner.jwt, 'product', product.documentId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('Chủ thể kinh doanh đang bị khóa nên không thể nộp hồ sơ.');
    await flush();
    expect(mailbox.to(owner.email).find((m) => m.subject.includes('đã bị khóa'))?.text).toContain(
      'Lý do: Đăng bán hàng giả nhãn hiệu.',
    );

    const unlocked = await http()
      .post('/workflow/unlocks')
      .set(asOfficer(staff.division))
      .send({ uid: U.seller, documentId: seller.documentId, reason: 'Đã khắc phục' });
    expect(unlocked.status).toBe(200);
    const again = await taskOf(seller.documentId);
    expect(again).toMatchObject({ kind: 'reverification', state: 'in_review', stage: 'specialist_review' });
    expect((await http().get(`/api/sellers/${seller.slug}`)).status).toBe(404);
    for (const officer of [staff.specialist, staff.division, staff.unit])
      await act(officer, again.id, { action: 'approve' });
    expect((await http().get(`/api/sellers/${seller.slug}`)).status).toBe(200);
  });

  it('locks a product from its edit view with a reason, emails the owner, and keeps it in the history', async () => {
    at('2026-12-07T02:00:00.000Z');
    const { owner, seller } = await verifiedSeller();
    const product = await makeProduct(app.strapi, seller.documentId, { department: sct });
    expect((await http().get(`/api/products/${product.slug}`)).status).toBe(200);
    mailbox.messages.length = 0;

    const locked = await http()
      .post('/workflow/locks')
      .set(asOfficer(staff.specialist))
      .send({ uid: U.product, documentId: product.documentId, reason: 'Ghi sai công dụng của sản phẩm.' });
    expect(locked.status).toBe(200);
    expect((await http().get(`/api/products/${product.slug}`)).status).toBe(404);
    const draft = (await app.strapi.db
      .query(U.product)
      .findOne({ where: { documentId: product.documentId, publishedAt: null } })) as { reviewStatus: string };
    expect(draft.reviewStatus).toBe('locked');
    await flush();
    const lockMail = mailbox.to(owner.email).find((m) => m.subject.includes('đã bị khóa'));
    expect(lockMail?.text).toContain('Lý do: Ghi sai công dụng của sản phẩm.');

    // Unlocking needs a reason too: the owner is told why.
    const noReason = await http()
      .post('/workflow/unlocks')
      .set(asOfficer(staff.specialist))
      .send({ uid: U.product, documentId: product.documentId, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe('Cần ghi rõ lý do mở khóa (ít nhất 5 ký tự).');
    const unlocked = await http()
      .post('/workflow/unlocks')
      .set(asOfficer(staff.specialist))
      .send({ uid: U.product, documentId: product.documentId, reason: 'Đã sửa mô tả công dụng.' });
    expect(unlocked.status).toBe(200);
    await flush();
    expect(mailbox.to(owner.email).some((m) => m.text.includes('Đã sửa mô tả công dụng.'))).toBe(true);

    const history = (await app.strapi.db.query('plugin::workflow.history-entry').findMany({
      where: { targetDocumentId: product.documentId, action: { $in: ['lock', 'unlock'] } },
      orderBy: { id: 'asc' },
    })) as { action: string; comment: string; actorAdminId: number }[];
    expect(history.map((h) => [h.action, h.comment, h.actorAdminId])).toEqual([
      ['lock', 'Ghi sai công dụng của sản phẩm.', staff.specialist.id],
      ['unlock', 'Đã sửa mô tả công dụng.', staff.specialist.id],
    ]);
    const audit = await app.strapi.db.query('plugin::core.audit-entry').count({
      where: {
        action: { $in: ['workflow.lock', 'workflow.unlock'] },
        target: `${U.product}:${product.documentId}`,
      },
    });
    expect(audit).toBe(2);
  });

  it('locks a user account so that it cannot log in, and unlocks it', async () => {
    const { owner } = await sellerInDraft();
    const loginAs = () =>
      http().post('/api/accounts/login').send({ identifier: owner.email, password: SITE_PASSWORD });
    expect((await loginAs()).status).toBe(200);
    const lock = await http().post('/workflow/locks').set(asOfficer(staff.specialist)).send({
      uid: 'plugin::users-permissions.user',
      documentId: owner.documentId,
      reason: 'Đăng thông tin sai sự thật.',
    });
    expect(lock.status).toBe(200);
    const refused = await loginAs();
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('Tài khoản đã bị khóa');
    const other = await http().post('/workflow/locks').set(asOfficer(staff.ytSpecialist)).send({
      uid: 'plugin::users-permissions.user',
      documentId: owner.documentId,
      reason: 'Đăng thông tin sai sự thật.',
    });
    expect(other.status).toBe(404);
    await http()
      .post('/workflow/unlocks')
      .set(asOfficer(staff.specialist))
      .send({ uid: 'plugin::users-permissions.user', documentId: owner.documentId, reason: 'Đã cam kết' });
    expect((await loginAs()).status).toBe(200);
  });
});

describe('workflows as data', () => {
  it('lets the super admin change a deadline, validated, and uses it for new submissions', async () => {
    const list = await http().get('/workflow/definitions').set(asOfficer(staff.superAdmin));
    const current = list.body.data.find((wf: { code: string }) => wf.code === 'post_moderation');
    const { version: _version, savedAt: _savedAt, versions: _versions, ...definition } = current;
    const save = (data: unknown) =>
      http().put('/workflow/definitions/post_moderation').set(asOfficer(staff.superAdmin)).send({ data });

    const broken = JSON.parse(JSON.stringify(definition));
    broken.stages[0].deadlineDays = 0;
    const refused = await save(broken);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'Bước 1 «Kiểm duyệt», thời hạn: Thời hạn ít nhất 1 ngày làm việc.',
    );
    expect(refused.body.error.details.errors).toEqual([
      {
        path: ['stages', '0', 'deadlineDays'],
        message: 'Thời hạn ít nhất 1 ngày làm việc.',
        name: 'ValidationError',
      },
    ]);

    const changed = JSON.parse(JSON.stringify(definition));
    changed.stages[0].deadlineDays = 5;
    expect((await save(changed)).status).toBe(200);

    at('2026-12-07T02:00:00.000Z');
    const owner = await makeSiteUser(app.strapi);
    const post = await makePost(
      app.strapi,
      { owner: owner.id, reviewStatus: 'draft', department: sct },
      false,
    );
    const res = await submit(owner.jwt, 'supply-demand-post', post.documentId);
    expect(res.body.data.dueAt).toBe('2026-12-14T16:59:59.999Z');
    expect((await save(definition)).status).toBe(200);
  });

  it('keeps the history append-only', async () => {
    const entry = (await app.strapi.db.query('plugin::workflow.history-entry').findOne({})) as { id: number };
    await expect(
      app.strapi.db
        .query('plugin::workflow.history-entry')
        .update({ where: { id: entry.id }, data: { comment: 'sửa' } }),
    ).rejects.toThrow('không được sửa hoặc xóa');
    await expect(
      app.strapi.db.query('plugin::workflow.history-entry').delete({ where: { id: entry.id } }),
    ).rejects.toThrow('không được sửa hoặc xóa');
  });
});
