import request from 'supertest';
import { coreService } from '@sgd/plugin-core';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { unique } from '../factories';
import { Mailbox } from '../mailbox';
import { makeOfficer, type Officer } from '../staff';

/**
 * The operating regulation's notice period (Decree 52/2013 as amended by 85/2021): a new version takes
 * effect at least 5 days after it is published, and publishing it emails every active seller a notice
 * with the effective date and a summary of the changes.
 */
const LEGAL = 'api::legal-document.legal-document';
const CM = `/content-manager/collection-types/${LEGAL}`;

let app: TestApp;
const mailbox = new Mailbox();
let admin: Officer;
const clock = new Date('2026-12-04T03:00:00.000Z'); // Friday 4/12/2026, 10:00 in Vietnam
const http = () => request(app.strapi.server.httpServer);
const as = (officer: Officer) => ({ Authorization: `Bearer ${officer.token}` });
const outbox = () => coreService(app.strapi, 'outbox');

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('regulation');
  coreService(app.strapi, 'clock').now = () => new Date(clock);
  admin = await makeOfficer(app.strapi, 'super_admin', []);
});
afterAll(async () => {
  await app.stop();
  await mailbox.stop();
});

/** A draft of a new version of the regulation, written in the admin. */
async function draftVersion(effectiveFrom: string, kind = 'operating_regulation') {
  const res = await http()
    .post(CM)
    .set(as(admin))
    .send({
      title: unique('Quy chế hoạt động Sàn giao dịch điện tử tỉnh Đồng Tháp'),
      kind,
      series: 'quy-che-van-hanh',
      version: unique('3.'),
      issuer: 'Sở Công Thương tỉnh Đồng Tháp',
      issuedOn: '2026-12-03',
      effectiveFrom,
      summary: 'Thời hạn duyệt sản phẩm rút còn 2 ngày làm việc; người bán phải định danh qua VNeID.',
      body: '# Chương I\n\n## Điều 1. Phạm vi\n\nNội dung.',
    });
  expect(res.status).toBe(201);
  return res.body.data as { documentId: string; title: string; slug: string };
}

/**
 * Publishes a version the only way there is: sent for editorial review and approved at every stage
 * (the engine publishes it at the last one). Answers the first refusal, or the last approval.
 */
async function publish(documentId: string) {
  let res = await http().post(`/workflow/items/${LEGAL}/${documentId}/submit`).set(as(admin));
  while (res.status === 200 && res.body.data.task.state === 'in_review') {
    res = await http()
      .post(`/workflow/tasks/${res.body.data.task.id as number}/actions`)
      .set(as(admin))
      .send({ action: 'approve' });
  }
  return res;
}

/** The sellers a notice goes to: verified, public, account not blocked; one address each. */
async function activeSellerAddresses() {
  const sellers = (await app.strapi.db.query('plugin::sellers.seller').findMany({
    where: { publishedAt: { $notNull: true }, verificationStatus: 'verified' },
    populate: { owner: { select: ['email', 'blocked'] } },
  })) as { email: string | null; owner?: { email: string | null; blocked: boolean } | null }[];
  return new Set(
    sellers
      .filter((s) => !s.owner?.blocked)
      .map((s) => (s.email ?? s.owner?.email ?? '').toLowerCase())
      .filter(Boolean),
  );
}

const noticesAbout = (title: string) =>
  app.strapi.db
    .query('plugin::core.outbox-message')
    .findMany({ where: { subject: { $startsWith: `Thông báo: ${title}` } } }) as Promise<
    { recipient: string; body: string }[]
  >;

describe('notice period of the operating regulation', () => {
  it('refuses to publish a version taking effect earlier than 5 days later, and says from when', async () => {
    const early = await draftVersion('2026-12-06');
    const res = await publish(early.documentId);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Phiên bản mới của quy chế hoạt động chỉ có hiệu lực sớm nhất 5 ngày sau ngày đăng (Nghị định 52/2013/NĐ-CP, ' +
        'sửa đổi bởi Nghị định 85/2021/NĐ-CP): đăng ngày 04/12/2026 thì ngày có hiệu lực phải từ 09/12/2026 trở đi.',
    );
    expect((await http().get(`/api/legal-documents/${early.slug}`)).status).toBe(404);
    expect(await noticesAbout(early.title)).toEqual([]);
    // The refused approval changed nothing: the version waits at its last stage for a later date.
    const item = await http().get(`/workflow/items/${LEGAL}/${early.documentId}`).set(as(admin));
    expect(item.body.data.task).toMatchObject({
      state: 'in_review',
      stageName: 'Lãnh đạo đơn vị duyệt đăng',
    });
  });

  it('publishes a version 5 days ahead and writes every active seller the date and the changes', async () => {
    const version = await draftVersion('2026-12-09');
    const res = await publish(version.documentId);
    expect(res.status).toBe(200);
    expect((await http().get(`/api/legal-documents/${version.slug}`)).status).toBe(200);

    const notices = await noticesAbout(version.title);
    const addresses = await activeSellerAddresses();
    expect(addresses.size).toBeGreaterThan(10);
    expect(new Set(notices.map((n) => n.recipient))).toEqual(addresses);
    expect(notices).toHaveLength(addresses.size);

    while ((await outbox().deliver(clock)).sent > 0);
    const [first] = [...addresses];
    const mail = mailbox.to(first).find((m) => m.subject.includes(version.title));
    expect(mail?.subject).toBe(`Thông báo: ${version.title} có hiệu lực từ ngày 09/12/2026`);
    expect(mail?.text).toContain('có hiệu lực từ ngày 09/12/2026');
    expect(mail?.text).toContain(
      'Tóm tắt thay đổi: Thời hạn duyệt sản phẩm rút còn 2 ngày làm việc; người bán phải định danh qua VNeID.',
    );

    // Correcting a typo and publishing again sends no second notice.
    const edit = await http()
      .put(`${CM}/${version.documentId}`)
      .set(as(admin))
      .send({ body: '# Chương I\n\n## Điều 1. Phạm vi áp dụng\n\nNội dung.' });
    expect(edit.status).toBe(200);
    expect((await publish(version.documentId)).status).toBe(200);
    expect(await noticesAbout(version.title)).toHaveLength(addresses.size);
  });

  it('leaves other documents, such as the privacy policy, to their own dates', async () => {
    const policy = await draftVersion('2026-12-05', 'privacy_policy');
    expect((await publish(policy.documentId)).status).toBe(200);
    expect(await noticesAbout(policy.title)).toEqual([]);
  });
});
