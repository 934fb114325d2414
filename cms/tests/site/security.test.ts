import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { SITE_ENTRY, startSite } from '../site-server';
import { formsOf, siteClient } from '../site-client';
import { makeProduct, makeSeller, unique } from '../factories';
import { makeSiteUser, SITE_PASSWORD } from '../staff';

/**
 * Issue 19's findings on the public site, with the probes that found them: where sign-in sends the
 * visitor back to (`tiep`), form pages posted with bodies that are not forms, and the security
 * headers (behind a TLS proxy too).
 */

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
/** The same site behind a reverse proxy that terminates TLS (SITE_TRUST_PROXY=true). */
let proxied: ChildProcess;
let proxiedUrl: string;
let email: string;
let cookie: string;
let productSlug: string;

const { get, signIn } = siteClient(() => siteUrl);

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('site-security');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ child: site, url: siteUrl } = await startSite(cmsUrl));
  ({ child: proxied, url: proxiedUrl } = await startSite(cmsUrl, { env: { SITE_TRUST_PROXY: 'true' } }));
  email = (await makeSiteUser(app.strapi)).email;
  cookie = await signIn(email);
  const seller = await makeSeller(app.strapi, { name: unique('Cơ sở An Toàn') });
  productSlug = (await makeProduct(app.strapi, seller.documentId, { name: unique('Bánh tét an toàn') }))
    .slug as string;
});

// Every probe signs in: the CMS's sign-in limit per client (all of them come from this machine) is
// not what these tests are about.
beforeEach(() => (app.strapi.plugin('accounts').service('rate-limit') as { reset(): Promise<void> }).reset());

afterAll(async () => {
  site?.kill();
  proxied?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

/** Signs in through the login page opened with `?tiep=<raw>`, as a browser does; answers the 303. */
async function signInGoingTo(rawTiep: string, base = siteUrl, headers: Record<string, string> = {}) {
  const page = `/tai-khoan/dang-nhap?tiep=${rawTiep}`;
  const login = await fetch(`${base}${page}`, { headers });
  const form = formsOf(await login.text(), page).find((f) => f.html.includes('name="identifier"'));
  if (!form) throw new Error('Không thấy biểu mẫu đăng nhập');
  return fetch(`${base}${form.action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: headers['x-forwarded-proto'] === 'https' ? base.replace('http:', 'https:') : base,
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    body: new URLSearchParams([
      ...form.fields,
      ['identifier', email],
      ['password', SITE_PASSWORD],
    ]).toString(),
  });
}

describe('after signing in, the visitor goes back to a page of the site only (19.1)', () => {
  it.each([
    ['/%5Cevil.example', '/tai-khoan'],
    ['/%09/evil.example', '/tai-khoan'],
    ['/%0A/evil.example', '/tai-khoan'],
    ['//evil.example', '/tai-khoan'],
    ['https://evil.example', '/tai-khoan'],
    ['/tai-khoan%0D%0ASet-Cookie:%20bi=danh-cap', '/tai-khoan'],
    ['/tai-khoan%E2%80%8F', '/tai-khoan'],
    ['/%E2%80%AEelpmaxe.live', '/tai-khoan'],
    [encodeURIComponent('/tai-khoan/don-hang?page=2'), '/tai-khoan/don-hang?page=2'],
    [encodeURIComponent('/san-pham?q=b%C3%A1nh+t%C3%A9t'), '/san-pham?q=b%C3%A1nh+t%C3%A9t'],
    [encodeURIComponent('/san-pham/bánh-tét'), '/san-pham/b%C3%A1nh-t%C3%A9t'],
  ])('tiep=%s → %s', async (tiep, location) => {
    const res = await signInGoingTo(tiep);
    expect([tiep, res.status, res.headers.get('location')]).toEqual([tiep, 303, location]);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('sgd_phien='))).toBe(true);
  });
});

describe('form pages answer 4xx to bodies that are not forms, never 500 (19.2)', () => {
  const bodies: [string, string, string][] = [
    ['JSON', 'application/json', JSON.stringify({ identifier: email, password: 'x' })],
    ['JSON hỏng', 'application/json', '{"identifier":'],
    ['XML', 'application/xml', '<?xml version="1.0"?><dang-nhap><identifier>a</identifier></dang-nhap>'],
    [
      'multipart hỏng',
      'multipart/form-data; boundary=----ranh-gioi',
      '------ranh-gioi\r\nContent-Disposition: form-data; name="identifier"\r\n\r\nabc',
    ],
    ['multipart không có ranh giới', 'multipart/form-data', 'identifier=a'],
    ['văn bản', 'text/plain', 'identifier=a&password=b'],
  ];

  /** Every form of the site, at its page and at the address its form posts to. */
  async function formTargets(): Promise<{ page: string; signedIn: boolean; targets: string[] }[]> {
    const pages: [string, boolean][] = [
      ['/tai-khoan/dang-nhap', false],
      ['/tai-khoan/dang-ky', false],
      ['/tai-khoan/quen-mat-khau', false],
      ['/tai-khoan/kich-hoat', false],
      ['/tai-khoan', true],
      ['/tai-khoan/doanh-nghiep', true],
      ['/tai-khoan/tin-cung-cau/moi', true],
      [`/tai-khoan/binh-luan/${productSlug}`, true],
      [`/bao-cao-vi-pham?loai=san-pham&ma=${productSlug}`, false],
    ];
    return Promise.all(
      pages.map(async ([page, signedIn]) => {
        const html = (await get(page, signedIn ? cookie : undefined)).html;
        const targets = [...new Set([page, ...formsOf(html, page).map((form) => form.action)])];
        return { page, signedIn, targets };
      }),
    );
  }

  it('answers 415 or 400 with a Vietnamese page to JSON, XML, broken multipart and text', async () => {
    const answers: string[] = [];
    for (const { signedIn, targets } of await formTargets()) {
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) {
        for (const [what, type, body] of bodies) {
          const res = await fetch(`${siteUrl}${target}`, {
            method: 'POST',
            redirect: 'manual',
            headers: { origin: siteUrl, 'content-type': type, ...(signedIn ? { cookie } : {}) },
            body,
          });
          const html = await res.text();
          const expected = type.startsWith('multipart/') ? 400 : 415;
          const ok =
            res.status === expected &&
            html.includes(expected === 415 ? 'Yêu cầu không phải biểu mẫu' : 'Không đọc được biểu mẫu');
          if (!ok) answers.push(`${target} ${what}: ${res.status}`);
        }
      }
    }
    expect(answers).toEqual([]);
  });

  it('covers a form added later: any address answers a body that is not a form the same way', async () => {
    for (const target of ['/trang-chua-co-bieu-mau', '/tai-khoan/muc-moi/chua-co', '/san-pham']) {
      const res = await fetch(`${siteUrl}${target}`, {
        method: 'POST',
        headers: { origin: siteUrl, 'content-type': 'application/json' },
        body: '{}',
      });
      expect([target, res.status]).toEqual([target, 415]);
    }
  });

  it('still reads real forms, and the CMS webhook still takes its JSON', async () => {
    const res = await signInGoingTo(encodeURIComponent('/tai-khoan'));
    expect(res.status).toBe(303);
    const webhook = await fetch(`${siteUrl}/webhooks/cms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    // No secret configured: refused by the webhook itself, not as "not a form".
    expect(webhook.status).toBe(401);
  });
});

