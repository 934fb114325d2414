import type { Migration } from '@sgd/plugin-core';
import { UID } from '../constants';
import { addColumns, createTables, fillNamePairs, fillProductWords, TABLES as T } from '../read-model/tables';

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

/**
 * SQLite's full-text index of names holds their marked words too (`ftsNameWords` in
 * `read-model/writer.ts`), as PostgreSQL's does: rows written before are rewritten from the read model.
 */
const sqliteNameMarks: Migration = {
  name: '004-sqlite-name-marks',
  dialects: ['sqlite'],
  async up({ knex }) {
    for (const [text, table] of [
      [T.productsText, T.products],
      [T.sellersText, T.sellers],
    ]) {
      await knex.raw(
        `UPDATE ${text} SET name_words = (
           SELECT CASE WHEN t.name_marks = '' THEN t.name_words ELSE t.name_words || ' ' || t.name_marks END
           FROM ${table} t WHERE t.id = ${text}.rowid)
         WHERE rowid IN (SELECT id FROM ${table})`,
      );
    }
  },
};

/** How many listed names hold each pair of words (PostgreSQL), counted from what is listed. */
const namePairs: Migration = {
  name: '005-name-pairs',
  dialects: ['postgres'],
  async up({ knex, dialect }) {
    await createTables(knex, dialect);
    await fillNamePairs(knex);
  },
};

/**
 * Product cards (`card`: what a list's card shows, a fraction of the item) and the seller's `label` on
 * them: the columns added, and the read model built again at the next start (`built` at 0), which
 * writes them for every public item (as `npm run db:reindex` would).
 */
const productCards: Migration = {
  name: '006-product-cards',
  async up({ knex }) {
    await addColumns(knex);
    await knex(T.state).where('name', 'built').update({ value: 0 });
  },
};

export const migrations: Migration[] = [
  publicListIndexes,
  readModel,
  productWords,
  sqliteNameMarks,
  namePairs,
  productCards,
];
