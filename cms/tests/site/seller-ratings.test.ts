import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { SITE_ENTRY, startSite } from '../site-server';
import { siteClient } from '../site-client';
import { makeProduct, makeSeller, unique } from '../factories';
import { makeOfficer, makeSiteUser, type Officer } from '../staff';

/**
 * Seller ratings on the site (issue 21.4): the average and count of the seller stars of approved
 * reviews, on the seller's page and on the seller card of its product pages; reviews rejected or
 * still waiting count for nothing.
 */

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let officer: Officer;

const { get } = siteClient(() => siteUrl);
const http = () => request(app.strapi.server.httpServer);
type User = Awaited<ReturnType<typeof makeSiteUser>>;
const as = (user: User) => ({ Authorization: `Bearer ${user.jwt}` });
let keys = 0;

/** A verified seller whose owner has the Seller role, with one product on sale. */
async function shop() {
  const owner = await makeSiteUser(app.strapi);
  const role = (await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'seller' } })) as { id: number };
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: owner.id }, data: { role: role.id } });
  const seller = await makeSeller(app.strapi, {
    owner: owner.id,
    email: owner.email,
    name: unique('Cơ sở Bánh phồng Sa Đéc'),
  });
  const product = await makeProduct(app.strapi, seller.documentId, { name: unique('Bánh phồng tôm') });
  return { owner, seller, product };
}

/** A buyer's order of the product, delivered, then reviewed with these seller stars. */
async function review(s: Awaited<ReturnType<typeof shop>>, sellerStars: number): Promise<string> {
  const buyer = await makeSiteUser(app.strapi);
  const placed = await http()
    .post('/api/orders')
    .set(as(buyer))
    .set('Idempotency-Key', `sao-nguoi-ban-${process.pid}-${(keys += 1)}`)
    .send({
      items: [{ product: s.product.documentId, quantity: 1 }],
      contactName: 'Trần Thị Mua',
      contactPhone: '0912345678',
      deliveryAddress: '45 Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
      paymentMethod: 'cash_on_delivery',
      deliveryMethod: 'carrier',
    });
  expect(placed.status).toBe(201);
  const code = placed.body.data.code as string;
  for (const [who, action] of [
    [s.owner, 'confirm'],
    [s.owner, 'ship'],
    [buyer, 'confirm_receipt'],
  ] as const) {
    expect((await http().post(`/api/orders/${code}/actions`).set(as(who)).send({ action })).status).toBe(200);
  }
  const written = await http().post('/api/reviews').set(as(buyer)).send({
    order: code,
    product: s.product.documentId,
    productStars: 5,
    sellerStars,
    text: 'Bánh giòn, đóng gói cẩn thận, giao đúng hẹn.',
  });
  expect(written.status).toBe(201);
  return written.body.data.documentId as string;
}

/** An officer of Sở Công Thương decides the review's moderation task. */
async function decide(documentId: string, action: 'approve' | 'reject') {
  const task = (await app.strapi.db
    .query('plugin::workflow.task')
    .findOne({ where: { targetDocumentId: documentId }, orderBy: { id: 'desc' } })) as { id: number };
  const auth = { Authorization: `Bearer ${officer.token}` };
  expect((await http().post(`/workflow/tasks/${task.id}/claim`).set(auth)).status).toBe(200);
  const res = await http()
    .post(`/workflow/tasks/${task.id}/actions`)
    .set(auth)
    .send(action === 'reject' ? { action, comment: 'Nội dung không phù hợp quy chế.' } : { action });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('site-seller-ratings');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  ({ child: site, url: siteUrl } = await startSite(
    `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
  ));
  officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
});

// More orders and reviews from one address than a person writes in an hour: fresh counts each test.
beforeEach(() => (app.strapi.plugin('accounts').service('rate-limit') as { reset(): Promise<void> }).reset());

afterAll(async () => {
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

describe('seller ratings on the site', () => {
  it('shows the average and count of approved seller stars on the seller page and the product page', async () => {
    const s = await shop();
    // Two reviews with the same stars are two reviews (they were once merged into one).
    await decide(await review(s, 5), 'approve');
    await decide(await review(s, 5), 'approve');
    await decide(await review(s, 4), 'approve');
    await decide(await review(s, 1), 'reject');
    await review(s, 2); // still waiting for moderation

    const expected =
      'Người mua đánh giá người bán: <span aria-hidden="true" class="star">★</span> <strong>4,7/5 sao</strong> (3 đánh giá)';
    const sellerPage = await get(`/doanh-nghiep/${s.seller.slug as string}`);
    expect(sellerPage.status).toBe(200);
    expect(sellerPage.html).toContain(expected);

    const productPage = await get(`/san-pham/${s.product.slug as string}`);
    expect(productPage.status).toBe(200);
    const card = /<section class="panel" aria-labelledby="seller-title">[\s\S]*?<\/section>/.exec(
      productPage.html,
    )?.[0];
    expect(card).toContain(expected);
    // Every review gave the product 5 stars: three of them, not one.
    expect(productPage.html).toMatch(/<a href="#danh-gia">\s*5\/5 sao, 3 đánh giá\s*<\/a>/);
  });

  it('says a seller has no rating yet, on both pages', async () => {
    const s = await shop();
    for (const path of [
      `/doanh-nghiep/${s.seller.slug as string}`,
      `/san-pham/${s.product.slug as string}`,
    ]) {
      const page = await get(path);
      expect(page.html).toContain(
        '<p class="seller-rating muted">Người bán chưa có đánh giá của người mua.</p>',
      );
      expect(page.html).not.toContain('Người mua đánh giá người bán:');
    }
  });
});
