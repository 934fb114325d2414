#!/usr/bin/env node
// The raw peer of the product list API: a minimal node:http + pg server answering the same page
// (24 products in name order, with category, department and seller card, and the total) from the
// same read model with ONE statement per request, no cache of answers; the total is counted once
// at start (the catalogue does not change during a bench; the CMS keeps its own with its answers).
// It is the ceiling the CMS is compared with in `npm run bench`: what is left for Strapi's
// middleware and the API's own checks to cost. Started by bench/run.mjs; alone:
// DATABASE_URL=… node bench/raw-peer.mjs [--port 0] (prints the port it listens on).
import http from 'node:http';
import pg from 'pg';
import { arg, isMain } from './lib.mjs';

const PAGE = `
  SELECT p.body, c.body AS category, d.body AS department, s.card AS seller
  FROM pub_products p
  LEFT JOIN pub_categories c ON c.document_id = p.category_id
  LEFT JOIN pub_departments d ON d.document_id = p.department_id
  LEFT JOIN pub_sellers s ON s.document_id = p.seller_id
  WHERE p.listed = 1
  ORDER BY p.name_key, p.slug
  LIMIT $1 OFFSET $2`;

/** Starts the peer on `port` (0: any free one); resolves `{ port, close }`. */
export async function startRawPeer({ databaseUrl, port = 0, poolSize = 10 }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const total = Number(
    (await pool.query('SELECT count(*) AS n FROM pub_products WHERE listed = 1')).rows[0].n,
  );
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://peer');
      const pageSize = Math.min(100, Number(url.searchParams.get('pagination[pageSize]') ?? 24) || 24);
      const page = Math.max(1, Number(url.searchParams.get('pagination[page]') ?? 1) || 1);
      const { rows } = await pool.query(PAGE, [pageSize, (page - 1) * pageSize]);
      const items = rows.map(
        (r) =>
          `${r.body.slice(0, -1)},"category":${r.category ?? 'null'},"department":${r.department ?? 'null'},"seller":${r.seller ?? 'null'}}`,
      );
      const body = `{"data":[${items.join(',')}],"meta":{"pagination":{"page":${page},"pageSize":${pageSize},"pageCount":${Math.ceil(total / pageSize)},"total":${total}}}}`;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

if (isMain(import.meta.url)) {
  const peer = await startRawPeer({ databaseUrl: process.env.DATABASE_URL, port: Number(arg('port', 0)) });
  console.log(`Raw peer: http://127.0.0.1:${peer.port}/api/products?pagination[pageSize]=24`);
}
