#!/usr/bin/env node
// `npm test`: builds the shared libraries (and the site when it changed), then runs every Jest project
// (unit tests, then API tests that boot Strapi on SQLite, or on PostgreSQL
// when DATABASE_URL is set). Extra arguments go to Jest.
import { buildLibraries, isStale, root, run } from './lib.mjs';

await buildLibraries();
// The browser tests drive the built admin panel (cms/dist/build).
if (isStale('cms', 'cms/dist/build/index.html')) await run('npm', ['run', 'build', '-w', 'cms']);
// The site tests run the built site against a test CMS.
if (isStale('site', 'site/dist/server/entry.mjs')) await run('npm', ['run', 'build', '-w', 'site']);
const env = {
  ...process.env,
  // Strapi's upload loads ESM modules dynamically.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' '),
  SGD_TEST_RUN: `${Date.now()}-${process.pid}`,
  STRAPI_TELEMETRY_DISABLED: 'true',
  ASTRO_TELEMETRY_DISABLED: '1',
};
await run('npx', ['jest', '--maxWorkers=2', ...process.argv.slice(2)], { cwd: root, env });
