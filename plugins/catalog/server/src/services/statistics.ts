import type { Core } from '@strapi/strapi';
import { MARKET_KINDS, OCOP_STARS } from '@sgd/config';
import { SELLERS_UID, todayInVietnam } from '@sgd/plugin-sellers';
import { UID } from '../constants';
import { sqlHelpers } from './sql';

export interface PublicStatistics {
  date: string;
  sellers: { verified: number };
  products: {
    total: number;
    byCategory: {
      category: { name: string; slug: string } | null;
      parent: { name: string; slug: string } | null;
      count: number;
    }[];
  };
  ocopProducts: { total: number; byStars: { stars: number; count: number }[] };
  markets: { total: number; byKind: { kind: string; name: string; count: number }[] };
}

const num = (value: unknown) => Number(value ?? 0);

/**
 * The public statistics (QC Điều 20): counts of what the public API shows, each one SQL aggregate
 * (GROUP BY) on SQLite and PostgreSQL alike.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sql = sqlHelpers(strapi);
  const { knex, table, column, joinOne, verifiedSeller, publicProducts, ocopStarsOf } = sql;
  const S = SELLERS_UID.seller;
  const C = UID.category;
  const M = UID.market;

  async function verifiedSellers(): Promise<number> {
    const row = (await verifiedSeller(knex()(`${table(S)} as s`), 's')
      .count({ n: '*' })
      .first()) as { n: unknown } | undefined;
    return num(row?.n);
  }

  async function productsByCategory() {
    const qb = publicProducts();
    joinOne(qb, UID.product, 'p', 'category', C, 'c');
    joinOne(qb, C, 'c', 'parent', C, 'cp');
    const rows = (await qb
      .select({
        name: `c.${column(C, 'name')}`,
        slug: `c.${column(C, 'slug')}`,
        parentName: `cp.${column(C, 'name')}`,
        parentSlug: `cp.${column(C, 'slug')}`,
      })
      .count({ n: '*' })
      .groupBy(
        'c.id',
        `c.${column(C, 'name')}`,
        `c.${column(C, 'slug')}`,
        `cp.${column(C, 'name')}`,
        `cp.${column(C, 'slug')}`,
      )) as {
      name: string | null;
      slug: string | null;
      parentName: string | null;
      parentSlug: string | null;
      n: unknown;
    }[];
    return rows
      .map((row) => ({
        category: row.slug ? { name: row.name ?? '', slug: row.slug } : null,
        parent: row.parentSlug ? { name: row.parentName ?? '', slug: row.parentSlug } : null,
        count: num(row.n),
      }))
      .sort(
        (a, b) =>
          b.count - a.count ||
          (a.category?.name ?? '\uffff').localeCompare(b.category?.name ?? '\uffff', 'vi'),
      );
  }

  async function ocopProductsByStars(today: string) {
    const perProduct = publicProducts().select(ocopStarsOf('p', today).as('stars')).as('op');
    const rows = (await knex()
      .from(perProduct)
      .whereNotNull('op.stars')
      .select('op.stars')
      .count({ n: '*' })
      .groupBy('op.stars')) as { stars: unknown; n: unknown }[];
    const counts = new Map(rows.map((row) => [num(row.stars), num(row.n)]));
    return OCOP_STARS.map((stars) => ({ stars, count: counts.get(stars) ?? 0 }));
  }

  async function marketsByKind() {
    const rows = (await knex()(`${table(M)} as m`)
      .whereNotNull(`m.${column(M, 'publishedAt')}`)
      .select({ kind: `m.${column(M, 'kind')}` })
      .count({ n: '*' })
      .groupBy(`m.${column(M, 'kind')}`)) as { kind: string; n: unknown }[];
    const counts = new Map(rows.map((row) => [row.kind, num(row.n)]));
    return MARKET_KINDS.map((kind) => ({
      kind: kind.code,
      name: kind.name,
      count: counts.get(kind.code) ?? 0,
    }));
  }

  return {
    async compute(now: Date = new Date()): Promise<PublicStatistics> {
      const today = todayInVietnam(now);
      const [verified, byCategory, byStars, byKind] = await Promise.all([
        verifiedSellers(),
        productsByCategory(),
        ocopProductsByStars(today),
        marketsByKind(),
      ]);
      const sum = (items: { count: number }[]) => items.reduce((total, item) => total + item.count, 0);
      return {
        date: today,
        sellers: { verified },
        products: { total: sum(byCategory), byCategory },
        ocopProducts: { total: sum(byStars), byStars },
        markets: { total: sum(byKind), byKind },
      };
    },
  };
};
