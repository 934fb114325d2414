// Shared by the bench scripts: command-line options, "run when called directly", percentiles.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};

/** True when the module at `url` is the script node was started with (not imported). */
export const isMain = (url) =>
  Boolean(process.argv[1]) && url === pathToFileURL(path.resolve(process.argv[1])).href;

/** Times `count` requests made one after the other (`pathAt(i)` each): p50/p95/p99 in ms. */
export async function sequential({ base, count, pathAt }) {
  const latencies = [];
  let errors = 0;
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const res = await fetch(`${base}${pathAt(i)}`);
    await res.arrayBuffer();
    latencies.push(performance.now() - started);
    if (!res.ok) errors += 1;
  }
  return { ...percentiles(latencies), errors, requests: count };
}

/** p50/p95/p99 of a list of milliseconds, one decimal. */
export function percentiles(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q) => Number(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/**
 * Load with autocannon: requests per second, exact p50/p95/p99 over every answered request (autocannon's
 * own summary has no p95), errors (failures and non-2xx) and the request count.
 */
export async function load({ url, connections = 25, duration = 10, headers = {}, nextPath = null }) {
  const { default: autocannon } = await import('autocannon');
  const latencies = [];
  // `nextPath`: a different path for every request (a search never asked before).
  const requests = nextPath ? [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }] : undefined;
  const result = await new Promise((resolve, reject) => {
    // A slow answer is measured, not dropped: autocannon's own timeout is 10 s.
    const instance = autocannon(
      { url, connections, duration, headers, timeout: 120, ...(requests ? { requests } : {}) },
      (error, summary) => (error ? reject(error) : resolve(summary)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return {
    rps: Math.round(result.requests.average),
    ...(latencies.length ? percentiles(latencies) : { p50: null, p95: null, p99: null }),
    errors: result.errors + result.non2xx,
    requests: result.requests.total,
  };
}
