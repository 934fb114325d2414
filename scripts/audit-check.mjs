#!/usr/bin/env node
// `npm run audit:check`: fails when `npm audit` reports a high or critical advisory that is not in
// audit-exceptions.json (with a reason and a review date), or when the audit cannot be run.
// `-- --input report.json` checks a saved `npm audit --json` report instead of calling npm.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { seriousFindings, judge } = require('./audit-lib.cjs');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const input = args.includes('--input') ? args[args.indexOf('--input') + 1] : null;

function report() {
  if (input) return JSON.parse(fs.readFileSync(path.resolve(input), 'utf8'));
  // Development dependencies included: the build and test tools run on developers' machines and CI.
  const run = spawnSync('npm', ['audit', '--json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`npm audit không chạy được: ${(run.stderr || '').trim().split('\n').pop()}`);
  }
}

try {
  const { exceptions } = JSON.parse(fs.readFileSync(path.join(root, 'audit-exceptions.json'), 'utf8'));
  const { accepted, failing, expired, stale } = judge(seriousFindings(report()), exceptions);
  const line = (f) => `  ${f.severity.padEnd(8)} ${f.package} ${f.range ?? ''} ${f.id} ${f.title ?? ''}`;
  if (accepted.length)
    console.log(`Đã chấp nhận có lý do (audit-exceptions.json):\n${accepted.map(line).join('\n')}`);
  for (const e of stale)
    console.log(`Ngoại lệ không còn cần (xóa khỏi audit-exceptions.json): ${e.advisory} ${e.package}`);
  for (const e of expired)
    console.log(
      `Ngoại lệ đã quá ngày xem lại ${e.review}: ${e.advisory} ${e.package} — xem lại rồi gia hạn hoặc nâng cấp.`,
    );
  if (failing.length) {
    console.error(`Lỗ hổng mức cao/nghiêm trọng chưa xử lý:\n${failing.map(line).join('\n')}`);
    console.error(
      'Nâng cấp gói (npm audit fix, hoặc overrides), hoặc ghi ngoại lệ có lý do vào audit-exceptions.json.',
    );
    process.exit(1);
  }
  console.log(
    `audit:check: không có lỗ hổng mức cao hoặc nghiêm trọng chưa xử lý (${accepted.length} ngoại lệ).`,
  );
} catch (error) {
  console.error(`audit:check: ${error.message}`);
  process.exit(2);
}
