import crypto from 'node:crypto';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makePost, makeProduct, makeSeller, unique } from '../factories';
import { Mailbox } from '../mailbox';
import { PASSWORD, SITE_PASSWORD, departmentId, makeOfficer, makeSiteUser } from '../staff';
import { startStrapiProcess, until, type StrapiProcess } from '../strapi-process';
import { coreService } from '@sgd/plugin-core';

/**
 * Several CMS instances on one database (issue 8): two real `strapi start` processes whose
 * scheduled jobs run every second, at the same moments, over the same due work (emails in the
 * outbox, overdue review tasks, deadline reminders, complaints past the seller's deadline). Every
 * email leaves once and every transition happens once. The two also share the sign-in rate limit
 * through Redis (127.0.0.1:6379), so a client cannot double its attempts by alternating instances,
 * and a workflow or calendar change made through one is in force on the other within seconds
 * (issue 18).
 */
let app: TestApp;
const mailbox = new Mailbox();
const instances: StrapiProcess[] = [];
const TASK = 'plugin::workflow.task';
const OUTBOX = 'plugin::core.outbox-message';
const COMPLAINT = 'plugin::complaints.complaint';
const EVENT = 'plugin::complaints.complaint-event';
const http = () => request(app.strapi.server.httpServer);
const asUser = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });
const yesterday = () => new Date(Date.now() - 24 * 3600 * 1000);

let sct: number;
const submittedSellers: string[] = [];
const complaints: string[] = [];

/** A seller's owner submits its verification: one review task in the SCT's queue. */
async function submittedSeller() {
  const owner = await makeSiteUser(app.strapi);
  const seller = await makeSeller(
    app.strapi,
    { owner: owner.id, department: sct, verificationStatus: 'draft', verifiedAt: null, email: owner.email },
    false,
  );
  await http()
    .post('/api/workflow/submissions')
    .set(asUser(owner.jwt))
    .send({ type: 'seller', documentId: seller.documentId })
    .expect((res) => expect(res.status).toBeLessThan(300));
  return seller.documentId;
}

/** A buyer's order to a fresh shop, and the buyer's complaint about it, still with the seller. */
async function openComplaint(n: number) {
  const owner = await makeSiteUser(app.strapi);
  const role = (await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'seller' } })) as { id: number };
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: owner.id }, data: { role: role.id } });
  const seller = await makeSeller(app.strapi, { owner: owner.id, email: owner.email, department: sct });
  const product = await makeProduct(app.strapi, seller.documentId, {
    name: unique('Khô cá lóc'),
    unit: 'kg',
    price: 320000,
    paymentMethods: ['cash_on_delivery'],
    deliveryMethods: ['carrier'],
  });
  const buyer = await makeSiteUser(app.strapi);
  const ordered = await http()
    .post('/api/orders')
    .set(asUser(buyer.jwt))
    .set('Idempotency-Key', `nhieu-may-${process.pid}-${n}`)
    .send({
      items: [{ product: product.documentId, quantity: 1 }],
      contactName: 'Lê Văn Mua',
      contactPhone: '0912345678',
      contactEmail: buyer.email,
      deliveryAddress: '12 Nguyễn Huệ, phường Cao Lãnh, tỉnh Đồng Tháp',
      paymentMethod: 'cash_on_delivery',
      deliveryMethod: 'carrier',
    });
  expect(ordered.status).toBe(201);
  const opened = await http().post('/api/complaints').set(asUser(buyer.jwt)).send({
    order: ordered.body.data.code,
    subject: 'Hàng bị ẩm mốc',
    description: 'Khô cá nhận được bị ẩm và có mùi lạ, không dùng được.',
    remedy: 'refund',
  });
  expect(opened.status).toBe(201);
  return opened.body.data.documentId as string;
}

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('instances');
  sct = await departmentId(app.strapi, 'SCT');
  await makeOfficer(app.strapi, 'specialist', ['SCT']);
  await makeOfficer(app.strapi, 'head_of_division', ['SCT']);

  for (let i = 0; i < 4; i += 1) submittedSellers.push(await submittedSeller());
  for (let i = 0; i < 3; i += 1) complaints.push(await openComplaint(i));
  const outbox = coreService(app.strapi, 'outbox');
  for (let i = 0; i < 40; i += 1)
    await outbox.enqueue(
      { to: `nhan.thu.${i}@example.vn`, subject: `Thông báo số ${i}`, body: 'Nội dung thông báo.' },
      new Date(),
    );
  // Everything is due: the review tasks' deadlines and the seller's deadline are past.
  await app.strapi.db
    .query(TASK)
    .updateMany({ where: { targetDocumentId: { $in: submittedSellers } }, data: { dueAt: yesterday() } });
  await app.strapi.db
    .query(COMPLAINT)
    .updateMany({ where: { documentId: { $in: complaints } }, data: { sellerDueAt: yesterday() } });

  const env = {
    DATABASE_URL: process.env.DATABASE_URL ?? '',
    DATABASE_FILENAME: process.env.DATABASE_FILENAME ?? '',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailbox.port),
    CRON_ENABLED: 'true',
    WORKFLOW_JOBS_RULE: '* * * * * *',
    OUTBOX_JOB_RULE: '* * * * * *',
    RATE_LIMIT_REDIS_URL: 'redis://127.0.0.1:6379',
    TRUST_PROXY: 'true',
  };
  const [a, b] = await Promise.all([startStrapiProcess(env), startStrapiProcess(env)]);
  instances.push(a, b);
}, 240_000);
afterAll(async () => {
  for (const instance of instances) expect(await instance.stop()).toBe(0);
  await app.stop();
  await mailbox.stop();
});

