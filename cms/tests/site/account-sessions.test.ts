import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { SITE_ENTRY, startSite } from '../site-server';
import { siteClient } from '../site-client';
import { makeSiteUser } from '../staff';

/**
 * The account page's "Đăng xuất trên mọi thiết bị" (issue 19.4): every session of the person ends,
 * the one that asked and those of other devices, and the person is told so.
 */

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;

const { get, signIn, submit } = siteClient(() => siteUrl);

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('site-sessions');
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

describe('signing out on every device', () => {
  it('ends the session that asked and those of other devices, and says so in Vietnamese', async () => {
    const { email } = await makeSiteUser(app.strapi);
    const phone = await signIn(email);
    const laptop = await signIn(email);
    expect((await get('/tai-khoan', laptop)).status).toBe(200);

    const done = await submit('/tai-khoan', 'Đăng xuất trên mọi thiết bị', [], phone);
    expect([done.status, done.location]).toEqual([303, '/tai-khoan/dang-nhap?da-dang-xuat=moi-thiet-bi']);
    const landed = await get(done.location as string);
    expect(landed.status).toBe(200);
    expect(landed.html).toContain(
      '<p class="alert alert-success" role="status">Bạn đã đăng xuất trên mọi thiết bị. Hãy đăng nhập lại để tiếp tục.</p>',
    );

    // Both old cookies, as a browser that kept them would send them, are signed out.
    for (const cookie of [phone, laptop]) {
      const page = await get('/tai-khoan', cookie);
      expect([page.status, page.location]).toEqual([303, '/tai-khoan/dang-nhap?tiep=/tai-khoan']);
    }
    // Signing in again works.
    expect((await get('/tai-khoan', await signIn(email))).status).toBe(200);
  });

  it('leaves the sessions of other people alone', async () => {
    const other = await signIn((await makeSiteUser(app.strapi)).email);
    const { email } = await makeSiteUser(app.strapi);
    await submit('/tai-khoan', 'Đăng xuất trên mọi thiết bị', [], await signIn(email));
    expect((await get('/tai-khoan', other)).status).toBe(200);
  });
});
