import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { freePort, SITE_ENTRY, startSite } from '../site-server';

/**
 * `npm start` runs the site and the CMS together, and the site is up first: until the CMS answers,
 * a visitor gets a short "Hệ thống đang khởi động" page (503, Retry-After), and the log gets one
 * line instead of a stack trace per request.
 */

let app: TestApp | null = null;
let site: ChildProcess;
let siteUrl: string;
let cmsPort: number;
let output = '';

const get = async (pathname: string) => {
  // A new connection each time: the CMS takes seconds to boot between two requests, about the time
  // the site's server closes an idle kept-alive socket, and a request sent on a socket being closed
  // fails ("other side closed") through no fault of the site.
  const res = await fetch(`${siteUrl}${pathname}`, { headers: { connection: 'close' } });
  return { status: res.status, html: await res.text(), headers: res.headers };
};

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  // Nothing listens there until the CMS "finishes starting" below.
  cmsPort = await freePort();
  ({ child: site, url: siteUrl } = await startSite(`http://127.0.0.1:${cmsPort}`, {
    onOutput: (text) => {
      output += text;
    },
  }));
});

afterAll(async () => {
  site?.kill();
  if (!app) return;
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await app.stop();
});

describe('while the CMS is starting', () => {
  it.each(['/', '/san-pham?q=banh+pia', '/tin-tuc', '/doanh-nghiep/co-so-mau'])(
    '%s answers the starting page with 503 and Retry-After',
    async (pathname) => {
      const res = await get(pathname);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.html).toContain('<h1>Hệ thống đang khởi động</h1>');
      expect(res.html).toContain('<meta http-equiv="refresh" content="5">');
      // It has no saved copy, so it does not claim to show one.
      expect(res.html).not.toContain('bản lưu gần nhất');
    },
  );

  it('logs one line for all those requests, and no stack trace', () => {
    const lines = output.split('\n').filter((line) => line.includes('CMS chưa trả lời'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('đang khởi động');
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain('[ERROR]');
  });

  it('does not serve the starting page at an address of its own', async () => {
    expect((await get('/tam-ngung')).status).toBe(404);
  });
});

describe('once the CMS answers', () => {
  beforeAll(async () => {
    app = await bootStrapi('site-starting');
    const server = app.strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(cmsPort, '127.0.0.1', resolve));
  });

  it('serves the pages and says once in the log that the CMS is back', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('Sàn giao dịch điện tử tỉnh Đồng Tháp');
    expect((await get('/tin-tuc')).status).toBe(200);
    const lines = output.split('\n').filter((line) => line.includes('CMS đã trả lời'));
    expect(lines).toHaveLength(1);
    expect(output).not.toMatch(/^\s+at /m);
  });
});
