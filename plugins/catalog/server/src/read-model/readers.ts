import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { registerPublicReader } from '@sgd/plugin-core';
import { SELLERS_UID } from '@sgd/plugin-sellers';
import { UID } from '../constants';
import type { ReadModel } from '../services/read-model';
import { createReader, productJson, selectProducts, sellerJson } from './read';
import { TABLES as T } from './tables';

/**
 * `GET /api/products[/:id]` and `GET /api/sellers[/:id]` answered from the read model: one statement
 * per page plus one count, the answer written from stored JSON (no populate, no sanitizing: the read
 * model holds public fields only). Requests it does not serve (other filters, `fields`) and every
 * error stay with the generic path (`@sgd/plugin-core`'s public API).
 */
export function registerReaders(strapi: Core.Strapi, model: ReadModel): void {
  const knex = () => strapi.db.connection as unknown as Knex;
  const cached = (key: string, compute: () => Promise<string>) => model.answers.get(key, compute);
  registerPublicReader(
    UID.product,
    createReader({
      knex,
      name: 'products',
      relations: ['seller', 'category'],
      defaultOrder: [
        ['name_key', 'asc'],
        ['slug', 'asc'],
      ],
      cached,
      source: {
        table: T.products,
        alias: 'p',
        base: (qb) => qb.where('p.listed', 1),
        select: selectProducts,
        json: (row) => productJson(row),
      },
    }),
  );
  registerPublicReader(
    SELLERS_UID.seller,
    createReader({
      knex,
      name: 'sellers',
      relations: [],
      defaultOrder: [
        ['name_key', 'asc'],
        ['slug', 'asc'],
      ],
      cached,
      source: {
        table: T.sellers,
        alias: 's',
        base: () => undefined,
        select: (qb) => qb.select('s.body', 's.fresh_until'),
        json: (row) => sellerJson(row, 'body'),
      },
    }),
  );
}