describe('security headers (19.3)', () => {
  const POLICY = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https://tile.openstreetmap.org",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

  it('sends a Content-Security-Policy and the other headers on pages, cached or not, and on redirects', async () => {
    for (const path of [
      '/',
      '/',
      `/san-pham/${productSlug}`,
      '/tai-khoan/dang-nhap',
      '/tai-khoan',
      '/khong-co-trang-nay',
    ]) {
      const res = await fetch(`${siteUrl}${path}`, { redirect: 'manual' });
      expect([path, res.headers.get('content-security-policy')]).toEqual([path, POLICY]);
      expect([
        path,
        res.headers.get('x-frame-options'),
        res.headers.get('x-content-type-options'),
        res.headers.get('referrer-policy'),
        res.headers.get('strict-transport-security'),
      ]).toEqual([path, 'DENY', 'nosniff', 'strict-origin-when-cross-origin', null]);
      expect(res.headers.get('permissions-policy')).toContain('camera=()');
    }
    const etag = (await fetch(`${siteUrl}/`)).headers.get('etag') as string;
    const revalidated = await fetch(`${siteUrl}/`, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('content-security-policy')).toBe(POLICY);
  });

  it("keeps the uploads' own sandbox, and sends nosniff with the site's static files", async () => {
    const home = await (await fetch(`${siteUrl}/`)).text();
    const src = /<img[^>]+src="(\/uploads\/[^"]+)"/.exec(home)?.[1] as string;
    const image = await fetch(`${siteUrl}${src}`);
    expect(image.headers.get('content-security-policy')).toContain('sandbox');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    const favicon = await fetch(`${siteUrl}/favicon.svg`);
    expect(favicon.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('behind a TLS proxy: HSTS, upgrade-insecure-requests and a Secure session cookie', async () => {
    const tls = { 'x-forwarded-proto': 'https' };
    const page = await fetch(`${proxiedUrl}/`, { headers: tls });
    expect(page.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(page.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');

    const res = await signInGoingTo(encodeURIComponent('/tai-khoan'), proxiedUrl, tls);
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('sgd_phien=')) as string;
    expect(session.split(';').map((part) => part.trim().toLowerCase())).toEqual(
      expect.arrayContaining(['secure', 'httponly', 'samesite=lax']),
    );
  });

  it('over plain HTTP, a visitor cannot claim TLS: no HSTS, no Secure flag', async () => {
    const forged = { 'x-forwarded-proto': 'https' };
    const page = await fetch(`${siteUrl}/`, { headers: forged });
    expect(page.headers.get('strict-transport-security')).toBeNull();
    const login = await fetch(`${siteUrl}/tai-khoan/dang-nhap`);
    const form = formsOf(await login.text(), '/tai-khoan/dang-nhap')[0];
    const res = await fetch(`${siteUrl}${form.action}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: siteUrl, 'content-type': 'application/x-www-form-urlencoded', ...forged },
      body: new URLSearchParams([
        ...form.fields,
        ['identifier', email],
        ['password', SITE_PASSWORD],
      ]).toString(),
    });
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('sgd_phien=')) as string;
    expect(session.toLowerCase()).not.toContain('secure');
  });
});
