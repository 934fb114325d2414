#!/usr/bin/env node
// Throughput and latency of the public read API and of search against a running CMS (npm start,
// ideally after `npm run db:seed -- --scale 100000`). Imported by bench/run.mjs (`npm run bench`).
// Searches are never asked before: every request is a different two-word query drawn from the names
// of public products (so the answer cache, which keeps answers until the catalogue changes, cannot
// serve them), measured one after the other and under load.
// Usage: DATABASE_URL=… node bench/search.mjs [--url http://127.0.0.1:1337] [--connections 25]
//        [--seconds 10] [--samples 200]
import pg from 'pg';
import { arg, isMain, load, sequential } from './lib.mjs';

/** Fixed requests (the same answer every time: after the first, from the answer cache). */
export const SEARCH_TARGETS = [
  ['catalogue page (24 products)', '/api/products?pagination[pageSize]=24'],
  ['search "xoai cat"', '/api/search?q=xoai%20cat'],
  ['search "banh pia" + OCOP', '/api/search?q=banh%20pia&licenceType=ocop'],
  ['sellers search "dong thap"', '/api/search?q=dong%20thap&type=sellers'],
];

/** A pseudo-random order that is the same in every run (a fair comparison between runs). */
function shuffle(values, seed = 20) {
  const out = [...values];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Distinct two-word queries drawn from the names of public products in the read model (two words of
 * one name, in the order they come), shuffled: `count` of them at most.
 */
export async function distinctQueries(databaseUrl, count) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(
      'SELECT name_words FROM pub_products WHERE listed = 1 ORDER BY md5(document_id) LIMIT 20000',
    );
    const queries = new Set();
    for (const { name_words: words } of rows) {
      const list = words.split(' ').filter((w) => /[a-z]/.test(w));
      for (let i = 0; i < list.length; i += 1)
        for (let j = i + 1; j < list.length; j += 1) queries.add(`${list[i]} ${list[j]}`);
    }
    return shuffle([...queries]).slice(0, count);
  } finally {
    await db.end();
  }
}

/** One- and two-letter queries (prefixes through the index), each once. */
export function shortQueries() {
  const letters = 'abcdeghiklmnopqrstuvxy';
  const out = [...letters];
  for (const a of letters) for (const b of 'aehinou') out.push(`${a}${b}`);
  return shuffle(out, 7);
}

const searchPath = (q) => `/api/search?q=${encodeURIComponent(q)}`;

/**
 * Searches never asked before: `samples` one after the other, then a load of `connections` for
 * `duration` seconds, every request a query not asked before.
 */
export async function benchFreshSearch({
  base,
  databaseUrl,
  connections = 25,
  duration = 10,
  samples = 200,
}) {
  const queries = await distinctQueries(databaseUrl, samples + connections * duration * 400);
  if (queries.length < samples * 2)
    throw new Error(`Only ${queries.length} distinct queries: seed more products.`);
  const seq = await sequential({ base, count: samples, pathAt: (i) => searchPath(queries[i]) });
  let next = samples;
  const loaded = await load({
    url: `${base}/api/search`,
    connections,
    duration,
    nextPath: () => searchPath(queries[next++ % queries.length]),
  });
  const shorts = shortQueries();
  const short = await sequential({ base, count: shorts.length, pathAt: (i) => searchPath(shorts[i]) });
  const prefixes = queries.slice(next, next + samples).map((q) => q.slice(0, Math.max(2, q.length - 3)));
  const autocomplete = await sequential({
    base,
    count: prefixes.length,
    pathAt: (i) => `/api/search/autocomplete?q=${encodeURIComponent(prefixes[i])}`,
  });
  return {
    distinct: queries.length,
    // The queries asked, from the front of `distinctQueries`' list (the loaded ones and the prefixes).
    used: Math.min(queries.length, next + samples),
    rows: [
      { label: `search, new two-word query each time, sequential (${samples})`, ...seq },
      { label: `search, new two-word query each time, ${connections} connections`, ...loaded },
      { label: `search, one- and two-letter queries, sequential (${shorts.length})`, ...short },
      { label: `autocomplete, new prefix each time, sequential (${prefixes.length})`, ...autocomplete },
    ],
  };
}

/** Load on each target in turn: `{ label, path, rps, p50, p95, p99, errors }` per target. */
export async function benchEndpoints({ base, targets, connections = 25, duration = 10, headers = {} }) {
  const rows = [];
  for (const [label, path] of targets)
    rows.push({ label, path, ...(await load({ url: `${base}${path}`, connections, duration, headers })) });
  return rows;
}

export function printEndpoints(rows) {
  console.log(
    'endpoint'.padEnd(64),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'errors'.padStart(7),
  );
  for (const r of rows)
    console.log(
      r.label.padEnd(64),
      String(r.rps ?? '').padStart(8),
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
  const samples = Number(arg('samples', 200));
  const total = await fetch(`${base}/api/products?pagination[pageSize]=1`).then((r) => r.json());
  console.log(
    `CMS ${base}: ${total.meta.pagination.total} public products; ${connections} connections, ${duration} s each\n`,
  );
  const rows = await benchEndpoints({ base, targets: SEARCH_TARGETS, connections, duration });
  if (process.env.DATABASE_URL) {
    rows.push(
      ...(
        await benchFreshSearch({
          base,
          databaseUrl: process.env.DATABASE_URL,
          connections,
          duration,
          samples,
        })
      ).rows,
    );
  } else {
    console.log('(DATABASE_URL unset: searches never asked before are drawn from PostgreSQL and skipped.)\n');
  }
  printEndpoints(rows);
}
