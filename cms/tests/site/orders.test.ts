import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { freePort, SITE_ENTRY, startSite } from '../site-server';
import { makeProduct, makeSeller, unique } from '../factories';
import { makeOfficer, makeSiteUser } from '../staff';
import { siteClient } from '../site-client';

/**
 * Ordering on the public site and following the order, driven over HTTP like a browser without
 * JavaScript: the order form, my orders, incoming orders, the order's actions and the review form;
 * once an officer approves the review, the product page shows it (the CMS's webhook clears the cache).
 */
const SECRET = 'bi-mat-webhook-don-hang';

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;

const { get, post, signIn } = siteClient(() => siteUrl);

const hiddenKey = (html: string) => {
  const match = /name="idempotencyKey" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('Biểu mẫu đặt hàng không có khóa chống gửi trùng');
  return match[1];
};

let product: { documentId: string; slug: string; name: string };
let sellerCookie: string;
let buyerCookie: string;
let strangerCookie: string;

const orderFields = (key: string, overrides: Record<string, string> = {}): [string, string][] =>
  Object.entries({
    idempotencyKey: key,
    quantity: '3',
    contactName: 'Trần Thị Mua',
    contactPhone: '0912345678',
    contactEmail: '',
    deliveryAddress: '45 Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
    note: 'Giao giờ hành chính',
    paymentMethod: 'cash_on_delivery',
    deliveryMethod: 'carrier',
    ...overrides,
  });

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  const sitePort = await freePort();
  process.env.SITE_URL = `http://127.0.0.1:${sitePort}`;
  process.env.SITE_WEBHOOK_SECRET = SECRET;
  app = await bootStrapi('site-orders');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ child: site, url: siteUrl } = await startSite(cmsUrl, {
    port: sitePort,
    env: { SITE_WEBHOOK_SECRET: SECRET },
  }));

  const owner = await makeSiteUser(app.strapi);
  const role = (await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'seller' } })) as { id: number };
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: owner.id }, data: { role: role.id } });
  const seller = (await makeSeller(app.strapi, { owner: owner.id, email: owner.email })) as unknown as {
    documentId: string;
  };
  product = (await makeProduct(app.strapi, seller.documentId, {
    name: unique('Mật ong hoa nhãn'),
    price: 120000,
  })) as unknown as typeof product;
  sellerCookie = await signIn(owner.email);
  buyerCookie = await signIn((await makeSiteUser(app.strapi)).email);
  strangerCookie = await signIn((await makeSiteUser(app.strapi)).email);
});

