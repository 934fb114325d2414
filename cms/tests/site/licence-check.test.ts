import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { SITE_ENTRY, startSite } from '../site-server';
import { siteClient } from '../site-client';
import { makeLicence, makeSeller } from '../factories';

/**
 * The site's "Kiểm tra giấy phép" (issue 21.2): the number a citizen types, or the address a
 * scanned code opens, finds the licence however it was written; the CMS folds it, so the page and
 * the API agree.
 */

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let seller: { name: string; slug: string };
let number: string;

const { get } = siteClient(() => siteUrl);

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('site-licence-check');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ({ child: site, url: siteUrl } = await startSite(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  ));
  const made = await makeSeller(app.strapi);
  seller = { name: made.name as string, slug: made.slug as string };
  number = `CDĐL-${String(Date.now() % 1_000_000).padStart(6, '0')}/2024`;
  await makeLicence(app.strapi, made.documentId, {
    type: 'origin_certificate',
    number,
    issuer: 'Cục Sở hữu trí tuệ (chỉ dẫn địa lý, nhãn hiệu chứng nhận)',
    expiresOn: null,
  });
});

afterAll(async () => {
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

const fullWidth = (text: string) =>
  [...text].map((c) => (/[!-~]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');

describe('checking a licence on the site', () => {
  it.each([
    ['lower case', (n: string) => n.toLowerCase()],
    ['no diacritics', (n: string) => n.replace('Đ', 'D')],
    ['spaces instead of dashes', (n: string) => n.replace('-', ' ')],
    ['no dash', (n: string) => n.replace('-', '')],
    ['surrounding spaces', (n: string) => `  ${n}  `],
    ['full-width characters', fullWidth],
  ])('finds the licence typed with %s', async (_how, typed) => {
    const page = await get(`/kiem-tra-giay-phep?so=${encodeURIComponent(typed(number))}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<dd>${number}</dd>`);
    expect(page.html).toContain(`<a href="/doanh-nghiep/${seller.slug}">${seller.name}</a>`);
    expect(page.html).toContain('<span class="badge badge-valid">Còn hiệu lực</span>');
    expect(page.html).not.toContain('Không tìm thấy giấy phép');
  });

  it('lands on the result from the address a scanner opens (plus signs for spaces, encoded letters)', async () => {
    const scanned = `/kiem-tra-giay-phep?so=${number.toLowerCase().replace('-', '+').replace('đ', '%C4%91').replace('/', '%2F')}`;
    const page = await get(scanned);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<dd>${number}</dd>`);
  });

  it('says a number that is not there was not found, without blaming how it was typed', async () => {
    const page = await get(`/kiem-tra-giay-phep?so=${encodeURIComponent(`${number}9`)}`);
    expect(page.html).toContain(`Không tìm thấy giấy phép số “${number}9”`);
    expect(page.html).not.toContain(seller.name);
  });
});
