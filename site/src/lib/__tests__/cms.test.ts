import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { EXCHANGE_MANAGER } from '@sgd/config';
import { CmsError, createCmsClient, UNREACHABLE_RECHECK_MS, type CmsClient } from '../cms';
import { communeOptions } from '../adapters';
import { listBody, makeCategory, makeLegalDocument, makeProduct } from './builders';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A real HTTP server standing in for the CMS: each test sets the answers it needs. */
let server: Server;
let baseUrl: string;
let routes: Map<string, Handler>;
let requests: URL[];

const json =
  (status: number, body: unknown): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

const strapiError = (status: number, name: string, message: string) =>
  json(status, { data: null, error: { status, name, message } });

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://cms.test');
    requests.push(url);
    const handler = routes.get(url.pathname) ?? strapiError(404, 'NotFoundError', 'Not Found');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

let client: CmsClient;
let clock: number;

beforeEach(() => {
  routes = new Map();
  requests = [];
  clock = 0;
  // A generous timeout: a loaded CI machine must not turn a slow answer into a failure. Only the
  // timeout test uses a short one, against a route that never answers.
  client = createCmsClient({ baseUrl, timeoutMs: 10_000, now: () => clock });
});

async function caught(promise: Promise<unknown>): Promise<CmsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CmsError) return error;
    throw error;
  }
  throw new Error('expected a CmsError');
}

