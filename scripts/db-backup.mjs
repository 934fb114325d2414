#!/usr/bin/env node
// `npm run db:backup`: a consistent copy of the database (pg_dump custom format, or SQLite's online
// backup) and of the uploads and private scans, in BACKUP_DIR/sgd-YYYYMMDD-HHMMSS; keeps the newest
// BACKUP_KEEP backups. Written under a temporary name first: a failed backup never looks complete.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './lib.mjs';
import { database, fileFolders, listBackups, loadEnvironment, openSqlite } from './backup-lib.mjs';

loadEnvironment();
const backupDir = path.resolve(root, process.env.BACKUP_DIR || 'backups');
const keep = Number(process.env.BACKUP_KEEP || 14);
if (!Number.isInteger(keep) || keep < 1) {
  console.error('BACKUP_KEEP phải là số nguyên dương (số bản sao lưu giữ lại).');
  process.exit(2);
}

const started = new Date();
const stamp = started
  .toISOString()
  .replace(/\.\d+Z$/, '')
  .replace(/[-:]/g, '')
  .replace('T', '-');
let name = `sgd-${stamp}`;
for (let n = 2; fs.existsSync(path.join(backupDir, name)); n += 1) name = `sgd-${stamp}-${n}`;
const target = path.join(backupDir, name);
const partial = path.join(backupDir, `.${name}.partial`);
fs.mkdirSync(partial, { recursive: true });

try {
  const db = database();
  if (db.kind === 'postgres') {
    const dump = spawnSync(
      'pg_dump',
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        '--file',
        path.join(partial, 'database.dump'),
        db.url,
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (dump.error || dump.status !== 0)
      throw new Error(`pg_dump thất bại (${dump.error?.message ?? dump.status})`);
  } else {
    if (!fs.existsSync(db.filename)) throw new Error(`Không thấy tệp cơ sở dữ liệu ${db.filename}`);
    const source = openSqlite(db.filename, { readonly: true, fileMustExist: true });
    try {
      await source.backup(path.join(partial, 'database.db'));
    } finally {
      source.close();
    }
  }
  const folders = fileFolders();
  for (const [label, dir] of Object.entries(folders)) {
    if (fs.existsSync(dir)) fs.cpSync(dir, path.join(partial, label), { recursive: true });
  }
  fs.writeFileSync(
    path.join(partial, 'manifest.json'),
    JSON.stringify(
      { createdAt: started.toISOString(), database: db.kind, folders: Object.keys(folders) },
      null,
      2,
    ),
  );
  fs.renameSync(partial, target);
} catch (error) {
  fs.rmSync(partial, { recursive: true, force: true });
  console.error(`[backup] ${error.message}`);
  process.exit(1);
}

const old = listBackups(backupDir).slice(0, -keep);
for (const dir of old) fs.rmSync(dir, { recursive: true, force: true });
console.log(`[backup] ${target} (${((Date.now() - started.getTime()) / 1000).toFixed(1)} giây)`);
if (old.length) console.log(`[backup] Đã xóa ${old.length} bản cũ (giữ ${keep} bản mới nhất).`);
