import type { Core } from '@strapi/strapi';
import { checkPostgresSettings, grantStaffOnce, permissionFields } from '@sgd/plugin-core';
import { UID } from './constants';
import { registerReaders } from './read-model/readers';
import { TABLES } from './read-model/tables';
import { catalogService } from './services';

/** Daily, just after midnight in Vietnam: licence validities that changed with the date. */
const STALE_VALIDITY_RULE = '1 0 * * *';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // The category tree is public reference data: officers read it, so a product shows its category's
  // name rather than an id.
  await grantStaffOnce(strapi, [
    {
      action: 'plugin::content-manager.explorer.read',
      subject: UID.category,
      properties: { fields: permissionFields(strapi, UID.category) },
      conditions: [],
    },
  ]);
  const model = catalogService(strapi, 'read-model');
  model.subscribe();
  if (!(await model.isBuilt())) {
    strapi.log.info('[catalog] Đang dựng bảng đọc công khai (read model)…');
    const built = await model.rebuild();
    strapi.log.info(`[catalog] Đã dựng bảng đọc: ${built.products} sản phẩm, ${built.sellers} chủ thể.`);
    // As `npm run db:reindex` leaves it: in name order, with fresh statistics and visibility maps
    // (a read model built again by a migration, with autovacuum off, was planned and read as
    // an unvacuumed table: PostgreSQL's time per fresh search three times as much).
    await model.organize();
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
