import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  FOLD_FUNCTION,
  findInOrder,
  paginationMeta,
  presentPublic,
  publicCounts,
  searchTerms,
  type PublicEndpoint,
} from '@sgd/plugin-core';
import { SELLERS_UID, todayInVietnam } from '@sgd/plugin-sellers';
import { CORE_UID } from '@sgd/plugin-core';
import { UID } from '../constants';
import { productEndpoint } from '../controllers/endpoints';
import { sellerSearchEndpoint } from './seller-endpoint';
import type { SearchQuery } from '../validation/search';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/**
 * One search over products or sellers, identical on SQLite and PostgreSQL:
 * both define `sgd_fold()` (a JavaScript function on SQLite, `unaccent` on
 * PostgreSQL, where a trigram GIN index covers the same expression).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const model = (uid: string) => strapi.db.metadata.get(uid as StrapiUID.Schema);
  const table = (uid: string) => model(uid).tableName;
  const column = (uid: string, attribute: string): string => {
    const attr = model(uid).attributes[attribute] as { columnName?: string } | undefined;
    return attr?.columnName ?? attribute;
  };
  const link = (uid: string, attribute: string): JoinTable =>
    (model(uid).attributes[attribute] as unknown as { joinTable: JoinTable }).joinTable;
  const collate = () => (strapi.db.dialect.client === 'postgres' ? 'COLLATE "C"' : 'COLLATE BINARY');

  /** `EXISTS` a related row through a join table, narrowed by `narrow`. */
  function related(
    qb: Knex.QueryBuilder,
    ownerAlias: string,
    via: JoinTable,
    targetUid: string,
    alias: string,
    narrow: (sub: Knex.QueryBuilder) => void,
    ownerSide: 'join' | 'inverse' = 'join',
  ) {
    const ownerColumn = ownerSide === 'join' ? via.joinColumn.name : via.inverseJoinColumn.name;
    const targetColumn = ownerSide === 'join' ? via.inverseJoinColumn.name : via.joinColumn.name;
    qb.whereExists(function existsRelated(this: Knex.QueryBuilder) {
      this.select(knex().raw('1'))
        .from(`${via.name} as ${alias}_l`)
        .join(`${table(targetUid)} as ${alias}`, `${alias}.id`, `${alias}_l.${targetColumn}`)
        .whereRaw('?? = ??', [`${alias}_l.${ownerColumn}`, `${ownerAlias}.id`]);
      narrow(this);
    });
  }

  function validLicence(sub: Knex.QueryBuilder, alias: string, query: SearchQuery) {
    const L = SELLERS_UID.licence;
    sub
      .whereNotNull(`${alias}.${column(L, 'publishedAt')}`)
      .where(`${alias}.${column(L, 'verificationStatus')}`, 'verified')
      .whereNull(`${alias}.${column(L, 'expiredAt')}`)
      .where((w) =>
        w
          .whereNull(`${alias}.${column(L, 'expiresOn')}`)
          .orWhere(`${alias}.${column(L, 'expiresOn')}`, '>=', todayInVietnam()),
      );
    if (query.licenceType) sub.where(`${alias}.${column(L, 'type')}`, query.licenceType);
    if (query.ocopStars) {
      sub
        .where(`${alias}.${column(L, 'type')}`, 'ocop')
        .where(`${alias}.${column(L, 'ocopStars')}`, query.ocopStars);
    }
  }

  function inCommune(qb: Knex.QueryBuilder, sellerAlias: string, code: string) {
    related(qb, sellerAlias, link(SELLERS_UID.seller, 'commune'), CORE_UID.administrativeUnit, 'cm', (sub) =>
      sub.where('cm.code', code),
    );
  }

  /**
   * On PostgreSQL, products carry their folded text in generated columns (migration
   * 002_product_search_columns.sql); elsewhere the text is folded as it is read.
   */
  const storedFold = (uid: string) => uid === UID.product && strapi.db.dialect.client === 'postgres';
  const foldedName = (uid: string, alias: string) =>
    storedFold(uid) ? `${alias}.sgd_name` : `${FOLD_FUNCTION}(${alias}.${column(uid, 'name')})`;
  const foldedText = (uid: string, alias: string, attributes: string[]) =>
    storedFold(uid)
      ? `${alias}.sgd_search`
      : `${FOLD_FUNCTION}(${attributes.map((a) => `COALESCE(${alias}.${column(uid, a)}, '')`).join(` || ' ' || `)})`;

  function textMatch(qb: Knex.QueryBuilder, folded: string, terms: string[]) {
    for (const term of terms) qb.whereRaw(`${folded} LIKE ?`, [`%${term}%`]);
  }

  function verifiedSeller(sub: Knex.QueryBuilder, alias: string) {
    const S = SELLERS_UID.seller;
    sub
      .whereNotNull(`${alias}.${column(S, 'publishedAt')}`)
      .where(`${alias}.${column(S, 'verificationStatus')}`, 'verified');
  }

  const priceLow = () =>
    `COALESCE(p.${column(UID.product, 'price')}, p.${column(UID.product, 'priceMin')}, p.${column(UID.product, 'priceMax')})`;
  const priceHigh = () =>
    `COALESCE(p.${column(UID.product, 'price')}, p.${column(UID.product, 'priceMax')}, p.${column(UID.product, 'priceMin')})`;

  /** ORDER BY of a search; every order ends on the slug, so that pages never overlap. */
  function ordering(
    uid: string,
    alias: string,
    query: SearchQuery,
    terms: string[],
  ): { sql: string; bindings: string[] } {
    const folded = `${foldedName(uid, alias)} ${collate()}`;
    const last = `${alias}.${column(uid, 'slug')} ${collate()}`;
    switch (query.sort) {
      case 'name':
        return { sql: `${folded}, ${last}`, bindings: [] };
      case 'newest':
        return { sql: `${alias}.${column(uid, 'publishedAt')} DESC, ${alias}.id DESC`, bindings: [] };
      case 'price_asc':
        return {
          sql: `CASE WHEN ${priceLow()} IS NULL THEN 1 ELSE 0 END, ${priceLow()} ASC, ${last}`,
          bindings: [],
        };
      case 'price_desc':
        return {
          sql: `CASE WHEN ${priceHigh()} IS NULL THEN 1 ELSE 0 END, ${priceHigh()} DESC, ${last}`,
          bindings: [],
        };
      default: {
        // Items whose name holds every term come first, then by folded name.
        const inName = terms.map(() => `${foldedName(uid, alias)} LIKE ?`).join(' AND ') || '1 = 1';
        return {
          sql: `CASE WHEN ${inName} THEN 0 ELSE 1 END, ${folded}, ${last}`,
          bindings: terms.map((term) => `%${term}%`),
        };
      }
    }
  }

  function productQuery(query: SearchQuery, terms: string[]): Knex.QueryBuilder {
    const P = UID.product;
    const qb = knex()(`${table(P)} as p`)
      .whereNotNull(`p.${column(P, 'publishedAt')}`)
      .where(`p.${column(P, 'reviewStatus')}`, 'approved');
    related(qb, 'p', link(P, 'seller'), SELLERS_UID.seller, 's', (sub) => {
      verifiedSeller(sub, 's');
      if (query.commune) inCommune(sub, 's', query.commune);
    });
    if (query.category) {
      const C = UID.category;
      related(qb, 'p', link(P, 'category'), C, 'c', (sub) =>
        sub.where((w) => {
          w.where(`c.${column(C, 'slug')}`, query.category);
          w.orWhereExists(function parentMatches(this: Knex.QueryBuilder) {
            const parent = link(C, 'parent');
            this.select(knex().raw('1'))
              .from(`${parent.name} as cp_l`)
              .join(`${table(C)} as cp`, 'cp.id', `cp_l.${parent.inverseJoinColumn.name}`)
              .whereRaw('?? = ??', [`cp_l.${parent.joinColumn.name}`, 'c.id'])
              .where(`cp.${column(C, 'slug')}`, query.category);
          });
        }),
      );
    }
    if (query.licenceType || query.ocopStars) {
      related(qb, 'p', link(P, 'licences'), SELLERS_UID.licence, 'l', (sub) => validLicence(sub, 'l', query));
    }
    // A product has a price, or a range from priceMin to priceMax: it matches when they overlap.
    if (query.priceMin !== undefined) qb.whereRaw(`${priceHigh()} >= ?`, [query.priceMin]);
    if (query.priceMax !== undefined) qb.whereRaw(`${priceLow()} <= ?`, [query.priceMax]);
    textMatch(qb, foldedText(P, 'p', ['name', 'description']), terms);
    return qb;
  }

  function sellerQuery(query: SearchQuery, terms: string[]): Knex.QueryBuilder {
    const S = SELLERS_UID.seller;
    const qb = knex()(`${table(S)} as s`);
    verifiedSeller(qb, 's');
    if (query.commune) inCommune(qb, 's', query.commune);
    if (query.licenceType || query.ocopStars) {
      // Licences own the link to their seller: walk it from the other side.
      related(
        qb,
        's',
        link(SELLERS_UID.licence, 'seller'),
        SELLERS_UID.licence,
        'l',
        (sub) => validLicence(sub, 'l', query),
        'inverse',
      );
    }
    textMatch(qb, foldedText(S, 's', ['name', 'address', 'description']), terms);
    return qb;
  }

  async function run(
    endpoint: PublicEndpoint,
    alias: string,
    base: Knex.QueryBuilder,
    query: SearchQuery,
    terms: string[],
  ) {
    const order = ordering(endpoint.uid, alias, query, terms);
    // One total per set of conditions, whatever the page and the order.
    const matching = { ...query, page: undefined, pageSize: undefined, sort: undefined };
    const [total, rows] = await Promise.all([
      publicCounts.get(JSON.stringify(['search', endpoint.uid, matching]), async () => {
        const counted = (await base.clone().count({ total: '*' }).first()) as
          { total: number | string } | undefined;
        return Number(counted?.total ?? 0);
      }),
      base
        .clone()
        .select(`${alias}.id`)
        .orderByRaw(order.sql, order.bindings)
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize) as Promise<Array<{ id: number }>>,
    ]);
    const items = await findInOrder(
      strapi,
      endpoint,
      rows.map((row) => Number(row.id)),
    );
    return {
      data: await presentPublic(strapi, endpoint, items),
      meta: { ...paginationMeta({ page: query.page, pageSize: query.pageSize }, total), query },
    };
  }

  return {
    async search(query: SearchQuery) {
      const terms = searchTerms(query.q);
      if (query.type === 'sellers') {
        return run(sellerSearchEndpoint, 's', sellerQuery(query, terms), query, terms);
      }
      return run(productEndpoint, 'p', productQuery(query, terms), query, terms);
    },
  };
};
