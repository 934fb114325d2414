import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { makeArea, makeLicence, makeListing, makePost, makeProduct, makeSeller, unique } from '../factories';

let app: TestApp;
const api = () => request(app.strapi.server.httpServer);

beforeAll(async () => {
  app = await bootStrapi('public-read');
});
afterAll(async () => {
  await app.stop();
});

/** Private fields per public endpoint: never returned, never queryable. */
const PRIVATE: Record<string, string[]> = {
  sellers: ['citizenId', 'phone', 'email', 'owner', 'internalNote'],
  licences: ['scan', 'internalNote', 'numberKey'],
  'production-areas': ['internalNote'],
  products: ['internalNote', 'flaggedReasons'],
  'supply-demand-posts': ['owner', 'internalNote'],
  'directory-listings': ['internalNote'],
};
const PUBLIC_ENDPOINTS = [
  'departments',
  'administrative-units',
  'categories',
  'sellers',
  'licences',
  'production-areas',
  'products',
  'markets',
  'supply-demand-posts',
  'directory-listings',
  'news-articles',
  'legal-documents',
];
const NEVER_RETURNED = new Set([
  'citizenId',
  'internalNote',
  'flaggedReasons',
  'owner',
  'scan',
  'createdBy',
  'updatedBy',
  'password',
  'numberKey',
]);

/** Paths of keys that must never leave the CMS, anywhere in a body. */
function leaks(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaks(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = Object.keys(record)
    .filter((key) => NEVER_RETURNED.has(key))
    .map((key) => `${path}.${key}`);
  // A seller's phone and email only travel inside `contact`, and only by choice.
  const sellerLike = 'legalForm' in record;
  const contacts = sellerLike ? ['phone', 'email'].filter((k) => k in record).map((k) => `${path}.${k}`) : [];
  return own.concat(
    contacts,
    Object.entries(record).flatMap(([key, v]) => leaks(v, `${path}.${key}`)),
  );
}

describe('public read API', () => {
  it.each(PUBLIC_ENDPOINTS)('GET /api/%s lists items without any private field', async (endpoint) => {
    const res = await api().get(`/api/${endpoint}`).query({ 'pagination[pageSize]': 100 });
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(res.body.meta.pagination).toEqual(
      expect.objectContaining({ page: 1, pageSize: 100, total: expect.any(Number) }),
    );
    expect(leaks(res.body)).toEqual([]);
  });

  it.each(PUBLIC_ENDPOINTS)(
    'GET /api/%s/:id returns one item without any private field',
    async (endpoint) => {
      const list = await api().get(`/api/${endpoint}`).query({ 'pagination[pageSize]': 1 });
      const first = list.body.data[0];
      const res = await api().get(`/api/${endpoint}/${first.documentId}`);
      expect(res.status).toBe(200);
      expect(res.body.data.documentId).toBe(first.documentId);
      expect(leaks(res.body)).toEqual([]);
    },
  );

  it.each(PUBLIC_ENDPOINTS)('GET /api/%s refuses a client populate with 400', async (endpoint) => {
    const res = await api().get(`/api/${endpoint}`).query({ populate: '*' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: 'Không hỗ trợ tham số populate: dữ liệu liên quan của mỗi endpoint đã được cố định.',
        details: {},
      },
    });
  });

  it.each(PUBLIC_ENDPOINTS)('GET /api/%s refuses status=draft with 400', async (endpoint) => {
    const res = await api().get(`/api/${endpoint}`).query({ status: 'draft' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Chỉ xem được nội dung đã được phê duyệt và công bố.');
  });

  const privateCases = Object.entries(PRIVATE).flatMap(([endpoint, fields]) =>
    fields.map((field) => [endpoint, field] as const),
  );

  it.each(privateCases)(
    'GET /api/%s answers 400 to a filter on private field %s',
    async (endpoint, field) => {
      const res = await api().get(`/api/${endpoint}?filters[${field}][$notNull]=true`);
      expect(res.status).toBe(400);
      expect(res.body.data).toBeNull();
      expect(res.body.error.name).toBe('ValidationError');
      expect(res.body.error.message).toMatch(/^Tham số truy vấn không hợp lệ/);
    },
  );

  it.each(privateCases)('GET /api/%s answers 400 to a sort on private field %s', async (endpoint, field) => {
    const res = await api().get(`/api/${endpoint}?sort=${field}:asc`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Tham số truy vấn không hợp lệ/);
  });

  it.each(privateCases)('GET /api/%s answers 400 to selecting private field %s', async (endpoint, field) => {
    const res = await api().get(`/api/${endpoint}?fields[0]=${field}`);
    expect(res.status).toBe(400);
  });

  it.each([
    ['products', 'seller][citizenId'],
    ['products', 'seller][phone'],
    ['products', 'seller][internalNote'],
    ['products', 'licences][scan'],
    ['licences', 'seller][citizenId'],
    ['production-areas', 'seller][email'],
  ])('GET /api/%s answers 400 to a filter through a relation on [%s]', async (endpoint, path) => {
    const res = await api().get(`/api/${endpoint}?filters[${path}][$notNull]=true`);
    expect(res.status).toBe(400);
  });

  it('caps pageSize at 100', async () => {
    const res = await api().get('/api/products').query({ 'pagination[pageSize]': 1000 });
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBe(100);
    expect(res.body.data.length).toBeLessThanOrEqual(100);
  });

  it('answers 400 to a nonsense page number', async () => {
    const res = await api().get('/api/products').query({ 'pagination[page]': 'abc' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Tham số phân trang không hợp lệ: page và pageSize phải là số nguyên dương.',
    );
  });

  it('answers 404 with a Vietnamese message for an unknown slug', async () => {
    const res = await api().get('/api/products/khong-co-san-pham-nay');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 404,
        name: 'NotFoundError',
        message: 'Không tìm thấy nội dung yêu cầu, hoặc nội dung chưa được công bố.',
        details: {},
      },
    });
  });
});

