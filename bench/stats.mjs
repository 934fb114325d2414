#!/usr/bin/env node
// Statistics dashboard and yearly report at scale, against a running CMS.
// 1. npm run db:seed -- --scale 100000   (adds 100,000 generated products)
// 2. npm start (SQLite) or DATABASE_URL=… npm start (PostgreSQL)
// 3. ADMIN_EMAIL=… ADMIN_PASSWORD=… npm run bench:stats [-- --url http://127.0.0.1:1337 --samples 50]
//    [--officer chuyenvien.sct@sangiaodich.local] (an officer of the demo data; same password as the admin)
//    [--commune <code>] (default: the commune with the most public products)
// Prints p50/p95 of GET /stats/dashboard (super admin: every department; officer: one department;
// super admin narrowed to one commune), cold (computed) and warm (cached), and the time to build the
// yearly report (page and XLSX).
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const base = arg('url', process.env.CMS_URL || 'http://127.0.0.1:1337');
const samples = Number(arg('samples', 50));
const officerEmail = arg('officer', 'chuyenvien.sct@sangiaodich.local');
const email = process.env.ADMIN_EMAIL;
const password = process.env.ADMIN_PASSWORD;
if (!email || !password) {
  console.error('Cần ADMIN_EMAIL và ADMIN_PASSWORD của CMS đang chạy.');
  process.exit(2);
}

async function login(who) {
  const res = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who, password }),
  });
  const body = await res.json();
  if (!body.data?.token) throw new Error(`Không đăng nhập được ${who}: ${JSON.stringify(body)}`);
  return body.data.token;
}

async function timed(token, path) {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return performance.now() - started;
}

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(label, token, path, count) {
  await timed(token, path); // warm-up
  const times = [];
  for (let i = 0; i < count; i += 1) times.push(await timed(token, path));
  times.sort((a, b) => a - b);
  console.log(
    label.padEnd(46),
    percentile(times, 50).toFixed(0).padStart(8),
    percentile(times, 95).toFixed(0).padStart(8),
    String(count).padStart(8),
  );
}

const admin = await login(email);
const officer = await login(officerEmail).catch((error) => {
  console.warn(`${error.message}: chỉ đo với quản trị viên.`);
  return null;
});
const products = await fetch(`${base}/api/products?pagination[pageSize]=1`).then((r) => r.json());
const dashboard = await fetch(`${base}/stats/dashboard`, {
  headers: { Authorization: `Bearer ${admin}` },
}).then((r) => r.json());
// The commune with the most public products (the heaviest commune filter), unless --commune is given.
async function busiestCommune(communes) {
  let best = null;
  for (const { code } of communes) {
    const found = await fetch(`${base}/api/search?type=products&commune=${code}&pageSize=1`).then((r) =>
      r.json(),
    );
    const total = found.meta?.pagination?.total ?? 0;
    if (!best || total > best.total) best = { code, total };
  }
  return best?.code;
}
const commune = arg('commune', null) ?? (await busiestCommune(dashboard.meta?.communes ?? []));
const year = new Date().getFullYear();
console.log(
  `CMS ${base}: ${products.meta.pagination.total} public products; ${samples} sequential requests each\n`,
);
console.log('request'.padEnd(46), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'samples'.padStart(8));
// Cold: `fresh=1` computes every figure (the cache is bypassed, then refilled). Warm: the dashboard
// cached by the previous request (the CMS keeps one per scope and filters for a minute).
const dashboards = [
  ['super admin (all departments)', admin, '/stats/dashboard'],
  ['officer (one department)', officer, '/stats/dashboard'],
  [`super admin, commune ${commune}`, admin, commune ? `/stats/dashboard?commune=${commune}` : null],
];
for (const [who, token, path] of dashboards) {
  if (!token || !path) continue;
  const fresh = `${path}${path.includes('?') ? '&' : '?'}fresh=1`;
  await measure(`dashboard, ${who}, cold`, token, fresh, samples);
  await measure(`dashboard, ${who}, warm`, token, path, samples);
}
await measure(
  `yearly report ${year}, page (JSON), all`,
  admin,
  `/stats/report?year=${year}`,
  Math.min(samples, 20),
);
await measure(
  `yearly report ${year}, XLSX, all`,
  admin,
  `/stats/report/xlsx?year=${year}`,
  Math.min(samples, 20),
);
await measure(
  'one table as XLSX (orders by month)',
  admin,
  '/stats/export/orders-by-month?format=xlsx',
  Math.min(samples, 20),
);
