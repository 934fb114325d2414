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
import http from 'node:http';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import('./dist/server/entry.mjs');

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
  handler(visitorFacing(req), res);
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
