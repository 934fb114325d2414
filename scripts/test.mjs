#!/usr/bin/env node
// `npm test`: builds the shared libraries, then runs every Jest project
// (unit tests, then API tests that boot Strapi on SQLite, or on PostgreSQL
// when DATABASE_URL is set). Extra arguments go to Jest.
import { root, run } from './lib.mjs';

await run('npx', ['tsc', '-b', 'config', 'plugins/core', 'plugins/sellers', 'plugins/catalog']);
const env = {
  ...process.env,
  // Strapi's upload loads ESM modules dynamically.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' '),
  SGD_TEST_RUN: `${Date.now()}-${process.pid}`,
  STRAPI_TELEMETRY_DISABLED: 'true',
};
await run('npx', ['jest', '--maxWorkers=2', ...process.argv.slice(2)], { cwd: root, env });
