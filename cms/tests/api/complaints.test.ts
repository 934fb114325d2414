import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeProduct, makeSeller, unique } from '../factories';
import { Mailbox } from '../mailbox';
import { departmentId, makeOfficer, makeSiteUser, type Officer } from '../staff';
import { coreService } from '@sgd/plugin-core';

/**
 * Complaints, violation reports and banned goods (QC Điều 11, 13, 17.2, 19.8, 24, 26.2): a complaint
 * from the buyer to the seller, settled or escalated (by the buyer, or by the job on the workflow's
 * scripted clock), handled by the board, forwarded to the consumer protection association; who may
 * see and change a complaint; reports landing in the right department's queue; banned goods flagged
 * at submission.
 */
let app: TestApp;
const mailbox = new Mailbox();
const COMPLAINT = 'plugin::complaints.complaint';
const EVENT = 'plugin::complaints.complaint-event';
const ASSOCIATION = 'hoi.bvqlntd@example.vn';
// Monday 7/12/2026, 09:00 in Vietnam; moves forward only.
let clock = new Date('2026-12-07T02:00:00.000Z');
const at = (iso: string) => {
  const next = new Date(iso);
  if (next < clock) throw new Error('Đồng hồ kịch bản chỉ tiến');
  clock = next;
};

type User = Awaited<ReturnType<typeof makeSiteUser>>;
interface Shop {
  owner: User;
  seller: { id: number; documentId: string; name: string };
  products: { documentId: string; name: string; slug: string }[];
}

const staff = {} as Record<'specialist' | 'ytSpecialist', Officer>;
let sct: number;
let syt: number;

const http = () => request(app.strapi.server.httpServer);
const asUser = (user: User) => ({ Authorization: `Bearer ${user.jwt}` });
const asOfficer = (officer: Officer) => ({ Authorization: `Bearer ${officer.token}` });
const outbox = () => coreService(app.strapi, 'outbox');
const job = () =>
  (
    app.strapi.plugin('complaints').service('complaints') as { escalateOverdue(): Promise<number> }
  ).escalateOverdue();
