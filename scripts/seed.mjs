#!/usr/bin/env node
// `npm run db:seed`: loads the demo data into the configured database
// (idempotent). `npm run db:seed -- --scale 100000` then adds a large,
// consistent generated dataset for benchmarks.
import path from 'node:path';
import { createRequire } from 'node:module';
import { buildIfNeeded, root, run } from './lib.mjs';

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
    const added = await seedScale(strapi, scale);
    console.log(`[seed] Đã sinh ${added} sản phẩm trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  }
} finally {
  await strapi.destroy();
}
