import type { Migration } from '@sgd/plugin-core';
import { UID } from '../constants';
import { createTables, fillProductWords } from '../read-model/tables';

/**
 * Indexes of the public product list, on published rows only: its default order (name, then id) so
 * that a page is read in order and stops after 24 rows, and its total (review status with the id) so
 * that counting reads the index alone.
 */
const publicListIndexes: Migration = {
  name: '001-public-list-indexes',
  async up({ createIndex, column }) {
    const published = `${column(UID.product, 'publishedAt')} IS NOT NULL`;
    await createIndex({
      name: 'cat_products_public_name',
      uid: UID.product,
      attributes: ['name', 'id'],
      where: published,
    });
    await createIndex({
      name: 'cat_products_public_status',
      uid: UID.product,
      attributes: ['reviewStatus', 'id'],
      where: published,
    });
  },
};

/** The read model of public products and sellers (`read-model/tables.ts`), built at the next start. */
const readModel: Migration = {
  name: '002-read-model',
  async up({ knex, dialect }) {
    await createTables(knex, dialect);
  },
};

/** The words of listed products' names in name order (PostgreSQL), filled from what is listed. */
const productWords: Migration = {
  name: '003-product-words',
  async up({ knex, dialect }) {
    await createTables(knex, dialect);
    if (dialect === 'postgres') await fillProductWords(knex);
  },
};

export const migrations: Migration[] = [publicListIndexes, readModel, productWords];
