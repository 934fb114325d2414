#!/usr/bin/env node
// `npm run db:reindex`: builds the read model of public products and sellers (pub_* tables) again
// from the live tables of the configured database, in one transaction, with a progress bar.
// Idempotent: running it twice gives the same tables. Safe while the CMS runs (readers see the
// previous read model until the end; writes made meanwhile wait, then follow), except for the last
// step on PostgreSQL: CLUSTER writes the products in name order, and reads wait for it (about a
// minute for a million products).
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildIfNeeded, root, run } from './lib.mjs';
import { progressBar } from './progress.mjs';

await run('node', [path.join(root, 'cms', 'scripts', 'ensure-env.mjs')]);
await buildIfNeeded();
const cmsDir = path.join(root, 'cms');
const require = createRequire(path.join(cmsDir, 'package.json'));
process.chdir(cmsDir);
const { createStrapi } = require('@strapi/strapi');
const strapi = await createStrapi({
  appDir: cmsDir,
  distDir: path.join(cmsDir, 'dist'),
  autoReload: false,
  serveAdminPanel: false,
}).load();
try {
  const STAGES = { categories: 'Danh mục', sellers: 'Chủ thể', products: 'Sản phẩm', words: 'Từ tìm kiếm' };
  const bars = new Map();
  const started = Date.now();
  // Fresh statistics of the live tables (after a bulk load the planner would read them whole).
  await strapi.db.connection.raw('ANALYZE');
  const totals = await strapi
    .plugin('catalog')
    .service('read-model')
    .rebuild(({ stage, done, total }) => {
      if (!bars.has(stage)) bars.set(stage, progressBar(STAGES[stage] ?? stage, total));
      bars.get(stage).update(done);
    });
  for (const bar of bars.values()) bar.end();
  console.log(
    `[reindex] Đã dựng lại bảng đọc: ${totals.products} sản phẩm, ${totals.sellers} chủ thể trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
  );
  const organizing = Date.now();
  await strapi.plugin('catalog').service('read-model').organize();
  console.log(
    `[reindex] Sắp xếp lại theo tên (CLUSTER, PostgreSQL) và cập nhật thống kê (VACUUM ANALYZE) trong ${((Date.now() - organizing) / 1000).toFixed(1)} giây.`,
  );
} finally {
  await strapi.destroy();
}
