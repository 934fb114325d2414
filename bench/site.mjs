#!/usr/bin/env node
// Prints, in one run, the public catalogue page's throughput and latency against a running site
// (`npm start`, ideally after `npm run db:seed -- --scale 100000`) next to the ceiling: a plain Astro
// 5 SSR page (same adapter, same Node) answering the same HTML from inline data, with no CMS call
// and no template work. Also prints the page's weight against the budget (HTML + CSS + JS).
// Usage: node bench/site.mjs [--url http://127.0.0.1:4321] [--cms http://127.0.0.1:1337]
//        [--path /san-pham] [--connections 25] [--seconds 10] [--rounds 2]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { arg, isMain, load, root } from './lib.mjs';

const TARGET_RATIO = 0.8;
const BUDGET = { total: 60 * 1024, js: 20 * 1024 };

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The page against the ceiling, `rounds` alternating rounds; its weight without images. */
export async function benchSite({
  site,
  cms,
  pagePath = '/san-pham',
  connections = 25,
  duration = 10,
  rounds = 2,
}) {
  const products = await fetch(`${cms}/api/products?pagination[pageSize]=1`)
    .then((res) => res.json())
    .then((body) => body.meta.pagination.total)
    .catch(() => 'unknown (CMS not reachable)');
  const first = await fetch(`${site}${pagePath}`);
  if (!first.ok)
    throw new Error(`${site}${pagePath} answered ${first.status}: start the site first (npm start).`);
  const html = await first.text();
  const assets = async (pattern) => {
    const urls = [...html.matchAll(pattern)].map((match) => new URL(match[1], site).href);
    const bodies = await Promise.all(urls.map((url) => fetch(url).then((res) => res.arrayBuffer())));
    return bodies.reduce((sum, body) => sum + body.byteLength, 0);
  };
  const css = await assets(/<link rel="stylesheet" href="([^"]+)"/g);
  const js = await assets(/<script[^>]* src="([^"]+)"/g);
  const htmlBytes = Buffer.byteLength(html);

  // 2. The ceiling: a throwaway Astro project (git-ignored) whose only page answers that HTML.
  const ceilingDir = path.join(root, 'bench', '.ceiling');
  fs.rmSync(ceilingDir, { recursive: true, force: true });
  fs.mkdirSync(path.join(ceilingDir, 'src', 'pages'), { recursive: true });
  fs.writeFileSync(path.join(ceilingDir, 'src', 'page.json'), JSON.stringify(html));
  fs.writeFileSync(
    path.join(ceilingDir, 'astro.config.mjs'),
    `import node from '@astrojs/node';\nimport { defineConfig } from 'astro/config';\n` +
      `export default defineConfig({ output: 'server', adapter: node({ mode: 'standalone' }), devToolbar: { enabled: false } });\n`,
  );
  fs.writeFileSync(
    path.join(ceilingDir, 'src', 'pages', 'index.astro'),
    `---\nimport html from '../page.json';\n---\n<Fragment set:html={html} />\n`,
  );
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'astro', 'astro.js'), 'build'], {
    cwd: ceilingDir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
  });
  if (build.status !== 0)
    throw new Error(`Building the ceiling page failed:\n${build.stdout}\n${build.stderr}`);
  const ceilingPort = await freePort();
  const ceiling = spawn(process.execPath, [path.join(ceilingDir, 'dist', 'server', 'entry.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(ceilingPort) },
    stdio: 'ignore',
  });
  const ceilingUrl = `http://127.0.0.1:${ceilingPort}/`;
  for (let i = 0; i < 100; i += 1) {
    const ready = await fetch(ceilingUrl)
      .then((res) => res.ok)
      .catch(() => false);
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  // 3. Both under the same load, one after the other.
  try {
    const ceilingHtml = await fetch(ceilingUrl).then((res) => res.text());
    if (ceilingHtml !== html) throw new Error('The ceiling page does not answer the same HTML.');
    // Alternating rounds, so a burst of other work on the machine does not fall on one side only.
    const results = [];
    const totals = { site: 0, ceiling: 0 };
    for (let round = 1; round <= rounds; round += 1) {
      for (const [key, label, url] of [
        ['site', `catalogue ${pagePath}`, `${site}${pagePath}`],
        ['ceiling', 'ceiling: plain Astro page, inline HTML', ceilingUrl],
      ]) {
        const result = await load({ url, connections, duration });
        totals[key] += result.requests;
        results.push({ round, key, label, ...result });
      }
    }
    return {
      products,
      pagePath,
      connections,
      duration,
      rounds: results,
      ratio: Number((totals.site / totals.ceiling).toFixed(2)),
      weight: { html: htmlBytes, css, js, total: htmlBytes + css + js },
    };
  } finally {
    ceiling.kill();
  }
}

export function printSite(result) {
  console.log(
    `${result.connections} connections, ${result.duration} s each; warm (the page was fetched once before)`,
  );
  console.log(
    'round'.padEnd(6),
    'page'.padEnd(40),
    'req/s'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'errors'.padStart(7),
  );
  for (const r of result.rounds)
    console.log(
      String(r.round).padEnd(6),
      r.label.padEnd(40),
      String(r.rps).padStart(8),
      String(r.p50).padStart(8),
      String(r.p99).padStart(8),
      String(r.errors).padStart(7),
    );
  console.log(
    `throughput over all rounds: ${result.ratio}× the ceiling (target ≥ ${TARGET_RATIO}×): ${result.ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`,
  );
  const { html, css, js, total } = result.weight;
  console.log(
    `page weight without images: HTML ${kb(html)} + CSS ${kb(css)} + JS ${kb(js)} = ${kb(total)} ` +
      `(budget ${kb(BUDGET.total)}, JS ≤ ${kb(BUDGET.js)}): ${total <= BUDGET.total && js <= BUDGET.js ? 'met' : 'NOT met'}`,
  );
}

if (isMain(import.meta.url)) {
  const site = arg('url', `http://127.0.0.1:${process.env.SITE_PORT || '4321'}`).replace(/\/+$/, '');
  const cms = arg('cms', process.env.CMS_URL || `http://127.0.0.1:${process.env.PORT || '1337'}`).replace(
    /\/+$/,
    '',
  );
  const result = await benchSite({
    site,
    cms,
    pagePath: arg('path', '/san-pham'),
    connections: Number(arg('connections', 25)),
    duration: Number(arg('seconds', 10)),
    rounds: Number(arg('rounds', 2)),
  });
  console.log(`Site ${site}${result.pagePath}; CMS ${cms}: ${result.products} public products`);
  printSite(result);
}