describe('CMS client', () => {
  it('reads a product and validates it', async () => {
    const product = makeProduct({ price: '76000' });
    routes.set('/api/products/xoai-cat-hoa-loc-loai-1', json(200, { data: product, meta: {} }));

    await expect(client.getProduct('xoai-cat-hoa-loc-loai-1')).resolves.toEqual(product);
  });

  it('answers null when the CMS does not find the document', async () => {
    await expect(client.getProduct('khong-co')).resolves.toBeNull();
    await expect(client.getSeller('khong-co')).resolves.toBeNull();
    await expect(client.getLegalDocument('khong-co')).resolves.toBeNull();
  });

  it('sends the search as query parameters, asking for product cards, leaving out empty ones', async () => {
    routes.set('/api/search', json(200, listBody([makeProduct()])));

    const page = await client.searchProducts({
      q: 'bánh pía',
      licenceType: 'ocop',
      category: '',
      pageSize: 8,
    });

    expect(page.items).toHaveLength(1);
    expect(page.pagination.total).toBe(1);
    const url = requests[0] as URL;
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: 'bánh pía',
      type: 'products',
      licenceType: 'ocop',
      pageSize: '8',
      view: 'card',
    });
  });

  it('filters a seller’s products with Strapi’s filter syntax', async () => {
    routes.set('/api/products', json(200, listBody([])));

    await client.getSellerProducts('htx-hoa-hung');

    expect((requests[0] as URL).searchParams.get('filters[seller][slug][$eq]')).toBe('htx-hoa-hung');
    expect((requests[0] as URL).searchParams.get('pagination[pageSize]')).toBe('24');
  });

  it('carries the endpoint, the status and the CMS’s message of a 400', async () => {
    const message = 'Hạng OCOP phải là 3, 4 hoặc 5 sao.';
    routes.set('/api/search', strapiError(400, 'ValidationError', message));

    const error = await caught(client.searchProducts({ ocopStars: '7' }));

    expect(error.name).toBe('CmsError');
    expect(error.status).toBe(400);
    expect(error.detail).toBe(message);
    expect(error.endpoint).toBe('/api/search?type=products&ocopStars=7&view=card');
    expect(error.message).toContain(message);
  });

  it('turns a server error into a CmsError with its status', async () => {
    routes.set('/api/products/xoai', strapiError(500, 'InternalServerError', 'Internal Server Error'));

    const error = await caught(client.getProduct('xoai'));

    expect(error.status).toBe(500);
    expect(error.endpoint).toBe('/api/products/xoai');
  });

  it('refuses an answer that does not match the contract', async () => {
    routes.set('/api/products/xoai', json(200, { data: { ...makeProduct(), name: 42 }, meta: {} }));

    const error = await caught(client.getProduct('xoai'));

    expect(error.status).toBe(200);
    expect(error.message).toMatch(/Unexpected CMS answer .*name/);
  });

  it('refuses a body that is not JSON', async () => {
    routes.set('/api/news-articles', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });

    const error = await caught(client.getLatestNews());

    expect(error.status).toBe(200);
    expect(error.message).toMatch(/not JSON/);
  });

  it('gives up after the timeout', async () => {
    routes.set('/api/products/cham', () => {
      // Never answers.
    });

    const impatient = createCmsClient({ baseUrl, timeoutMs: 300, now: () => clock });
    const error = await caught(impatient.getProduct('cham'));

    expect(error.status).toBeNull();
    expect(error.endpoint).toBe('/api/products/cham');
    expect(error.message).toMatch(/no answer within 300 ms/);
  });

  it('gives up on an answer whose body stops coming, within the same time', async () => {
    routes.set('/api/products/dung-giua-chung', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data":[{"id":1,');
      // …and nothing more.
    });

    const impatient = createCmsClient({ baseUrl, timeoutMs: 300, now: () => clock });
    const error = await caught(impatient.getProduct('dung-giua-chung'));

    // Given up after the time (the test would wait for ever otherwise), as an answer not understood.
    expect(error.endpoint).toBe('/api/products/dung-giua-chung');
    expect(error.message).toMatch(/not JSON/);
  });

  it('gives up when the CMS does not answer its liveness route either, and for a moment asks that route first', async () => {
    // Accepts connections and never answers: a hung CMS, or a network that drops the packets.
    const sockets: net.Socket[] = [];
    const hung = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const { port } = hung.address() as AddressInfo;
    const client = createCmsClient({
      baseUrl: `http://127.0.0.1:${port}`,
      timeoutMs: 10_000,
      slowAfterMs: 100,
      probeTimeoutMs: 100,
      now: () => clock,
    });
    try {
      const started = Date.now();
      const error = await caught(client.getProduct('xoai'));
      expect(error.status).toBeNull();
      expect(error.message).toMatch(/no answer from \/_health within 100 ms/);
      // Well before the 10-second timeout.
      expect(Date.now() - started).toBeLessThan(5000);

      const again = await caught(client.getCategories());
      expect(again.message).toMatch(/as a moment ago/);

      clock += UNREACHABLE_RECHECK_MS;
      const later = await caught(client.getCategories());
      expect(later.message).toMatch(/no answer from \/_health/);
    } finally {
      for (const socket of sockets) socket.destroy();
      hung.close();
    }
  });

  it('waits for the answer to a write until its time limit: the CMS may be doing it', async () => {
    const sockets: net.Socket[] = [];
    const hung = net.createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const { port } = hung.address() as AddressInfo;
    const client = createCmsClient({
      baseUrl: `http://127.0.0.1:${port}`,
      slowAfterMs: 20,
      probeTimeoutMs: 20,
      now: () => clock,
    });
    try {
      const error = await caught(client.send('/api/orders', { method: 'POST', body: '{}' }, 300));
      expect(error.status).toBeNull();
      // Not given up when the liveness route did not answer, but when the write's own time ran out.
      expect(error.message).toMatch(/no answer within 300 ms/);
    } finally {
      for (const socket of sockets) socket.destroy();
      hung.close();
    }
  });

  it('waits for a CMS that is slow but alive (it answers its liveness route)', async () => {
    routes.set('/_health', (_req, res) => {
      res.writeHead(204).end();
    });
    const product = makeProduct();
    routes.set('/api/products/cham', (req, res) => {
      setTimeout(() => json(200, { data: product, meta: {} })(req, res), 400);
    });
    const patient = createCmsClient({
      baseUrl,
      timeoutMs: 10_000,
      slowAfterMs: 50,
      probeTimeoutMs: 100,
      now: () => clock,
    });

    await expect(patient.getProduct('cham')).resolves.toEqual(product);
  });

  it('waits for a CMS slow to reach its liveness route while it answers other calls (a loaded CMS)', async () => {
    // The liveness route is answered after the probe gave up; another call is answered meanwhile.
    routes.set('/_health', (_req, res) => {
      setTimeout(() => res.writeHead(204).end(), 600);
    });
    const product = makeProduct();
    routes.set('/api/products/cham', (req, res) => {
      setTimeout(() => json(200, { data: product, meta: {} })(req, res), 400);
    });
    routes.set('/api/categories', (req, res) => {
      setTimeout(() => json(200, listBody([makeCategory()]))(req, res), 100);
    });
    const loaded = createCmsClient({
      baseUrl,
      timeoutMs: 10_000,
      slowAfterMs: 50,
      probeTimeoutMs: 150,
      now: () => clock,
    });

    const [found, categories] = await Promise.all([loaded.getProduct('cham'), loaded.getCategories()]);
    expect(found).toEqual(product);
    expect(categories).toHaveLength(1);
    // Not marked unreachable: the next call is sent.
    await expect(loaded.getProduct('cham')).resolves.toEqual(product);
  });

  it('uses the CMS again as soon as it answers its liveness route, even a moment after it was found unreachable', async () => {
    // Held up for a moment (a long synchronous task, a slow disk): it answers nothing, then all.
    let held = true;
    const product = makeProduct();
    routes.set('/_health', (_req, res) => {
      if (!held) res.writeHead(204).end();
    });
    routes.set('/api/products/cham', (req, res) => {
      if (!held) json(200, { data: product, meta: {} })(req, res);
    });
    const client = createCmsClient({
      baseUrl,
      timeoutMs: 10_000,
      slowAfterMs: 50,
      probeTimeoutMs: 300,
      now: () => clock,
    });

    const error = await caught(client.getProduct('cham'));
    expect(error.message).toMatch(/no answer from \/_health within 300 ms/);

    held = false;
    // Same moment (the clock has not moved): the CMS answers its liveness route, so it is asked.
    await expect(client.getProduct('cham')).resolves.toEqual(product);
  });

  it('reads the answers that arrived while the site itself was held up before deciding the CMS did not answer', async () => {
    // The CMS runs in another thread: it answers while this one (the site) is busy.
    const product = makeProduct();
    const cmsThread = new Worker(
      `const http = require('node:http');
       const { parentPort } = require('node:worker_threads');
       const server = http.createServer((req, res) => {
         if (req.url === '/_health') parentPort.postMessage('probed');
         setTimeout(() => {
           res.writeHead(200, { 'content-type': 'application/json' });
           res.end(req.url === '/_health' ? '' : JSON.stringify({ data: ${JSON.stringify(product)}, meta: {} }));
         }, req.url === '/_health' ? 20 : 40);
       });
       server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port));`,
      { eval: true },
    );
    try {
      const port = await new Promise<number>((resolve) => cmsThread.once('message', resolve));
      // Once the probe has reached the CMS, the site is busy for longer than the probe's time,
      // while the CMS answers both calls.
      cmsThread.on('message', () => {
        const end = Date.now() + 1000;
        while (Date.now() < end);
      });
      const client = createCmsClient({
        baseUrl: `http://127.0.0.1:${port}`,
        timeoutMs: 10_000,
        slowAfterMs: 10,
        probeTimeoutMs: 100,
        now: () => clock,
      });
      await expect(client.getProduct('cham')).resolves.toEqual(product);
    } finally {
      await cmsThread.terminate();
    }
  });

  it('reports a CMS that is not running', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const offline = createCmsClient({ baseUrl: `http://127.0.0.1:${port}` });

    const error = await caught(offline.getCategories());

    expect(error.status).toBeNull();
    expect(error.endpoint).toMatch(/^\/api\/categories\?/);
    expect(error.message).toMatch(/ECONNREFUSED/);
  });

  it('reads every page of communes', async () => {
    routes.set('/api/administrative-units', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://cms.test');
      const page = Number(url.searchParams.get('pagination[page]'));
      const units = Array.from({ length: page === 1 ? 100 : 2 }, (_, i) => ({
        id: page * 1000 + i,
        documentId: `u${page}-${i}`,
        name: `Xã ${page}-${i}`,
        code: String(page * 1000 + i),
        level: 'commune',
      }));
      json(200, listBody(units, page, 100, 102))(req, res);
    });

    const communes = await client.getCommunes();

    expect(communes).toHaveLength(102);
    expect(requests.map((url) => url.searchParams.get('pagination[page]'))).toEqual(['1', '2']);
    expect((requests[0] as URL).searchParams.get('filters[level][$eq]')).toBe('commune');
  });

  it('gives the same list of communes while its answers are kept, the renamed one once the webhook empties them', async () => {
    let name = 'Xã An Hữu';
    routes.set('/api/administrative-units', (req, res) =>
      json(200, listBody([{ id: 1, documentId: 'u1', name, code: '29869', level: 'commune' }]))(req, res),
    );

    const first = await client.getCommunes();
    // The same array: the catalogue's select derives its sorted options from it once.
    expect(await client.getCommunes()).toBe(first);
    expect(communeOptions(first)).toBe(communeOptions(await client.getCommunes()));

    name = 'Phường An Hữu';
    client.invalidate();
    const renamed = await client.getCommunes();
    expect(renamed.map((unit) => unit.name)).toEqual(['Phường An Hữu']);
    expect(communeOptions(renamed).map((option) => option.label)).toEqual(['Phường An Hữu']);
  });

  it('keeps an answer until the TTL runs out, and does not keep a failure', async () => {
    routes.set('/api/categories', strapiError(503, 'ServiceUnavailableError', 'Đang bảo trì'));
    await expect(client.getCategories()).rejects.toBeInstanceOf(CmsError);

    routes.set('/api/categories', json(200, listBody([makeCategory()])));
    await client.getCategories();
    clock = 59_000;
    await client.getCategories();
    expect(requests).toHaveLength(2);

    clock = 61_000;
    await client.getCategories();
    expect(requests).toHaveLength(3);
  });

  it('answers a second read of the same endpoint and query from the cache, a new query from the CMS', async () => {
    routes.set('/api/search', json(200, listBody([makeProduct()])));

    await client.searchProducts({ q: 'xoài' });
    await client.searchProducts({ q: 'xoài' });
    expect(requests).toHaveLength(1);

    await client.searchProducts({ q: 'xoài', page: 2 });
    expect(requests).toHaveLength(2);
  });

  it('shares one request between concurrent reads of the same endpoint', async () => {
    routes.set('/api/products/xoai', json(200, { data: makeProduct(), meta: {} }));

    await Promise.all([client.getProduct('xoai'), client.getProduct('xoai'), client.getProduct('xoai')]);

    expect(requests).toHaveLength(1);
  });

  it('keeps a 404 (null) until invalidated, then asks again', async () => {
    await expect(client.getProduct('moi')).resolves.toBeNull();
    await expect(client.getProduct('moi')).resolves.toBeNull();
    expect(requests).toHaveLength(1);

    const product = makeProduct({ slug: 'moi' });
    routes.set('/api/products/moi', json(200, { data: product, meta: {} }));
    client.invalidate();

    await expect(client.getProduct('moi')).resolves.toEqual(product);
    expect(requests).toHaveLength(2);
  });

  it('does not keep a bad search (400): the CMS is asked each time', async () => {
    routes.set('/api/search', strapiError(400, 'ValidationError', 'Sai'));

    await expect(client.searchProducts({ ocopStars: '7' })).rejects.toBeInstanceOf(CmsError);
    await expect(client.searchProducts({ ocopStars: '7' })).rejects.toBeInstanceOf(CmsError);

    expect(requests).toHaveLength(2);
  });

  it('serves the last copy, and says it is degraded, while the CMS is down; recovers when it answers', async () => {
    const product = makeProduct({ name: 'Xoài cát bản cũ' });
    routes.set('/api/products/xoai', json(200, { data: product, meta: {} }));
    await client.getProduct('xoai');
    expect(client.isDegraded()).toBe(false);

    routes.set('/api/products/xoai', strapiError(502, 'BadGateway', 'Bad Gateway'));
    client.invalidate();
    await expect(client.getProduct('xoai')).resolves.toEqual(product);
    expect(client.isDegraded()).toBe(true);
    // With nothing cached there is nothing to show: the error stays.
    routes.set('/api/sellers/chua-xem', strapiError(502, 'BadGateway', 'Bad Gateway'));
    await expect(client.getSeller('chua-xem')).rejects.toBeInstanceOf(CmsError);

    const renamed = makeProduct({ name: 'Xoài cát bản mới' });
    routes.set('/api/products/xoai', json(200, { data: renamed, meta: {} }));
    await expect(client.getProduct('xoai')).resolves.toEqual(renamed);
    expect(client.isDegraded()).toBe(false);
  });

  it('counts the CMS as starting until it first answers, for two minutes at most', async () => {
    const refused = createCmsClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 10_000, now: () => clock });
    await expect(refused.getProduct('xoai')).rejects.toBeInstanceOf(CmsError);
    expect(refused.isStarting()).toBe(true);
    clock += 2 * 60_000;
    expect(refused.isStarting()).toBe(false);

    const fresh = createCmsClient({ baseUrl, timeoutMs: 10_000, now: () => clock });
    expect(fresh.isStarting()).toBe(true);
    // Any answer, a 404 too, means the CMS is up.
    await expect(fresh.getProduct('khong-co')).resolves.toBeNull();
    expect(fresh.isStarting()).toBe(false);
  });

  it('keeps at most the configured number of answers, dropping the least recently used', async () => {
    const small = createCmsClient({ baseUrl, timeoutMs: 10_000, now: () => clock, cacheMaxEntries: 2 });
    for (const slug of ['a', 'b', 'c']) {
      routes.set(`/api/products/${slug}`, json(200, { data: makeProduct({ slug }), meta: {} }));
    }

    await small.getProduct('a');
    await small.getProduct('b');
    await small.getProduct('a');
    await small.getProduct('c');
    expect(requests).toHaveLength(3);

    await small.getProduct('a');
    expect(requests).toHaveLength(3);
    await small.getProduct('b');
    expect(requests).toHaveLength(4);
  });

  it('finds the regulation and privacy policy in force for the layout', async () => {
    routes.set('/api/legal-documents', (req, res) => {
      const kind = new URL(req.url ?? '/', 'http://cms.test').searchParams.get('filters[kind][$eq]');
      const doc =
        kind === 'operating_regulation'
          ? makeLegalDocument()
          : makeLegalDocument({
              slug: 'chinh-sach-bao-ve-du-lieu-ca-nhan',
              title: 'Chính sách',
              kind: 'privacy_policy',
            });
      json(200, listBody([doc], 1, 1))(req, res);
    });

    const links = await client.getSiteLinks();

    expect(links.regulation?.slug).toBe('quy-che-van-hanh-san-giao-dich-2025');
    expect(links.privacyPolicy?.slug).toBe('chinh-sach-bao-ve-du-lieu-ca-nhan');
    const query = (requests[0] as URL).searchParams;
    expect(query.get('sort')).toBe('effectiveFrom:desc');
    expect(query.get('pagination[pageSize]')).toBe('1');
    expect(query.get('filters[effectiveFrom][$lte]')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('never fails the layout: without the CMS the links are empty', async () => {
    routes.set('/api/legal-documents', strapiError(500, 'InternalServerError', 'Internal Server Error'));

    await expect(client.getSiteLinks()).resolves.toEqual({
      regulation: null,
      privacyPolicy: null,
      complaintProcess: null,
    });
  });

  it('asks for the links again as soon as the CMS answers a page, without waiting out the failure', async () => {
    // `npm start`: the first page asked while the CMS was starting got no links; the next page, read
    // from a CMS that now answers, must not still say the exchange is interrupted.
    routes.set('/api/legal-documents', strapiError(503, 'ServiceUnavailableError', 'Starting'));
    await expect(client.getSiteLinks()).resolves.toEqual({
      regulation: null,
      privacyPolicy: null,
      complaintProcess: null,
    });

    clock += 1_000;
    const doc = makeLegalDocument({ slug: 'quy-che-van-hanh-san-giao-dich-2025', title: 'Quy chế' });
    routes.set('/api/legal-documents', json(200, listBody([doc], 1, 1)));
    routes.set('/api/categories', json(200, listBody([makeCategory()])));
    await client.getCategories();

    expect((await client.getSiteLinks()).regulation?.slug).toBe('quy-che-van-hanh-san-giao-dich-2025');
  });

  it('does not ask for the links again on every page while the CMS stays down', async () => {
    routes.set('/api/legal-documents', strapiError(503, 'ServiceUnavailableError', 'Down'));
    await client.getSiteLinks();
    const asked = requests.length;

    clock += 1_000;
    await expect(client.getSiteLinks()).resolves.toEqual({
      regulation: null,
      privacyPolicy: null,
      complaintProcess: null,
    });
    expect(requests.length).toBe(asked);
  });

  it("gives the footer the manager's contacts as the admin keeps them, the configured ones without the CMS", async () => {
    const department = (code: string, name: string, phone: string | null) => ({
      id: 1,
      documentId: `dep-${code}`,
      code,
      name,
      phone,
      email: `${code.toLowerCase()}@example.vn`,
      address: null,
    });
    routes.set(
      '/api/departments',
      json(
        200,
        listBody(
          [department('SYT', 'Sở Y tế', '0273 1'), department('SCT', 'Sở Công Thương', '0273 2')],
          1,
          2,
        ),
      ),
    );
    await expect(client.getExchangeManager()).resolves.toEqual({
      name: 'Sở Công Thương',
      code: 'SCT',
      phone: '0273 2',
      email: 'sct@example.vn',
      address: null,
    });

    routes.set('/api/departments', strapiError(500, 'InternalServerError', 'Internal Server Error'));
    const fresh = createCmsClient({ baseUrl, timeoutMs: 10_000, now: () => clock });
    await expect(fresh.getExchangeManager()).resolves.toEqual(EXCHANGE_MANAGER);
  });
});
