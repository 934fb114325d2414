import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeLicence, makeProduct, makeSeller, unique } from '../factories';
import { Mailbox } from '../mailbox';
import { departmentId, makeOfficer, type Officer } from '../staff';
import { coreService } from '@sgd/plugin-core';

/**
 * The daily licence expiry job on a scripted clock, against a real SMTP server: sellers are
 * emailed 60 and 30 days before a verified licence expires, once each even with two instances
 * running the job; the licence is marked expired on the first day it is no longer valid and from
 * then on counts in no licence-type or OCOP filter nor star badge; staff list expiring licences
 * per commune, for their departments only.
 */
let app: TestApp;
const mailbox = new Mailbox();
// Monday 4/1/2027, 08:00 in Vietnam; moves forward only.
let clock = new Date('2027-01-04T01:00:00.000Z');
const at = (iso: string) => {
  const next = new Date(iso);
  if (next < clock) throw new Error('Đồng hồ kịch bản chỉ tiến');
  clock = next;
};
const TOKEN = `hh${process.pid.toString(36)}x`;
const http = () => request(app.strapi.server.httpServer);
const asOfficer = (officer: Officer) => ({ Authorization: `Bearer ${officer.token}` });

interface ExpiryService {
  run(now: Date): Promise<{ notices60: number; notices30: number; expired: number }>;
}
const job = () => (app.strapi.plugin('sellers').service('expiry') as ExpiryService).run(new Date(clock));
const outbox = () => coreService(app.strapi, 'outbox');
/** Sends the outbox and gives what reached `to` (delivery is asynchronous). */
async function mailsTo(to: string) {
  while ((await outbox().deliver(new Date(clock.getTime() + 1000))).sent > 0);
  await new Promise((resolve) => setTimeout(resolve, 200));
  return mailbox.to(to);
}

const staff = {} as Record<'sct' | 'syt' | 'admin', Officer>;
let commune: { code: string; name: string };
let ocop: { seller: string; email: string; number: string; product: string; productSlug: string };
let later: { email: string; number: string };

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('licence_expiry');
  coreService(app.strapi, 'clock').now = () => new Date(clock);
  const strapi = app.strapi;
  const sct = await departmentId(strapi, 'SCT');
  const syt = await departmentId(strapi, 'SYT');
  staff.sct = await makeOfficer(strapi, 'specialist', ['SCT']);
  staff.syt = await makeOfficer(strapi, 'specialist', ['SYT']);
  staff.admin = await makeOfficer(strapi, 'super_admin', []);
  commune = { code: `H${process.pid % 100000}`, name: `Xã Hết Hạn ${TOKEN}` };
  const unit = await strapi.documents(U.unit).create({
    data: { ...commune, level: 'commune', effectiveFrom: '2025-07-01' } as never,
  });

  // Expires on Friday 5/3/2027: 60 days after today.
  const email = `${TOKEN}.ocop@example.vn`;
  const seller = await makeSeller(strapi, {
    name: unique(`Hợp tác xã Xoài ${TOKEN}`),
    email,
    department: sct,
    commune: unit.documentId,
  });
  const product = await makeProduct(strapi, seller.documentId, { name: unique(`Xoài sấy ${TOKEN}`) });
  const number = unique('OCOP-HH');
  await makeLicence(strapi, seller.documentId, {
    type: 'ocop',
    ocopStars: 4,
    number,
    issuer: 'UBND tỉnh Đồng Tháp',
    issuedOn: '2024-03-05',
    expiresOn: '2027-03-05',
    products: [product.documentId],
  });
  ocop = {
    seller: seller.documentId,
    email,
    number,
    product: product.documentId,
    productSlug: product.slug as string,
  };

  // One day later, licence of Sở Y tế: its 60-day notice is due tomorrow.
  const laterEmail = `${TOKEN}.attp@example.vn`;
  const laterSeller = await makeSeller(strapi, {
    name: unique(`Cơ sở Bánh ${TOKEN}`),
    email: laterEmail,
    department: syt,
  });
  const laterNumber = unique('ATTP-HH');
  await makeLicence(strapi, laterSeller.documentId, {
    number: laterNumber,
    expiresOn: '2027-03-06',
    department: syt,
  });
  later = { email: laterEmail, number: laterNumber };

  // Neither a licence in review nor one of a locked seller is ever warned.
  const pendingEmail = `${TOKEN}.pending@example.vn`;
  const pendingSeller = await makeSeller(strapi, { name: unique(`Cơ sở Chờ ${TOKEN}`), email: pendingEmail });
  await makeLicence(strapi, pendingSeller.documentId, {
    expiresOn: '2027-03-05',
    verificationStatus: 'pending',
  });
  const lockedEmail = `${TOKEN}.locked@example.vn`;
  const locked = await makeSeller(strapi, {
    name: unique(`Cơ sở Khóa ${TOKEN}`),
    email: lockedEmail,
    verificationStatus: 'locked',
  });
  await makeLicence(strapi, locked.documentId, { expiresOn: '2027-03-05' });
});
afterAll(async () => {
  await app.stop();
  await mailbox.stop();
});

