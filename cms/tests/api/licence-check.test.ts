import request from 'supertest';
import { trustedImport } from '@sgd/plugin-workflow';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeLicence, makeSeller, U, unique } from '../factories';

/**
 * `GET /api/licences/check?number=…` (issue 21.2): a licence is found however its number was typed
 * or scanned, and only when it is verified and its seller too.
 */

let app: TestApp;
const api = () => request(app.strapi.server.httpServer);

let seller: { documentId: string; name: string; slug: string };
let licence: { documentId: string };
/** A number unique to this run, written as the licence prints it: "CDĐL-<digits>/2024". */
let digits: string;

const check = (number: string) => api().get('/api/licences/check').query({ number });

beforeAll(async () => {
  app = await bootStrapi('licence-check');
  seller = (await makeSeller(app.strapi)) as unknown as typeof seller;
  digits = String(Date.now() % 1_000_000).padStart(6, '0');
  licence = await makeLicence(app.strapi, seller.documentId, {
    type: 'origin_certificate',
    number: `CDĐL-${digits}/2024`,
    issuer: 'Cục Sở hữu trí tuệ (chỉ dẫn địa lý, nhãn hiệu chứng nhận)',
    expiresOn: null,
  });
});

afterAll(async () => {
  await app.stop();
});

describe('the licence check forgives how a number is typed', () => {
  it.each([
    ['as printed', (n: string) => `CDĐL-${n}/2024`],
    ['in lower case', (n: string) => `cdđl-${n}/2024`],
    ['without diacritics (Đ typed as D)', (n: string) => `CDDL-${n}/2024`],
    ['with the look-alike Ð', (n: string) => `CÐÐL-${n}/2024`],
    ['with a space instead of the dash', (n: string) => `CDDL ${n}/2024`],
    ['without the dash', (n: string) => `cddl${n}/2024`],
    ['with an en dash and spaces around it', (n: string) => `CDĐL – ${n}/2024`],
    ['with surrounding spaces', (n: string) => `   CDĐL-${n}/2024 \t`],
    [
      'in full-width characters',
      (n: string) =>
        `ＣＤĐＬ－${[...n].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')}／２０２４`,
    ],
    ['decomposed (NFD), as some phones send it', (n: string) => `CDĐL-${n}/2024`.normalize('NFD')],
  ])('finds it %s', async (_how, typed) => {
    const res = await check(typed(digits));
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toEqual(
      expect.objectContaining({
        documentId: licence.documentId,
        number: `CDĐL-${digits}/2024`,
        type: 'origin_certificate',
        validity: 'valid',
        seller: expect.objectContaining({ name: seller.name, slug: seller.slug }),
      }),
    );
    expect(res.body.data[0]).not.toHaveProperty('numberKey');
    expect(res.body.data[0]).not.toHaveProperty('internalNote');
  });

  it.each([
    ['another number', (n: string) => `CDĐL-${n}1/2024`],
    ['the slash left out', (n: string) => `CDĐL-${n}2024`],
    ['only dashes', () => ' - – - '],
  ])('finds nothing for %s', async (_what, typed) => {
    const res = await check(typed(digits));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [] });
  });

  it('finds every verified licence sharing a number, each with its holder', async () => {
    const number = unique('ATTP-CHUNG').replace(/\s+/g, '-');
    const other = await makeSeller(app.strapi);
    await makeLicence(app.strapi, seller.documentId, { number });
    await makeLicence(app.strapi, other.documentId, { number: number.toLowerCase() });
    const res = await check(number.replace(/-/g, ' '));
    expect(res.body.data.map((l: { seller: { slug: string } }) => l.seller.slug).sort()).toEqual(
      [seller.slug, other.slug as string].sort(),
    );
  });

  it('does not find a licence in review, nor one of a seller that is not verified', async () => {
    const pending = await makeLicence(
      app.strapi,
      seller.documentId,
      { number: unique('ATTP-CHO-DUYET').replace(/\s+/g, '-'), verificationStatus: 'pending' },
      false,
    );
    const locked = await makeSeller(app.strapi, { verificationStatus: 'locked' });
    const ofLocked = await makeLicence(app.strapi, locked.documentId, {
      number: unique('ATTP-KHOA').replace(/\s+/g, '-'),
    });
    for (const documentId of [pending.documentId, ofLocked.documentId]) {
      const row = (await app.strapi.db.query(U.licence).findOne({ where: { documentId } })) as {
        number: string;
      };
      expect((await check(row.number)).body).toEqual({ data: [] });
    }
  });

  it('follows a corrected number: the old one is no longer found, the new one is', async () => {
    const number = unique('VIETGAP-CU').replace(/\s+/g, '-');
    const corrected = `${number}-SUA`;
    const made = await makeLicence(app.strapi, seller.documentId, { number });
    await trustedImport(async () => {
      await app.strapi
        .documents(U.licence)
        .update({ documentId: made.documentId, data: { number: corrected } as never });
      await app.strapi.documents(U.licence).publish({ documentId: made.documentId });
    });
    expect((await check(number)).body).toEqual({ data: [] });
    const found = await check(corrected.toLowerCase());
    expect(found.body.data.map((l: { documentId: string }) => l.documentId)).toEqual([made.documentId]);
  });

  it.each([
    [{}, 'Nhập số giấy phép cần kiểm tra.'],
    [{ number: '   ' }, 'Nhập số giấy phép cần kiểm tra.'],
    [{ number: 'A'.repeat(101) }, 'Số giấy phép tối đa 100 ký tự.'],
    [{ number: 'A', populate: '*' }, 'Tham số không được hỗ trợ: chỉ dùng number.'],
  ])('answers 400 in Vietnamese to %p', async (query, message) => {
    const res = await api().get('/api/licences/check').query(query);
    expect(res.status).toBe(400);
    expect(res.body.data).toBeNull();
    expect(res.body.error).toEqual(
      expect.objectContaining({ status: 400, name: 'ValidationError', message }),
    );
  });

  it('keeps the folded number private: never returned, never queryable', async () => {
    const one = await api().get(`/api/licences/${licence.documentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data).not.toHaveProperty('numberKey');
    const filtered = await api().get('/api/licences').query({ 'filters[numberKey][$eq]': 'x' });
    expect(filtered.status).toBe(400);
  });
});
