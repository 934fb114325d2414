import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { LEGAL_FORMS, MARKET_KINDS, licenceTypes } from '@sgd/config';
import { CORE_UID } from '@sgd/plugin-core';
import { SELLERS_UID, todayInVietnam, validityOf } from '@sgd/plugin-sellers';
import { OPEN_DATA_DATASETS, UID, type OpenDataDataset } from '../constants';
import { sqlHelpers } from './sql';

export type OpenDataRow = Record<string, string | number | boolean | null>;

/** Rows read per query: an export of 100,000 products never holds more than this in memory. */
export const OPEN_DATA_BATCH = 1000;

const nameOf = (list: readonly { code: string; name: string }[], code: unknown) =>
  list.find((item) => item.code === code)?.name ?? null;
const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * Open data (QC Điều 20): approved, published items of verified sellers, with only what the
 * public pages show and nothing personal (no phone, email, citizen ID, representative, owner,
 * internal note; an individual seller's address and tax code are left out). Each dataset is read
 * in keyset-paged batches, so an export streams whatever its size.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const { knex, table, column, joinOne, verifiedSeller, publicProducts, ocopStarsOf } = sqlHelpers(strapi);
  const S = SELLERS_UID.seller;
  const L = SELLERS_UID.licence;
  const P = UID.product;
  const M = UID.market;
  const C = UID.category;
  const A = CORE_UID.administrativeUnit;

  const queries: Record<OpenDataDataset, (today: string) => Knex.QueryBuilder> = {
    sellers: () => {
      const qb = verifiedSeller(knex()(`${table(S)} as s`), 's');
      joinOne(qb, S, 's', 'commune', A, 'cm');
      return qb.select({
        id: 's.id',
        name: `s.${column(S, 'name')}`,
        slug: `s.${column(S, 'slug')}`,
        legalForm: `s.${column(S, 'legalForm')}`,
        enterpriseCode: `s.${column(S, 'enterpriseCode')}`,
        registrationDate: `s.${column(S, 'registrationDate')}`,
        registrationIssuer: `s.${column(S, 'registrationIssuer')}`,
        address: `s.${column(S, 'address')}`,
        commune: `cm.${column(A, 'name')}`,
        communeCode: `cm.${column(A, 'code')}`,
        isOcopProducer: `s.${column(S, 'isOcopProducer')}`,
        verifiedAt: `s.${column(S, 'verifiedAt')}`,
      });
    },
    products: (today) => {
      const qb = publicProducts();
      joinOne(qb, P, 'p', 'category', C, 'c');
      joinOne(qb, S, 's', 'commune', A, 'cm');
      return qb.select({
        id: 'p.id',
        name: `p.${column(P, 'name')}`,
        slug: `p.${column(P, 'slug')}`,
        category: `c.${column(C, 'name')}`,
        categorySlug: `c.${column(C, 'slug')}`,
        seller: `s.${column(S, 'name')}`,
        sellerSlug: `s.${column(S, 'slug')}`,
        commune: `cm.${column(A, 'name')}`,
        communeCode: `cm.${column(A, 'code')}`,
        unit: `p.${column(P, 'unit')}`,
        price: `p.${column(P, 'price')}`,
        priceMin: `p.${column(P, 'priceMin')}`,
        priceMax: `p.${column(P, 'priceMax')}`,
        ocopStars: ocopStarsOf('p', today),
      });
    },
    licences: () => {
      const qb = knex()(`${table(L)} as l`)
        .whereNotNull(`l.${column(L, 'publishedAt')}`)
        .where(`l.${column(L, 'verificationStatus')}`, 'verified');
      joinOne(qb, L, 'l', 'seller', S, 's', 'join');
      verifiedSeller(qb, 's');
      return qb.select({
        id: 'l.id',
        type: `l.${column(L, 'type')}`,
        number: `l.${column(L, 'number')}`,
        issuer: `l.${column(L, 'issuer')}`,
        issuedOn: `l.${column(L, 'issuedOn')}`,
        expiresOn: `l.${column(L, 'expiresOn')}`,
        expiredAt: `l.${column(L, 'expiredAt')}`,
        ocopStars: `l.${column(L, 'ocopStars')}`,
        seller: `s.${column(S, 'name')}`,
        sellerSlug: `s.${column(S, 'slug')}`,
      });
    },
    markets: () => {
      const qb = knex()(`${table(M)} as m`).whereNotNull(`m.${column(M, 'publishedAt')}`);
      joinOne(qb, M, 'm', 'commune', A, 'cm');
      return qb.select({
        id: 'm.id',
        name: `m.${column(M, 'name')}`,
        slug: `m.${column(M, 'slug')}`,
        kind: `m.${column(M, 'kind')}`,
        address: `m.${column(M, 'address')}`,
        commune: `cm.${column(A, 'name')}`,
        communeCode: `cm.${column(A, 'code')}`,
        latitude: `m.${column(M, 'latitude')}`,
        longitude: `m.${column(M, 'longitude')}`,
        openingHours: `m.${column(M, 'openingHours')}`,
      });
    },
  };

  const shape: Record<OpenDataDataset, (row: Record<string, unknown>, today: string) => OpenDataRow> = {
    sellers: (row) => {
      // An individual's address and tax code are personal data: the commune is enough.
      const individual = row.legalForm === 'individual';
      return {
        name: text(row.name),
        slug: text(row.slug),
        legalForm: text(row.legalForm),
        legalFormName: nameOf(LEGAL_FORMS, row.legalForm),
        enterpriseCode: individual ? null : text(row.enterpriseCode),
        registrationDate: text(row.registrationDate),
        registrationIssuer: text(row.registrationIssuer),
        address: individual ? null : text(row.address),
        commune: text(row.commune),
        communeCode: text(row.communeCode),
        isOcopProducer: row.isOcopProducer === true || row.isOcopProducer === 1,
        verifiedAt: row.verifiedAt ? new Date(row.verifiedAt as string).toISOString() : null,
      };
    },
    products: (row) => ({
      name: text(row.name),
      slug: text(row.slug),
      category: text(row.category),
      categorySlug: text(row.categorySlug),
      seller: text(row.seller),
      sellerSlug: text(row.sellerSlug),
      commune: text(row.commune),
      communeCode: text(row.communeCode),
      unit: text(row.unit),
      price: number(row.price),
      priceMin: number(row.priceMin),
      priceMax: number(row.priceMax),
      ocopStars: number(row.ocopStars),
    }),
    licences: (row, today) => ({
      type: text(row.type),
      typeName: nameOf(licenceTypes, row.type),
      number: text(row.number),
      issuer: text(row.issuer),
      issuedOn: text(row.issuedOn),
      expiresOn: text(row.expiresOn),
      ocopStars: number(row.ocopStars),
      validity: row.expiredAt ? 'expired' : validityOf(row.expiresOn, today),
      seller: text(row.seller),
      sellerSlug: text(row.sellerSlug),
    }),
    markets: (row) => ({
      name: text(row.name),
      slug: text(row.slug),
      kind: text(row.kind),
      kindName: nameOf(MARKET_KINDS, row.kind),
      address: text(row.address),
      commune: text(row.commune),
      communeCode: text(row.communeCode),
      latitude: number(row.latitude),
      longitude: number(row.longitude),
      openingHours: text(row.openingHours),
    }),
  };

  return {
    /** The dataset's rows, `batch` at a time, in id order. */
    async *rows(
      dataset: OpenDataDataset,
      now: Date = new Date(),
      batch = OPEN_DATA_BATCH,
    ): AsyncGenerator<OpenDataRow> {
      const today = todayInVietnam(now);
      const alias = { sellers: 's', products: 'p', licences: 'l', markets: 'm' }[dataset];
      let lastId = 0;
      for (;;) {
        const rows = (await queries[dataset](today)
          .where(`${alias}.id`, '>', lastId)
          .orderBy(`${alias}.id`, 'asc')
          .limit(batch)) as Record<string, unknown>[];
        for (const row of rows) yield shape[dataset](row, today);
        if (rows.length < batch) return;
        lastId = Number(rows[rows.length - 1].id);
      }
    },

    datasets() {
      return OPEN_DATA_DATASETS;
    },
  };
};
