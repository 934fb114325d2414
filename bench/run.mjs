#!/usr/bin/env node
// `npm run bench`: the whole benchmark in one run, on PostgreSQL. Seeds the demo data and the large
// generated catalogue into DATABASE_URL when it holds fewer products (ADDS DATA to that database:
// use one for benchmarks; the seeder leaves the read model built and the planner's statistics fresh),
// builds what changed, starts the CMS (timing its start), the site and the raw peer (bench/raw-peer.mjs:
// node:http + pg, the same list page from the same read model in one statement) on free ports, then
// measures: the product list API beside the raw peer and Strapi's default list of the same content
// type (the Content Manager's); searches never asked before (sequential and under load); the
// catalogue page with a new query each time; the catalogue and product pages next to a plain Astro
// page; the review inbox and the overdue aggregate; prints a table with the targets of issue 20 met
// or not, saved as JSON in bench/results/.
// Usage: DATABASE_URL=postgres://… npm run bench [-- --products 100000 --tasks 100000
//        --connections 25 --seconds 10 --rounds 2 --samples 200]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildIfNeeded, run } from '../scripts/lib.mjs';
import { arg, load, root } from './lib.mjs';
import { startRawPeer } from './raw-peer.mjs';
import { SEARCH_TARGETS, benchEndpoints, benchFreshSearch, distinctQueries } from './search.mjs';
import { benchSite } from './site.mjs';
import { benchWorkflow } from './workflow.mjs';

const databaseUrl = process.env.DATABASE_URL ?? '';
if (!/^postgres(ql)?:/.test(databaseUrl)) {
  console.error(
    'npm run bench đo trên PostgreSQL: đặt DATABASE_URL=postgres://… (một cơ sở dữ liệu dùng để đo).',
  );
  process.exit(2);
}
const products = Number(arg('products', 100000));
const tasks = Number(arg('tasks', 100000));
const connections = Number(arg('connections', 25));
const duration = Number(arg('seconds', 10));
const rounds = Number(arg('rounds', 2));
const samples = Number(arg('samples', 200));

const freePort = () =>
  new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
