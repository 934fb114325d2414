import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import jsQR from 'jsqr';
import sharp from 'sharp';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { SITE_ENTRY, startSite } from '../site-server';
import { siteClient } from '../site-client';
import { makeLicence, makeProduct, makeSeller, U, unique } from '../factories';
import { departmentId, makeOfficer, makeSiteUser } from '../staff';

/**
 * QR trust cards (issue 21.1): a verified seller's and a verified licence's card, as a page, an SVG
 * and a PNG, whose QR code opens the card's page, where the state is today's (valid, expiring,
 * expired, locked); and the small QR code of a product page. Codes are read back with jsQR.
 */

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
const { get, signIn } = siteClient(() => siteUrl);
const http = () => request(app.strapi.server.httpServer);

let owner: Awaited<ReturnType<typeof makeSiteUser>>;
let seller: { documentId: string; name: string; slug: string };
let locked: { documentId: string; name: string; slug: string };
let product: { slug: string };
const licences = { ocop: '', expiring: '', expired: '', ofLocked: '' };

/** A date `days` from today in Vietnam, YYYY-MM-DD. */
const inDays = (days: number) =>
  new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

/** What a phone reads from an image: the text of its QR code. */
async function readQr(image: Buffer, density?: number): Promise<string | null> {
  // jsQR reads a phone-sized picture quickly; a 300 dpi card would keep it busy for half a minute.
  const { data, info } = await sharp(image, density ? { density } : {})
    .resize({ width: 600, withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
}

/** The inline QR code of a page (the figure with this class), read as a phone would. */
async function pageQr(html: string, figureClass: string): Promise<string | null> {
  const svg = new RegExp(`<figure class="${figureClass}">\\s*(<svg[\\s\\S]*?</svg>)`).exec(html)?.[1];
  if (!svg) throw new Error(`Không thấy mã QR (${figureClass})`);
  return readQr(Buffer.from(svg), 144);
}

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('site-trust-cards');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ({ child: site, url: siteUrl } = await startSite(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  ));

  owner = await makeSiteUser(app.strapi);
  seller = (await makeSeller(app.strapi, {
    owner: owner.id,
    email: owner.email,
    name: unique('Hợp tác xã Xoài Hòa Lộc'),
    legalForm: 'cooperative',
    department: await departmentId(app.strapi, 'SNNMT'),
  })) as unknown as typeof seller;
  const number = (prefix: string) => unique(prefix).replace(/\s+/g, '-');
  licences.ocop = (
    await makeLicence(app.strapi, seller.documentId, {
      type: 'ocop',
      number: number('OCOP'),
      issuer: 'Ủy ban nhân dân tỉnh Đồng Tháp',
      ocopStars: 4,
      expiresOn: '2099-01-01',
    })
  ).documentId;
  licences.expiring = (
    await makeLicence(app.strapi, seller.documentId, { number: number('ATTP-SAP'), expiresOn: inDays(10) })
  ).documentId;
  licences.expired = (
    await makeLicence(app.strapi, seller.documentId, {
      number: number('ATTP-CU'),
      issuedOn: '2019-01-01',
      expiresOn: '2020-01-01',
    })
  ).documentId;
  product = (await makeProduct(app.strapi, seller.documentId, { name: unique('Xoài cát') })) as unknown as {
    slug: string;
  };

  locked = (await makeSeller(app.strapi, { name: unique('Cơ sở Bị Khóa') })) as unknown as typeof locked;
  licences.ofLocked = (
    await makeLicence(app.strapi, locked.documentId, { number: number('ATTP-KHOA'), expiresOn: '2099-01-01' })
  ).documentId;
  // Locked by an officer after its verification (both versions, as the workflow's locking does).
  await app.strapi.db
    .query(U.seller)
    .updateMany({ where: { documentId: locked.documentId }, data: { verificationStatus: 'locked' } });
});

