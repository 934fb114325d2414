import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeArea, makeLicence, makeSeller, unique } from '../factories';
import { makeOfficer, makeSiteUser } from '../staff';

/**
 * A seller links their licences and production area to a product from their account
 * (`/api/accounts/mine/product`, issue 21.3): only their own, and only licences staff verified and
 * areas staff approved; the product's public page shows them once the product is approved.
 */

let app: TestApp;
const api = () => request(app.strapi.server.httpServer);

interface Account {
  jwt: string;
  seller: string;
}
let mine: Account;
let other: Account;
const licences = { verified: '', expired: '', pending: '', othersVerified: '' };
const areas = { approved: '', draft: '', others: '' };

async function sellerAccount(): Promise<Account> {
  const user = await makeSiteUser(app.strapi);
  const seller = await makeSeller(app.strapi, { owner: user.id, name: unique('Cơ sở Gắn Giấy Phép') });
  return { jwt: user.jwt, seller: seller.documentId };
}

const as = (account: Account) => ({ Authorization: `Bearer ${account.jwt}` });
const newProduct = (account: Account, extra: Record<string, unknown> = {}) =>
  api()
    .post('/api/accounts/mine/product')
    .set(as(account))
    .send({ data: { name: unique('Bánh tráng Mỹ Lồng'), unit: 'xấp', price: 30000, ...extra } });
const refusal = (path: string, message: string) => ({
  data: null,
  error: {
    status: 400,
    name: 'ValidationError',
    message,
    details: { errors: [{ path: [path], message, name: 'ValidationError' }] },
  },
});

beforeAll(async () => {
  app = await bootStrapi('product-licences');
  mine = await sellerAccount();
  other = await sellerAccount();
  const id = async (made: Promise<{ documentId: string }>) => (await made).documentId;
  licences.verified = await id(makeLicence(app.strapi, mine.seller, { type: 'ocop', ocopStars: 4 }));
  licences.expired = await id(
    makeLicence(app.strapi, mine.seller, { issuedOn: '2020-01-01', expiresOn: '2023-01-01' }),
  );
  licences.pending = await id(makeLicence(app.strapi, mine.seller, { verificationStatus: 'pending' }, false));
  licences.othersVerified = await id(makeLicence(app.strapi, other.seller));
  areas.approved = await id(makeArea(app.strapi, mine.seller));
  areas.draft = await id(makeArea(app.strapi, mine.seller, { reviewStatus: 'draft' }, false));
  areas.others = await id(makeArea(app.strapi, other.seller));
});

afterAll(async () => {
  await app.stop();
});

it("refuses another seller's licence or production area, in Vietnamese, and links nothing", async () => {
  const created = await newProduct(mine);
  expect(created.status).toBe(201);
  const product = created.body.data.documentId as string;

  const foreignLicence = await api()
    .put(`/api/accounts/mine/product/${product}`)
    .set(as(mine))
    .send({ data: { licences: [licences.verified, licences.othersVerified] } });
  expect([foreignLicence.status, foreignLicence.body]).toEqual([
    400,
    refusal('licences', 'Chỉ gắn được giấy phép, chứng nhận của chính doanh nghiệp bạn.'),
  ]);
  const foreignArea = await api()
    .put(`/api/accounts/mine/product/${product}`)
    .set(as(mine))
    .send({ data: { productionArea: areas.others } });
  expect([foreignArea.status, foreignArea.body]).toEqual([
    400,
    refusal('productionArea', 'Chỉ gắn được vùng sản xuất của chính doanh nghiệp bạn.'),
  ]);
  // On creation too.
  const createdWithForeign = await newProduct(mine, { licences: [licences.othersVerified] });
  expect(createdWithForeign.status).toBe(400);

  const read = await api().get(`/api/accounts/mine/product/${product}`).set(as(mine));
  expect([read.body.data.licences, read.body.data.productionArea]).toEqual([[], null]);
});

