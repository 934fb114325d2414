import request from 'supertest';
import { foldVietnamese } from '@sgd/plugin-core';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeLicence, makeProduct, makeSeller } from '../factories';

let app: TestApp;
const api = () => request(app.strapi.server.httpServer);
/** A made-up word so that only this file's items match. */
const TOKEN = `zq${process.pid.toString(36)}x`;
const names = (res: request.Response) => (res.body.data as Array<{ name: string }>).map((item) => item.name);

const future = '2099-01-01';
let communeCode: string;

beforeAll(async () => {
  app = await bootStrapi('search');
  const strapi = app.strapi;
  communeCode = `T${process.pid % 100000}`;
  const commune = await strapi.documents(U.unit).create({
    data: {
      name: `Xã Thử ${TOKEN}`,
      code: communeCode,
      level: 'commune',
      effectiveFrom: '2025-07-01',
    } as never,
  });
  const parent = await strapi.documents(U.category).create({
    data: { name: `Đặc sản ${TOKEN}`, slug: `dac-san-${TOKEN}` } as never,
  });
  const child = await strapi.documents(U.category).create({
    data: { name: `Bánh ${TOKEN}`, slug: `banh-${TOKEN}`, parent: parent.documentId } as never,
  });

  const inCommune = await makeSeller(strapi, {
    name: `Hợp tác xã Rạng Đông Đồng Tháp ${TOKEN}`,
    commune: commune.documentId,
  });
  const elsewhere = await makeSeller(strapi, { name: `Cơ sở Kim Sa ${TOKEN}`, address: 'Cần Thơ' });
  const locked = await makeSeller(strapi, {
    name: `Cơ sở bị khóa Đồng Tháp ${TOKEN}`,
    verificationStatus: 'locked',
  });

  const pia = await makeProduct(strapi, inCommune.documentId, {
    name: `BÁNH PÍA sầu riêng ${TOKEN}`,
    category: child.documentId,
    price: 120000,
  });
  const piaKimSa = await makeProduct(strapi, elsewhere.documentId, {
    name: `Bánh pía Kim Sa ${TOKEN}`,
    category: child.documentId,
    price: 60000,
  });
  await makeProduct(strapi, elsewhere.documentId, {
    name: `Bánh phồng tôm ${TOKEN}`,
    category: parent.documentId,
    price: null,
    priceMin: 30000,
    priceMax: 45000,
  });
  await makeProduct(strapi, elsewhere.documentId, { name: `Bánh pía nháp ${TOKEN}` }, false);
  await makeProduct(strapi, elsewhere.documentId, {
    name: `Bánh pía chờ duyệt ${TOKEN}`,
    reviewStatus: 'pending',
  });
  await makeProduct(strapi, locked.documentId, { name: `Bánh pía của cơ sở bị khóa ${TOKEN}` });
  await makeProduct(strapi, elsewhere.documentId, {
    name: `Kẹo dừa ${TOKEN}`,
    description: 'Đặc sản bánh pía và kẹo dừa',
    price: null,
  });

  await makeLicence(strapi, inCommune.documentId, {
    type: 'ocop',
    ocopStars: 4,
    expiresOn: future,
    products: [pia.documentId],
  });
  await makeLicence(strapi, elsewhere.documentId, {
    type: 'ocop',
    ocopStars: 4,
    issuedOn: '2020-01-01',
    expiresOn: '2023-01-01',
    products: [piaKimSa.documentId],
  });
  await makeLicence(strapi, elsewhere.documentId, {
    type: 'vietgap',
    expiresOn: future,
    products: [piaKimSa.documentId],
  });
});
afterAll(async () => {
  await app.stop();
});

