import type { Core } from '@strapi/strapi';
import { applyAdminLabels, checkPostgresSettings } from '@sgd/plugin-core';
import { labels } from './labels';
import { sqlHelpers } from './services/sql';
import { UID } from './constants';
import { registerReaders } from './read-model/readers';
import { TABLES } from './read-model/tables';
import type { ReadModel } from './services/read-model';

/** Daily, just after midnight in Vietnam: licence validities that changed with the date. */
const STALE_VALIDITY_RULE = '1 0 * * *';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await applyAdminLabels(strapi, labels);
  await createIndexes(strapi);
  const model = strapi.plugin('catalog').service('read-model') as ReadModel;
  await model.createTables();
  model.subscribe();
  if (!(await model.isBuilt())) {
    strapi.log.info('[catalog] Đang dựng bảng đọc công khai (read model) lần đầu…');
    const built = await model.rebuild();
    strapi.log.info(`[catalog] Đã dựng bảng đọc: ${built.products} sản phẩm, ${built.sellers} chủ thể.`);
  }
  registerReaders(strapi, model);
  await checkPostgresSettings(strapi, [
    TABLES.products,
    TABLES.sellers,
    TABLES.productLicences,
    TABLES.terms,
  ]);
  model.startPolling();
  strapi.cron.add({
    readModelValidity: {
      task: () => model.refreshStale(),
      options: { rule: STALE_VALIDITY_RULE, tz: 'Asia/Ho_Chi_Minh' },
    },
  });
};

/**
 * Indexes of the public product list (plain SQL valid on SQLite and PostgreSQL), on published rows
 * only: its default order (name, then id) so that a page is read in order and stops after 24 rows,
 * and its total (review status with the id) so that counting reads the index alone.
 */
async function createIndexes(strapi: Core.Strapi): Promise<void> {
  const { table, column } = sqlHelpers(strapi);
  const products = table(UID.product);
  const published = `WHERE ${column(UID.product, 'publishedAt')} IS NOT NULL`;
  const statements = [
    `CREATE INDEX IF NOT EXISTS cat_products_public_name ON ${products} (${column(UID.product, 'name')}, id) ${published}`,
    `CREATE INDEX IF NOT EXISTS cat_products_public_status ON ${products} (${column(UID.product, 'reviewStatus')}, id) ${published}`,
  ];
  for (const sql of statements) await strapi.db.connection.raw(sql);
}
