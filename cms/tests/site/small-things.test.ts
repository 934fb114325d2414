import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { EXCHANGE } from '@sgd/config';
import { coreService } from '@sgd/plugin-core';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { SITE_ENTRY, startSite } from '../site-server';
import { siteClient } from '../site-client';
import { makeSiteUser, SITE_PASSWORD } from '../staff';

/**
 * The small things of issue 21.7, each as a person meets it: a word after deleting an account, a
 * page past the last one, the consent box's link, the date in the name of an export, and the name
 * of the exchange in its regulation.
 */

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;

const { get, signIn, submit } = siteClient(() => siteUrl);

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('site-small-things');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ({ child: site, url: siteUrl } = await startSite(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  ));
});

afterAll(async () => {
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

describe('the small things', () => {
  it('says, on the page a person lands on, that their account was deleted', async () => {
    const cookie = await signIn((await makeSiteUser(app.strapi)).email);
    const done = await submit('/tai-khoan', 'Xóa tài khoản', [['password', SITE_PASSWORD]], cookie);
    expect([done.status, done.location]).toEqual([303, '/?da-xoa-tai-khoan=1']);
    const landed = await get(done.location as string);
    expect(landed.status).toBe(200);
    expect(landed.html).toMatch(
      /<p class="alert alert-success" role="status">\s*Đã xóa tài khoản và dữ liệu cá nhân của bạn\./,
    );
    expect((await get('/')).html).not.toContain('Đã xóa tài khoản');
  });

  it.each([
    ['/tin-tuc', 'tin tức'],
    ['/cung-cau', 'tin cung cầu'],
    ['/thong-tin-khac', 'thông tin khác'],
    ['/san-pham', 'sản phẩm'],
  ])('says a page past the last one of %s does not exist, and links to the last page (%s)', async (path) => {
    const first = await get(path);
    expect(first.status).toBe(200);
    const page = await get(`${path}?page=999`);
    expect(page.status).toBe(200);
    const notice =
      /<p class="notice" role="status">\s*Không có trang 999: danh sách chỉ có (\d+) trang\.\s*<a href="([^"]+)">Xem trang cuối \(trang (\d+)\)<\/a>/.exec(
        page.html,
      );
    expect(notice).not.toBeNull();
    const [, count, href, last] = notice as RegExpExecArray;
    expect(last).toBe(count);
    expect(page.html).not.toContain('trang 999/');
    expect(page.html).not.toMatch(/Chưa có (tin|thông tin)/);
    // The link leads to a page that has items, and says nothing of the sort.
    const lastPage = await get(href.replaceAll('&#38;', '&').replaceAll('&amp;', '&'));
    expect(lastPage.status).toBe(200);
    expect(lastPage.html).not.toContain('Không có trang');
    if (Number(count) > 1) expect(lastPage.html).toContain(`aria-current="page">`);
  });

  it('links the consent box to the privacy policy in force, at an address that always leads there', async () => {
    const form = await get('/tai-khoan/dang-ky');
    expect(form.html).toContain(
      'Tôi đã đọc và đồng ý với <a href="/chinh-sach-bao-ve-du-lieu">Chính sách bảo vệ dữ liệu cá nhân</a> của Sàn.',
    );
    const policy = await get('/chinh-sach-bao-ve-du-lieu');
    expect([policy.status, policy.location]).toEqual([302, '/van-ban/chinh-sach-bao-ve-du-lieu-ca-nhan']);
    const document = await get(policy.location as string);
    expect(document.status).toBe(200);
    expect(document.html).toContain('<h1>Chính sách bảo vệ dữ liệu cá nhân');
  });

  it("names an export with Vietnam's date, not UTC's", async () => {
    const clock = coreService(app.strapi, 'clock');
    const realNow = clock.now;
    // 01:30 on 1 July in Vietnam is still 30 June in UTC.
    clock.now = () => new Date('2026-06-30T18:30:00.000Z');
    try {
      const cookie = await signIn((await makeSiteUser(app.strapi)).email);
      const res = await fetch(`${siteUrl}/tai-khoan/du-lieu.json`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(
        'attachment; filename="du-lieu-cua-toi-2026-07-01.json"',
      );
    } finally {
      clock.now = realNow;
    }
  });

  it('names the exchange as configured in the regulation in force, and keeps the 2023 text as issued', async () => {
    const current = await get('/van-ban/quy-che-van-hanh-san-giao-dich-2025');
    expect(current.status).toBe(200);
    expect(current.html).toContain(`Quy chế này quy định về việc quản lý và vận hành ${EXCHANGE.name}.`);
    expect(current.html).toContain(`Địa chỉ truy cập ${EXCHANGE.name} là:`);
    // The text itself (the list of versions beside it still names the 2023 one by its title).
    const body = /<div class="legal-body">[\s\S]*?Các phiên bản/.exec(current.html)?.[0] ?? '';
    expect(body).toContain(EXCHANGE.name);
    expect(body).not.toContain('Sàn giao dịch điện tử Tiền Giang');
    expect(body).not.toContain('{{');
    const archived = await get('/van-ban/quy-che-van-hanh-san-giao-dich-2023');
    expect(archived.html).toContain(
      'Quy chế này quy định về việc quản lý và vận hành Sàn giao dịch điện tử Tiền Giang.',
    );
  });
});
