import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RateLimits } from '@sgd/plugin-accounts';
import { signClientAddress } from '@sgd/plugin-core';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { SITE_ENTRY, startSite } from '../site-server';

/**
 * The CMS's per-client limits count the site's visitors, not the site: the site names each visitor
 * in a header signed with the secret both share, and the CMS believes only a header that verifies.
 */

const SECRET = 'bi-mat-dia-chi-nguoi-xem-thu';
const TOO_MANY = 'Bạn đã thử quá nhiều lần';
/** Failed sign-ins allowed per address here (the real allowance, sized for a NAT, is in the accounts test). */
const LOGIN_MAX = 10;
let attempt = 0;
/** A different account each time: the limit per account must not be what stops these attempts. */
const someone = () => `khong-co-ai-${(attempt += 1)}@example.vn`;

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let cmsUrl: string;
const saved = process.env.SITE_WEBHOOK_SECRET;

/** A request from one loopback address (the whole 127.0.0.0/8 reaches this machine). */
function send(
  url: string,
  from: string,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        localAddress: from,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A wrong password typed into the site's login form by a visitor at `from`. */
const signInThroughSite = (from: string, headers: Record<string, string> = {}) =>
  send(
    `${siteUrl}/tai-khoan/dang-nhap`,
    from,
    new URLSearchParams({ identifier: someone(), password: 'Sai-mat-khau-1' }).toString(),
    { origin: siteUrl, 'content-type': 'application/x-www-form-urlencoded', ...headers },
  );

/** The same attempt sent straight to the CMS's API. */
const signInDirectly = (headers: Record<string, string> = {}) =>
  send(
    `${cmsUrl}/api/accounts/login`,
    '127.0.0.1',
    JSON.stringify({ identifier: someone(), password: 'Sai-mat-khau-1' }),
    { 'content-type': 'application/json', ...headers },
  );

const limits = () => app.strapi.plugin('accounts').service('rate-limit') as RateLimits;
const resetLimits = () => limits().reset();

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  process.env.SITE_WEBHOOK_SECRET = SECRET; // the CMS reads it at start, as in production
  app = await bootStrapi('site-client-address');
  limits().useLimits({ login: { points: LOGIN_MAX, duration: 900, counts: 'failures' } });
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ child: site, url: siteUrl } = await startSite(cmsUrl, { env: { SITE_WEBHOOK_SECRET: SECRET } }));
});

afterAll(async () => {
  if (saved === undefined) delete process.env.SITE_WEBHOOK_SECRET;
  else process.env.SITE_WEBHOOK_SECRET = saved;
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

beforeEach(resetLimits);

describe('sign-in limits counted per visitor of the site', () => {
  it('stops one visitor after the limit while another visitor can still sign in', async () => {
    for (let i = 0; i < LOGIN_MAX; i += 1) {
      const page = await signInThroughSite('127.0.0.2');
      expect(page.text).not.toContain(TOO_MANY);
    }
    const blocked = await signInThroughSite('127.0.0.2');
    expect(blocked.text).toContain(TOO_MANY);

    const other = await signInThroughSite('127.0.0.3');
    expect(other.status).toBe(200);
    expect(other.text).not.toContain(TOO_MANY);
    expect(other.text).toContain('role="alert"'); // the wrong password, explained
  });

  it('ignores an X-Forwarded-For a visitor writes (the site is not told to trust a proxy)', async () => {
    for (let i = 0; i < LOGIN_MAX; i += 1) {
      await signInThroughSite('127.0.0.4', { 'x-forwarded-for': `198.51.100.${i + 1}` });
    }
    const blocked = await signInThroughSite('127.0.0.4', { 'x-forwarded-for': '198.51.100.200' });
    expect(blocked.text).toContain(TOO_MANY);
  });
});

describe('the visitor header at the CMS', () => {
  it('is not believed unsigned or forged: such calls count for the address they come from', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < LOGIN_MAX; i += 1) {
      const forged = i % 2 ? `203.0.113.${i};${now};${'0'.repeat(64)}` : `203.0.113.${i}`;
      const res = await signInDirectly({ 'x-sgd-client': forged });
      expect(res.status).not.toBe(429);
    }
    const blocked = await signInDirectly({ 'x-sgd-client': signClientAddress('doan-bua', '203.0.113.99') });
    expect(blocked.status).toBe(429);
    expect(JSON.parse(blocked.text).error.message).toContain(TOO_MANY);
  });

  it('is believed when signed with the shared secret', async () => {
    for (let i = 0; i < LOGIN_MAX; i += 1) await signInDirectly();
    expect((await signInDirectly()).status).toBe(429);
    const res = await signInDirectly({ 'x-sgd-client': signClientAddress(SECRET, '203.0.113.50') });
    expect(res.status).toBe(400);
  });
});
