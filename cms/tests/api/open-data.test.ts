import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeLicence, makeProduct, makeSeller } from '../factories';

/**
 * Public statistics and open data (QC Điều 20): counts from SQL aggregates, checked against the
 * seeded data and against items made here with known counts; downloads of approved items only,
 * with no personal field, under a stated reuse licence.
 */
let app: TestApp;
const TOKEN = `od${process.pid.toString(36)}x`;
const http = () => request(app.strapi.server.httpServer);

// Private values, each found nowhere in the open data.
const PRIVATE = {
  phone: '0987001122',
  email: `${TOKEN}@example.vn`,
  citizenId: '082999888777',
  representative: `Người Đại Diện ${TOKEN}`,
  note: `Ghi chú nội bộ ${TOKEN}`,
  individualAddress: `7 hẻm Riêng Tư ${TOKEN}`,
  marketPhone: '02773999888',
};

interface Statistics {
  date: string;
  sellers: { verified: number };
  products: {
    total: number;
    byCategory: {
      category: { name: string; slug: string } | null;
      parent: { slug: string } | null;
      count: number;
    }[];
  };
  ocopProducts: { total: number; byStars: { stars: number; count: number }[] };
  markets: { total: number; byKind: { kind: string; name: string; count: number }[] };
}
const statistics = async () => {
  const res = await http().get('/api/statistics');
  expect(res.status).toBe(200);
  return res.body.data as Statistics;
};
const stars = (s: Statistics, n: number) => s.ocopProducts.byStars.find((row) => row.stars === n)?.count;
const kind = (s: Statistics, code: string) => s.markets.byKind.find((row) => row.kind === code)?.count;
const inCategory = (s: Statistics, slug: string) =>
  s.products.byCategory.find((row) => row.category?.slug === slug)?.count ?? 0;

let before: Statistics;
const made = {} as Record<'parent' | 'child', string>;

beforeAll(async () => {
  app = await bootStrapi('open_data');
  before = await statistics();
  const strapi = app.strapi;
  made.parent = `dac-san-${TOKEN}`;
  made.child = `banh-${TOKEN}`;
  const parent = await strapi.documents(U.category).create({
    data: { name: `Đặc sản ${TOKEN}`, slug: made.parent } as never,
  });
  const child = await strapi.documents(U.category).create({
    data: { name: `Bánh ${TOKEN}`, slug: made.child, parent: parent.documentId } as never,
  });

  const company = await makeSeller(strapi, {
    name: `Công ty Mở ${TOKEN}`,
    phone: PRIVATE.phone,
    email: PRIVATE.email,
    showPhone: true,
    showEmail: true,
    citizenId: PRIVATE.citizenId,
    representative: PRIVATE.representative,
    internalNote: PRIVATE.note,
  });
  const person = await makeSeller(strapi, {
    name: `Cá nhân Mở ${TOKEN}`,
    legalForm: 'individual',
    enterpriseCode: '8123456789',
    address: PRIVATE.individualAddress,
    representative: PRIVATE.representative,
  });
  const pending = await makeSeller(strapi, { name: `Cơ sở Chờ ${TOKEN}`, verificationStatus: 'pending' });
  const locked = await makeSeller(strapi, { name: `Cơ sở Khóa ${TOKEN}`, verificationStatus: 'locked' });

  const product = (seller: string, name: string, overrides: Record<string, unknown> = {}, publish = true) =>
    makeProduct(
      strapi,
      seller,
      { name: `${name} ${TOKEN}`, category: child.documentId, ...overrides },
      publish,
    );
  const four = await product(company.documentId, 'Bánh pía bốn sao');
  const five = await product(company.documentId, 'Bánh pía năm sao');
  const plain = await product(company.documentId, 'Bánh phồng', { category: parent.documentId });
  const expired = await product(person.documentId, 'Bánh tét hết hạn');
  await product(company.documentId, 'Bánh chờ duyệt', { reviewStatus: 'pending' });
  await product(company.documentId, 'Bánh bị khóa', { reviewStatus: 'locked' });
  await product(company.documentId, 'Bánh nháp', {}, false);
  await product(pending.documentId, 'Bánh của cơ sở chờ');
  await product(locked.documentId, 'Bánh của cơ sở khóa');

  const ocop = (
    seller: string,
    products: string[],
    ocopStars: number,
    overrides: Record<string, unknown> = {},
  ) =>
    makeLicence(strapi, seller, {
      type: 'ocop',
      ocopStars,
      number: `OCOP-${ocopStars}-${TOKEN}-${products.length}${overrides.expiresOn ?? ''}${overrides.verificationStatus ?? ''}`,
      expiresOn: '2099-01-01',
      products,
      ...overrides,
    });
  // A product counts once, at its highest valid rating.
  await ocop(company.documentId, [four.documentId], 4);
  await ocop(company.documentId, [four.documentId, five.documentId], 3);
  await ocop(company.documentId, [five.documentId], 5);
  await ocop(person.documentId, [expired.documentId], 3, { issuedOn: '2020-01-01', expiresOn: '2023-01-01' });
  await ocop(company.documentId, [plain.documentId], 5, { verificationStatus: 'pending' });

  const market = (kindCode: string, name: string, publish = true) =>
    strapi.documents(U.market).create({
      data: {
        name: `${name} ${TOKEN}`,
        kind: kindCode,
        address: 'Phường Cao Lãnh, tỉnh Đồng Tháp',
        latitude: 10.46,
        longitude: 105.63,
        phone: PRIVATE.marketPhone,
      } as never,
      ...(publish ? { status: 'published' as const } : {}),
    });
  await market('supermarket', 'Siêu thị Mở A');
  await market('supermarket', 'Siêu thị Mở B');
  await market('traditional_market', 'Chợ Mở');
  await market('traditional_market', 'Chợ nháp', false);
});
afterAll(async () => {
  await app.stop();
});

