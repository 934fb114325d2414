import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import { Client } from 'pg';
import { waitForIdleDatabase } from '../../src/seed/idle';
import { CMS_DIR, databaseName, readState, testEnvironment, withDatabase } from './environment';

export interface TestApp {
  strapi: Core.Strapi;
  stop(): Promise<void>;
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A plugin to load besides the app's (a fixture a test declares), as `config/plugins.ts` would name it. */
export interface ExtraPlugin {
  enabled: true;
  resolve: string;
}

/**
 * The compiled app with extra plugins: its own dist folder whose config files load the app's (so
 * their paths still resolve) and whose `plugins` adds the extras; `src` is the app's.
 */
function distWith(workDir: string, plugins: Record<string, ExtraPlugin>): string {
  const real = path.join(CMS_DIR, 'dist');
  const dist = fs.mkdtempSync(path.join(workDir, 'dist-'));
  fs.symlinkSync(path.join(real, 'src'), path.join(dist, 'src'), 'dir');
  fs.mkdirSync(path.join(dist, 'config'));
  for (const file of fs.readdirSync(path.join(real, 'config')).filter((name) => name.endsWith('.js'))) {
    const original = JSON.stringify(path.join(real, 'config', file));
    fs.writeFileSync(
      path.join(dist, 'config', file),
      file === 'plugins.js'
        ? `const base = require(${original});
const app = base.default ?? base;
module.exports = (ctx) => ({ ...app(ctx), ...${JSON.stringify(plugins)} });
`
        : `module.exports = require(${original});
`,
    );
  }
  return dist;
}

/**
 * Boots the compiled app on a private copy of the seeded template database:
 * a copied SQLite file, or a PostgreSQL database created from the template.
 * One boot per test file. `serveAdminPanel` serves the built admin (cms/dist/build), for browser tests;
 * `plugins` adds plugins the app does not have (fixtures).
 */
export async function bootStrapi(
  label: string,
  options: { serveAdminPanel?: boolean; plugins?: Record<string, ExtraPlugin> } = {},
): Promise<TestApp> {
  const state = readState();
  const worker = process.env.JEST_WORKER_ID ?? '0';
  // Uploads of one test file never land beside another's (a test may count the files there): each
  // starts from a copy of the seeded template's pictures.
  const publicDir = path.join(state.workDir, `public-${label}-${worker}`);
  fs.cpSync(path.join(state.publicDir, 'uploads'), path.join(publicDir, 'uploads'), { recursive: true });
  Object.assign(process.env, testEnvironment({ publicDir }));
  let cleanup: () => Promise<void>;

  if (state.postgresUrl) {
    const name = databaseName(`${state.template}`, `${label}_${worker}`);
    await adminQuery(state.postgresUrl, `DROP DATABASE IF EXISTS "${name}"`);
    await adminQuery(state.postgresUrl, `CREATE DATABASE "${name}" TEMPLATE "${state.template}"`);
    process.env.DATABASE_URL = withDatabase(state.postgresUrl, name);
    cleanup = () => adminQuery(state.postgresUrl as string, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    const file = path.join(state.workDir, `${label}-${worker}.db`);
    fs.copyFileSync(state.template, file);
    process.env.DATABASE_FILENAME = file;
    cleanup = async () => fs.rmSync(file, { force: true });
  }

  const strapi = await createStrapi({
    appDir: CMS_DIR,
    distDir: options.plugins ? distWith(state.workDir, options.plugins) : path.join(CMS_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: options.serveAdminPanel ?? false,
  }).load();
  strapi.server.mount();
  return {
    strapi,
    async stop() {
      await waitForIdleDatabase(strapi);
      await strapi.destroy();
      await cleanup();
    },
  };
}