describe('only approved and published items are public', () => {
  let visibleSeller: string;

  beforeAll(async () => {
    visibleSeller = (await makeSeller(app.strapi)).documentId;
  });

  async function expectHidden(endpoint: string, item: { documentId: string; slug?: unknown }, name: string) {
    const one = await api().get(`/api/${endpoint}/${item.documentId}`);
    expect(one.status).toBe(404);
    if (typeof item.slug === 'string') {
      expect((await api().get(`/api/${endpoint}/${item.slug}`)).status).toBe(404);
    }
    const field = endpoint === 'supply-demand-posts' || endpoint === 'directory-listings' ? 'title' : 'name';
    const list = await api()
      .get(`/api/${endpoint}`)
      .query({ [`filters[${field}][$eq]`]: name });
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
  }

  it('shows an approved, published product of a verified seller', async () => {
    const product = await makeProduct(app.strapi, visibleSeller);
    const res = await api().get(`/api/products/${product.slug}`);
    expect(res.status).toBe(200);
    expect(res.body.data.name).toBe(product.name);
  });

  it('counts a product in the total as soon as it is approved, and drops it when its seller is locked', async () => {
    const seller = await makeSeller(app.strapi);
    const total = async () =>
      (await api().get('/api/products').query({ 'pagination[pageSize]': 1 })).body.meta.pagination.total;
    const before = await total();
    await makeProduct(app.strapi, seller.documentId);
    await makeProduct(app.strapi, seller.documentId);
    expect(await total()).toBe(before + 2);
    await app.strapi.db.query('plugin::sellers.seller').updateMany({
      where: { documentId: seller.documentId },
      data: { verificationStatus: 'locked' },
    });
    expect(await total()).toBe(before);
  });

  it("pages a seller's products in the order asked, without overlap", async () => {
    const seller = await makeSeller(app.strapi);
    const names = ['Cam sành', 'Bưởi da xanh', 'Xoài cát', 'Chanh không hạt', 'Ổi ruột đỏ'].map((n) =>
      unique(n),
    );
    for (const name of names) await makeProduct(app.strapi, seller.documentId, { name });
    const page = async (n: number, sort: string) =>
      api().get('/api/products').query({
        'filters[seller][slug][$eq]': seller.slug,
        sort,
        'pagination[pageSize]': 2,
        'pagination[page]': n,
      });
    // Vietnamese order: "Ổi" (Ô) before "Xoài", where code points would put it after "Z".
    const vietnamese = [...names].sort(new Intl.Collator('vi').compare);
    for (const [sort, expected] of [
      ['name:asc', vietnamese],
      ['name:desc', [...vietnamese].reverse()],
    ] as const) {
      const pages = await Promise.all([1, 2, 3].map((n) => page(n, sort)));
      expect(pages.map((p) => p.body.data.map((item: { name: string }) => item.name))).toEqual([
        expected.slice(0, 2),
        expected.slice(2, 4),
        expected.slice(4),
      ]);
      expect(pages[0].body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 3, total: 5 });
      // Every item keeps its fixed populate when read by id.
      expect(pages[0].body.data[0].seller.slug).toBe(seller.slug);
    }
  });

  it('never shows a draft product', async () => {
    const product = await makeProduct(app.strapi, visibleSeller, {}, false);
    await expectHidden('products', product, product.name as string);
  });

  it.each(['draft', 'pending', 'supplement_requested', 'rejected', 'locked'])(
    'never shows a published product whose review status is %s',
    async (reviewStatus) => {
      const product = await makeProduct(app.strapi, visibleSeller, { reviewStatus });
      await expectHidden('products', product, product.name as string);
    },
  );

  it.each(['pending', 'supplement_requested', 'rejected', 'locked'])(
    'never shows a seller in status %s, nor its products, licences and areas',
    async (verificationStatus) => {
      const seller = await makeSeller(app.strapi, { verificationStatus });
      await expectHidden('sellers', seller, seller.name as string);
      const product = await makeProduct(app.strapi, seller.documentId);
      await expectHidden('products', product, product.name as string);
      const licence = await makeLicence(app.strapi, seller.documentId);
      const byNumber = await api().get('/api/licences').query({ 'filters[number][$eq]': licence.number });
      expect(byNumber.body.data).toEqual([]);
      const area = await makeArea(app.strapi, seller.documentId);
      await expectHidden('production-areas', area, area.name as string);
    },
  );

  it('never shows an unverified licence, even of a verified seller', async () => {
    const licence = await makeLicence(app.strapi, visibleSeller, { verificationStatus: 'pending' });
    expect((await api().get(`/api/licences/${licence.documentId}`)).status).toBe(404);
    const product = await makeProduct(app.strapi, visibleSeller, { licences: [licence.documentId] });
    const res = await api().get(`/api/products/${product.slug}`);
    expect(res.body.data.licences).toEqual([]);
  });

  it('never shows unapproved or expired buy/sell posts, nor unapproved directory listings', async () => {
    const pending = await makePost(app.strapi, { reviewStatus: 'pending' });
    await expectHidden('supply-demand-posts', pending, pending.title as string);
    const expired = await makePost(app.strapi, { validUntil: '2020-01-01' });
    await expectHidden('supply-demand-posts', expired, expired.title as string);
    const listing = await makeListing(app.strapi, { reviewStatus: 'rejected' });
    await expectHidden('directory-listings', listing, listing.title as string);
    const draft = await makeListing(app.strapi, {}, false);
    await expectHidden('directory-listings', draft, draft.title as string);
  });

  it('never shows a draft news article', async () => {
    const title = unique('Tin nháp');
    const draft = await app.strapi.documents('api::news-article.news-article').create({
      data: { title, body: 'Nội dung nháp' } as never,
    });
    expect((await api().get(`/api/news-articles/${draft.documentId}`)).status).toBe(404);
    const list = await api().get('/api/news-articles').query({ 'filters[title][$eq]': title });
    expect(list.body.data).toEqual([]);
  });
});

