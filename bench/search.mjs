#!/usr/bin/env node
// Throughput and latency of the public read API and of search against a running CMS (npm start,
// ideally after `npm run db:seed -- --scale 100000`). Imported by bench/run.mjs (`npm run bench`).
// Usage: node bench/search.mjs [--url http://127.0.0.1:1337] [--connections 25] [--seconds 10]
import { arg, isMain, load } from './lib.mjs';

export const SEARCH_TARGETS = [
  ['catalogue page (24 products)', '/api/products?pagination[pageSize]=24'],
  ['search "xoai cat"', '/api/search?q=xoai%20cat'],
  ['search "banh pia" + OCOP', '/api/search?q=banh%20pia&licenceType=ocop'],
  ['search 2 letters "ca"', '/api/search?q=ca'],
  ['sellers search "dong thap"', '/api/search?q=dong%20thap&type=sellers'],
];

/** Load on each target in turn: `{ label, path, rps, p50, p95, p99, errors }` per target. */
export async function benchEndpoints({ base, targets, connections = 25, duration = 10, headers = {} }) {
  const rows = [];
  for (const [label, path] of targets)
    rows.push({ label, path, ...(await load({ url: `${base}${path}`, connections, duration, headers })) });
  return rows;
}

export function printEndpoints(rows) {
  console.log(
    'endpoint'.padEnd(40),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'errors'.padStart(7),
  );
  for (const r of rows)
    console.log(
      r.label.padEnd(40),
      String(r.rps).padStart(8),
      String(r.p50).padStart(8),
      String(r.p95).padStart(8),
      String(r.p99).padStart(8),
      String(r.errors).padStart(7),
    );
}

if (isMain(import.meta.url)) {
  const base = arg('url', process.env.CMS_URL || 'http://127.0.0.1:1337');
  const connections = Number(arg('connections', 25));
  const duration = Number(arg('seconds', 10));
  const total = await fetch(`${base}/api/products?pagination[pageSize]=1`).then((r) => r.json());
  console.log(
    `CMS ${base}: ${total.meta.pagination.total} public products; ${connections} connections, ${duration} s each\n`,
  );
  printEndpoints(await benchEndpoints({ base, targets: SEARCH_TARGETS, connections, duration }));
}