afterAll(async () => {
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

describe('ordering from the product page and following the order', () => {
  let code: string;

  it('links the product page to the order form, which asks to sign in first', async () => {
    const page = await get(`/san-pham/${product.slug}`);
    expect(page.html).toContain(`href="/tai-khoan/dat-hang/${product.slug}"`);
    const anonymous = await get(`/tai-khoan/dat-hang/${product.slug}`);
    expect([anonymous.status, anonymous.location]).toEqual([
      303,
      `/tai-khoan/dang-nhap?tiep=${encodeURIComponent(`/tai-khoan/dat-hang/${product.slug}`)}`,
    ]);
  });

  it('shows a field error beside the field and keeps the input', async () => {
    const form = await get(`/tai-khoan/dat-hang/${product.slug}`, buyerCookie);
    expect(form.status).toBe(200);
    expect(form.html).toContain(
      '<option value="cash_on_delivery" selected>Thanh toán khi nhận hàng (COD)</option>',
    );
    const res = await post(
      `/tai-khoan/dat-hang/${product.slug}`,
      orderFields(hiddenKey(form.html), { quantity: '0' }),
      buyerCookie,
    );
    expect(res.status).toBe(200);
    expect(res.html).toContain('aria-describedby="truong-quantity-loi"');
    expect(res.html).toContain(
      '<p id="truong-quantity-loi" class="field-error">Số lượng phải ít nhất là 1.</p>',
    );
    expect(res.html).toContain('value="45 Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp"');
    expect(res.html).toContain('Giao giờ hành chính</textarea>');
  });

  it('makes one order when the same form is posted twice, listed in my orders', async () => {
    const form = await get(`/tai-khoan/dat-hang/${product.slug}`, buyerCookie);
    const key = hiddenKey(form.html);
    const first = await post(`/tai-khoan/dat-hang/${product.slug}`, orderFields(key), buyerCookie);
    const second = await post(`/tai-khoan/dat-hang/${product.slug}`, orderFields(key), buyerCookie);
    expect(first.status).toBe(303);
    expect(second.location).toBe(first.location);
    code = /\/tai-khoan\/don-hang\/([^?]+)\?da-dat=1$/.exec(first.location ?? '')?.[1] ?? '';
    expect(code).toMatch(/^DH\d{6}-[A-Z0-9]{6}$/);
    expect(
      await app.strapi.db.query('plugin::orders.order').count({ where: { code: { $notNull: true } } }),
    ).toBe(1);

    const mine = await get('/tai-khoan/don-hang', buyerCookie);
    expect(mine.html).toContain(`<a href="/tai-khoan/don-hang/${code}">${code}</a>`);
    expect(mine.html).toContain('Chờ xác nhận');
    expect(mine.html).toMatch(/360\.000\s*₫/);
    const detail = await get(`/tai-khoan/don-hang/${code}?da-dat=1`, buyerCookie);
    expect(detail.html).toContain('Đã đặt hàng. Người bán sẽ xác nhận đơn của bạn.');
    expect(detail.html).toContain(product.name);
    expect(detail.html).toContain('Hủy đơn');
  });

  it('lets the seller see the order incoming and confirm it; anyone else gets the not-found page', async () => {
    const incoming = await get('/tai-khoan/don-hang-den', sellerCookie);
    expect(incoming.html).toContain(`<a href="/tai-khoan/don-hang/${code}">${code}</a>`);
    const account = await get('/tai-khoan', sellerCookie);
    expect(account.html).toContain('<a href="/tai-khoan/don-hang-den">Đơn hàng đến</a>');

    const declined = await post(
      `/tai-khoan/don-hang/${code}`,
      [
        ['intent', 'thao-tac'],
        ['action', 'decline'],
        ['reason-decline', ''],
      ],
      sellerCookie,
    );
    expect(declined.status).toBe(200);
    expect(declined.html).toContain('id="truong-reason-decline-loi"');

    const confirmed = await post(
      `/tai-khoan/don-hang/${code}`,
      [
        ['intent', 'thao-tac'],
        ['action', 'confirm'],
      ],
      sellerCookie,
    );
    expect([confirmed.status, confirmed.location]).toEqual([
      303,
      `/tai-khoan/don-hang/${code}?da-cap-nhat=1`,
    ]);
    const detail = await get(`/tai-khoan/don-hang/${code}`, buyerCookie);
    expect(detail.html).toContain('<strong>Chờ lấy hàng</strong>');

    const stranger = await get(`/tai-khoan/don-hang/${code}`, strangerCookie);
    expect(stranger.status).toBe(404);
    expect(stranger.html).toContain('Không tìm thấy');
    expect(stranger.html).not.toContain('Trần Thị Mua');
  });

  it('offers the review form once delivered, and says the review waits for moderation', async () => {
    const before = await get(`/tai-khoan/don-hang/${code}`, buyerCookie);
    expect(before.html).not.toContain('Gửi đánh giá');
    const shipped = await post(
      `/tai-khoan/don-hang/${code}`,
      [
        ['intent', 'thao-tac'],
        ['action', 'ship'],
      ],
      sellerCookie,
    );
    expect(shipped.status).toBe(303);
    const received = await post(
      `/tai-khoan/don-hang/${code}`,
      [
        ['intent', 'thao-tac'],
        ['action', 'confirm_receipt'],
      ],
      buyerCookie,
    );
    expect(received.status).toBe(303);

    const form = await get(`/tai-khoan/don-hang/${code}`, buyerCookie);
    expect(form.html).toContain('<legend>Sản phẩm<span aria-hidden="true"> *</span></legend>');
    const invalid = await post(
      `/tai-khoan/don-hang/${code}`,
      [
        ['intent', 'danh-gia'],
        ['line', '0'],
        ['productStars', ''],
        ['sellerStars', '4'],
        ['text-0', 'Mật ong thơm, đóng gói cẩn thận.'],
      ],
      buyerCookie,
    );
    expect(invalid.html).toContain(
      '<p id="dg-0-productStars-loi" class="field-error">Chọn từ 1 đến 5 sao cho sản phẩm.</p>',
    );
    expect(invalid.html).toContain('Mật ong thơm, đóng gói cẩn thận.</textarea>');

    const sent = await post(
      `/tai-khoan/don-hang/${code}`,
      [
        ['intent', 'danh-gia'],
        ['line', '0'],
        ['productStars', '5'],
        ['sellerStars', '4'],
        ['text-0', 'Mật ong thơm, đóng gói cẩn thận.'],
      ],
      buyerCookie,
    );
    expect([sent.status, sent.location]).toEqual([303, `/tai-khoan/don-hang/${code}?da-danh-gia=1`]);
    const after = await get(sent.location ?? '', buyerCookie);
    expect(after.html).toContain('Đánh giá sẽ hiển thị sau khi Ban quản lý Sàn duyệt.');
    const review = (await app.strapi.db
      .query('plugin::reviews.review')
      .findOne({ where: { text: 'Mật ong thơm, đóng gói cẩn thận.' } })) as {
      productStars: number;
      sellerStars: number;
    } | null;
    expect(review).toMatchObject({ productStars: 5, sellerStars: 4 });
  });

  it('lets the buyer complain to the seller about the order, with errors beside the fields', async () => {
    const invalid = await post(
      `/tai-khoan/don-hang/${code}`,
      [
        ['intent', 'khieu-nai'],
        ['subject', 'Thiếu hàng'],
        ['description', 'Ngắn'],
        ['remedy', 'redeliver'],
      ],
      buyerCookie,
    );
    expect(invalid.html).toContain(
      '<p id="truong-description-loi" class="field-error">Nội dung khiếu nại quá ngắn (ít nhất 10 ký tự).</p>',
    );
    expect(invalid.html).toContain('value="Thiếu hàng"');
    expect(invalid.html).toContain('<option value="redeliver" selected>');

    const sent = await post(
      `/tai-khoan/don-hang/${code}`,
      [
        ['intent', 'khieu-nai'],
        ['subject', 'Thiếu hàng'],
        ['description', 'Nhận được 2 hũ thay vì 3 hũ.'],
        ['remedy', 'redeliver'],
      ],
      buyerCookie,
    );
    expect([sent.status, sent.location]).toEqual([303, `/tai-khoan/don-hang/${code}?da-khieu-nai=1`]);
    expect(
      await app.strapi.db.query('plugin::complaints.complaint').count({ where: { orderCode: code } }),
    ).toBe(1);
    const seller = await get(`/tai-khoan/don-hang/${code}`, sellerCookie);
    expect(seller.html).not.toContain('Gửi khiếu nại');
  });

  it('shows the approved review and the rating on the product page, with aggregateRating', async () => {
    const before = await get(`/san-pham/${product.slug}`);
    expect(before.html).toContain('Chưa có đánh giá.');
    expect(before.html).not.toContain('aggregateRating');

    const officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    const review = (await app.strapi.db
      .query('plugin::reviews.review')
      .findOne({ where: { text: 'Mật ong thơm, đóng gói cẩn thận.' } })) as { documentId: string };
    const task = (await app.strapi.db
      .query('plugin::workflow.task')
      .findOne({ where: { targetDocumentId: review.documentId }, orderBy: { id: 'desc' } })) as {
      id: number;
    };
    const http = () => request(app.strapi.server.httpServer);
    const auth = { Authorization: `Bearer ${officer.token}` };
    expect((await http().post(`/workflow/tasks/${task.id}/claim`).set(auth)).status).toBe(200);
    expect(
      (await http().post(`/workflow/tasks/${task.id}/actions`).set(auth).send({ action: 'approve' })).status,
    ).toBe(200);

    // The webhook is sent shortly after the change; the page shows the review once it arrived.
    let page = await get(`/san-pham/${product.slug}`);
    for (let i = 0; i < 50 && !page.html.includes('Mật ong thơm'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      page = await get(`/san-pham/${product.slug}`);
    }
    expect(page.html).toMatch(/<a href="#danh-gia">\s*5\/5 sao, 1 đánh giá\s*<\/a>/);
    expect(page.html).toContain('<h2 id="danh-gia-title">Đánh giá của người mua</h2>');
    expect(page.html).toContain('<p>Mật ong thơm, đóng gói cẩn thận.</p>');
    expect(page.html).toContain(
      '"aggregateRating":{"@type":"AggregateRating","ratingValue":5,"reviewCount":1,"bestRating":5,"worstRating":1}',
    );
  });
});
