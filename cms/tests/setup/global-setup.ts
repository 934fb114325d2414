import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileStrapi, createStrapi } from '@strapi/strapi';
import { Client } from 'pg';
import {
  CMS_DIR,
  STATE_FILE,
  databaseName,
  testEnvironment,
  withDatabase,
  type TestState,
} from './environment';

/**
 * Compiles the app once, then seeds one template database with the demo
 * data; every test file boots on its own copy of it.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}${process.pid}`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sgd-test-'));
  const publicDir = path.join(workDir, 'public');
  fs.mkdirSync(path.join(publicDir, 'uploads'), { recursive: true });
  const postgresUrl = process.env.DATABASE_URL || null;

  Object.assign(process.env, testEnvironment({ publicDir }));
  let template: string;
  if (postgresUrl) {
    template = databaseName(`sgd_test_${runId}`, 'template');
    const client = new Client({ connectionString: withDatabase(postgresUrl, 'postgres') });
    await client.connect();
    await client.query(`CREATE DATABASE "${template}"`);
    await client.end();
    process.env.DATABASE_URL = withDatabase(postgresUrl, template);
  } else {
    template = path.join(workDir, 'template.db');
    process.env.DATABASE_FILENAME = template;
  }

  const app = await compileStrapi({ appDir: CMS_DIR });
  const strapi = await createStrapi({ ...app, autoReload: false, serveAdminPanel: false }).load();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { seedDemo } = require(path.join(CMS_DIR, 'dist', 'src', 'seed')) as typeof import('../../src/seed');
  await seedDemo(strapi);
  await strapi.destroy();

  const state: TestState = { runId, workDir, publicDir, template, postgresUrl };
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
}
