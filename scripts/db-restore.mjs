#!/usr/bin/env node
// `npm run db:restore -- <backup folder> [--replace]`: restores a backup made by `npm run db:backup`
// into the configured database and folders. Without --replace it refuses a database that already
// has tables (or an existing SQLite file): restoring over live data must be asked for by name.
// Stop the CMS first.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { root } from './lib.mjs';
import { database, fileFolders, loadEnvironment, openSqlite } from './backup-lib.mjs';

const args = process.argv.slice(2);
const replace = args.includes('--replace');
const source = args.find((arg) => !arg.startsWith('--'));
if (!source) {
  console.error('Cách dùng: npm run db:restore -- <thư mục bản sao lưu> [--replace]');
  process.exit(2);
}
const backup = path.resolve(root, source);
const fail = (message) => {
  console.error(`[restore] ${message}`);
  process.exit(1);
};
if (!fs.existsSync(path.join(backup, 'manifest.json')))
  fail(`${backup} không phải một bản sao lưu (thiếu manifest.json).`);
const manifest = JSON.parse(fs.readFileSync(path.join(backup, 'manifest.json'), 'utf8'));

loadEnvironment();
const db = database();
if (db.kind !== manifest.database) {
  fail(`Bản sao lưu là của ${manifest.database}, còn cơ sở dữ liệu đang cấu hình là ${db.kind}.`);
}
const started = Date.now();

if (db.kind === 'postgres') {
  const psql = spawnSync(
    'psql',
    [
      '--no-psqlrc',
      '-tAc',
      'select count(*) from information_schema.tables where table_schema = current_schema()',
      db.url,
    ],
    { encoding: 'utf8' },
  );
  if (psql.status !== 0) fail(`Không kết nối được cơ sở dữ liệu: ${psql.stderr.trim()}`);
  if (Number(psql.stdout.trim()) > 0 && !replace) {
    fail('Cơ sở dữ liệu đích đã có bảng. Dùng một cơ sở dữ liệu trống, hoặc thêm --replace để ghi đè.');
  }
  const restore = spawnSync(
    'pg_restore',
    [
      ...(replace ? ['--clean', '--if-exists'] : []),
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--dbname',
      db.url,
      path.join(backup, 'database.dump'),
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (restore.error || restore.status !== 0)
    fail(`pg_restore thất bại (${restore.error?.message ?? restore.status}).`);
} else {
  if (fs.existsSync(db.filename) && !replace) {
    fail(`${db.filename} đã tồn tại. Chọn một tệp mới (DATABASE_FILENAME), hoặc thêm --replace để ghi đè.`);
  }
  fs.mkdirSync(path.dirname(db.filename), { recursive: true });
  const staged = `${db.filename}.restoring`;
  fs.copyFileSync(path.join(backup, 'database.db'), staged);
  const check = openSqlite(staged, { fileMustExist: true });
  const integrity = check.pragma('integrity_check', { simple: true });
  check.close();
  if (integrity !== 'ok') {
    fs.rmSync(staged, { force: true });
    fail(`Tệp cơ sở dữ liệu trong bản sao lưu bị hỏng: ${integrity}`);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${db.filename}${suffix}`, { force: true });
  fs.renameSync(staged, db.filename);
}

for (const [label, dir] of Object.entries(fileFolders())) {
  const saved = path.join(backup, label);
  if (!fs.existsSync(saved)) continue;
  if (replace) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.cpSync(saved, dir, { recursive: true, force: replace, errorOnExist: false });
}
console.log(`[restore] Đã khôi phục ${backup} (${((Date.now() - started) / 1000).toFixed(1)} giây).`);