describe('public statistics', () => {
  it('counts the seeded data as the public API and the Document Service see it', async () => {
    const strapi = app.strapi;
    const now = await statistics();
    expect(now.sellers.verified).toBe(
      await strapi
        .documents(U.seller)
        .count({ status: 'published', filters: { verificationStatus: 'verified' } } as never),
    );
    for (const row of now.markets.byKind) {
      expect(row.count).toBe(
        await strapi.documents(U.market).count({ status: 'published', filters: { kind: row.kind } } as never),
      );
    }
    expect(now.markets.byKind.map((row) => row.name)).toEqual([
      'Chợ',
      'Siêu thị',
      'Trung tâm thương mại',
      'Cửa hàng tiện ích',
    ]);
    const products = await http().get('/api/products').query({ 'pagination[pageSize]': 1 });
    expect(now.products.total).toBe(products.body.meta.pagination.total);
    expect(now.products.total).toBe(now.products.byCategory.reduce((sum, row) => sum + row.count, 0));
    for (const n of [3, 4, 5]) {
      const found = await http().get('/api/search').query({ ocopStars: n, pageSize: 1 });
      // The search counts a product under each valid rating it holds; the statistics, once at its highest.
      expect(stars(now, n)).toBeLessThanOrEqual(found.body.meta.pagination.total);
    }
    const anyOcop = await http().get('/api/search').query({ licenceType: 'ocop', pageSize: 1 });
    expect(now.ocopProducts.total).toBe(anyOcop.body.meta.pagination.total);
  });

  it('counts new items exactly: verified sellers, approved products by category, valid OCOP ratings, published markets', async () => {
    const after = await statistics();
    expect(after.sellers.verified - before.sellers.verified).toBe(2);
    expect(after.products.total - before.products.total).toBe(4);
    expect(after.products.byCategory).toEqual(
      expect.arrayContaining([
        {
          category: { name: `Bánh ${TOKEN}`, slug: made.child },
          parent: { name: `Đặc sản ${TOKEN}`, slug: made.parent },
          count: 3,
        },
        { category: { name: `Đặc sản ${TOKEN}`, slug: made.parent }, parent: null, count: 1 },
      ]),
    );
    expect(inCategory(after, made.child)).toBe(3);
    expect([3, 4, 5].map((n) => (stars(after, n) ?? 0) - (stars(before, n) ?? 0))).toEqual([0, 1, 1]);
    expect(after.ocopProducts.total - before.ocopProducts.total).toBe(2);
    expect((kind(after, 'supermarket') ?? 0) - (kind(before, 'supermarket') ?? 0)).toBe(2);
    expect((kind(after, 'traditional_market') ?? 0) - (kind(before, 'traditional_market') ?? 0)).toBe(1);
    expect(after.markets.total - before.markets.total).toBe(3);
  });
});