describe('expiry notices', () => {
  it('emails the seller 60 days before, once, even when two instances run the job', async () => {
    const [first, second] = await Promise.all([job(), job()]);
    const mails = await mailsTo(ocop.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Giấy phép số ${ocop.number} sắp hết hạn (còn 60 ngày)`);
    expect(mails[0].text).toContain(
      `Giấy chứng nhận sản phẩm OCOP số ${ocop.number} do UBND tỉnh Đồng Tháp cấp sẽ hết hạn vào ngày 05/03/2027 (còn 60 ngày).`,
    );
    expect(first.notices60 + second.notices60).toBeGreaterThanOrEqual(1);
    // Not yet: 61 days ahead, in review, of a locked seller.
    expect(await mailsTo(later.email)).toEqual([]);
    expect(await mailsTo(`${TOKEN}.pending@example.vn`)).toEqual([]);
    expect(await mailsTo(`${TOKEN}.locked@example.vn`)).toEqual([]);
  });

  it('sends the next licence’s notice the next day, and nothing more to the first', async () => {
    at('2027-01-05T17:10:00.000Z'); // 00:10 on Wednesday 6/1 in Vietnam (a missed day is caught up)
    await job();
    await job();
    const mails = await mailsTo(later.email);
    expect(mails.map((m) => m.subject)).toEqual([`Giấy phép số ${later.number} sắp hết hạn (còn 59 ngày)`]);
    expect(await mailsTo(ocop.email)).toHaveLength(1);
  });

  it('emails 30 days before, once', async () => {
    at('2027-02-02T17:10:00.000Z'); // Wednesday 3/2 in Vietnam: 30 days before 5/3
    await Promise.all([job(), job()]);
    await job();
    const mails = await mailsTo(ocop.email);
    expect(mails.map((m) => m.subject)).toEqual([
      `Giấy phép số ${ocop.number} sắp hết hạn (còn 60 ngày)`,
      `Giấy phép số ${ocop.number} sắp hết hạn (còn 30 ngày)`,
    ]);
    expect(mails[1].text).toContain('vào ngày 05/03/2027 (còn 30 ngày)');
  });
});

describe('the staff list of expiring licences', () => {
  const list = (officer: Officer, query: Record<string, string | number> = {}) =>
    http().get('/sellers/licences/expiring').query(query).set(asOfficer(officer));
  const numbers = (body: { data: { licences: { number: string }[] }[] }) =>
    body.data.flatMap((group) => group.licences.map((licence) => licence.number));

  it('groups the department’s licences by the seller’s commune', async () => {
    const res = await list(staff.sct, { days: 60, commune: commune.code });
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ today: '2027-02-03', until: '2027-04-04', total: 1, truncated: false });
    expect(res.body.data).toEqual([
      {
        commune,
        count: 1,
        licences: [
          expect.objectContaining({
            number: ocop.number,
            type: 'ocop',
            typeName: 'Giấy chứng nhận sản phẩm OCOP',
            expiresOn: '2027-03-05',
            daysLeft: 30,
            ocopStars: 4,
            notified: { days60: true, days30: true },
            seller: expect.objectContaining({ documentId: ocop.seller, email: ocop.email }),
          }),
        ],
      },
    ]);
  });

  it('shows each department only its own licences; the super admin sees all', async () => {
    const sct = numbers((await list(staff.sct, { days: 60 })).body);
    expect(sct).toContain(ocop.number);
    expect(sct).not.toContain(later.number);
    const syt = numbers((await list(staff.syt, { days: 60 })).body);
    expect(syt).toContain(later.number);
    expect(syt).not.toContain(ocop.number);
    const all = numbers((await list(staff.admin, { days: 60 })).body);
    expect(all).toEqual(expect.arrayContaining([ocop.number, later.number]));
    // Asking for another department's licences gives nothing.
    const sytId = await departmentId(app.strapi, 'SYT');
    const other = await list(staff.sct, { departmentId: sytId });
    expect(other.body).toEqual({
      data: [],
      meta: { today: '2027-02-03', until: '2027-04-04', total: 0, truncated: false },
    });
    // A shorter window leaves out what expires later.
    expect(numbers((await list(staff.admin, { days: 29 })).body)).not.toContain(ocop.number);
  });

  it('answers 400 to bad parameters and 401 without a staff session', async () => {
    const bad = await list(staff.sct, { days: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({
      status: 400,
      name: 'ValidationError',
      message: 'Số ngày phải là số nguyên từ 1 đến 365.',
    });
    const unknown = await list(staff.sct, { sort: 'expiresOn' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('Tham số không được hỗ trợ.');
    expect((await http().get('/sellers/licences/expiring')).status).toBe(401);
  });
});

describe('expiry', () => {
  const search = (query: Record<string, string | number>) =>
    http()
      .get('/api/search')
      .query({ q: TOKEN, ...query });
  const names = (res: request.Response) =>
    (res.body.data as { documentId: string }[]).map((p) => p.documentId);

  it('keeps the licence valid through its expiry date', async () => {
    at('2027-03-04T17:10:00.000Z'); // Friday 5/3 in Vietnam
    expect((await job()).expired).toBe(0);
    expect(names(await search({ ocopStars: 4 }))).toEqual([ocop.product]);
    expect(names(await search({ licenceType: 'ocop' }))).toEqual([ocop.product]);
  });

  it('marks it expired the next day; it leaves the OCOP and licence filters and its badge', async () => {
    at('2027-03-05T17:10:00.000Z'); // Saturday 6/3 in Vietnam
    const [first, second] = await Promise.all([job(), job()]);
    expect(first.expired + second.expired).toBeGreaterThanOrEqual(1);
    const rows = (await app.strapi.db.query(U.licence).findMany({
      where: { number: ocop.number },
    })) as { publishedAt: string | null; expiredAt: string | null }[];
    expect(rows.find((row) => row.publishedAt)?.expiredAt).toBe('2027-03-05T17:10:00.000Z');
    // The draft stays unmarked: publishing a renewal clears the mark.
    expect(rows.find((row) => !row.publishedAt)?.expiredAt).toBeNull();

    expect(names(await search({ ocopStars: 4 }))).toEqual([]);
    expect(names(await search({ licenceType: 'ocop' }))).toEqual([]);
    expect(names(await search({}))).toContain(ocop.product);
    const product = await http().get(`/api/products/${ocop.productSlug}`);
    expect(product.body.data.licences).toEqual([
      expect.objectContaining({ number: ocop.number, type: 'ocop', ocopStars: 4, validity: 'expired' }),
    ]);
    expect(product.body.data.licences[0]).not.toHaveProperty('expiredAt');
    const seller = await http().get(`/api/sellers/${ocop.seller}`);
    expect(seller.body.data.licences).toEqual([expect.objectContaining({ validity: 'expired' })]);

    // No further email: the two notices were the only ones.
    expect((await mailsTo(ocop.email)).map((m) => m.subject)).toHaveLength(2);
    expect((await job()).expired).toBe(0);
  });
});
