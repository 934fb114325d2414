import type { Core, UID as StrapiUID } from '@strapi/strapi';
import type { Knex } from 'knex';
import { SELLERS_UID, todayInVietnam } from '@sgd/plugin-sellers';
import { UID } from '../constants';

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}

/**
 * Table and column names from Strapi's metadata, and the visibility rules of the public API as SQL
 * (identical on SQLite and PostgreSQL), for the aggregates and exports that cannot go through the
 * Document Service without loading every row.
 */
export function sqlHelpers(strapi: Core.Strapi) {
  const knex = (): Knex => strapi.db.connection as unknown as Knex;
  const model = (uid: string) => strapi.db.metadata.get(uid as StrapiUID.Schema);
  const table = (uid: string) => model(uid).tableName;
  const column = (uid: string, attribute: string): string => {
    const attr = model(uid).attributes[attribute] as { columnName?: string } | undefined;
    return attr?.columnName ?? attribute;
  };
  const link = (uid: string, attribute: string): JoinTable =>
    (model(uid).attributes[attribute] as unknown as { joinTable: JoinTable }).joinTable;
  const S = SELLERS_UID.seller;
  const L = SELLERS_UID.licence;
  const P = UID.product;

  /** Joins (inner or left) the one target of a to-one relation of `owner` as `alias`. */
  function joinOne(
    qb: Knex.QueryBuilder,
    ownerUid: string,
    ownerAlias: string,
    attribute: string,
    targetUid: string,
    alias: string,
    kind: 'join' | 'leftJoin' = 'leftJoin',
  ): Knex.QueryBuilder {
    const via = link(ownerUid, attribute);
    qb[kind](`${via.name} as ${alias}_l`, `${alias}_l.${via.joinColumn.name}`, `${ownerAlias}.id`);
    qb[kind](`${table(targetUid)} as ${alias}`, `${alias}.id`, `${alias}_l.${via.inverseJoinColumn.name}`);
    return qb;
  }

  /** A verified seller's published version. */
  function verifiedSeller(qb: Knex.QueryBuilder, alias: string): Knex.QueryBuilder {
    return qb
      .whereNotNull(`${alias}.${column(S, 'publishedAt')}`)
      .where(`${alias}.${column(S, 'verificationStatus')}`, 'verified');
  }

  /** Public products (`p`): approved, published, of a verified seller (joined as `s`). */
  function publicProducts(): Knex.QueryBuilder {
    const qb = knex()(`${table(P)} as p`)
      .whereNotNull(`p.${column(P, 'publishedAt')}`)
      .where(`p.${column(P, 'reviewStatus')}`, 'approved');
    joinOne(qb, P, 'p', 'seller', S, 's', 'join');
    return verifiedSeller(qb, 's');
  }

  /** A licence (`alias`) that is verified, published and not expired (same rule as the search filters). */
  function validLicence(qb: Knex.QueryBuilder, alias: string, today = todayInVietnam()): Knex.QueryBuilder {
    return qb
      .whereNotNull(`${alias}.${column(L, 'publishedAt')}`)
      .where(`${alias}.${column(L, 'verificationStatus')}`, 'verified')
      .whereNull(`${alias}.${column(L, 'expiredAt')}`)
      .where((w) =>
        w
          .whereNull(`${alias}.${column(L, 'expiresOn')}`)
          .orWhere(`${alias}.${column(L, 'expiresOn')}`, '>=', today),
      );
  }

  /** Correlated subquery: the highest star rating of a product's valid OCOP licences. */
  function ocopStarsOf(productAlias: string, today = todayInVietnam()): Knex.QueryBuilder {
    const via = link(P, 'licences');
    const sub = knex()(`${via.name} as ol_l`)
      .join(`${table(L)} as ol`, 'ol.id', `ol_l.${via.inverseJoinColumn.name}`)
      .whereRaw('?? = ??', [`ol_l.${via.joinColumn.name}`, `${productAlias}.id`])
      .where(`ol.${column(L, 'type')}`, 'ocop')
      .max(`ol.${column(L, 'ocopStars')}`);
    return validLicence(sub, 'ol', today);
  }

  return { knex, table, column, link, joinOne, verifiedSeller, publicProducts, validLicence, ocopStarsOf };
}

export type SqlHelpers = ReturnType<typeof sqlHelpers>;
