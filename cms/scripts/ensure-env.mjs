#!/usr/bin/env node
// On a developer machine, writes generated secrets (and a demo super admin)
// to the git-ignored cms/.env the first time the app starts. In production
// it writes nothing: config/server.ts refuses to start without real secrets.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const envFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.env');
const SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
];

const random = (bytes = 24) => crypto.randomBytes(bytes).toString('base64url');

function parse(text) {
  const values = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match) values[match[1]] = match[2];
  }
  return values;
}

if (process.env.NODE_ENV === 'production') process.exit(0);

const existing = fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8') : '';
const values = parse(existing);
const additions = [];
const has = (name) => Boolean(process.env[name] || values[name]);

for (const name of SECRETS) {
  if (has(name)) continue;
  const value = name === 'APP_KEYS' ? [random(), random(), random(), random()].join(',') : random(32);
  additions.push(`${name}=${value}`);
}

const firstRun = !existing;
if (firstRun) {
  if (!has('ADMIN_EMAIL')) additions.push('ADMIN_EMAIL=admin@sangiaodich.local');
  if (!has('ADMIN_PASSWORD')) additions.push(`ADMIN_PASSWORD=Sgd-${random(9)}`);
  if (!has('DEMO_DATA')) additions.push('DEMO_DATA=true');
}

if (additions.length > 0) {
  const header = firstRun
    ? '# Sinh tự động khi khởi động lần đầu trên máy phát triển. Không commit tệp này.\n'
    : '';
  fs.writeFileSync(
    envFile,
    `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${header}${additions.join('\n')}\n`,
  );
  console.log(
    `[cms] Đã ghi ${additions.length} giá trị vào ${path.relative(process.cwd(), envFile) || envFile}.`,
  );
}

const all = { ...parse(fs.readFileSync(envFile, 'utf8')), ...process.env };
if (all.ADMIN_EMAIL && all.ADMIN_PASSWORD) {
  const port = all.PORT || '1337';
  console.log(
    `[cms] Trang quản trị: http://localhost:${port}/admin — đăng nhập bằng ${all.ADMIN_EMAIL} / ${all.ADMIN_PASSWORD}` +
      ' (trong cms/.env; tài khoản chỉ được tạo khi cơ sở dữ liệu chưa có quản trị viên nào).',
  );
}