describe('what a public item shows', () => {
  it("publishes a seller's phone and email only when the seller chose to", async () => {
    const hidden = await makeSeller(app.strapi);
    const shown = await makeSeller(app.strapi, { showPhone: true, showEmail: true });
    const a = await api().get(`/api/sellers/${hidden.slug}`);
    const b = await api().get(`/api/sellers/${shown.slug}`);
    expect(a.body.data.contact).toEqual({ phone: null, email: null });
    expect(b.body.data.contact).toEqual({ phone: '0912345678', email: 'lienhe@thunghiem.vn' });
    expect(leaks(a.body)).toEqual([]);
    expect(leaks(b.body)).toEqual([]);
  });

  it('marks licences valid, expiring or expired', async () => {
    const seller = await makeSeller(app.strapi);
    const today = new Date(Date.now() + 7 * 3600e3);
    const inDays = (days: number) => new Date(today.getTime() + days * 86400e3).toISOString().slice(0, 10);
    await makeLicence(app.strapi, seller.documentId, { number: unique('L-OK'), expiresOn: inDays(400) });
    await makeLicence(app.strapi, seller.documentId, { number: unique('L-SOON'), expiresOn: inDays(10) });
    await makeLicence(app.strapi, seller.documentId, {
      number: unique('L-OLD'),
      issuedOn: '2019-01-01',
      expiresOn: inDays(-1),
    });
    const res = await api().get(`/api/sellers/${seller.slug}`);
    const validity = (res.body.data.licences as Array<{ number: string; validity: string }>)
      .map((l) => `${l.number.split(' ')[0]}:${l.validity}`)
      .sort();
    expect(validity).toEqual(['L-OK:valid', 'L-OLD:expired', 'L-SOON:expiring']);
  });

  it('names the approved products a licence covers (the catalog adds them to the sellers’ licence)', async () => {
    const seller = await makeSeller(app.strapi);
    const licence = await makeLicence(app.strapi, seller.documentId, { number: unique('OCOP') });
    const covered = await makeProduct(app.strapi, seller.documentId, {
      name: unique('Mắm cá linh'),
      licences: [licence.documentId],
    });
    await makeProduct(
      app.strapi,
      seller.documentId,
      { name: unique('Mắm chưa duyệt'), reviewStatus: 'pending', licences: [licence.documentId] },
      false,
    );
    const res = await api().get(`/api/licences/${licence.documentId}`);
    expect(res.status).toBe(200);
    expect(
      (res.body.data.products as { name: string; slug: string }[]).map(({ name, slug }) => ({ name, slug })),
    ).toEqual([{ name: covered.name, slug: covered.slug }]);
    expect(app.strapi.contentType('plugin::sellers.licence').attributes).toHaveProperty('products', {
      type: 'relation',
      relation: 'manyToMany',
      target: 'plugin::catalog.product',
      mappedBy: 'licences',
    });
  });

  it('gives a product its fixed populate: category, seller card, licences, images', async () => {
    const res = await api().get('/api/products').query({ 'pagination[pageSize]': 5 });
    const product = res.body.data[0];
    expect(Object.keys(product)).toEqual(
      expect.arrayContaining(['category', 'seller', 'images', 'licences', 'productionArea', 'department']),
    );
    expect(product.seller).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        slug: expect.any(String),
        contact: expect.any(Object),
      }),
    );
  });
});