it('refuses a licence not verified yet, an area not approved, and what is not a list of ids', async () => {
  const product = (await newProduct(mine)).body.data.documentId as string;
  const put = (data: Record<string, unknown>) =>
    api().put(`/api/accounts/mine/product/${product}`).set(as(mine)).send({ data });

  const pending = await put({ licences: [licences.pending] });
  expect([pending.status, pending.body]).toEqual([
    400,
    refusal('licences', 'Chỉ gắn được giấy phép, chứng nhận đã được cơ quan quản lý xác thực.'),
  ]);
  const draftArea = await put({ productionArea: areas.draft });
  expect([draftArea.status, draftArea.body]).toEqual([
    400,
    refusal('productionArea', 'Chỉ gắn được vùng sản xuất đã được cơ quan quản lý duyệt.'),
  ]);
  for (const malformed of [licences.verified, [{ id: 1 }], [''], { $in: [licences.verified] }]) {
    const res = await put({ licences: malformed });
    expect([res.status, res.body.error.message]).toEqual([
      400,
      'Danh sách giấy phép, chứng nhận không hợp lệ.',
    ]);
  }
  const notAnId = await put({ productionArea: 7 });
  expect([notAnId.status, notAnId.body.error.message]).toEqual([400, 'Vùng sản xuất đã chọn không hợp lệ.']);
  const nobody = await put({ licences: ['khong-co-giay-phep-nay'] });
  expect(nobody.body.error.message).toBe('Chỉ gắn được giấy phép, chứng nhận của chính doanh nghiệp bạn.');
});

it('links verified licences (an expired one too) and an approved area, unlinks them, and shows them once approved', async () => {
  const product = (await newProduct(mine)).body.data.documentId as string;
  const linked = await api()
    .put(`/api/accounts/mine/product/${product}`)
    .set(as(mine))
    .send({
      data: {
        licences: [licences.verified, licences.expired, licences.verified],
        productionArea: areas.approved,
      },
    });
  expect(linked.status).toBe(200);
  expect([[...linked.body.data.licences].sort(), linked.body.data.productionArea]).toEqual([
    [licences.verified, licences.expired].sort(),
    areas.approved,
  ]);

  // Approved by an officer, the public product shows them with their validity.
  await api().post(`/api/accounts/mine/product/${product}/submit`).set(as(mine)).expect(200);
  const task = (await app.strapi.db
    .query('plugin::workflow.task')
    .findOne({ where: { targetDocumentId: product }, orderBy: { id: 'desc' } })) as { id: number };
  const officer = await makeOfficer(app.strapi, 'super_admin', []);
  // Product moderation has two stages: the specialist's review, then the division's approval.
  for (let stage = 0; stage < 2; stage += 1) {
    await api()
      .post(`/workflow/tasks/${task.id}/actions`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ action: 'approve' })
      .expect(200);
  }
  const slug = (
    (await app.strapi.db
      .query('plugin::catalog.product')
      .findOne({ where: { documentId: product, publishedAt: { $notNull: true } } })) as { slug: string }
  ).slug;
  const shown = await api().get(`/api/products/${slug}`).expect(200);
  const validity = Object.fromEntries(
    (shown.body.data.licences as { documentId: string; validity: string }[]).map((l) => [
      l.documentId,
      l.validity,
    ]),
  );
  expect(validity).toEqual({ [licences.verified]: 'valid', [licences.expired]: 'expired' });
  expect(shown.body.data.productionArea.documentId).toBe(areas.approved);

  // Unlinking is a change like any other: an empty list and no area.
  const unlinked = await api()
    .put(`/api/accounts/mine/product/${product}`)
    .set(as(mine))
    .send({ data: { licences: [], productionArea: null } });
  expect([unlinked.status, unlinked.body.data.licences, unlinked.body.data.productionArea]).toEqual([
    200,
    [],
    null,
  ]);
});
