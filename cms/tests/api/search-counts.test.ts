import request from 'supertest';
import type { UID } from '@strapi/strapi';
import { SEARCH_COUNT_LIMIT } from '@sgd/config';
import { seedScale } from '../../src/seed/scale';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U } from '../factories';

let app: TestApp;
const api = () => request(app.strapi.server.httpServer);
/** A made-up word so that only this file's products match. */
const TOKEN = `zq${process.pid.toString(36)}c`;
/** Products whose names hold "bánh" and TOKEN together: more than a search counts. */
const MANY = SEARCH_COUNT_LIMIT + 1;
/** A word of every other name (the odd numbers). */
const ODD = `${TOKEN}o`;

beforeAll(async () => {
  app = await bootStrapi('search-counts');
  await seedScale(app.strapi, MANY, undefined, (n) => `Bánh ${TOKEN}${n % 2 ? ` ${ODD}` : ''} số ${n}`);
}, 120_000);
afterAll(async () => {
  await app.stop();
});

interface Answer {
  names: string[];
  slugs: string[];
  categories: string[];
  total: number;
  capped: boolean;
}
const search = async (query: Record<string, string | number>): Promise<Answer> => {
  const res = await api().get('/api/search').query(query);
  expect(res.status).toBe(200);
  const data = res.body.data as { name: string; slug: string; category: { slug: string } | null }[];
  return {
    names: data.map((item) => item.name),
    slugs: data.map((item) => item.slug),
    categories: data.map((item) => String(item.category?.slug)),
    total: res.body.meta.pagination.total,
    capped: res.body.meta.capped,
  };
};

// On PostgreSQL, two words held together by this many names are known to have as many results
// without counting them (`pub_name_pairs`); SQLite counts them. Both answer the same.
describe('how many results a search says it found, when very many products match', () => {
  it('says "more than" the limit for two words held together by more names, and pages through them', async () => {
    const first = await search({ q: `banh ${TOKEN}` });
    expect(first).toMatchObject({ total: SEARCH_COUNT_LIMIT, capped: true });
    expect(first.names).toHaveLength(24);
    expect(first.names.every((name) => name.startsWith(`Bánh ${TOKEN} `))).toBe(true);
    const second = await search({ q: `banh ${TOKEN}`, page: 2 });
    expect(second.names).toHaveLength(24);
    expect(second.slugs.filter((slug) => first.slugs.includes(slug))).toEqual([]);
  });

  it('counts exactly what a filter leaves of them, and the half of the names holding another word', async () => {
    const { categories } = await search({ q: `banh ${TOKEN}` });
    const category = categories[0];
    // The same products whether both words are typed or one (every name holding TOKEN holds "bánh").
    const both = await search({ q: `banh ${TOKEN}`, category });
    const one = await search({ q: TOKEN, category });
    expect(both.total).toBeGreaterThan(0);
    expect(both.total).toBeLessThan(SEARCH_COUNT_LIMIT);
    expect(both).toMatchObject({ total: one.total, capped: false });
    expect(both.categories.every((slug) => slug === category)).toBe(true);

    const odd = await search({ q: `${TOKEN} ${ODD}`, pageSize: 100 });
    expect(odd.capped).toBe(false);
    expect([Math.floor(MANY / 2), Math.ceil(MANY / 2)]).toContain(odd.total);
  });

  it('counts them exactly again once withdrawn products leave the limit or fewer', async () => {
    const { slugs } = await search({ q: `banh ${TOKEN}`, sort: 'newest' });
    const withdraw = async (slug: string) => {
      const product = (await app.strapi.db
        .query(U.product as UID.Schema)
        .findOne({ where: { slug, publishedAt: { $notNull: true } }, select: ['documentId'] })) as {
        documentId: string;
      };
      await app.strapi.documents(U.product as UID.ContentType).unpublish({ documentId: product.documentId });
    };
    // Exactly as many as the limit: "1.000 sản phẩm", not "more than 1.000".
    await withdraw(slugs[0]);
    expect(await search({ q: `banh ${TOKEN}` })).toMatchObject({ total: SEARCH_COUNT_LIMIT, capped: false });
    await withdraw(slugs[1]);
    const after = await search({ q: `banh ${TOKEN}` });
    expect(after).toMatchObject({ total: MANY - 2, capped: false });
    expect(after.slugs.filter((slug) => slugs.slice(0, 2).includes(slug))).toEqual([]);
  });
});
