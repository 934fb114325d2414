#!/usr/bin/env node
// Prints the throughput and latency of the public read API and of search
// against a running CMS (npm start, ideally after `npm run db:seed -- --scale 100000`).
// Usage: node bench/search.mjs [--url http://127.0.0.1:1337] [--connections 25] [--seconds 10]
import autocannon from 'autocannon';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const base = arg('url', process.env.CMS_URL || 'http://127.0.0.1:1337');
const connections = Number(arg('connections', 25));
const duration = Number(arg('seconds', 10));

const targets = [
  ['catalogue page (24 products)', '/api/products?pagination[pageSize]=24'],
  ['search "xoai cat"', '/api/search?q=xoai%20cat'],
  ['search "banh pia" + OCOP', '/api/search?q=banh%20pia&licenceType=ocop'],
  ['search 2 letters "ca"', '/api/search?q=ca'],
  ['sellers search "dong thap"', '/api/search?q=dong%20thap&type=sellers'],
];

const total = await fetch(`${base}/api/products?pagination[pageSize]=1`).then((r) => r.json());
console.log(
  `CMS ${base}: ${total.meta.pagination.total} public products; ${connections} connections, ${duration} s each\n`,
);
console.log(
  'endpoint'.padEnd(32),
  'req/s'.padStart(8),
  'p50 ms'.padStart(8),
  'p99 ms'.padStart(8),
  'errors'.padStart(7),
);
for (const [label, path] of targets) {
  const result = await autocannon({ url: `${base}${path}`, connections, duration });
  const errors = result.errors + result.non2xx;
  console.log(
    label.padEnd(32),
    result.requests.average.toFixed(0).padStart(8),
    String(result.latency.p50).padStart(8),
    String(result.latency.p99).padStart(8),
    String(errors).padStart(7),
  );
}