describe('open data', () => {
  const download = (file: string) =>
    http()
      .get(`/api/open-data/${file}`)
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done(null, body));
      });
  const mine = <T extends { name?: string | null; seller?: string | null }>(rows: T[]) =>
    rows.filter((row) => (row.name ?? row.seller ?? '').includes(TOKEN));

  it('lists the datasets with their fields, formats and reuse licence', async () => {
    const res = await http().get('/api/open-data');
    expect(res.status).toBe(200);
    expect(res.body.meta.license).toMatchObject({
      id: 'CC-BY-4.0',
      url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
    });
    expect(
      res.body.data.map((d: { id: string; downloads: { file: string }[] }) => [
        d.id,
        d.downloads.map((x) => x.file),
      ]),
    ).toEqual([
      ['sellers', ['chu-the-kinh-doanh.csv', 'chu-the-kinh-doanh.json']],
      ['products', ['san-pham.csv', 'san-pham.json']],
      ['licences', ['giay-phep.csv', 'giay-phep.json']],
      ['markets', ['cho-va-diem-ban.csv', 'cho-va-diem-ban.json']],
    ]);
  });

  it('gives approved products of verified sellers only, with their valid OCOP rating', async () => {
    const res = await download('san-pham.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="san-pham.json"');
    expect(res.headers.link).toBe(
      '<https://creativecommons.org/licenses/by/4.0/deed.vi>; rel="license"; title="CC-BY-4.0"',
    );
    const body = JSON.parse(res.body as string);
    expect(body.meta).toMatchObject({
      license: { id: 'CC-BY-4.0' },
      publisher: 'Sàn giao dịch điện tử tỉnh Đồng Tháp',
    });
    expect(body.data).toHaveLength((await statistics()).products.total);
    const rows = mine(body.data as { name: string; ocopStars: number | null }[]);
    expect(rows.map((row) => [row.name, row.ocopStars]).sort()).toEqual([
      [`Bánh phồng ${TOKEN}`, null],
      [`Bánh pía bốn sao ${TOKEN}`, 4],
      [`Bánh pía năm sao ${TOKEN}`, 5],
      [`Bánh tét hết hạn ${TOKEN}`, null],
    ]);
    expect(rows.find((row) => row.ocopStars === 4)).toEqual({
      name: `Bánh pía bốn sao ${TOKEN}`,
      slug: expect.any(String),
      category: `Bánh ${TOKEN}`,
      categorySlug: made.child,
      seller: `Công ty Mở ${TOKEN}`,
      sellerSlug: expect.any(String),
      commune: null,
      communeCode: null,
      unit: 'hộp',
      price: 85000,
      priceMin: null,
      priceMax: null,
      ocopStars: 4,
    });
  });

  it('gives verified sellers without personal data, and an individual without address or tax code', async () => {
    const body = JSON.parse((await download('chu-the-kinh-doanh.json')).body as string);
    const rows = mine(body.data as { name: string; address: string | null; enterpriseCode: string | null }[]);
    expect(rows.map((row) => row.name).sort()).toEqual([`Cá nhân Mở ${TOKEN}`, `Công ty Mở ${TOKEN}`]);
    const company = rows.find((row) => row.name.startsWith('Công ty')) as Record<string, unknown>;
    expect(Object.keys(company).sort()).toEqual(
      [
        'address',
        'commune',
        'communeCode',
        'enterpriseCode',
        'isOcopProducer',
        'legalForm',
        'legalFormName',
        'name',
        'registrationDate',
        'registrationIssuer',
        'slug',
        'verifiedAt',
      ].sort(),
    );
    expect(company).toMatchObject({ enterpriseCode: '1201234567', legalFormName: 'Doanh nghiệp' });
    expect(rows.find((row) => row.name.startsWith('Cá nhân'))).toMatchObject({
      legalForm: 'individual',
      address: null,
      enterpriseCode: null,
    });
  });

  it('gives verified licences with their validity, and published markets', async () => {
    const licences = JSON.parse((await download('giay-phep.json')).body as string);
    const mineLicences = (licences.data as { number: string; validity: string; ocopStars: number }[]).filter(
      (row) => row.number.includes(TOKEN),
    );
    expect(mineLicences.map((row) => [row.ocopStars, row.validity]).sort()).toEqual([
      [3, 'expired'],
      [3, 'valid'],
      [4, 'valid'],
      [5, 'valid'],
    ]);
    const markets = JSON.parse((await download('cho-va-diem-ban.json')).body as string);
    expect(
      mine(markets.data as { name: string; kindName: string }[])
        .map((row) => [row.name, row.kindName])
        .sort(),
    ).toEqual([
      [`Chợ Mở ${TOKEN}`, 'Chợ'],
      [`Siêu thị Mở A ${TOKEN}`, 'Siêu thị'],
      [`Siêu thị Mở B ${TOKEN}`, 'Siêu thị'],
    ]);
  });

  it('writes CSV with a header row, the same rows, and no private value in any file', async () => {
    const files = OPEN_FILES;
    for (const file of files) {
      const res = await download(file);
      expect(res.status).toBe(200);
      const text = res.body as string;
      for (const value of Object.values(PRIVATE)) expect(text).not.toContain(value);
      expect(text).not.toMatch(/citizenId|internalNote|"phone"|"email"|representative|owner/);
    }
    const csv = (await download('san-pham.csv')).body as string;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFname,slug,category,categorySlug,seller,sellerSlug,commune,communeCode,unit,price,priceMin,priceMax,ocopStars',
    );
    expect(lines.filter((line) => line.includes(TOKEN) && line.startsWith('Bánh pía năm sao'))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Bánh pía năm sao ${TOKEN},[^,]+,Bánh ${TOKEN},${made.child},Công ty Mở ${TOKEN},[^,]+,,,hộp,85000,,,5$`,
        ),
      ),
    ]);
    expect(lines.filter((line) => line.includes(TOKEN))).toHaveLength(4);
  });

  it('reads in batches: every row once whatever the batch size', async () => {
    const service = app.strapi.plugin('catalog').service('open-data') as {
      rows(dataset: string, now?: Date, batch?: number): AsyncGenerator<{ slug: string }>;
    };
    const slugs: string[] = [];
    for await (const row of service.rows('markets', new Date(), 2)) slugs.push(row.slug);
    expect(slugs).toHaveLength((await statistics()).markets.total);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('answers 404 with the list of files to an unknown file', async () => {
    const res = await http().get('/api/open-data/nguoi-dung.csv');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      'Không có tệp dữ liệu mở này. Các tệp có: chu-the-kinh-doanh.csv, chu-the-kinh-doanh.json, san-pham.csv, san-pham.json, giay-phep.csv, giay-phep.json, cho-va-diem-ban.csv, cho-va-diem-ban.json.',
    );
  });
});

const OPEN_FILES = [
  'chu-the-kinh-doanh.csv',
  'chu-the-kinh-doanh.json',
  'san-pham.csv',
  'san-pham.json',
  'giay-phep.csv',
  'giay-phep.json',
  'cho-va-diem-ban.csv',
  'cho-va-diem-ban.json',
];
