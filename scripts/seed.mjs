#!/usr/bin/env node
// `npm run db:seed`: loads the demo data into the configured database
// (idempotent). `npm run db:seed -- --scale 100000` then adds a large,
// consistent generated dataset for benchmarks.
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildIfNeeded, root, run } from './lib.mjs';
import { progressBar } from './progress.mjs';

const args = process.argv.slice(2);
const scaleIndex = args.indexOf('--scale');
const scale = scaleIndex >= 0 ? Number(args[scaleIndex + 1]) : 0;
if (scaleIndex >= 0 && (!Number.isInteger(scale) || scale <= 0)) {
  console.error('Cách dùng: npm run db:seed -- [--scale <số sản phẩm>]');
  process.exit(2);
}

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
  const { seedDemo } = require(path.join(cmsDir, 'dist', 'src', 'seed'));
  const report = await seedDemo(strapi);
  console.log(`[seed] Dữ liệu mẫu: ${JSON.stringify(report.created)}`);
  if (scale > 0) {
    const { seedScale } = require(path.join(cmsDir, 'dist', 'src', 'seed', 'scale'));
    const started = Date.now();
    const STAGES = {
      products: 'Sinh sản phẩm',
      categories: 'Bảng đọc: danh mục',
      sellers: 'Bảng đọc: chủ thể',
      words: 'Bảng đọc: từ tìm kiếm',
      statistics: 'VACUUM ANALYZE',
    };
    const bars = new Map();
    const added = await seedScale(strapi, scale, ({ stage, done, total }) => {
      // The read model's products come after the generated ones: a bar of their own.
      const key = stage === 'products' && bars.has('categories') ? 'read-products' : stage;
      if (!bars.has(key)) {
        for (const bar of bars.values()) bar.end();
        bars.set(
          key,
          progressBar(key === 'read-products' ? 'Bảng đọc: sản phẩm' : (STAGES[stage] ?? stage), total),
        );
      }
      bars.get(key).update(done);
    });
    for (const bar of bars.values()) bar.end();
    console.log(`[seed] Đã sinh ${added} sản phẩm trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  }
} finally {
  await strapi.destroy();
}