describe('GET /api/search', () => {
  it.each([
    [`banh pia ${TOKEN}`],
    [`BÁNH PÍA ${TOKEN}`],
    [`Bánh   pía ${TOKEN.toUpperCase()}`],
    [`pia banh ${TOKEN}`],
  ])('finds "Bánh pía" products for %p, names first, then descriptions', async (q) => {
    const res = await api().get('/api/search').query({ q });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual([
      `Bánh pía Kim Sa ${TOKEN}`,
      `BÁNH PÍA sầu riêng ${TOKEN}`,
      `Kẹo dừa ${TOKEN}`,
    ]);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 24, pageCount: 1, total: 3 });
  });

  it('finds sellers by name or address without diacritics ("dong thap")', async () => {
    const res = await api()
      .get('/api/search')
      .query({ q: `dong thap ${TOKEN}`, type: 'sellers' });
    expect(res.status).toBe(200);
    expect(names(res)).toEqual([`Hợp tác xã Rạng Đông Đồng Tháp ${TOKEN}`]);
    expect(res.body.data[0].contact).toEqual({ phone: null, email: null });
    expect(res.body.data[0]).not.toHaveProperty('citizenId');
  });

  it('filters by category, including its sub-categories', async () => {
    const parent = await api()
      .get('/api/search')
      .query({ q: TOKEN, category: `dac-san-${TOKEN}` });
    expect(names(parent)).toEqual([
      `Bánh phồng tôm ${TOKEN}`,
      `Bánh pía Kim Sa ${TOKEN}`,
      `BÁNH PÍA sầu riêng ${TOKEN}`,
    ]);
    const child = await api()
      .get('/api/search')
      .query({ q: TOKEN, category: `banh-${TOKEN}` });
    expect(names(child)).toEqual([`Bánh pía Kim Sa ${TOKEN}`, `BÁNH PÍA sầu riêng ${TOKEN}`]);
  });

  it('counts only valid, verified licences for licence type and OCOP stars', async () => {
    const ocop = await api().get('/api/search').query({ q: TOKEN, licenceType: 'ocop' });
    expect(names(ocop)).toEqual([`BÁNH PÍA sầu riêng ${TOKEN}`]);
    const fourStars = await api().get('/api/search').query({ q: TOKEN, ocopStars: 4 });
    expect(names(fourStars)).toEqual([`BÁNH PÍA sầu riêng ${TOKEN}`]);
    const fiveStars = await api().get('/api/search').query({ q: TOKEN, ocopStars: 5 });
    expect(names(fiveStars)).toEqual([]);
    const vietgap = await api().get('/api/search').query({ q: TOKEN, licenceType: 'vietgap' });
    expect(names(vietgap)).toEqual([`Bánh pía Kim Sa ${TOKEN}`]);
    const sellers = await api().get('/api/search').query({ q: TOKEN, type: 'sellers', licenceType: 'ocop' });
    expect(names(sellers)).toEqual([`Hợp tác xã Rạng Đông Đồng Tháp ${TOKEN}`]);
  });

  it("filters by the seller's commune", async () => {
    const res = await api().get('/api/search').query({ q: TOKEN, commune: communeCode });
    expect(names(res)).toEqual([`BÁNH PÍA sầu riêng ${TOKEN}`]);
  });

  it('pages through results', async () => {
    const res = await api()
      .get('/api/search')
      .query({ q: `banh ${TOKEN}`, pageSize: 1, page: 2 });
    expect(names(res)).toEqual([`Bánh pía Kim Sa ${TOKEN}`]);
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 4, total: 4 });
  });

  it('sorts by price (a range by its low end going up, its high end going down; no price last), name or newest', async () => {
    const sorted = async (sort: string) =>
      names(await api().get('/api/search').query({ q: TOKEN, sort }).expect(200));
    const [tom, kimSa, sauRieng, keo] = [
      `Bánh phồng tôm ${TOKEN}`,
      `Bánh pía Kim Sa ${TOKEN}`,
      `BÁNH PÍA sầu riêng ${TOKEN}`,
      `Kẹo dừa ${TOKEN}`,
    ];
    expect(await sorted('price_asc')).toEqual([tom, kimSa, sauRieng, keo]);
    expect(await sorted('price_desc')).toEqual([sauRieng, kimSa, tom, keo]);
    expect(await sorted('name')).toEqual([tom, kimSa, sauRieng, keo]);
    expect(await sorted('newest')).toEqual([keo, tom, kimSa, sauRieng]);
  });

  it('filters by price, a price range matching when it overlaps', async () => {
    const priced = async (query: Record<string, string | number>) =>
      names(
        await api()
          .get('/api/search')
          .query({ q: TOKEN, sort: 'price_asc', ...query })
          .expect(200),
      );
    expect(await priced({ priceMin: 50000, priceMax: 100000 })).toEqual([`Bánh pía Kim Sa ${TOKEN}`]);
    expect(await priced({ priceMin: 40000, priceMax: 50000 })).toEqual([`Bánh phồng tôm ${TOKEN}`]);
    expect(await priced({ priceMin: 100000 })).toEqual([`BÁNH PÍA sầu riêng ${TOKEN}`]);
  });

  it.each([
    [{ priceMin: 'năm mươi' }, 'Giá phải là một số đồng không âm, ví dụ 50000.'],
    [{ priceMin: -1 }, 'Giá phải là một số đồng không âm, ví dụ 50000.'],
    [{ priceMin: 90000, priceMax: 10000 }, 'Giá từ phải nhỏ hơn hoặc bằng giá đến.'],
    [{ type: 'sellers', sort: 'price_asc' }, 'Lọc và sắp xếp theo giá chỉ áp dụng khi tìm sản phẩm.'],
    [{ type: 'sellers', priceMax: 5000 }, 'Lọc và sắp xếp theo giá chỉ áp dụng khi tìm sản phẩm.'],
    [{ sort: 'gia' }, 'Cách sắp xếp không hợp lệ.'],
  ])('explains a bad price filter or sort %p', async (query, message) => {
    const res = await api().get('/api/search').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
  });

  it('caps pageSize at 100', async () => {
    const res = await api().get('/api/search').query({ q: TOKEN, pageSize: 500 });
    expect(res.body.meta.pagination.pageSize).toBe(100);
  });

  it('never finds drafts, unapproved products or products of a locked seller', async () => {
    const res = await api()
      .get('/api/search')
      .query({ q: `${TOKEN} nhap` });
    expect(names(res)).toEqual([]);
    const all = await api().get('/api/search').query({ q: TOKEN, pageSize: 100 });
    expect(names(all)).not.toEqual(expect.arrayContaining([expect.stringMatching(/nháp|chờ duyệt|bị khóa/)]));
    const sellers = await api()
      .get('/api/search')
      .query({ q: `khoa ${TOKEN}`, type: 'sellers' });
    expect(names(sellers)).toEqual([]);
  });

  it.each([
    [{ q: 'x', ocopStars: 7 }, 'Hạng sao OCOP phải là 3, 4 hoặc 5.'],
    [
      { q: 'x', type: 'markets' },
      'Loại tìm kiếm phải là "products" (sản phẩm) hoặc "sellers" (chủ thể kinh doanh).',
    ],
    [{ q: 'x', licenceType: 'abc' }, 'Loại giấy phép không hợp lệ.'],
    [{ q: 'x', type: 'sellers', category: 'trai-cay' }, 'Bộ lọc danh mục chỉ áp dụng khi tìm sản phẩm.'],
    [{ q: 'x', page: 0 }, 'Số trang phải là số nguyên dương.'],
    [{ q: 'x'.repeat(101) }, 'Từ khóa tìm kiếm dài tối đa 100 ký tự.'],
    [{ q: 'x', populate: '*' }, 'Tham số không được hỗ trợ: populate.'],
  ])('answers 400 to %p', async (query, message) => {
    const res = await api().get('/api/search').query(query);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      data: null,
      error: { status: 400, name: 'ValidationError', message, details: {} },
    });
  });

  it('treats LIKE wildcards as plain text', async () => {
    const res = await api()
      .get('/api/search')
      .query({ q: `% _ ${TOKEN}` });
    expect(res.body.meta.pagination.total).toBe(4);
  });

  it('folds in SQL exactly as in JavaScript, and on PostgreSQL stores the folded text under trigram GIN indexes', async () => {
    const knex = app.strapi.db.connection;
    const postgres = app.strapi.db.dialect.client === 'postgres';
    const letters =
      'Aa Àà Áá Ảả Ãã Ạạ Ăă Ằằ Ắắ Ẳẳ Ẵẵ Ặặ Ââ Ầầ Ấấ Ẩẩ Ẫẫ Ậậ Đđ Èè Éé Ẻẻ Ẽẽ Ẹẹ Êê Ềề Ếế Ểể Ễễ Ệệ ' +
      'Ìì Íí Ỉỉ Ĩĩ Ịị Òò Óó Ỏỏ Õõ Ọọ Ôô Ồồ Ốố Ổổ Ỗỗ Ộộ Ơơ Ờờ Ớớ Ởở Ỡỡ Ợợ Ùù Úú Ủủ Ũũ Ụụ Ưư Ừừ Ứứ Ửử Ữữ Ựự ' +
      'Ỳỳ Ýý Ỷỷ Ỹỹ Ỵỵ  BÁNH   PÍA ';
    const raw = await knex.raw('SELECT sgd_fold(?) AS folded', [letters]);
    const rows = (postgres ? raw.rows : raw) as Array<{ folded: string }>;
    expect(rows[0].folded).toBe(foldVietnamese(letters));
    if (postgres) {
      const indexes = await knex.raw(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('products', 'sellers') AND indexdef LIKE '%gin_trgm_ops%'",
      );
      expect((indexes.rows as Array<{ indexname: string }>).map((r) => r.indexname).sort()).toEqual([
        'products_search_fold_trgm',
        'sellers_search_trgm',
      ]);
      // The folded text PostgreSQL keeps with each product follows every change of the product.
      const seller = await makeSeller(app.strapi);
      const product = await makeProduct(app.strapi, seller.documentId, { name: 'Bánh PÍA   Sầu riêng' });
      await app.strapi.documents(U.product).update({
        documentId: product.documentId,
        data: { description: 'Nhân ĐẬU xanh, trứng muối' } as never,
      });
      const stored = await knex.raw(
        'SELECT sgd_search, sgd_name FROM products WHERE document_id = ? ORDER BY published_at NULLS FIRST',
        [product.documentId],
      );
      expect(stored.rows).toEqual([
        { sgd_search: 'banh pia sau rieng nhan dau xanh, trung muoi', sgd_name: 'banh pia sau rieng' },
        { sgd_search: 'banh pia sau rieng mo ta san pham thu nghiem.', sgd_name: 'banh pia sau rieng' },
      ]);
    }
  });
});
