import request from 'supertest';
import type { UID } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
import { coreService, findOnePublic, findPublic, type PublicEndpoint } from '@sgd/plugin-core';
import { catalogService, productEndpoint, READ_MODEL_TABLES as T } from '@sgd/plugin-catalog';
import { sellerEndpoint } from '@sgd/plugin-sellers';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeLicence, makeProduct, makeSeller, unique } from '../factories';

let app: TestApp;
const api = () => request(app.strapi.server.httpServer);
const model = () => catalogService(app.strapi, 'read-model');
const knex = () => app.strapi.db.connection;

beforeAll(async () => {
  app = await bootStrapi('read-model');
});
afterAll(async () => {
  await app.stop();
});

type Row = Record<string, unknown>;

/** Every row of the read model's tables, in a stable order (the full-text tables aside). */
async function snapshot(): Promise<Record<string, Row[]>> {
  const tables: Record<string, string> = {
    products: T.products,
    productLicences: T.productLicences,
    sellers: T.sellers,
    sellerLicences: T.sellerLicences,
    categories: T.categories,
    departments: T.departments,
    terms: T.terms,
    ...(postgres() ? { productWords: T.productWords } : {}),
  };
  const out: Record<string, Row[]> = {};
  for (const [name, table] of Object.entries(tables)) {
    const rows = (await knex()(table).select('*')) as Row[];
    out[name] = rows
      .map((row) =>
        Object.fromEntries(
          Object.entries(row)
            .filter(([column]) => !column.endsWith('_tsv'))
            .map(([column, value]) => [
              column,
              typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
            ]),
        ),
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  return out;
}

const postgres = () => app.strapi.db.dialect.client === 'postgres';

/**
 * PostgreSQL: the words of listed names, in `pub_product_words`, are exactly those of the names
 * (`name_tsv`) of the listed products, every word of their searched text is in `pub_text_words`, and
 * `pub_name_pairs` counts the listed names holding each pair of their words. What is wrong, as rows
 * (none when they agree).
 */
async function wordTablesDisagree(): Promise<Row[]> {
  if (!postgres()) return [];
  const names = `SELECT DISTINCT w.word, p.name_key, p.slug FROM ${T.products} p, unnest(tsvector_to_array(p.name_tsv)) w(word) WHERE p.listed = 1`;
  const kept = `SELECT word, name_key, slug FROM ${T.productWords}`;
  const { rows } = (await knex().raw(
    `(SELECT 'missing' AS wrong, * FROM (${names} EXCEPT ${kept}) a)
     UNION ALL (SELECT 'extra', * FROM (${kept} EXCEPT ${names}) b)
     UNION ALL (SELECT 'text word missing', t.word, NULL, NULL FROM (
       SELECT DISTINCT w.word FROM ${T.products} p, unnest(tsvector_to_array(p.text_tsv)) w(word) WHERE p.listed = 1
       EXCEPT SELECT word FROM ${T.textWords}) t)
     UNION ALL (SELECT 'pair count wrong', concat_ws(' ', a, b, items), NULL, NULL FROM (
       (SELECT x.a, x.b, count(*) AS items FROM ${T.products} p, pub_name_pairs_of(p.name_words) x
        WHERE p.listed = 1 GROUP BY x.a, x.b
        EXCEPT SELECT a, b, items FROM ${T.namePairs} WHERE items > 0)
       UNION ALL
       (SELECT a, b, items FROM ${T.namePairs} WHERE items > 0
        EXCEPT SELECT x.a, x.b, count(*) FROM ${T.products} p, pub_name_pairs_of(p.name_words) x
        WHERE p.listed = 1 GROUP BY x.a, x.b)) c)`,
  )) as { rows: Row[] };
  return rows;
}

/**
 * Every page of a list in id order, as the read model answers it and as the generic path (Document
 * Service, populate, sanitizing) answers the same request.
 */
async function bothWays(path: string, endpoint: PublicEndpoint) {
  const read: unknown[] = [];
  const generic: unknown[] = [];
  for (let page = 1; ; page += 1) {
    const query = { sort: 'id:asc', pagination: { pageSize: '100', page: String(page) } };
    const res = await api()
      .get(path)
      .query({ sort: 'id:asc', 'pagination[pageSize]': 100, 'pagination[page]': page });
    expect(res.status).toBe(200);
    read.push(...res.body.data);
    generic.push(...((await findPublic(app.strapi, endpoint, query)).data as unknown[]));
    if (page >= res.body.meta.pagination.pageCount) return { read, generic };
  }
}

describe('the read model against the Document Service', () => {
  it('shows every public product exactly as the Document Service path does', async () => {
    const { read, generic } = await bothWays('/api/products', productEndpoint);
    expect(read.length).toBeGreaterThan(250);
    expect(read).toEqual(JSON.parse(JSON.stringify(generic)));
    const one = read[0] as { slug: string; documentId: string };
    const bySlug = await api().get(`/api/products/${one.slug}`);
    expect(bySlug.body.data).toEqual(
      JSON.parse(JSON.stringify((await findOnePublic(app.strapi, productEndpoint, one.documentId, {})).data)),
    );
  });

  it('shows every public seller exactly as the Document Service path does', async () => {
    const { read, generic } = await bothWays('/api/sellers', sellerEndpoint);
    expect(read.length).toBeGreaterThan(40);
    expect(read).toEqual(JSON.parse(JSON.stringify(generic)));
  });

  it('builds the same tables from scratch as the writes kept up, and again the same (idempotent)', async () => {
    const seller = await makeSeller(app.strapi);
    await makeProduct(app.strapi, seller.documentId, { name: unique('Bánh tráng') });
    const kept = await snapshot();
    expect(await wordTablesDisagree()).toEqual([]);
    await model().rebuild();
    const rebuilt = await snapshot();
    expect(rebuilt).toEqual(kept);
    expect(await wordTablesDisagree()).toEqual([]);
    await model().rebuild();
    expect(await snapshot()).toEqual(rebuilt);
  });
});

describe('nothing private in the read model', () => {
  const MODELS = [
    U.product,
    U.seller,
    U.licence,
    U.area,
    U.category,
    U.department,
    U.unit,
    'plugin::upload.file',
  ];

  /** Names of the private attributes of the models whose values the read model shows. */
  function privateNames(): Set<string> {
    const names = new Set<string>();
    for (const uid of MODELS) {
      const schema = app.strapi.getModel(uid as UID.Schema);
      for (const [name, attribute] of Object.entries(schema.attributes)) {
        // A file's department says whose media library holds it (private); the read model shows a
        // picture's own fields only, and `department` in a seller's card is the seller's (public).
        if (uid === 'plugin::upload.file' && attribute.type === 'relation') continue;
        if (contentTypes.isPrivateAttribute(schema, name)) names.add(name);
      }
    }
    return names;
  }

  /** Keys at any depth that name a private attribute; a seller's phone and email only inside `contact`. */
  function privateKeys(value: unknown, names: Set<string>, path = '$'): string[] {
    if (Array.isArray(value)) return value.flatMap((v, i) => privateKeys(v, names, `${path}[${i}]`));
    if (value === null || typeof value !== 'object') return [];
    return Object.entries(value as Row).flatMap(([key, inner]) => {
      const here = names.has(key) && !path.endsWith('.contact') ? [`${path}.${key}`] : [];
      return [...here, ...privateKeys(inner, names, `${path}.${key}`)];
    });
  }

  it('holds no private attribute, nor any private value, in any stored answer', async () => {
    const hidden = await makeSeller(app.strapi, {
      citizenId: '079199001234',
      phone: '0987000111',
      email: 'an.danh@riengtu.vn',
      internalNote: 'GHI-CHU-BI-MAT-NGUOI-BAN',
    });
    const licence = await makeLicence(app.strapi, hidden.documentId, {
      internalNote: 'GHI-CHU-BI-MAT-GIAY-PHEP',
    });
    await makeProduct(app.strapi, hidden.documentId, {
      licences: [licence.documentId],
      internalNote: 'GHI-CHU-BI-MAT-SAN-PHAM',
      flaggedReasons: 'CANH-BAO-BI-MAT',
    });
    const names = privateNames();
    expect(names).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect([...names]).toEqual(
      expect.arrayContaining(['citizenId', 'phone', 'email', 'internalNote', 'owner']),
    );
    const columns: [string, string[]][] = [
      [T.products, ['card', 'body']],
      [T.sellers, ['card', 'label', 'summary', 'body']],
      [T.categories, ['body']],
      [T.departments, ['body']],
    ];
    const found: string[] = [];
    for (const [table, jsonColumns] of columns) {
      for (const row of (await knex()(table).select(jsonColumns)) as Row[]) {
        for (const column of jsonColumns) {
          const text = String(row[column]);
          found.push(...privateKeys(JSON.parse(text), names).map((p) => `${table}.${column}${p.slice(1)}`));
          for (const secret of [
            '079199001234',
            '0987000111',
            'an.danh@riengtu.vn',
            'GHI-CHU-BI-MAT',
            'CANH-BAO-BI-MAT',
          ]) {
            if (text.includes(secret)) found.push(`${table}.${column}: ${secret}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
  });
});

describe('one statement per page', () => {
  /** The SQL statements the CMS sends while `run` runs. */
  async function statements(run: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const listener = (query: { sql: string }) => sent.push(query.sql);
    knex().on('query', listener);
    try {
      await run();
    } finally {
      knex().removeListener('query', listener);
    }
    // The version poll (once a second, whatever the requests) is not part of the answer, nor are
    // a transaction's own statements. On PostgreSQL a count and a page of names are each sent with
    // how they may be read (`SET LOCAL …;` before them, in the same message).
    return sent.filter(
      (sql) =>
        !/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(sql) &&
        !/^SET LOCAL [^;]*$/i.test(sql) &&
        !/pub_state/.test(sql),
    );
  }

  beforeEach(async () => {
    // Answers are kept until the read model changes: start each measure from an empty cache.
    model().answers.clear();
  });

  // On PostgreSQL, a search whose words find no more items than it counts is counted and paged in
  // one statement (on SQLite: a count, then a page of each group the page takes items from).
  it.each([
    ['/api/products?pagination[pageSize]=24', 2, 2],
    ['/api/products?sort=name:desc&pagination[page]=2', 2, 2],
    ['/api/sellers', 2, 2],
    ['/api/search?q=banh', 2, 1],
    // Names holding the words fill less than the page: a second statement for descriptions.
    ['/api/search?q=banh%20pia', 3, 1],
    ['/api/search?q=xoai&category=trai-cay&sort=price_asc', 2, 1],
  ])(
    '%s: a count and a page (%i statements, %i on PostgreSQL), none the second time',
    async (path, ...counts) => {
      const count = postgres() ? counts[1] : counts[0];
      // What a search reads of the words themselves (PostgreSQL: which words a typed word begins, the
      // statistics) is kept until the read model changes, whatever the answers: read once before.
      await api().get(path).expect(200);
      model().answers.clear();
      const first = await statements(() => api().get(path).expect(200));
      expect(first.length).toBe(count);
      // A page of names runs a statement prepared (under our name) on the connection it was sent on.
      expect(first.every((sql) => /pub_|EXECUTE sgd_walk_/.test(sql))).toBe(true);
      expect(await statements(() => api().get(path).expect(200))).toEqual([]);
    },
  );

  it('reads one product or seller with one statement', async () => {
    const [slug] = (await api().get('/api/products').query({ 'pagination[pageSize]': 1 })).body.data.map(
      (p: { slug: string }) => p.slug,
    );
    model().answers.clear();
    const one = await statements(() => api().get(`/api/products/${slug}`).expect(200));
    expect(one.length).toBe(1);
  });
});

describe('kept in the same transaction as every write the public sees', () => {
  // The names' word lists that searches walk (PostgreSQL) follow every write too.
  afterEach(async () => {
    expect(await wordTablesDisagree()).toEqual([]);
  });

  const product = (slug: string) => api().get(`/api/products/${slug}`);
  const searchNames = async (q: string, extra: Record<string, string> = {}) =>
    (
      (
        await api()
          .get('/api/search')
          .query({ q, ...extra })
      ).body.data as { name: string }[]
    ).map((p) => p.name);

  it('sees its own write inside the transaction, and loses it with a rollback', async () => {
    const seller = await makeSeller(app.strapi);
    const made = await makeProduct(app.strapi, seller.documentId, { name: unique('Khô cá sặc') });
    const before = (await product(String(made.slug))).body;
    const renamed = unique('Khô cá sặc một nắng');
    await expect(
      app.strapi.db.transaction(async ({ trx }) => {
        await app.strapi.db
          .query(U.product as UID.Schema)
          .updateMany({ where: { documentId: made.documentId }, data: { name: renamed } });
        const row = (await trx(T.products).where('document_id', made.documentId).first('body')) as {
          body: string;
        };
        expect(JSON.parse(row.body).name).toBe(renamed);
        throw new Error('hủy');
      }),
    ).rejects.toThrow('hủy');
    expect((await product(String(made.slug))).body).toEqual(before);
  });

  it("follows a seller's verification and locking, with its products", async () => {
    const seller = await makeSeller(app.strapi, { verificationStatus: 'pending' });
    const name = unique('Mắm thái Châu Đốc');
    const made = await makeProduct(app.strapi, seller.documentId, { name });
    expect((await product(String(made.slug))).status).toBe(404);
    const setStatus = (verificationStatus: string) =>
      app.strapi.db
        .query(U.seller as UID.Schema)
        .updateMany({ where: { documentId: seller.documentId }, data: { verificationStatus } });
    await setStatus('verified');
    expect((await product(String(made.slug))).body.data.seller.slug).toBe(seller.slug);
    expect(await searchNames(name)).toEqual([name]);
    await setStatus('locked');
    expect((await product(String(made.slug))).status).toBe(404);
    expect((await api().get(`/api/sellers/${seller.slug}`)).status).toBe(404);
    expect(await searchNames(name)).toEqual([]);
  });

  it('follows unpublishing, a rating, and a renamed category, commune and department', async () => {
    const commune = await app.strapi.documents(U.unit as UID.ContentType).create({
      data: {
        name: unique('Xã Thử'),
        code: `R${process.pid % 100000}`,
        level: 'commune',
        effectiveFrom: '2025-07-01',
      } as never,
    });
    const category = await app.strapi.documents(U.category as UID.ContentType).create({
      data: { name: unique('Đặc sản'), slug: unique('dac-san').replace(/\s+/g, '-') } as never,
    });
    const department = await app.strapi.documents(U.department as UID.ContentType).create({
      data: { name: unique('Sở Thử'), code: unique('ST').replace(/\s+/g, '') } as never,
    });
    const seller = await makeSeller(app.strapi, { commune: commune.documentId });
    const made = await makeProduct(app.strapi, seller.documentId, {
      category: category.documentId,
      department: department.documentId,
    });
    const read = async () => (await product(String(made.slug))).body.data;

    await app.strapi.documents(U.unit as UID.ContentType).update({
      documentId: commune.documentId,
      data: { name: 'Xã Đổi Tên' } as never,
    });
    await app.strapi.documents(U.category as UID.ContentType).update({
      documentId: category.documentId,
      data: { name: 'Danh mục đổi tên' } as never,
    });
    await app.strapi.documents(U.department as UID.ContentType).update({
      documentId: department.documentId,
      data: { name: 'Sở đổi tên' } as never,
    });
    // The reviews plugin stores a rating and tells the core's registry (reviews.test.ts goes through
    // an approval end to end).
    await app.strapi.db.query('plugin::reviews.rating').create({
      data: { targetUid: U.product, targetDocumentId: made.documentId, count: 2, total: 9 },
    });
    await coreService(app.strapi, 'ratings').changed(U.product, [made.documentId]);
    const data = await read();
    expect(data.seller.commune.name).toBe('Xã Đổi Tên');
    // The catalogue's card of the product shows the seller's commune as renamed too.
    const cards = await api()
      .get('/api/search')
      .query({ q: String(made.name), view: 'card' });
    expect(
      cards.body.data.find((card: Row) => card.documentId === made.documentId)?.seller.commune.name,
    ).toBe('Xã Đổi Tên');
    expect(data.category.name).toBe('Danh mục đổi tên');
    expect(data.department.name).toBe('Sở đổi tên');
    expect(data.rating).toEqual({ average: 4.5, count: 2 });

    await app.strapi
      .documents(U.product as UID.ContentType)
      .unpublish({ documentId: made.documentId } as never);
    expect((await product(String(made.slug))).status).toBe(404);
  });

  it('follows the licence expiry job: the licence shows expired and leaves the licence filters', async () => {
    const seller = await makeSeller(app.strapi);
    const name = unique('Trà mãng cầu');
    const licence = await makeLicence(app.strapi, seller.documentId, {
      type: 'ocop',
      ocopStars: 4,
      issuedOn: '2023-01-01',
      expiresOn: '2099-01-01',
    });
    const made = await makeProduct(app.strapi, seller.documentId, { name, licences: [licence.documentId] });
    expect(await searchNames(name, { licenceType: 'ocop' })).toEqual([name]);
    // The licence ran out yesterday: the daily job marks it expired.
    const yesterday = new Date(Date.now() + 7 * 3600e3 - 86400e3).toISOString().slice(0, 10);
    await app.strapi.db
      .query(U.licence as UID.Schema)
      .updateMany({ where: { documentId: licence.documentId }, data: { expiresOn: yesterday } });
    const sellers = app.strapi.plugin('sellers').service('expiry') as {
      run(now: Date): Promise<{ expired: number }>;
    };
    expect((await sellers.run(new Date())).expired).toBeGreaterThanOrEqual(1);
    const data = (await product(String(made.slug))).body.data;
    expect(data.licences.map((l: { validity: string }) => l.validity)).toEqual(['expired']);
    expect(await searchNames(name, { licenceType: 'ocop' })).toEqual([]);
    expect(await searchNames(name)).toEqual([name]);
  });

  it("follows a change of a product's picture in the media library", async () => {
    const withImage = (
      (await api().get('/api/products').query({ 'pagination[pageSize]': 100 })).body.data as {
        slug: string;
        images: { id: number }[];
      }[]
    ).find((p) => p.images.length > 0)!;
    const upload = app.strapi.plugin('upload').service('upload') as {
      updateFileInfo(id: number, info: { alternativeText: string }): Promise<unknown>;
    };
    await upload.updateFileInfo(withImage.images[0].id, { alternativeText: 'Ảnh đã đổi mô tả' });
    expect((await product(withImage.slug)).body.data.images[0].alternativeText).toBe('Ảnh đã đổi mô tả');
  });
});