it('does each scheduled job once across two instances: every email sent once, every transition once', async () => {
  type Row = { recipient: string; subject: string; status: string };
  const outboxRows = () => app.strapi.db.query(OUTBOX).findMany({}) as Promise<Row[]>;
  const tasks = () =>
    app.strapi.db.query(TASK).findMany({ where: { targetDocumentId: { $in: submittedSellers } } }) as Promise<
      { overdue: boolean; reminderSentAt: string | null }[]
    >;
  const statuses = async () =>
    (
      (await app.strapi.db
        .query(COMPLAINT)
        .findMany({ where: { documentId: { $in: complaints }, publishedAt: null } })) as {
        complaintStatus: string;
      }[]
    ).map((c) => c.complaintStatus);
  await until(
    async () =>
      (await statuses()).every((s) => s === 'escalated') &&
      (await tasks()).every((t) => t.overdue && t.reminderSentAt) &&
      (await outboxRows()).every((row) => row.status === 'sent'),
    'hai máy chạy xong các việc đến hạn',
    90_000,
  );
  // A few more rounds of both instances: nothing is done a second time.
  await new Promise((resolve) => setTimeout(resolve, 4000));
  for (const instance of instances) expect(instance.exitCode()).toBeNull();

  const rows = await outboxRows();
  expect(rows.every((row) => row.status === 'sent')).toBe(true);
  const key = (m: { to?: string[]; recipient?: string; subject: string }) =>
    `${(m.recipient ?? m.to?.[0] ?? '').toLowerCase()} | ${m.subject}`;
  const count = (keys: string[]) =>
    keys.reduce<Record<string, number>>((c, k) => ({ ...c, [k]: (c[k] ?? 0) + 1 }), {});
  // Every message written to the outbox arrived exactly as many times as it was written: once.
  expect(count(mailbox.messages.map(key))).toEqual(count(rows.map(key)));
  expect(rows.filter((row) => row.subject.startsWith('Thông báo số '))).toHaveLength(40);
  expect(rows.some((row) => /hạn xử lý hồ sơ|hồ sơ đến hạn/.test(row.subject))).toBe(true);

  for (const documentId of complaints) {
    const escalations = await app.strapi.db
      .query(EVENT)
      .count({ where: { complaintDocumentId: documentId, action: 'escalate_overdue' } });
    const boardTasks = await app.strapi.db
      .query(TASK)
      .count({ where: { targetUid: COMPLAINT, targetDocumentId: documentId } });
    expect([escalations, boardTasks]).toEqual([1, 1]);
  }
}, 120_000);