afterAll(async () => {
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

describe('a verified seller’s trust card', () => {
  const path = () => `/xac-thuc/doanh-nghiep/${seller.slug}`;

  it('shows the seller, its verified licences with today’s validity and its OCOP stars', async () => {
    const page = await get(path());
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<h1 id="the-ten">${seller.name}</h1>`);
    expect(page.html).toContain('<strong>Đã xác thực</strong>');
    // Verified by the department its verification is routed to: its own, not always the SCT.
    expect(page.html).toContain(
      '<p>Sở Nông nghiệp và Môi trường đã xác thực người bán ngày 01/08/2025; giấy phép dưới đây là tình trạng hôm nay.</p>',
    );
    expect(page.html).toContain('<span class="badge badge-ocop">OCOP 4 sao</span>');
    for (const state of ['Còn hiệu lực', 'Sắp hết hạn', 'Hết hạn'])
      expect(page.html).toContain(`<strong>${state}</strong>`);
    expect(page.html).toContain(`href="${siteUrl}/xac-thuc/giay-phep/${licences.expired}"`);
  });

  it('carries a QR code that opens this very page', async () => {
    const page = await get(path());
    expect(await pageQr(page.html, 'trust-card-qr')).toBe(`${siteUrl}${path()}`);
  });

  it('downloads as a PNG whose QR code leads back to the card, and as an SVG with the same facts', async () => {
    const png = await fetch(`${siteUrl}${path()}/the.png`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-disposition')).toBe(
      `attachment; filename="the-xac-thuc-${seller.slug}.png"`,
    );
    const image = Buffer.from(await png.arrayBuffer());
    const { width, height } = await sharp(image).metadata();
    expect(Math.round(((height ?? 0) / (width ?? 1)) * 100)).toBe(141); // A6: 148 × 105 mm
    const decoded = await readQr(image);
    expect(decoded).toBe(`${siteUrl}${path()}`);
    expect((await get(new URL(decoded as string).pathname)).html).toContain(seller.name);

    const svg = await fetch(`${siteUrl}${path()}/the.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const text = await svg.text();
    expect(text).toContain(seller.name);
    expect(text).toContain('Đã xác thực · OCOP 4 sao');
    expect(text).toContain('Hết hạn');
    expect(text).not.toMatch(/<script|href=/);
  });

  it('is linked from the seller’s account and from its public page', async () => {
    const account = await get('/tai-khoan', await signIn(owner.email));
    expect(account.html).toContain(`<a href="${path()}">thẻ xác thực có mã QR (in, tải ảnh)</a>`);
    const sellerPage = await get(`/doanh-nghiep/${seller.slug}`);
    expect(sellerPage.html).toContain(`<a href="${path()}">Thẻ xác thực có mã QR (in, tải ảnh)</a>`);
  });
});

describe('a licence’s trust card', () => {
  it('says an expired licence is expired, and its QR code opens its card', async () => {
    const path = `/xac-thuc/giay-phep/${licences.expired}`;
    const page = await get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<strong>Hết hạn</strong>');
    expect(page.html).toContain('Giấy phép đã hết hạn: không còn giá trị bảo đảm cho sản phẩm.');
    const png = Buffer.from(await (await fetch(`${siteUrl}${path}/the.png`)).arrayBuffer());
    expect(await readQr(png)).toBe(`${siteUrl}${path}`);
  });

  it('says an OCOP certificate is valid, with its stars', async () => {
    const page = await get(`/xac-thuc/giay-phep/${licences.ocop}`);
    expect(page.html).toContain('<strong>Còn hiệu lực</strong>');
    expect(page.html).toContain('OCOP 4 sao');
  });
});

describe('a locked seller’s cards', () => {
  it('say it is locked, without its licences, on the seller’s card and the licence’s', async () => {
    const card = await get(`/xac-thuc/doanh-nghiep/${locked.slug}`);
    expect(card.status).toBe(200);
    expect(card.html).toContain('<strong>Đang bị khóa</strong>');
    expect(card.html).not.toContain('trust-card-lines');
    expect(card.html).not.toContain(`href="/doanh-nghiep/${locked.slug}"`);
    const licence = await get(`/xac-thuc/giay-phep/${licences.ofLocked}`);
    expect(licence.html).toContain('<strong>Đang bị khóa</strong>');
    const svg = await (await fetch(`${siteUrl}/xac-thuc/doanh-nghiep/${locked.slug}/the.svg`)).text();
    expect(svg).toContain('Đang bị khóa');
  });
});

describe('an officer on the seller’s edit view', () => {
  const links = async (documentId: string, token?: string) => {
    const req = http().get(`/sellers/trust-card/${documentId}`);
    return token ? req.set({ Authorization: `Bearer ${token}` }) : req;
  };

  it('gets the card’s page and its PNG and SVG on the public site, to open or print', async () => {
    const officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    const configured = app.strapi.config.get('plugin::core.siteUrl');
    app.strapi.config.set('plugin::core.siteUrl', `${siteUrl}/`);
    try {
      const res = await links(seller.documentId, officer.token);
      const page = `${siteUrl}/xac-thuc/doanh-nghiep/${seller.slug}`;
      expect(res.body).toEqual({
        data: { state: 'verified', page, png: `${page}/the.png`, svg: `${page}/the.svg` },
        meta: {},
      });
      const png = Buffer.from(await (await fetch(res.body.data.png)).arrayBuffer());
      expect(await readQr(png)).toBe(page);
      expect((await links(locked.documentId, officer.token)).body.data.state).toBe('locked');

      const pending = await makeSeller(
        app.strapi,
        { verificationStatus: 'pending', verifiedAt: null },
        false,
      );
      expect((await links(pending.documentId, officer.token)).body).toEqual({
        data: null,
        meta: { reason: 'Không có thẻ xác thực: người bán hoặc giấy phép chưa được Sàn xác thực.' },
      });
      app.strapi.config.set('plugin::core.siteUrl', '');
      expect((await links(seller.documentId, officer.token)).body.meta.reason).toBe(
        'Chưa đặt địa chỉ trang công khai của Sàn (SITE_URL): không tạo được liên kết tới thẻ.',
      );
    } finally {
      app.strapi.config.set('plugin::core.siteUrl', configured);
    }
    expect((await links(seller.documentId)).status).toBe(401);
  });
});

describe('what has no card', () => {
  it('answers 404 for a seller never verified and for a licence in review', async () => {
    const pending = await makeSeller(app.strapi, { verificationStatus: 'pending', verifiedAt: null }, false);
    const draft = await makeLicence(app.strapi, seller.documentId, { verificationStatus: 'pending' }, false);
    const message = 'Không có thẻ xác thực: người bán hoặc giấy phép chưa được Sàn xác thực.';
    for (const path of [
      `/api/sellers/${pending.slug as string}/trust-card`,
      `/api/licences/${draft.documentId}/trust-card`,
      '/api/sellers/khong-co-ai/trust-card',
    ]) {
      const res = await http().get(path);
      expect([path, res.status, res.body.error?.message]).toEqual([path, 404, message]);
    }
    const page = await get(`/xac-thuc/doanh-nghiep/${pending.slug as string}`);
    expect(page.status).toBe(404);
    expect((await fetch(`${siteUrl}/xac-thuc/giay-phep/${draft.documentId}/the.png`)).status).toBe(404);
  });

  it('never sends private fields of the seller', async () => {
    const res = await http().get(`/api/sellers/${seller.slug}/trust-card`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data).sort()).toEqual(
      ['department', 'isOcopProducer', 'legalForm', 'licences', 'name', 'slug', 'state', 'verifiedAt'].sort(),
    );
  });
});

describe('a product page', () => {
  it('carries a small QR code of its own address', async () => {
    const page = await get(`/san-pham/${product.slug}`);
    expect(page.status).toBe(200);
    expect(await pageQr(page.html, 'page-qr')).toBe(`${siteUrl}/san-pham/${product.slug}`);
  });
});