const children = [];
const wait = async (url, ms, what) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (children.some((child) => child.exitCode !== null))
      throw new Error(`Một tiến trình dừng khi chờ ${what}.`);
    if ((await fetch(url).catch(() => null))?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Quá thời gian chờ ${what} (${url}).`);
};
const readEnvFile = (file) =>
  fs.existsSync(file)
    ? Object.fromEntries(
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/))
          .filter(Boolean)
          .map(([, key, value]) => [key, value.replace(/^(['"])(.*)\1$/, '$2')]),
      )
    : {};

// 1. Data: the demo marketplace plus the generated catalogue, once.
const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const countProducts = async () =>
  (await db.query("SELECT to_regclass('public.products') IS NOT NULL AS ok")).rows[0].ok
    ? Number((await db.query('SELECT count(DISTINCT document_id) AS n FROM products')).rows[0].n)
    : 0;
let present = await countProducts();
let seededSeconds = null;
if (present < products) {
  console.log(`[bench] ${present} sản phẩm: nạp dữ liệu mẫu và ${products} sản phẩm sinh tự động…`);
  const started = Date.now();
  await run('node', [path.join(root, 'scripts', 'seed.mjs'), '--scale', String(products - present)]);
  seededSeconds = Math.round((Date.now() - started) / 1000);
  present = await countProducts();
}
const pgVersion = (await db.query('SHOW server_version')).rows[0].server_version;
const sharedBuffers = (await db.query('SHOW shared_buffers')).rows[0].shared_buffers;
// A running server holds the read model in its buffers (README: shared_buffers sized for it); a
// server just started does not yet, so the read model is read into them first when pg_prewarm is
// there (PostgreSQL's contrib), and the figures are those of the server as it runs.
try {
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
  const { rows } = await db.query(
    "SELECT count(*) AS relations, sum(pg_prewarm(c.oid)) AS blocks FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relname LIKE 'pub\\_%' AND c.relkind IN ('r', 'i')",
  );
  console.log(
    `[bench] pg_prewarm: ${rows[0].blocks} khối của ${rows[0].relations} bảng, chỉ mục đọc (pub_*).`,
  );
} catch (error) {
  console.log(`[bench] Không dùng được pg_prewarm (${error.message}): số đo gồm cả lần đọc đầu từ đĩa.`);
}
await db.end();
console.log(`[bench] ${present} sản phẩm trong cơ sở dữ liệu; biên dịch phần đã thay đổi…`);
await buildIfNeeded();

// 2. The CMS, started as in production; its start is timed up to the first ready answer.
const fileEnv = readEnvFile(path.join(root, 'cms', '.env'));
const cmsPort = await freePort();
const sitePort = await freePort();
const cms = `http://127.0.0.1:${cmsPort}`;
const site = `http://127.0.0.1:${sitePort}`;
const launch = (args, env, cwd = root) => {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
};
const results = {};
try {
  console.log('[bench] Khởi động CMS (đo thời gian đến khi /_ready trả lời 200)…');
  const startedAt = performance.now();
  launch(
    [path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
    {
      HOST: '127.0.0.1',
      PORT: String(cmsPort),
      CRON_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      STRAPI_TELEMETRY_DISABLED: 'true',
    },
    path.join(root, 'cms'),
  );
  await wait(`${cms}/_ready`, 300_000, 'CMS');
  const startupSeconds = Number(((performance.now() - startedAt) / 1000).toFixed(1));
  // The site as `npm start` runs it (site/server.mjs: the built files and Astro's pages).
  launch([path.join(root, 'site', 'server.mjs')], {
    HOST: '127.0.0.1',
    PORT: String(sitePort),
    CMS_URL: cms,
  });
  await wait(`${site}/`, 60_000, 'trang công khai');

  const email = process.env.ADMIN_EMAIL || fileEnv.ADMIN_EMAIL;
  const password = process.env.ADMIN_PASSWORD || fileEnv.ADMIN_PASSWORD;
  const login = await fetch(`${cms}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  }).then((r) => r.json());
  const token = login.data?.token;
  if (!token)
    throw new Error('Không đăng nhập được quản trị viên (ADMIN_EMAIL, ADMIN_PASSWORD trong cms/.env).');
  const publicProducts = (await fetch(`${cms}/api/products?pagination[pageSize]=1`).then((r) => r.json()))
    .meta.pagination.total;
  const slug = (await fetch(`${cms}/api/products?pagination[pageSize]=1&sort=name:asc`).then((r) => r.json()))
    .data[0].slug;

  // 3. The measurements (the machine's load just before, as the other processes left it).
  const loadAverageBefore = os.loadavg().map((n) => Number(n.toFixed(1)));
  console.log(
    `[bench] Đo: ${publicProducts} sản phẩm công khai, ${connections} kết nối, ${duration} giây mỗi lượt…`,
  );
  // Between loads, the CMS finishes what the last one left queued (abandoned slow requests) first.
  const settle = () => wait(`${cms}/_ready`, 300_000, 'CMS xong việc tồn đọng');
  const peer = await startRawPeer({ databaseUrl });
  try {
    // Alternating rounds, so that a burst of other work on the machine does not fall on one side only.
    results.productList = [];
    const listPath = '/api/products?pagination[pageSize]=24';
    for (let round = 1; round <= rounds; round += 1) {
      for (const [label, url] of [
        ['raw peer: node:http + pg, one statement (24)', `http://127.0.0.1:${peer.port}${listPath}`],
        ['product list API (24, read model)', `${cms}${listPath}`],
      ]) {
        results.productList.push({
          label: `${label}, round ${round}`,
          round,
          ...(await load({ url, connections, duration })),
        });
        await settle();
      }
    }
  } finally {
    await peer.close();
  }
  results.productList.push(
    ...(await benchEndpoints({
      base: cms,
      connections,
      duration,
      targets: [
        [
          "Strapi's default list (Content Manager, 24)",
          '/content-manager/collection-types/plugin::catalog.product?page=1&pageSize=24&sort=name:ASC',
        ],
      ],
      headers: { Authorization: `Bearer ${token}` },
    })),
  );
  await settle();
  // Searches never asked before come first, while the answer cache holds nothing of them.
  results.freshSearch = await benchFreshSearch({ base: cms, databaseUrl, connections, duration, samples });
  await settle();
  results.search = await benchEndpoints({
    base: cms,
    targets: SEARCH_TARGETS.slice(1),
    connections,
    duration,
  });
  await settle();
  // The catalogue page with a query nobody asked before: the site renders it, the CMS searches. The
  // queries come from the other end of the list the fresh searches took theirs from. The site has
  // served one page so far, and a server warms up over thousands of requests (V8 compiles the hot
  // code, the connections' pools fill): it first serves, for as long as the measured load, catalogue
  // pages of the queries the fresh searches already asked (the CMS keeps an answer at most a minute:
  // most are searched again), not measured, as every other figure here is taken warm; the measured
  // load then goes on with queries nobody asked.
  const pageQueries = (await distinctQueries(databaseUrl, 200_000)).reverse();
  const unasked = pageQueries.length - results.freshSearch.used;
  const asked = pageQueries.slice(unasked);
  let nextAsked = 0;
  let nextPage = 0;
  const catalogueLoad = (seconds, nextQuery) =>
    load({
      url: `${site}/san-pham`,
      connections: 10,
      duration: seconds,
      nextPath: () => `/san-pham?q=${encodeURIComponent(nextQuery())}`,
    });
  const warmUp = await catalogueLoad(duration, () => asked[nextAsked++ % asked.length]);
  console.log(
    `[bench] Trang danh mục, lượt khởi động (truy vấn đã hỏi, không tính): ${warmUp.rps} trang/giây, p95 ${warmUp.p95} ms.`,
  );
  await settle();
  results.freshCatalogue = {
    label: 'catalogue /san-pham, new query each time, 10 connections (after a warm-up load)',
    ...(await catalogueLoad(duration, () => pageQueries[nextPage++ % pageQueries.length])),
    warmUp,
  };
  if (nextPage > unasked) {
    results.freshCatalogue.repeated = nextPage - unasked;
    console.log(
      `[bench] Trang danh mục: ${nextPage - unasked} truy vấn đã hỏi trước đó (hết ${unasked} truy vấn mới): ` +
        'số đo gồm cả câu trả lời có sẵn; hãy tạo thêm sản phẩm.',
    );
  }
  await settle();
  results.catalogue = await benchSite({ site, cms, pagePath: '/san-pham', connections, duration, rounds });
  await settle();
  results.productPage = await benchSite({
    site,
    cms,
    pagePath: `/san-pham/${slug}`,
    connections,
    duration,
    rounds,
  });
  await settle();
  results.workflow = await benchWorkflow({ base: cms, databaseUrl, email, password, tasks, samples });

  const cpus = os.cpus();
  const machine = {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    ramGB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(1))),
    node: process.version,
    postgres: pgVersion,
    os: `${os.type()} ${os.release()}`,
  };
  const report = {
    at: new Date().toISOString(),
    loadAverageBefore,
    machine,
    data: { publicProducts, productRows: present, seededSeconds, tasks },
    load: { connections, seconds: duration, rounds },
    startupSeconds,
    ...results,
  };

  // 4. The table.
  // null: no answer arrived within the load (every request slower than its duration).
  const line = (cells, widths) =>
    `| ${cells.map((c, i) => String(c ?? '—').padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const out = [];
  out.push(
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGB} GB RAM, Node ${machine.node}, PostgreSQL ${machine.postgres} (same machine, shared_buffers ${sharedBuffers}); load average before ${loadAverageBefore.join(' / ')}, at the end ${machine.loadAverage.join(' / ')}`,
  );
  out.push(
    `Data: ${publicProducts} public products; ${connections} connections, ${duration} s per load; CMS start to ready: ${startupSeconds} s`,
  );
  out.push('');
  out.push(line(['Measure', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors'], [64]));
  out.push('|---|---|---|---|---|---|');
  for (const r of [
    ...results.productList,
    ...results.freshSearch.rows,
    ...results.search,
    results.freshCatalogue,
  ])
    out.push(line([r.label, r.rps ?? '', r.p50, r.p95, r.p99, r.errors], [64]));
  for (const [name, page] of [
    ['catalogue /san-pham', results.catalogue],
    ['product page', results.productPage],
  ])
    for (const r of page.rounds)
      out.push(
        line(
          [
            `${r.key === 'site' ? name : `ceiling for ${name}`}, round ${r.round}`,
            r.rps,
            r.p50,
            r.p95,
            r.p99,
            r.errors,
          ],
          [64],
        ),
      );
  for (const r of results.workflow.rows)
    out.push(
      line([`${r.label} (${results.workflow.tasks} tasks, sequential)`, '', r.p50, r.p95, r.p99, ''], [64]),
    );
  out.push('');
  out.push(
    `Catalogue throughput ${results.catalogue.ratio}× the plain Astro ceiling; product page ${results.productPage.ratio}×.`,
  );
  // The targets of issue 20, against this run's figures.
  const sum = (rows, key) => rows.reduce((total, r) => total + (r[key] ?? 0), 0);
  const apiRows = results.productList.filter((r) => r.label.startsWith('product list API'));
  const peerRows = results.productList.filter((r) => r.label.startsWith('raw peer'));
  const api = {
    rps: Math.round(sum(apiRows, 'rps') / apiRows.length),
    p95: Math.max(...apiRows.map((r) => r.p95)),
  };
  const peerRps = Math.round(sum(peerRows, 'rps') / peerRows.length);
  const [freshSequential, freshLoaded] = results.freshSearch.rows;
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  report.targets = {
    listThroughput: api.rps >= 300 && api.rps >= peerRps / 2,
    listLatency: api.p95 < 150,
    searchSequential: freshSequential.p95 < 50,
    searchLoaded: freshLoaded.p95 < 150,
    catalogueNewQuery: results.freshCatalogue.rps >= 300 && !results.freshCatalogue.repeated,
  };
  out.push(
    `Targets: list API ${api.rps} req/s (≥ 300 and ≥ half the raw peer's ${peerRps}): ${verdict(report.targets.listThroughput)}; ` +
      `list p95 ${api.p95} ms (< 150): ${verdict(report.targets.listLatency)}; ` +
      `new search p95 ${freshSequential.p95} ms sequential (< 50): ${verdict(report.targets.searchSequential)}, ` +
      `${freshLoaded.p95} ms at ${connections} connections (< 150): ${verdict(report.targets.searchLoaded)}; ` +
      `catalogue with a new query ${results.freshCatalogue.rps} req/s at 10 connections (≥ 300): ${verdict(report.targets.catalogueNewQuery)}.`,
  );
  console.log(`\n${out.join('\n')}`);

  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${report.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n[bench] Đã lưu ${path.relative(root, file)}`);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
