// What `npm run db:backup` and `npm run db:restore` share: where the database and the files are,
// read from the environment and cms/.env exactly as the CMS reads them.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { root } from './lib.mjs';

export const cmsDir = path.join(root, 'cms');
const requireFromCms = createRequire(path.join(cmsDir, 'package.json'));

/** cms/.env under the environment (a variable already set wins, as with dotenv in the CMS). */
export function loadEnvironment() {
  const file = path.join(cmsDir, '.env');
  if (!fs.existsSync(file)) return;
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)\s*$/.exec(line);
    if (!match || process.env[match[1]] !== undefined) continue;
    process.env[match[1]] = match[2].replace(/^(['"])(.*)\1$/, '$2');
  }
}

/** The configured database: PostgreSQL by URL, or the SQLite file. */
export function database() {
  const url = process.env.DATABASE_URL;
  if (url) return { kind: 'postgres', url };
  const filename = path.resolve(cmsDir, process.env.DATABASE_FILENAME || path.join('data', 'exchange.db'));
  return { kind: 'sqlite', filename };
}

/** The folders a backup carries beside the database: public uploads and private scans. */
export function fileFolders() {
  const publicDir = path.resolve(cmsDir, process.env.PUBLIC_DIR || 'public');
  return {
    uploads: path.join(publicDir, 'uploads'),
    private: path.resolve(cmsDir, process.env.PRIVATE_FILES_DIR || path.join('data', 'private')),
  };
}

export const openSqlite = (filename, options) => new (requireFromCms('better-sqlite3'))(filename, options);

/** Folders named `sgd-YYYYMMDD-HHMMSS` in the backup folder, oldest first. */
export function listBackups(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /^sgd-\d{8}-\d{6}(-\d+)?$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}
