#!/usr/bin/env node
// `npm test`: makes sure Debian's Chromium is there for the browser tests, builds the shared libraries
// (and the site when it changed), then runs every Jest project (unit tests, then API tests that boot
// Strapi on SQLite, or on PostgreSQL when DATABASE_URL is set). Extra arguments go to Jest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { buildLibraries, isStale, root, run } from './lib.mjs';

const require = createRequire(import.meta.url);
const { ensureChromium } = require('./chromium-lib.cjs');

const jestArgs = process.argv.slice(2);
// Test path patterns given (`npm test -- cms/tests/api/orders`) and none of them browser tests: no
// browser needed. Otherwise Debian's Chromium is made sure of first (installed when root with apt).
const patterns = jestArgs.filter((arg) => !arg.startsWith('-'));
if (patterns.length === 0 || patterns.some((pattern) => pattern.includes('browser'))) {
  try {
    await ensureChromium({
      exists: (file) => fs.existsSync(file),
      isRoot: () => process.getuid?.() === 0,
      aptAvailable: () => spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0,
      run: (command, args, env) => run(command, args, { env: { ...process.env, ...env } }),
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(`\n[test] ${error.message}`);
    process.exit(1);
  }
}

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
await run('npx', ['jest', '--maxWorkers=2', ...jestArgs], { cwd: root, env });