async function mailTitled(subject: string, to: string) {
  for (let i = 0; i < 100; i += 1) {
    while ((await outbox().deliver(new Date(clock.getTime() + 1000))).sent > 0);
    const mail = mailbox.to(to).find((m) => m.subject === subject);
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Chưa nhận được thư "${subject}" gửi ${to}`);
}

async function shop(department = sct): Promise<Shop> {
  const owner = await makeSiteUser(app.strapi);
  const role = (await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'seller' } })) as { id: number };
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: owner.id }, data: { role: role.id } });
  const seller = (await makeSeller(app.strapi, {
    owner: owner.id,
    email: owner.email,
    department,
  })) as unknown as Shop['seller'];
  const products = [
    await makeProduct(app.strapi, seller.documentId, {
      name: unique('Xoài cát Hòa Lộc'),
      unit: 'kg',
      price: 85000,
      paymentMethods: ['cash_on_delivery'],
      deliveryMethods: ['carrier'],
    }),
  ] as unknown as Shop['products'];
  return { owner, seller, products };
}

let keyCounter = 0;
/** A fresh buyer's order to a fresh shop, confirmed by the seller. */
async function order() {
  const s = await shop();
  const buyer = await makeSiteUser(app.strapi);
  const res = await http()
    .post('/api/orders')
    .set(asUser(buyer))
    .set('Idempotency-Key', `khieu-nai-${process.pid}-${(keyCounter += 1)}`)
    .send({
      items: [{ product: s.products[0].documentId, quantity: 2 }],
      contactName: 'Trần Thị Mua',
      contactPhone: '0912345678',
      contactEmail: buyer.email,
      deliveryAddress: '45 Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
      paymentMethod: 'cash_on_delivery',
      deliveryMethod: 'carrier',
    });
  expect(res.status).toBe(201);
  return { shop: s, buyer, code: res.body.data.code as string };
}

const complaintBody = (code: string, overrides: Record<string, unknown> = {}) => ({
  order: code,
  subject: 'Xoài bị dập, thiếu cân',
  description: 'Hàng nhận được bị dập nhiều quả và thiếu khoảng nửa ký so với đơn.',
  remedy: 'exchange',
  ...overrides,
});
const open = (user: User, code: string, overrides: Record<string, unknown> = {}) =>
  http().post('/api/complaints').set(asUser(user)).send(complaintBody(code, overrides));
const act = (user: User, documentId: string, body: Record<string, unknown>) =>
  http().post(`/api/complaints/${documentId}/actions`).set(asUser(user)).send(body);
const statusOf = async (documentId: string) =>
  (
    (await app.strapi.db.query(COMPLAINT).findOne({ where: { documentId, publishedAt: null } })) as {
      complaintStatus: string;
    }
  ).complaintStatus;
const boardTasks = (documentId: string) =>
  app.strapi.db.query('plugin::workflow.task').findMany({
    where: { targetUid: COMPLAINT, targetDocumentId: documentId },
  }) as Promise<{ id: number; state: string; workflow: string; departmentId: number }[]>;

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  process.env.COMPLAINT_SELLER_DAYS = '2';
  delete process.env.CONSUMER_ASSOCIATION_EMAIL;
  app = await bootStrapi('complaints');
  coreService(app.strapi, 'clock').now = () => new Date(clock);
  sct = await departmentId(app.strapi, 'SCT');
  syt = await departmentId(app.strapi, 'SYT');
  staff.specialist = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  staff.ytSpecialist = await makeOfficer(app.strapi, 'specialist', ['SYT']);
});
afterAll(async () => {
  await app.stop();
  await mailbox.stop();
});

describe('a complaint settled with the seller', () => {
  it('opens to the seller, the seller answers, the buyer accepts; both see the history and are told', async () => {
    const { shop: s, buyer, code } = await order();
    const opened = await open(buyer, code);
    expect(opened.status).toBe(201);
    const complaint = opened.body.data;
    expect(complaint).toMatchObject({
      orderCode: code,
      seller: { documentId: s.seller.documentId, name: s.seller.name },
      subject: 'Xoài bị dập, thiếu cân',
      remedy: 'exchange',
      remedyName: 'Đổi hàng',
      status: 'opened',
      statusName: 'Chờ người bán giải quyết',
      openedAt: '2026-12-07T02:00:00.000Z',
      // Two working days after Monday: end of Wednesday 9/12, Vietnam time.
      sellerDueAt: '2026-12-09T16:59:59.999Z',
      board: null,
      viewerRole: 'buyer',
      actions: [{ action: 'escalate', name: 'Chuyển Ban quản lý Sàn', messageRequired: false }],
    });
    expect(complaint.history).toEqual([
      expect.objectContaining({ action: 'open', from: null, to: 'opened', by: 'buyer' }),
    ]);
    const toSeller = await mailTitled(`Khiếu nại mới về đơn hàng ${code}`, s.owner.email);
    expect(toSeller.text).toContain('Xoài bị dập, thiếu cân');
    expect(toSeller.text).toContain('Người mua đề nghị: Đổi hàng');

    // One open complaint per order.
    const again = await open(buyer, code);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('đang có một khiếu nại chưa giải quyết xong');

    // The buyer cannot accept before an answer; the seller must write one.
    expect((await act(buyer, complaint.documentId, { action: 'accept' })).status).toBe(409);
    const empty = await act(s.owner, complaint.documentId, { action: 'answer' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe('Hãy ghi nội dung khi trả lời khiếu nại.');
    const seen = await http().get(`/api/complaints/${complaint.documentId}`).set(asUser(s.owner));
    expect(seen.body.data).toMatchObject({ viewerRole: 'seller', status: 'opened' });
    expect(seen.body.data.actions.map((a: { action: string }) => a.action)).toEqual(['answer']);

    at('2026-12-08T03:00:00.000Z');
    const answered = await act(s.owner, complaint.documentId, {
      action: 'answer',
      message: 'Xin lỗi quý khách, chúng tôi sẽ giao bù 1 kg xoài mới trong ngày mai.',
    });
    expect(answered.status).toBe(200);
    expect(answered.body.data).toMatchObject({
      status: 'answered',
      viewerRole: 'seller',
      actions: [{ action: 'answer', name: 'Trả lời khiếu nại', messageRequired: true }],
    });
    const toBuyer = await mailTitled(`Khiếu nại đơn hàng ${code}: Người bán đã trả lời`, buyer.email);
    expect(toBuyer.text).toContain('giao bù 1 kg xoài mới');
    const notices = await http().get('/api/notifications').set(asUser(buyer));
    expect(notices.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: `Khiếu nại đơn hàng ${code}: Người bán đã trả lời` }),
      ]),
    );

    const accepted = await act(buyer, complaint.documentId, { action: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toMatchObject({
      status: 'resolved',
      statusName: 'Đã giải quyết',
      actions: [],
    });
    expect(accepted.body.data.history.map((h: { action: string; by: string }) => [h.action, h.by])).toEqual([
      ['open', 'buyer'],
      ['answer', 'seller'],
      ['accept', 'buyer'],
    ]);
    const sellerView = await http().get(`/api/complaints/${complaint.documentId}`).set(asUser(s.owner));
    expect(sellerView.body.data.history).toEqual(accepted.body.data.history);
    await mailTitled(`Khiếu nại đơn hàng ${code}: Đã giải quyết`, s.owner.email);

    // Settled: the job never escalates it, and the seller can no longer answer.
    at('2026-12-14T02:00:00.000Z');
    await job();
    expect(await statusOf(complaint.documentId)).toBe('resolved');
    expect(await boardTasks(complaint.documentId)).toEqual([]);
    expect((await act(s.owner, complaint.documentId, { action: 'answer', message: 'Thêm' })).status).toBe(
      409,
    );

    // A settled complaint frees the order for a new one; lists show each side theirs.
    expect((await http().get('/api/complaints').set(asUser(buyer))).body.data).toHaveLength(1);
    expect((await http().get('/api/complaints/incoming').set(asUser(s.owner))).body.data).toHaveLength(1);
    expect((await http().get('/api/complaints').set(asUser(s.owner))).body.data).toHaveLength(0);

    // Part of the buyer's personal-data export, with the history.
    const exported = await http().get('/api/accounts/me/export').set(asUser(buyer));
    expect(exported.status).toBe(200);
    expect(exported.body.complaints).toEqual([
      expect.objectContaining({
        documentId: complaint.documentId,
        status: 'resolved',
        history: accepted.body.data.history,
      }),
    ]);
  });

  it('refuses unknown fields, bad remedies and others’ orders', async () => {
    const { shop: s, buyer, code } = await order();
    const extra = await open(buyer, code, { complaintStatus: 'resolved' });
    expect(extra.status).toBe(400);
    expect(extra.body).toEqual({
      data: null,
      error: expect.objectContaining({
        status: 400,
        name: 'ValidationError',
        message: 'Khiếu nại chỉ gồm đơn hàng, tiêu đề, nội dung và đề nghị.',
      }),
    });
    const remedy = await open(buyer, code, { remedy: 'free_money' });
    expect(remedy.status).toBe(400);
    expect(remedy.body.error.message).toBe('Hãy chọn điều quý vị đề nghị người bán làm.');
    const stranger = await makeSiteUser(app.strapi);
    for (const who of [stranger, s.owner]) {
      const res = await open(who, code);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('Không tìm thấy đơn hàng này trong tài khoản của bạn.');
    }
    expect((await http().post('/api/complaints').send(complaintBody(code))).status).toBe(403);
    expect(await app.strapi.db.query(COMPLAINT).count({ where: { orderCode: code } })).toBe(0);
  });
});

describe('escalation to the board', () => {
  let escalated: { documentId: string; buyer: User; shop: Shop; code: string };

  it('escalates by itself after COMPLAINT_SELLER_DAYS working days without settlement, once', async () => {
    at('2026-12-14T02:00:00.000Z'); // Monday
    const { shop: s, buyer, code } = await order();
    const opened = await open(buyer, code);
    expect(opened.status).toBe(201);
    const { documentId } = opened.body.data;
    expect(opened.body.data.sellerDueAt).toBe('2026-12-16T16:59:59.999Z');

    // Not before the deadline (Wednesday evening, Vietnam time, is still in time).
    at('2026-12-16T12:00:00.000Z');
    expect(await job()).toBe(0);
    expect(await statusOf(documentId)).toBe('opened');
    expect(await boardTasks(documentId)).toEqual([]);

    // After it: two instances run the job at once; the complaint escalates once.
    at('2026-12-17T02:00:00.000Z');
    const [first, second] = await Promise.all([job(), job()]);
    expect(first + second).toBeGreaterThanOrEqual(1);
    expect(await statusOf(documentId)).toBe('escalated');
    expect(await job()).toBe(0);
    const events = (await app.strapi.db
      .query(EVENT)
      .findMany({ where: { complaintDocumentId: documentId, action: 'escalate_overdue' } })) as {
      actorRole: string;
    }[];
    expect(events).toEqual([expect.objectContaining({ actorRole: 'system' })]);
    const tasks = await boardTasks(documentId);
    expect(tasks).toEqual([
      expect.objectContaining({ workflow: 'complaint_handling', state: 'in_review', departmentId: sct }),
    ]);

    const read = await http().get(`/api/complaints/${documentId}`).set(asUser(buyer));
    expect(read.body.data).toMatchObject({
      status: 'escalated',
      statusName: 'Ban quản lý Sàn đang xử lý',
      // Three working days after Thursday 17/12: end of Tuesday 22/12.
      board: { state: 'in_review', dueAt: '2026-12-22T16:59:59.999Z' },
      actions: [],
    });
    const subject = `Khiếu nại đơn hàng ${code}: Ban quản lý Sàn đang xử lý`;
    expect((await mailTitled(subject, buyer.email)).text).toContain(
      'Tự động chuyển Ban quản lý Sàn do người bán chưa giải quyết đúng hạn (hạn xử lý: 23:59 22/12/2026)',
    );
    await mailTitled(subject, s.owner.email);
    escalated = { documentId, buyer, shop: s, code };
  });

  it('lands in the seller department’s queue; an officer reads it, forwards it to the association and closes it', async () => {
    const { documentId, buyer, shop: s, code } = escalated;
    const inbox = await http()
      .get('/workflow/tasks?workflow=complaint_handling')
      .set(asOfficer(staff.specialist));
    const task = (inbox.body.data as { id: number; targetDocumentId: string }[]).find(
      (t) => t.targetDocumentId === documentId,
    );
    // Labelled for what it is, never "Đăng ký mới" (issue 17.3).
    expect(task).toMatchObject({ typeName: 'Khiếu nại', kindName: 'Khiếu nại' });
    const other = await http()
      .get('/workflow/tasks?workflow=complaint_handling')
      .set(asOfficer(staff.ytSpecialist));
    expect((other.body.data as { targetDocumentId: string }[]).map((t) => t.targetDocumentId)).not.toContain(
      documentId,
    );

    const read = await http().get(`/complaints/${documentId}`).set(asOfficer(staff.specialist));
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ status: 'escalated', viewerRole: 'staff', orderCode: code });
    expect((await http().get(`/complaints/${documentId}`).set(asOfficer(staff.ytSpecialist))).status).toBe(
      404,
    );
    // The content manager, where the review panel sits, shows it to the seller's department only.
    const manager = (officer: Officer) =>
      http().get(`/content-manager/collection-types/${COMPLAINT}/${documentId}`).set(asOfficer(officer));
    const managed = await manager(staff.specialist);
    expect(managed.status).toBe(200);
    expect(managed.body.data).toMatchObject({ documentId, complaintStatus: 'escalated', orderCode: code });
    expect((await manager(staff.ytSpecialist)).status).toBe(403);

    const message = 'Người bán không hợp tác, vượt quá thẩm quyền của Ban quản lý Sàn.';
    const refused = await http()
      .post(`/complaints/${documentId}/forward`)
      .set(asOfficer(staff.specialist))
      .send({ message });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      data: null,
      error: expect.objectContaining({
        status: 400,
        message:
          'Chưa cấu hình địa chỉ email của Hội Bảo vệ quyền lợi người tiêu dùng (CONSUMER_ASSOCIATION_EMAIL). Liên hệ quản trị viên.',
      }),
    });
    expect(await statusOf(documentId)).toBe('escalated');

    app.strapi.config.set('plugin::complaints.consumerAssociationEmail', ASSOCIATION);
    try {
      const outsider = await http()
        .post(`/complaints/${documentId}/forward`)
        .set(asOfficer(staff.ytSpecialist))
        .send({ message });
      expect(outsider.status).toBe(404);
      const unknown = await http()
        .post(`/complaints/${documentId}/forward`)
        .set(asOfficer(staff.specialist))
        .send({ message, to: 'khac@example.vn' });
      expect(unknown.status).toBe(400);

      const forwarded = await http()
        .post(`/complaints/${documentId}/forward`)
        .set(asOfficer(staff.specialist))
        .send({ message });
      expect(forwarded.status).toBe(200);
      expect(forwarded.body.data.status).toBe('forwarded');
      const mail = await mailTitled(
        `Sàn giao dịch điện tử chuyển khiếu nại về đơn hàng ${code}`,
        ASSOCIATION,
      );
      expect(mail.text).toContain(message);
      expect(mail.text).toContain('Xoài bị dập, thiếu cân');
      expect(mail.text).toContain('Người mua: Trần Thị Mua, điện thoại 0912345678');
      const twice = await http()
        .post(`/complaints/${documentId}/forward`)
        .set(asOfficer(staff.specialist))
        .send({ message });
      expect(twice.status).toBe(409);
    } finally {
      app.strapi.config.set('plugin::complaints.consumerAssociationEmail', '');
    }
    const recorded = (await app.strapi.db
      .query(EVENT)
      .findOne({ where: { complaintDocumentId: documentId, action: 'forward' } })) as {
      recipient: string;
      actorRole: string;
      message: string;
    };
    expect(recorded).toMatchObject({ recipient: ASSOCIATION, actorRole: 'staff', message });

    at('2026-12-18T02:00:00.000Z');
    const decided = await http()
      .post(`/workflow/tasks/${task!.id}/actions`)
      .set(asOfficer(staff.specialist))
      .send({ action: 'approve', comment: 'Hai bên đã hòa giải tại Hội, người bán hoàn tiền.' });
    expect(decided.status).toBe(200);
    expect(await statusOf(documentId)).toBe('closed');
    const final = await http().get(`/api/complaints/${documentId}`).set(asUser(buyer));
    expect(final.body.data).toMatchObject({ status: 'closed', board: { state: 'approved' } });
    expect(final.body.data.history.map((h: { action: string }) => h.action)).toEqual([
      'open',
      'escalate_overdue',
      'forward',
      'close',
    ]);
    expect(final.body.data.history[3]).toMatchObject({
      by: 'system',
      message: 'Hai bên đã hòa giải tại Hội, người bán hoàn tiền.',
    });
    const sellerView = await http().get(`/api/complaints/${documentId}`).set(asUser(s.owner));
    expect(sellerView.body.data.history).toEqual(final.body.data.history);
    await mailTitled(
      `Ban quản lý Sàn đã xử lý khiếu nại "Khiếu nại đơn hàng ${code}: Xoài bị dập, thiếu cân"`,
      buyer.email,
    );
  });

  it('lets the buyer escalate at any time, and only that way', async () => {
    const { shop: s, buyer, code } = await order();
    const { documentId } = (await open(buyer, code)).body.data;
    const direct = await http()
      .post('/api/workflow/submissions')
      .set(asUser(buyer))
      .send({ type: 'complaint', documentId });
    expect(direct.status).toBe(409);
    expect(direct.body.error.message).toBe(
      'Khiếu nại chỉ chuyển Ban quản lý Sàn khi người mua yêu cầu hoặc khi người bán không giải quyết đúng hạn.',
    );
    expect(await boardTasks(documentId)).toEqual([]);

    const escalatedEarly = await act(buyer, documentId, {
      action: 'escalate',
      message: 'Người bán không nghe điện thoại.',
    });
    expect(escalatedEarly.status).toBe(200);
    expect(escalatedEarly.body.data.status).toBe('escalated');
    expect(await boardTasks(documentId)).toEqual([
      expect.objectContaining({ workflow: 'complaint_handling', state: 'in_review', departmentId: sct }),
    ]);
    const late = await act(s.owner, documentId, { action: 'answer', message: 'Chúng tôi sẽ liên hệ lại.' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe(
      'Không thể "trả lời khiếu nại" khi khiếu nại đang ở trạng thái "Ban quản lý Sàn đang xử lý".',
    );
    const asSeller = await act(s.owner, documentId, { action: 'accept' });
    expect(asSeller.status).toBe(403);
    expect(asSeller.body.error).toMatchObject({
      name: 'PolicyError',
      message: 'Người bán không được thực hiện thao tác "Chấp nhận cách giải quyết".',
    });
  });
});

describe('who may see and change a complaint', () => {
  it('shows a complaint only to its buyer and its seller; anyone else gets 404, anonymous 403', async () => {
    const { shop: s, buyer, code } = await order();
    const { documentId } = (await open(buyer, code)).body.data;
    const otherBuyer = (await order()).buyer;
    const otherSeller = (await shop()).owner;
    const cases: [string, User | null, number][] = [
      ['buyer', buyer, 200],
      ['seller', s.owner, 200],
      ['another buyer', otherBuyer, 404],
      ['another seller', otherSeller, 404],
      ['anonymous', null, 403],
    ];
    for (const [who, user, status] of cases) {
      const read = user
        ? await http().get(`/api/complaints/${documentId}`).set(asUser(user))
        : await http().get(`/api/complaints/${documentId}`);
      expect([who, read.status]).toEqual([who, status]);
      if (status === 404)
        expect(read.body.error.message).toBe('Không tìm thấy khiếu nại này trong tài khoản của bạn.');
    }
    for (const [who, user, status] of cases.filter(([, , s2]) => s2 !== 200)) {
      for (const body of [
        { action: 'answer', message: 'Tôi trả lời thay.' },
        { action: 'escalate' },
        { action: 'accept' },
      ]) {
        const res = user
          ? await act(user, documentId, body)
          : await http().post(`/api/complaints/${documentId}/actions`).send(body);
        expect([who, body.action, res.status]).toEqual([who, body.action, status]);
      }
      if (user) {
        expect((await http().get('/api/complaints').set(asUser(user))).body.data).toEqual([]);
        expect((await http().get('/api/complaints/incoming').set(asUser(user))).body.data).toEqual([]);
      }
    }
    expect(await statusOf(documentId)).toBe('opened');
    expect(await app.strapi.db.query(EVENT).count({ where: { complaintDocumentId: documentId } })).toBe(1);
    // Not through the Document Service either (content manager, REST, code).
    await expect(
      app.strapi
        .documents(COMPLAINT as never)
        .update({ documentId, data: { complaintStatus: 'resolved' } } as never),
    ).rejects.toThrow('Khiếu nại chỉ thay đổi qua thao tác của người mua, người bán và Ban quản lý Sàn.');
  });
});

describe('violation reports', () => {
  it('lands in the department of the target with the reason, signed in or not; the officer can then lock the target', async () => {
    const s = await shop(syt);
    const product = s.products[0];
    const reporter = await makeSiteUser(app.strapi);
    const res = await http().post('/api/reports').set(asUser(reporter)).send({
      targetType: 'product',
      target: product.slug,
      reason: 'counterfeit',
      details: 'Bao bì giống hệt hàng của hãng khác, nghi là hàng nhái.',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      targetType: 'product',
      target: { documentId: product.documentId, title: product.name },
      reason: 'counterfeit',
      reasonName: 'Hàng giả, hàng nhái',
      state: 'in_review',
    });
    const reportId = res.body.data.documentId as string;
    const queue = async (officer: Officer) =>
      (
        (await http().get('/workflow/tasks?workflow=violation_report').set(asOfficer(officer))).body.data as {
          id: number;
          targetDocumentId: string;
          title: string;
          kindName: string;
        }[]
      ).find((t) => t.targetDocumentId === reportId);
    const task = await queue(staff.ytSpecialist);
    expect(task?.title).toBe(`Phản ánh sản phẩm, dịch vụ "${product.name}": Hàng giả, hàng nhái`);
    expect(task).toMatchObject({ typeName: 'Phản ánh vi phạm', kindName: 'Phản ánh vi phạm' });
    expect(await queue(staff.specialist)).toBeUndefined();
    const stored = (await app.strapi.db
      .query('plugin::complaints.violation-report')
      .findOne({ where: { documentId: reportId }, populate: { reporter: true, department: true } })) as {
      reason: string;
      targetUid: string;
      targetDocumentId: string;
      reporter: { id: number };
      department: { id: number };
    };
    expect(stored).toMatchObject({
      reason: 'counterfeit',
      targetUid: U.product,
      targetDocumentId: product.documentId,
      reporter: { id: reporter.id },
      department: { id: syt },
    });
    await mailTitled(`Sàn giao dịch đã nhận hồ sơ "${task!.title}"`, reporter.email);
    const exported = await http().get('/api/accounts/me/export').set(asUser(reporter));
    expect(exported.body.violationReports).toEqual([
      expect.objectContaining({
        documentId: reportId,
        reason: 'counterfeit',
        targetDocumentId: product.documentId,
      }),
    ]);

    // The officer confirms and locks the product with the workflow's existing lock.
    const decided = await http()
      .post(`/workflow/tasks/${task!.id}/actions`)
      .set(asOfficer(staff.ytSpecialist))
      .send({ action: 'approve', comment: 'Đã xác minh: hàng nhái.' });
    expect(decided.status).toBe(200);
    const lock = await http().post('/workflow/locks').set(asOfficer(staff.ytSpecialist)).send({
      uid: stored.targetUid,
      documentId: stored.targetDocumentId,
      reason: 'Hàng nhái theo phản ánh.',
    });
    expect(lock.status).toBe(200);
    expect((await http().get(`/api/products/${product.slug}`)).status).toBe(404);

    // Anonymous, about a seller by documentId, in the seller's department (SCT).
    const other = await shop();
    const anonymous = await http().post('/api/reports').send({
      targetType: 'seller',
      target: other.seller.documentId,
      reason: 'fraud',
      details: 'Nhận tiền đặt cọc rồi không giao hàng.',
      email: 'NguoiPhanAnh@Example.vn',
    });
    expect(anonymous.status).toBe(201);
    expect(await queue(staff.specialist)).toBeUndefined();
    const sctTask = (
      (await http().get('/workflow/tasks?workflow=violation_report').set(asOfficer(staff.specialist))).body
        .data as {
        targetDocumentId: string;
      }[]
    ).find((t) => t.targetDocumentId === anonymous.body.data.documentId);
    expect(sctTask).toBeDefined();
  });

  it('refuses unknown targets, reasons and fields, and limits reports per IP', async () => {
    const limiter = app.strapi.plugin('accounts').service('rate-limit') as { reset(): Promise<void> };
    await limiter.reset();
    const base = {
      targetType: 'product',
      target: 'khong-ton-tai',
      reason: 'fraud',
      details: 'Nội dung phản ánh đủ dài.',
    };
    const missing = await http().post('/api/reports').send(base);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('Không tìm thấy nội dung cần phản ánh trên Sàn.');
    const reason = await http()
      .post('/api/reports')
      .send({ ...base, reason: 'ghet' });
    expect(reason.status).toBe(400);
    expect(reason.body.error.message).toBe('Hãy chọn lý do phản ánh.');
    const extra = await http()
      .post('/api/reports')
      .send({ ...base, department: 1 });
    expect(extra.status).toBe(400);
    for (let i = 3; i < 10; i += 1) expect((await http().post('/api/reports').send({})).status).toBe(400);
    const limited = await http().post('/api/reports').send(base);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(limited.body.error.message).toBe('Bạn đã gửi quá nhiều phản ánh. Vui lòng thử lại sau 60 phút.');
    await limiter.reset();
  });
});

describe('banned goods (QC Điều 17.2)', () => {
  const flagsOf = async (documentId: string) =>
    (
      (await app.strapi.db
        .query(U.product)
        .findOne({ where: { documentId, publishedAt: null }, select: ['flaggedReasons'] })) as {
        flaggedReasons: string | null;
      }
    ).flaggedReasons;

  it('flags a product whose text names banned goods, without refusing it, through either submission route', async () => {
    const s = await shop();
    const banned = await makeProduct(
      app.strapi,
      s.seller.documentId,
      {
        name: unique('Tinh dầu trái cây'),
        description: 'Dùng cho THUOC LA DIEN TU, nhiều vị.',
        reviewStatus: 'draft',
      },
      false,
    );
    const clean = await makeProduct(
      app.strapi,
      s.seller.documentId,
      { name: unique('Bánh pía'), description: 'Bổ sung năng lượng cho cả nhà.', reviewStatus: 'draft' },
      false,
    );

    const submitted = await http()
      .post('/api/workflow/submissions')
      .set(asUser(s.owner))
      .send({ type: 'product', documentId: banned.documentId });
    expect(submitted.status).toBe(200);
    expect(submitted.body.data.state).toBe('in_review');
    expect(await flagsOf(banned.documentId)).toBe(
      'Thuốc lá điện tử, thuốc lá nung nóng: từ khóa "thuốc lá điện tử" (QC Điều 17.2)',
    );

    const viaAccounts = await http()
      .post(`/api/accounts/mine/product/${clean.documentId}/submit`)
      .set(asUser(s.owner));
    expect(viaAccounts.status).toBe(200);
    expect(await flagsOf(clean.documentId)).toBeNull();

    // Private: the seller's own view and the public API never show it.
    const mine = await http().get(`/api/accounts/mine/product/${banned.documentId}`).set(asUser(s.owner));
    expect(mine.status).toBe(200);
    expect(JSON.stringify(mine.body)).not.toContain('flaggedReasons');
    expect((await http().get('/api/products?filters[flaggedReasons][$notNull]=true')).status).toBe(400);
  });
});
