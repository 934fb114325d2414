// The site's production server: Astro's standalone handler (static files, then pages) behind a
// plain Node HTTP server that decides what Astro believes of the X-Forwarded-* headers: the
// visitor's address (`clientAddress`) and whether the visitor came over TLS (the page's URL, hence
// HSTS and the session cookie's Secure flag). Astro believes their first values, which any
// visitor can write; here:
// - SITE_TRUST_PROXY unset: X-Forwarded-For, -Proto, -Host and -Port are dropped; the address is
//   the socket's, the protocol http;
// - SITE_TRUST_PROXY=true (the site behind one reverse proxy that appends what it saw): only the
//   last value of each, written by that proxy, is kept.
// The address goes to the CMS signed, for its per-client limits (src/lib/client-address.ts).
//
// Static files (dist/client: the built scripts, styles and icons) are served from the list of them
// made at start, the rest goes straight to Astro's pages: Astro's standalone handler looked for a
// file (lstat, then `send`'s stat and its error) before every page, 7 % of the site's CPU for a
// catalogue page.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import send from 'send';

// The pages (Astro's `middleware` mode: pages only).
const { handler } = await import('./dist/server/entry.mjs');

const clientDir = fileURLToPath(new URL('./dist/client/', import.meta.url));
/** The URL path of every built file, read once: the build does not change while the site runs. */
const staticFiles = new Set(
  fs
    .readdirSync(clientDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map(
      (entry) =>
        `/${path.relative(clientDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`,
    ),
);

/** A built file: hashed names under /_astro/ never change, so browsers keep them a year. */
function serveStatic(req, res, pathname) {
  send(req, pathname, { root: clientDir })
    .on('headers', () => {
      if (pathname.startsWith('/_astro/'))
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    })
    .on('error', (error) => {
      res.statusCode = error.status ?? 500;
      res.end();
    })
    .pipe(res);
}

const trustProxy = /^(1|true|yes)$/i.test(process.env.SITE_TRUST_PROXY ?? '');

const FORWARDED = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port'];

export function visitorFacing(req) {
  for (const name of FORWARDED) {
    const forwarded = req.headers[name];
    delete req.headers[name];
    if (!trustProxy || !forwarded) continue;
    const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    if (hops.length) req.headers[name] = hops[hops.length - 1];
  }
  return req;
}

const server = http.createServer((req, res) => {
  // Static files too: a browser never guesses a type other than the one sent.
  res.setHeader('X-Content-Type-Options', 'nosniff');
  let pathname;
  try {
    pathname = decodeURI((req.url ?? '/').split(/[?#]/)[0]);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Bad request.');
    return;
  }
  if ((req.method === 'GET' || req.method === 'HEAD') && staticFiles.has(pathname))
    serveStatic(req, res, pathname);
  else handler(visitorFacing(req), res);
});
const host = process.env.HOST ?? 'localhost';
const port = Number(process.env.PORT ?? 4321);
server.listen(port, host, () => console.log(`[site] Đang phục vụ tại http://${host}:${port}`));

// Stop taking connections on SIGTERM/SIGINT and leave once the requests in flight are answered.
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