it('shares the sign-in limits between the instances through Redis', async () => {
  const [a, b] = instances;
  // An account of this run alone, so other runs on the same Redis count elsewhere.
  const identifier = `khong-ai-${crypto.randomBytes(6).toString('hex')}@example.vn`;
  const attempt = (instance: StrapiProcess) =>
    fetch(`${instance.url}/api/accounts/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identifier, password: 'Mat-khau-sai-2026' }),
    });
  // Five failed attempts on one account in fifteen minutes (config/src/accounts.ts), over both instances.
  for (let i = 0; i < 5; i += 1) expect((await attempt(i % 2 === 0 ? a : b)).status).toBe(400);
  for (const instance of [a, b]) {
    const refused = await attempt(instance);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(
      /^Đã có nhiều lần thử với tài khoản này\. Vui lòng thử lại sau \d+ phút\.$/,
    );
  }
});

it('puts a workflow or calendar change made through one instance in force on the other within seconds', async () => {
  const [a, b] = instances;
  const admin = await makeOfficer(app.strapi, 'super_admin', []);
  // A client address of this test alone: sign-in limits are shared through Redis.
  const client = `2001:db8::${crypto.randomBytes(6).toString('hex').match(/.{4}/g)?.join(':')}`;
  // Each instance signs its own sessions: sign in on each.
  const signIn = async (instance: StrapiProcess) => {
    const res = await fetch(`${instance.url}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
      body: JSON.stringify({ email: admin.email, password: PASSWORD }),
    });
    return ((await res.json()) as { data: { token: string } }).data.token;
  };
  const tokens = new Map([
    [a, await signIn(a)],
    [b, await signIn(b)],
  ]);
  const call = async <T>(instance: StrapiProcess, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${instance.url}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json',
        'X-Forwarded-For': client,
        Authorization: `Bearer ${tokens.get(instance)}`,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  type View = { code: string; version: number; stages: { deadlineDays: number }[] } & Record<string, unknown>;
  const postsOn = async (instance: StrapiProcess) =>
    (await call<{ data: View[] }>(instance, 'GET', '/workflow/definitions')).data.find(
      (wf) => wf.code === 'post_moderation',
    )!;
  const { version: _version, savedAt: _savedAt, versions: _versions, ...original } = await postsOn(b);
  const dueOn = async (instance: StrapiProcess, definition: unknown) =>
    (
      await call<{ data: { path: { dueAt: string }[] } }>(instance, 'POST', '/workflow/definitions/preview', {
        data: definition,
      })
    ).data.path[0].dueAt;

  // A new deadline saved through A is what B uses.
  const longer = JSON.parse(JSON.stringify(original)) as typeof original;
  longer.stages[0].deadlineDays += 4;
  await call(a, 'PUT', '/workflow/definitions/post_moderation', { data: longer });
  await until(
    async () => (await postsOn(b)).stages[0].deadlineDays === longer.stages[0].deadlineDays,
    'máy thứ hai dùng thời hạn mới',
    5000,
  );
  const owner = await makeSiteUser(app.strapi);
  const post = await makePost(app.strapi, { owner: owner.id, department: sct, reviewStatus: 'draft' }, false);
  const signedIn = await fetch(`${b.url}/api/accounts/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': client },
    body: JSON.stringify({ identifier: owner.email, password: SITE_PASSWORD }),
  });
  expect(signedIn.status).toBe(200);
  const { jwt } = ((await signedIn.json()) as { data: { jwt: string } }).data;
  const submitted = await fetch(`${b.url}/api/workflow/submissions`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Forwarded-For': client,
      Authorization: `Bearer ${jwt}`,
    },
    body: JSON.stringify({ type: 'supply-demand-post', documentId: post.documentId }),
  });
  expect(submitted.status).toBe(200);
  expect(((await submitted.json()) as { data: { dueAt: string } }).data.dueAt).toBe(await dueOn(b, longer));

  // A day off added through A's content manager moves the deadlines B computes.
  const before = await dueOn(b, longer);
  const day = before.slice(0, 10);
  const year = (await app.strapi.db
    .query('plugin::core.calendar-year')
    .findOne({ where: { year: Number(day.slice(0, 4)) } })) as {
    documentId: string;
    daysOff: { date: string; name: string }[] | null;
  };
  const calendarPath = `/content-manager/collection-types/plugin::core.calendar-year/${year.documentId}`;
  await call(a, 'PUT', calendarPath, {
    daysOff: [...(year.daysOff ?? []), { date: day, name: 'Nghỉ bù (thử nghiệm)' }],
  });
  await until(async () => (await dueOn(b, longer)) > before, 'máy thứ hai dùng lịch nghỉ mới', 5000);

  await call(a, 'PUT', calendarPath, { daysOff: year.daysOff ?? [] });
  await call(a, 'PUT', '/workflow/definitions/post_moderation', { data: original });
}, 60_000);
