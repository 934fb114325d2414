import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CMS_DIR = path.resolve(__dirname, '..', '..');
export const STATE_FILE = path.join(
  os.tmpdir(),
  `sgd-test-state-${process.env.SGD_TEST_RUN ?? 'local'}.json`,
);

/** What the global setup prepared for this run, shared with every worker. */
export interface TestState {
  runId: string;
  workDir: string;
  publicDir: string;
  /** SQLite template file, or the PostgreSQL template database name. */
  template: string;
  postgresUrl: string | null;
}

export function readState(): TestState {
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as TestState;
}

const random = () => crypto.randomBytes(24).toString('base64url');

/**
 * Environment of a test Strapi: generated secrets, no demo seeding at boot,
 * and nothing read from a developer's cms/.env that would change the
 * database (dotenv never overrides a variable that is already set).
 */
export function testEnvironment(state: Pick<TestState, 'publicDir'>): Record<string, string> {
  return {
    NODE_ENV: 'test',
    APP_KEYS: [random(), random()].join(','),
    API_TOKEN_SALT: random(),
    ADMIN_JWT_SECRET: random(),
    TRANSFER_TOKEN_SALT: random(),
    JWT_SECRET: random(),
    ENCRYPTION_KEY: random(),
    DEMO_DATA: 'false',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    DATABASE_URL: '',
    DATABASE_FILENAME: '',
    PUBLIC_DIR: state.publicDir,
    // Scans live beside the uploads folder, outside it: never served as static files.
    PRIVATE_FILES_DIR: path.join(path.dirname(state.publicDir), 'private'),
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: 'warn',
    // Tests run the scheduled jobs themselves, on a scripted clock.
    CRON_ENABLED: 'false',
    BROWSER: 'none',
  };
}

/** A database name made of the run id and a label, safe for PostgreSQL. */
export function databaseName(base: string, label: string): string {
  return `${base}_${label}`
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_')
    .slice(0, 60);
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
