// The site's production server: Astro's standalone handler (static files, then pages) behind a
// plain Node HTTP server that decides which visitor address Astro sees as `clientAddress`.
// Astro believes the first X-Forwarded-For value, which any visitor can write; here:
// - SITE_TRUST_PROXY unset: X-Forwarded-For is dropped, the address is the socket's;
// - SITE_TRUST_PROXY=true (the site behind one reverse proxy that appends the address it saw):
//   only the last value, written by that proxy, is kept.
// The address goes to the CMS signed, for its per-client limits (src/lib/client-address.ts).
import http from 'node:http';

process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import('./dist/server/entry.mjs');

const trustProxy = /^(1|true|yes)$/i.test(process.env.SITE_TRUST_PROXY ?? '');

export function visitorFacing(req) {
  const forwarded = req.headers['x-forwarded-for'];
  delete req.headers['x-forwarded-for'];
  if (trustProxy && forwarded) {
    const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean);
    if (hops.length) req.headers['x-forwarded-for'] = hops[hops.length - 1];
  }
  return req;
}

const server = http.createServer((req, res) => handler(visitorFacing(req), res));
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
