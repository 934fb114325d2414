import net from 'node:net';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeProduct, makeSeller, unique } from '../factories';
import { Mailbox } from '../mailbox';
import { departmentId, makeOfficer, makeSiteUser } from '../staff';
import { coreService } from '@sgd/plugin-core';

/**
 * Orders (QC Điều 11, 13, 14): the lifecycle through the API, every refused transition, idempotent
 * submission (replay, lost response, concurrent requests), who may see and change an order, and the
 * seller's and buyer's emails through the outbox to a real SMTP server.
 */
let app: TestApp;
const mailbox = new Mailbox();
const ORDER = 'plugin::orders.order';
const EVENT = 'plugin::orders.order-event';
const KEYS = 'plugin::orders.idempotency-key';

type User = Awaited<ReturnType<typeof makeSiteUser>>;
interface Shop {
  owner: User;
  seller: { id: number; documentId: string; name: string };
  products: { documentId: string; name: string }[];
}

const http = () => request(app.strapi.server.httpServer);
const asUser = (user: User) => ({ Authorization: `Bearer ${user.jwt}` });
let keyCounter = 0;
const newKey = () => `khoa-${process.pid}-${Date.now()}-${(keyCounter += 1)}`;
const outbox = () => coreService(app.strapi, 'outbox');
const flush = async () => {
  while ((await outbox().deliver(new Date(Date.now() + 1000))).sent > 0);
};
/** The mail with this subject, once the outbox has sent it. */
async function mailTitled(subject: string) {
  for (let i = 0; i < 100; i += 1) {
    await flush();
    const mail = mailbox.messages.find((m) => m.subject === subject);
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Chưa nhận được thư "${subject}"`);
}
const ordersOf = (userId: number) => app.strapi.db.query(ORDER).count({ where: { buyer: { id: userId } } });

async function buyer(): Promise<User> {
  return makeSiteUser(app.strapi);
}

/** A verified seller whose owner has the Seller role, with two products on sale. */
async function shop(
  productOverrides: Record<string, unknown> = {},
  sellerOverrides: Record<string, unknown> = {},
): Promise<Shop> {
  const owner = await makeSiteUser(app.strapi);
  const role = (await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'seller' } })) as { id: number };
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: owner.id }, data: { role: role.id } });
  const seller = (await makeSeller(app.strapi, {
    owner: owner.id,
    email: owner.email,
    ...sellerOverrides,
  })) as unknown as Shop['seller'];
  const offer = {
    paymentMethods: ['cash_on_delivery', 'bank_transfer'],
    deliveryMethods: ['carrier', 'pickup'],
    ...productOverrides,
  };
  const products = [
    await makeProduct(app.strapi, seller.documentId, {
      name: unique('Xoài cát Hòa Lộc'),
      unit: 'kg',
      price: 85000,
      ...offer,
    }),
    await makeProduct(app.strapi, seller.documentId, {
      name: unique('Mật ong hoa nhãn'),
      unit: 'chai',
      price: 120000,
      ...offer,
    }),
  ] as unknown as Shop['products'];
  return { owner, seller, products };
}

const orderBody = (products: { documentId: string }[], overrides: Record<string, unknown> = {}) => ({
  items: products.map((p, i) => ({ product: p.documentId, quantity: i + 2 })),
  contactName: 'Trần Thị Mua',
  contactPhone: '0912 345 678',
  contactEmail: 'nhan.hang@example.vn',
  deliveryAddress: '45 Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
  note: 'Giao giờ hành chính',
  paymentMethod: 'cash_on_delivery',
  deliveryMethod: 'carrier',
  ...overrides,
});

const place = (user: User, body: object, key = newKey()) =>
  http().post('/api/orders').set(asUser(user)).set('Idempotency-Key', key).send(body);
const act = (user: User, code: string, action: string, reason?: string) =>
  http()
    .post(`/api/orders/${code}/actions`)
    .set(asUser(user))
    .send(reason === undefined ? { action } : { action, reason });
const statusOf = async (code: string) =>
  ((await app.strapi.db.query(ORDER).findOne({ where: { code } })) as { orderStatus: string }).orderStatus;

/** An order of a fresh buyer to a fresh shop, driven through the API to `status`. */
async function orderIn(status: string) {
  const s = await shop();
  const b = await buyer();
  const res = await place(b, orderBody(s.products));
  expect(res.status).toBe(201);
  const code = res.body.data.code as string;
  const path: Record<string, [User, string, string?][]> = {
    awaiting_confirmation: [],
    awaiting_pickup: [[s.owner, 'confirm']],
    shipping: [
      [s.owner, 'confirm'],
      [s.owner, 'ship'],
    ],
    delivered: [
      [s.owner, 'confirm'],
      [s.owner, 'ship'],
      [b, 'confirm_receipt'],
    ],
    cancelled: [[b, 'cancel']],
  };
  for (const [who, action, reason] of path[status])
    expect((await act(who, code, action, reason)).status).toBe(200);
  expect(await statusOf(code)).toBe(status);
  return { shop: s, buyer: b, code };
}

beforeAll(async () => {
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('orders');
  // Listening on a port: the lost-response test talks to it over a raw socket.
  await new Promise<void>((resolve) => app.strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
});
// The file writes more from one address than a person could in an hour (WRITE_RATE_LIMITS):
// each test starts with fresh counts; rate-limits.test.ts tests the limits themselves.
beforeEach(async () => {
  await (app.strapi.plugin('accounts').service('rate-limit') as { reset(): Promise<void> }).reset();
});
afterAll(async () => {
  await app.stop();
  await mailbox.stop();
});

describe('the order lifecycle', () => {
  it('goes from placing to delivery with copied prices, history, notices and emails', async () => {
    const s = await shop();
    const b = await buyer();
    const res = await place(b, orderBody(s.products));
    expect(res.status).toBe(201);
    expect(res.headers['idempotent-replayed']).toBe('false');
    const order = res.body.data;
    expect(order.code).toMatch(/^DH\d{6}-[0-9A-Z]{6}$/);
    expect(order).toMatchObject({
      status: 'awaiting_confirmation',
      statusName: 'Chờ xác nhận',
      seller: { documentId: s.seller.documentId, name: s.seller.name },
      contactName: 'Trần Thị Mua',
      contactPhone: '0912345678',
      contactEmail: 'nhan.hang@example.vn',
      deliveryAddress: '45 Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
      note: 'Giao giờ hành chính',
      paymentMethod: 'cash_on_delivery',
      deliveryMethod: 'carrier',
      total: 2 * 85000 + 3 * 120000,
      viewerRole: 'buyer',
      actions: [{ action: 'cancel', name: 'Hủy đơn hàng', reasonRequired: false }],
    });
    expect(order.lines).toEqual([
      {
        product: { documentId: s.products[0].documentId, slug: expect.any(String) },
        productName: s.products[0].name,
        unit: 'kg',
        unitPrice: 85000,
        quantity: 2,
        lineTotal: 170000,
      },
      {
        product: { documentId: s.products[1].documentId, slug: expect.any(String) },
        productName: s.products[1].name,
        unit: 'chai',
        unitPrice: 120000,
        quantity: 3,
        lineTotal: 360000,
      },
    ]);
    expect(
      order.history.map((h: { action: string; from: string | null; to: string; by: string }) => [
        h.action,
        h.from,
        h.to,
        h.by,
      ]),
    ).toEqual([
      ['place', null, 'placed', 'buyer'],
      ['notify_seller', 'placed', 'awaiting_confirmation', 'system'],
    ]);

    // The seller's price changes afterwards: the order keeps the price it was placed at.
    await app.strapi.db
      .query(U.product)
      .updateMany({ where: { documentId: s.products[0].documentId }, data: { price: 99000 } });
    expect((await http().get(`/api/orders/${order.code}`).set(asUser(b))).body.data.lines[0].unitPrice).toBe(
      85000,
    );

    // The seller is told in the app and by email (through the outbox).
    const notices = await http().get('/api/notifications').set(asUser(s.owner));
    expect(notices.body.data).toEqual([
      expect.objectContaining({
        title: `Đơn hàng mới ${order.code} trên Sàn giao dịch`,
        targetDocumentId: order.code,
      }),
    ]);
    const mail = await mailTitled(`Đơn hàng mới ${order.code} trên Sàn giao dịch`);
    expect(mail.to).toEqual([s.owner.email]);
    expect(mail.text).toContain(`${s.products[0].name}: 2 kg × 85.000 đ = 170.000 đ`);
    expect(mail.text).toContain('Tổng cộng: 530.000 đ');
    expect(mail.text).toContain('Người nhận: Trần Thị Mua, điện thoại 0912345678');
    expect(mail.text).toContain('Địa chỉ giao hàng: 45 Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp');

    // The seller sees it among incoming orders, with the buyer's contact but not their account.
    const incoming = await http().get('/api/orders/incoming').set(asUser(s.owner));
    expect(incoming.status).toBe(200);
    expect(incoming.body.data.map((o: { code: string }) => o.code)).toEqual([order.code]);
    expect(incoming.body.data[0]).toMatchObject({
      viewerRole: 'seller',
      actions: [
        { action: 'confirm', name: 'Xác nhận đơn hàng', reasonRequired: false },
        { action: 'decline', name: 'Từ chối đơn hàng', reasonRequired: true },
      ],
    });
    expect(incoming.body.meta.pagination).toEqual({ page: 1, pageSize: 20, pageCount: 1, total: 1 });
    expect(JSON.stringify(incoming.body)).not.toContain(b.email);

    const steps: [User, string, string][] = [
      [s.owner, 'confirm', 'awaiting_pickup'],
      [s.owner, 'ship', 'shipping'],
      [b, 'confirm_receipt', 'delivered'],
    ];
    for (const [who, action, status] of steps) {
      const moved = await act(who, order.code, action);
      expect([moved.status, moved.body.data.status]).toEqual([200, status]);
    }
    const done = await http().get(`/api/orders/${order.code}`).set(asUser(s.owner));
    expect(done.body.data).toMatchObject({ status: 'delivered', statusName: 'Đã giao hàng', actions: [] });
    expect(
      done.body.data.history.map(
        (h: { action: string; to: string; by: string; actorName: string | null }) => [
          h.action,
          h.to,
          h.by,
          h.actorName,
        ],
      ),
    ).toEqual([
      ['place', 'placed', 'buyer', expect.any(String)],
      ['notify_seller', 'awaiting_confirmation', 'system', null],
      ['confirm', 'awaiting_pickup', 'seller', s.seller.name],
      ['ship', 'shipping', 'seller', s.seller.name],
      ['confirm_receipt', 'delivered', 'buyer', expect.any(String)],
    ]);
    for (const entry of done.body.data.history) expect(Date.parse(entry.at)).not.toBeNaN();

    // The buyer is told of each of the seller's changes (to the contact email), the seller of the receipt.
    for (const status of ['Chờ lấy hàng', 'Đang giao hàng']) {
      expect((await mailTitled(`Đơn hàng ${order.code}: ${status}`)).to).toEqual(['nhan.hang@example.vn']);
    }
    expect((await mailTitled(`Đơn hàng ${order.code}: Đã giao hàng`)).to).toEqual([s.owner.email]);
    const buyerNotices = await http().get('/api/notifications').set(asUser(b));
    expect(buyerNotices.body.data.map((n: { title: string }) => n.title)).toEqual([
      `Đơn hàng ${order.code}: Đang giao hàng`,
      `Đơn hàng ${order.code}: Chờ lấy hàng`,
    ]);

    const mine = await http().get('/api/orders').set(asUser(b));
    expect(mine.body.data.map((o: { code: string; status: string }) => [o.code, o.status])).toEqual([
      [order.code, 'delivered'],
    ]);
    const delivered = await http().get('/api/orders').query({ status: 'cancelled' }).set(asUser(b));
    expect(delivered.body.data).toEqual([]);
  });

  it('lets the seller mark an order delivered', async () => {
    const { shop: s, code } = await orderIn('shipping');
    const res = await act(s.owner, code, 'deliver');
    expect([res.status, res.body.data.status]).toEqual([200, 'delivered']);
  });

  it('lets the buyer cancel before confirmation and tells the seller', async () => {
    const { shop: s, buyer: b, code } = await orderIn('awaiting_confirmation');
    const res = await act(b, code, 'cancel', 'Đặt nhầm số lượng');
    expect([res.status, res.body.data.status]).toEqual([200, 'cancelled']);
    expect(res.body.data.history.at(-1)).toMatchObject({
      action: 'cancel',
      by: 'buyer',
      reason: 'Đặt nhầm số lượng',
    });
    const mail = await mailTitled(`Đơn hàng ${code}: Đã hủy`);
    expect(mail.to).toEqual([s.owner.email]);
    expect(mail.text).toContain('Lý do: Đặt nhầm số lượng');
  });

  it.each([
    ['awaiting_confirmation', 'decline'],
    ['awaiting_pickup', 'cancel'],
    ['shipping', 'cancel'],
  ])('lets the seller %s → %s only with a reason, emailed to the buyer', async (status, action) => {
    const { shop: s, code } = await orderIn(status);
    const missing = await act(s.owner, code, action, '  ');
    expect([missing.status, missing.body.error.name, missing.body.error.message]).toEqual([
      400,
      'ValidationError',
      expect.stringMatching(/^Hãy ghi lý do khi (từ chối|hủy) đơn hàng\.$/),
    ]);
    expect(await statusOf(code)).toBe(status);
    const res = await act(s.owner, code, action, 'Hết hàng do mưa bão');
    expect([res.status, res.body.data.status]).toEqual([200, 'cancelled']);
    const mail = await mailTitled(`Đơn hàng ${code}: Đã hủy`);
    expect(mail.to).toEqual(['nhan.hang@example.vn']);
    expect(mail.text).toContain('Lý do: Hết hàng do mưa bão');
  });
});

describe('refused transitions', () => {
  // Every allowed move, written out by hand; anything else is refused without a change.
  const ALLOWED = new Set([
    'awaiting_confirmation|seller|confirm',
    'awaiting_confirmation|seller|decline',
    'awaiting_confirmation|buyer|cancel',
    'awaiting_pickup|seller|ship',
    'awaiting_pickup|seller|cancel',
    'shipping|seller|deliver',
    'shipping|seller|cancel',
    'shipping|buyer|confirm_receipt',
  ]);
  const ACTIONS = ['notify_seller', 'confirm', 'decline', 'ship', 'deliver', 'cancel', 'confirm_receipt'];
  const SELLER_ONLY = new Set(['confirm', 'decline', 'ship', 'deliver']);
  const BUYER_ONLY = new Set(['confirm_receipt']);

  it.each(['awaiting_confirmation', 'awaiting_pickup', 'shipping', 'delivered', 'cancelled'])(
    'from %s: every other action of buyer and seller answers 403 or 409 and changes nothing',
    async (status) => {
      const { shop: s, buyer: b, code } = await orderIn(status);
      const before = await app.strapi.db.query(EVENT).count({});
      for (const [party, who] of [
        ['buyer', b],
        ['seller', s.owner],
      ] as const) {
        for (const action of ACTIONS) {
          if (ALLOWED.has(`${status}|${party}|${action}`)) continue;
          const res = await act(who, code, action, 'Lý do thử');
          const wrongParty =
            action === 'notify_seller' ||
            (party === 'buyer' ? SELLER_ONLY.has(action) : BUYER_ONLY.has(action));
          const expected = wrongParty
            ? [403, 'PolicyError', expect.stringContaining('không được thực hiện thao tác')]
            : [409, 'ConflictError', expect.stringContaining(`khi đơn hàng đang ở trạng thái`)];
          expect([status, party, action, res.status, res.body.error?.name, res.body.error?.message]).toEqual([
            status,
            party,
            action,
            ...expected,
          ]);
        }
      }
      expect(await statusOf(code)).toBe(status);
      expect(await app.strapi.db.query(EVENT).count({})).toBe(before);
    },
  );

  it('lets only one of two concurrent decisions apply', async () => {
    const { shop: s, code } = await orderIn('awaiting_confirmation');
    const before = await app.strapi.db.query(EVENT).count({});
    const answers = await Promise.all([
      act(s.owner, code, 'confirm'),
      act(s.owner, code, 'decline', 'Hết hàng'),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.status === 200);
    expect(await statusOf(code)).toBe(winner?.body.data.status);
    expect(await app.strapi.db.query(EVENT).count({})).toBe(before + 1);
  });

  it('refuses an unknown action and extra fields', async () => {
    const { buyer: b, code } = await orderIn('awaiting_confirmation');
    const unknown = await act(b, code, 'pay');
    expect([unknown.status, unknown.body.error.message]).toEqual([400, 'Thao tác không hợp lệ.']);
    const extra = await http()
      .post(`/api/orders/${code}/actions`)
      .set(asUser(b))
      .send({ action: 'cancel', status: 'delivered' });
    expect([extra.status, extra.body.error.message]).toEqual([400, 'Chỉ gửi thao tác và lý do.']);
    expect(await statusOf(code)).toBe('awaiting_confirmation');
  });

  it('keeps orders out of reach of direct edits and the history append-only', async () => {
    const { code } = await orderIn('awaiting_confirmation');
    const order = (await app.strapi.db.query(ORDER).findOne({ where: { code } })) as { id: number };
    await expect(
      app.strapi.db.query(EVENT).updateMany({ where: { orderId: order.id }, data: { reason: 'sửa' } }),
    ).rejects.toThrow('Lịch sử đơn hàng không được sửa hoặc xóa.');
    await expect(app.strapi.db.query(EVENT).deleteMany({ where: { orderId: order.id } })).rejects.toThrow(
      'Lịch sử đơn hàng không được sửa hoặc xóa.',
    );
    // The content manager, REST and code go through the Document Service: reads only.
    const readOnly =
      'Đơn hàng chỉ thay đổi qua thao tác của người mua và người bán, để mọi thay đổi đều được ghi vào lịch sử.';
    const documents = app.strapi.documents(ORDER as never);
    const found = (await documents.findFirst({ filters: { code } } as never)) as unknown as {
      documentId: string;
    };
    expect(found.documentId).toEqual(expect.any(String));
    await expect(
      documents.update({ documentId: found.documentId, data: { orderStatus: 'delivered' } } as never),
    ).rejects.toThrow(readOnly);
    await expect(documents.delete({ documentId: found.documentId } as never)).rejects.toThrow(readOnly);
    await expect(documents.create({ data: { code: 'DH000000-AAAAAA' } } as never)).rejects.toThrow(readOnly);
    expect(await statusOf(code)).toBe('awaiting_confirmation');
  });
});

describe('idempotent submission', () => {
  it('answers a repeated key and body with the same order, once', async () => {
    const s = await shop();
    const b = await buyer();
    const key = newKey();
    const first = await place(b, orderBody(s.products), key);
    const second = await place(b, orderBody(s.products), key);
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.data.code).toBe(first.body.data.code);
    expect(await ordersOf(b.id)).toBe(1);
    // The same data in another key order and with other spacing is the same request.
    const body = orderBody(s.products);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const third = await place(b, { ...reordered, contactName: '  Trần Thị Mua ' }, key);
    expect([third.status, third.body.data.code]).toEqual([201, first.body.data.code]);
    // One notice to the seller.
    const notices = await app.strapi.db
      .query('plugin::core.notification')
      .count({ where: { userId: s.owner.id, targetDocumentId: first.body.data.code } });
    expect(notices).toBe(1);
  });

  it('answers 422 when the key comes back with another body, and creates nothing', async () => {
    const s = await shop();
    const b = await buyer();
    const key = newKey();
    expect((await place(b, orderBody(s.products), key)).status).toBe(201);
    const res = await place(b, orderBody(s.products, { note: 'Giao buổi sáng' }), key);
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      data: null,
      error: {
        status: 422,
        name: 'UnprocessableEntityError',
        message:
          'Mã Idempotency-Key này đã dùng cho một đơn hàng khác nội dung. Hãy tạo mã mới cho mỗi lần đặt hàng.',
      },
    });
    expect(await ordersOf(b.id)).toBe(1);
    // A key belongs to its user: another buyer with the same key places their own order.
    const other = await buyer();
    const theirs = await place(other, orderBody(s.products), key);
    expect(theirs.status).toBe(201);
    expect(theirs.body.data.code).not.toBe(
      (await http().get('/api/orders').set(asUser(b))).body.data[0].code,
    );
  });

  it('needs a key', async () => {
    const s = await shop();
    const b = await buyer();
    const res = await http().post('/api/orders').set(asUser(b)).send(orderBody(s.products));
    expect([res.status, res.body.error.message]).toEqual([
      400,
      'Thiếu tiêu đề Idempotency-Key (một chuỗi ngẫu nhiên cho mỗi lần đặt hàng, tối đa 255 ký tự).',
    ]);
    expect(await ordersOf(b.id)).toBe(0);
  });

  it('gives the order when the client lost the first response and sends again', async () => {
    const s = await shop();
    const b = await buyer();
    const key = newKey();
    const payload = JSON.stringify(orderBody(s.products));
    const { port } = app.strapi.server.httpServer.address() as AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(
      [
        'POST /api/orders HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: Bearer ${b.jwt}`,
        `Idempotency-Key: ${key}`,
        'Content-Type: application/json',
        `Content-Length: ${Buffer.byteLength(payload)}`,
        'Connection: close',
        '',
        payload,
      ].join('\r\n'),
    );
    // The server commits the order; the client drops the connection without reading the answer.
    for (
      let i = 0;
      i < 200 && (await app.strapi.db.query(KEYS).count({ where: { requestKey: key } })) === 0;
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    socket.destroy();
    expect(await ordersOf(b.id)).toBe(1);
    const stored = (await app.strapi.db.query(ORDER).findOne({ where: { buyer: { id: b.id } } })) as {
      code: string;
    };

    const retry = await place(b, JSON.parse(payload), key);
    expect([retry.status, retry.headers['idempotent-replayed'], retry.body.data.code]).toEqual([
      201,
      'true',
      stored.code,
    ]);
    expect(await ordersOf(b.id)).toBe(1);
  });

  it('creates one order from concurrent identical requests', async () => {
    const s = await shop();
    const b = await buyer();
    const key = newKey();
    const body = orderBody(s.products);
    const answers = await Promise.all([place(b, body, key), place(b, body, key), place(b, body, key)]);
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((r) => r.body.data.code)).size).toBe(1);
    expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'false')).toHaveLength(1);
    expect(await ordersOf(b.id)).toBe(1);
    expect(
      await app.strapi.db.query('plugin::core.notification').count({ where: { userId: s.owner.id } }),
    ).toBe(1);
  });

  it('forgets keys after 30 days, keeping the orders and the newer keys', async () => {
    const s = await shop();
    const b = await buyer();
    const [oldKey, newerKey] = [newKey(), newKey()];
    expect((await place(b, orderBody(s.products), oldKey)).status).toBe(201);
    const newer = await place(b, orderBody(s.products, { note: 'Đơn thứ hai' }), newerKey);
    expect(newer.status).toBe(201);
    const KEY = 'plugin::orders.idempotency-key';
    const DAY = 86_400_000;
    await app.strapi.db.query(KEY).update({
      where: { userId: b.id, requestKey: oldKey },
      data: { createdAt: new Date(Date.now() - 31 * DAY) },
    });
    await app.strapi.db.query(KEY).update({
      where: { userId: b.id, requestKey: newerKey },
      data: { createdAt: new Date(Date.now() - 29 * DAY) },
    });
    const orders = app.strapi.plugin('orders').service('orders') as { purgeKeys(at?: Date): Promise<number> };
    expect(await orders.purgeKeys(new Date())).toBeGreaterThanOrEqual(1);
    expect(await app.strapi.db.query(KEY).count({ where: { userId: b.id } })).toBe(1);
    expect(await ordersOf(b.id)).toBe(2);
    const replayed = await place(b, orderBody(s.products, { note: 'Đơn thứ hai' }), newerKey);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.body.data.code).toBe(newer.body.data.code);
  });

  it('draws another code when the one drawn is taken, and says so after three tries', async () => {
    const s = await shop();
    const first = await place(await buyer(), orderBody(s.products));
    expect(first.status).toBe(201);
    const taken = first.body.data.code as string;
    const codes = app.strapi.plugin('orders').service('codes') as { next(at: Date): string };
    const real = codes.next;
    const drawn: string[] = [];
    try {
      // The first draw repeats an existing code: the order is placed under the second.
      codes.next = (at) => {
        const code = drawn.length === 0 ? taken : real(at);
        drawn.push(code);
        return code;
      };
      const b = await buyer();
      const second = await place(b, orderBody(s.products));
      expect(second.status).toBe(201);
      expect(drawn).toHaveLength(2);
      expect(second.body.data.code).toBe(drawn[1]);
      expect(await ordersOf(b.id)).toBe(1);
      expect(
        await app.strapi.db.query('plugin::core.notification').count({ where: { userId: s.owner.id } }),
      ).toBe(2);

      // Every draw taken: 503 with a message, nothing created, and the same key may be sent again.
      codes.next = () => taken;
      const unlucky = await buyer();
      const key = newKey();
      const refused = await place(unlucky, orderBody(s.products), key);
      expect(refused.status).toBe(503);
      expect(refused.body.error.message).toBe('Chưa tạo được mã đơn hàng, xin vui lòng gửi lại đơn hàng.');
      expect(await ordersOf(unlucky.id)).toBe(0);
      codes.next = real;
      expect((await place(unlucky, orderBody(s.products), key)).status).toBe(201);
    } finally {
      codes.next = real;
    }
  });
});

describe('what a buyer may order', () => {
  it('refuses bad input, fields the buyer may not set, and products that cannot be sold, creating nothing', async () => {
    const s = await shop();
    const other = await shop();
    const b = await buyer();
    const [p0, p1] = s.products;
    const draftOnly = await makeProduct(
      app.strapi,
      s.seller.documentId,
      { price: 1000, paymentMethods: ['cash_on_delivery'], deliveryMethods: ['carrier'] },
      false,
    );
    const locked = await makeProduct(app.strapi, s.seller.documentId, {
      name: unique('Sản phẩm bị khóa'),
      reviewStatus: 'locked',
      paymentMethods: ['cash_on_delivery'],
      deliveryMethods: ['carrier'],
    });
    const noPrice = await makeProduct(app.strapi, s.seller.documentId, {
      name: unique('Sản phẩm giá liên hệ'),
      price: null,
      priceMin: 10000,
      priceMax: 20000,
      paymentMethods: ['cash_on_delivery'],
      deliveryMethods: ['carrier'],
    });
    const luxury = await makeProduct(app.strapi, s.seller.documentId, {
      name: unique('Sản phẩm giá rất cao'),
      price: 1_000_000_000_000_000,
      paymentMethods: ['cash_on_delivery'],
      deliveryMethods: ['carrier'],
    });
    const lockedShop = await shop();
    await app.strapi.db.query(U.seller).updateMany({
      where: { documentId: lockedShop.seller.documentId },
      data: { verificationStatus: 'locked' },
    });
    const onlyPickup = await shop({ deliveryMethods: ['pickup'], paymentMethods: ['pay_at_store'] });

    const strict = 'Đơn hàng có trường không được phép (trạng thái, người bán, giá do Sàn xác định).';
    const line = 'Sản phẩm trong đơn chỉ gồm mã sản phẩm và số lượng; giá do Sàn lấy từ sản phẩm.';
    const cases: [string, object, string][] = [
      ['status', orderBody([p0], { status: 'delivered' }), strict],
      ['seller', orderBody([p0], { seller: other.seller.documentId }), strict],
      ['buyer', orderBody([p0], { buyer: 1 }), strict],
      ['total', orderBody([p0], { total: 1 }), strict],
      ['code', orderBody([p0], { code: 'DH000000-AAAAAA' }), strict],
      [
        'line price',
        orderBody([p0], { items: [{ product: p0.documentId, quantity: 1, unitPrice: 1 }] }),
        line,
      ],
      ['no items', orderBody([p0], { items: [] }), 'Hãy chọn ít nhất một sản phẩm.'],
      [
        'quantity 0',
        orderBody([p0], { items: [{ product: p0.documentId, quantity: 0 }] }),
        'Số lượng phải ít nhất là 1.',
      ],
      [
        'quantity -3',
        orderBody([p0], { items: [{ product: p0.documentId, quantity: -3 }] }),
        'Số lượng phải ít nhất là 1.',
      ],
      [
        'quantity 1.5',
        orderBody([p0], { items: [{ product: p0.documentId, quantity: 1.5 }] }),
        'Số lượng phải là số nguyên dương.',
      ],
      [
        'quantity "2"',
        orderBody([p0], { items: [{ product: p0.documentId, quantity: '2' }] }),
        'Số lượng phải là số nguyên dương.',
      ],
      [
        'quantity 10001',
        orderBody([p0], { items: [{ product: p0.documentId, quantity: 10001 }] }),
        'Số lượng tối đa mỗi sản phẩm là 10.000.',
      ],
      [
        'same product twice',
        orderBody([p0], {
          items: [
            { product: p0.documentId, quantity: 1 },
            { product: p0.documentId, quantity: 2 },
          ],
        }),
        'Mỗi sản phẩm chỉ chọn một lần; hãy sửa số lượng thay vì thêm lại.',
      ],
      ['phone', orderBody([p0], { contactPhone: '12345' }), 'Số điện thoại chưa đúng (ví dụ: 0912345678).'],
      [
        'email',
        orderBody([p0], { contactEmail: 'khong-phai-email' }),
        'Email chưa đúng (ví dụ: ten@example.vn).',
      ],
      ['name', orderBody([p0], { contactName: ' ' }), 'Hãy nhập họ tên người nhận.'],
      ['address', orderBody([p0], { deliveryAddress: undefined }), 'Hãy nhập địa chỉ giao hàng.'],
      ['payment', orderBody([p0], { paymentMethod: 'crypto' }), 'Hãy chọn phương thức thanh toán.'],
      [
        'two sellers',
        orderBody([p0, other.products[0]]),
        'Mỗi đơn hàng chỉ gồm sản phẩm của một người bán. Hãy đặt riêng cho từng người bán.',
      ],
      [
        'unknown product',
        orderBody([{ documentId: 'khongtontai123' }]),
        'Không tìm thấy sản phẩm đã chọn, hoặc sản phẩm không còn bán trên Sàn.',
      ],
      [
        'unpublished product',
        orderBody([draftOnly]),
        'Không tìm thấy sản phẩm đã chọn, hoặc sản phẩm không còn bán trên Sàn.',
      ],
      [
        'locked product',
        orderBody([locked]),
        `Sản phẩm "${(locked as unknown as { name: string }).name}" hiện không bán trên Sàn.`,
      ],
      [
        'locked seller',
        orderBody([lockedShop.products[0]]),
        `Sản phẩm "${lockedShop.products[0].name}" hiện không bán trên Sàn.`,
      ],
      [
        'no fixed price',
        orderBody([noPrice]),
        `Sản phẩm "${(noPrice as unknown as { name: string }).name}" chưa có giá bán cố định; hãy liên hệ người bán.`,
      ],
      [
        'absurd total',
        orderBody([luxury], { items: [{ product: luxury.documentId, quantity: 10 }] }),
        'Giá trị đơn hàng vượt quá mức Sàn xử lý được. Hãy chia thành nhiều đơn nhỏ hơn.',
      ],
      [
        'payment not offered',
        orderBody([p0, p1], { paymentMethod: 'pay_at_store' }),
        `Người bán không nhận phương thức thanh toán đã chọn cho sản phẩm "${p0.name}".`,
      ],
      [
        'delivery not offered',
        orderBody([onlyPickup.products[0]], { paymentMethod: 'pay_at_store', deliveryMethod: 'carrier' }),
        `Người bán không có phương thức giao hàng đã chọn cho sản phẩm "${onlyPickup.products[0].name}".`,
      ],
    ];
    for (const [label, body, message] of cases) {
      const res = await place(b, body);
      expect([label, res.status, res.body.error?.name, res.body.error?.message]).toEqual([
        label,
        400,
        'ValidationError',
        message,
      ]);
    }
    // The seller cannot order from themselves.
    const own = await place(s.owner, orderBody([p0]));
    expect([own.status, own.body.error.message]).toEqual([
      400,
      'Bạn không thể đặt mua sản phẩm của chính mình.',
    ]);
    expect(await ordersOf(b.id)).toBe(0);
    expect(await ordersOf(s.owner.id)).toBe(0);
  });
});

describe('who may see and change an order', () => {
  it('shows an order only to its buyer and its seller; anyone else gets 404, anonymous 403', async () => {
    const { shop: s, buyer: a, code } = await orderIn('awaiting_confirmation');
    const b = await buyer();
    const otherShop = await shop();
    const readAs = (user: User | null) =>
      user ? http().get(`/api/orders/${code}`).set(asUser(user)) : http().get(`/api/orders/${code}`);

    const reads: [string, User | null, number][] = [
      ['buyer A', a, 200],
      ['seller', s.owner, 200],
      ['buyer B', b, 404],
      ['another seller', otherShop.owner, 404],
      ['anonymous', null, 403],
    ];
    for (const [label, user, status] of reads) {
      const res = await readAs(user);
      expect([label, res.status]).toEqual([label, status]);
      if (status === 404) {
        expect(res.body).toEqual({
          data: null,
          error: {
            status: 404,
            name: 'NotFoundError',
            message: 'Không tìm thấy đơn hàng này trong tài khoản của bạn.',
            details: {},
          },
        });
      }
    }
    expect((await http().get('/api/orders/DH000000-XXXXXX').set(asUser(a))).status).toBe(404);

    // Lists: only one's own.
    const codes = async (path: string, user: User) =>
      (await http().get(path).set(asUser(user))).body.data.map((o: { code: string }) => o.code) as string[];
    expect(await codes('/api/orders', a)).toEqual([code]);
    expect(await codes('/api/orders', b)).toEqual([]);
    expect(await codes('/api/orders', s.owner)).toEqual([]);
    expect(await codes('/api/orders/incoming', s.owner)).toEqual([code]);
    expect(await codes('/api/orders/incoming', otherShop.owner)).toEqual([]);
    expect(await codes('/api/orders/incoming', a)).toEqual([]);
    expect((await http().get('/api/orders')).status).toBe(403);
    expect((await http().get('/api/orders/incoming')).status).toBe(403);

    // Actions: strangers get 404 for every action, anonymous 403; nothing changes.
    for (const action of ['confirm', 'decline', 'ship', 'deliver', 'cancel', 'confirm_receipt']) {
      for (const [label, user] of [
        ['buyer B', b],
        ['another seller', otherShop.owner],
      ] as const) {
        const res = await act(user, code, action, 'Lý do thử');
        expect([label, action, res.status]).toEqual([label, action, 404]);
      }
      const anonymous = await http().post(`/api/orders/${code}/actions`).send({ action, reason: 'x' });
      expect([action, anonymous.status]).toEqual([action, 403]);
    }
    expect(await statusOf(code)).toBe('awaiting_confirmation');
    expect(
      (await http().post('/api/orders').set('Idempotency-Key', newKey()).send(orderBody(s.products))).status,
    ).toBe(403);
  });

  it('lets a seller act as a buyer elsewhere without seeing it among incoming orders', async () => {
    const s = await shop();
    const other = await shop();
    const res = await place(s.owner, orderBody(other.products));
    expect([res.status, res.body.data.viewerRole]).toEqual([201, 'buyer']);
    const incoming = await http().get('/api/orders/incoming').set(asUser(s.owner));
    expect(incoming.body.data).toEqual([]);
    const theirs = await http().get('/api/orders/incoming').set(asUser(other.owner));
    expect(theirs.body.data.map((o: { code: string }) => o.code)).toEqual([res.body.data.code]);
  });

  it("puts a buyer's orders, with their history, in the buyer's personal-data export only", async () => {
    const { shop: s, buyer: b, code } = await orderIn('awaiting_pickup');
    const exported = await http().get('/api/accounts/me/export').set(asUser(b));
    expect(exported.status).toBe(200);
    expect(exported.body.orders).toEqual([
      expect.objectContaining({
        code,
        status: 'awaiting_pickup',
        contactName: 'Trần Thị Mua',
        deliveryAddress: '45 Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
        history: [
          expect.objectContaining({ action: 'place' }),
          expect.objectContaining({ action: 'notify_seller' }),
          expect.objectContaining({ action: 'confirm' }),
        ],
      }),
    ]);
    const sellers = await http().get('/api/accounts/me/export').set(asUser(s.owner));
    expect(sellers.body.orders).toEqual([]);
  });

  it('pages and filters lists', async () => {
    const s = await shop();
    const b = await buyer();
    for (let i = 0; i < 3; i += 1) expect((await place(b, orderBody([s.products[0]]))).status).toBe(201);
    const page = await http().get('/api/orders').query({ page: 2, pageSize: 2 }).set(asUser(b));
    expect([page.body.data.length, page.body.meta.pagination]).toEqual([
      1,
      { page: 2, pageSize: 2, pageCount: 2, total: 3 },
    ]);
    const bad = await http().get('/api/orders').query({ pageSize: 500 }).set(asUser(b));
    expect([bad.status, bad.body.error.message]).toEqual([400, 'Cỡ trang từ 1 đến 100.']);
    const filtered = await http()
      .get('/api/orders/incoming')
      .query({ status: 'awaiting_confirmation' })
      .set(asUser(s.owner));
    expect(filtered.body.meta.pagination.total).toBe(3);
  });
});

describe('staff in the content manager', () => {
  it('lets the super admin read an order, labelled in Vietnamese, but not change it', async () => {
    const { code } = await orderIn('awaiting_confirmation');
    const admin = await makeOfficer(app.strapi, 'super_admin', []);
    const asAdmin = { Authorization: `Bearer ${admin.token}` };
    const { documentId } = (await app.strapi.db.query(ORDER).findOne({ where: { code } })) as {
      documentId: string;
    };
    const read = await http().get(`/content-manager/collection-types/${ORDER}/${documentId}`).set(asAdmin);
    expect([read.status, read.body.data.code, read.body.data.orderStatus]).toEqual([
      200,
      code,
      'awaiting_confirmation',
    ]);
    const configuration = await http()
      .get(`/content-manager/content-types/${ORDER}/configuration`)
      .set(asAdmin);
    expect(configuration.body.data.contentType.metadatas.deliveryAddress.edit.label).toBe(
      'Địa chỉ giao hàng (không công khai)',
    );
    const edit = await http()
      .put(`/content-manager/collection-types/${ORDER}/${documentId}`)
      .set(asAdmin)
      .send({ orderStatus: 'delivered' });
    expect([edit.status, edit.body.error?.message]).toEqual([
      403,
      'Đơn hàng chỉ thay đổi qua thao tác của người mua và người bán, để mọi thay đổi đều được ghi vào lịch sử.',
    ]);
    expect(await statusOf(code)).toBe('awaiting_confirmation');
  });

  it("shows an officer the orders of their department's sellers, without the buyer's personal data", async () => {
    const s = await shop({}, { department: await departmentId(app.strapi, 'SCT') });
    const b = await buyer();
    const { code } = (await place(b, orderBody(s.products))).body.data as { code: string };
    const { documentId } = (await app.strapi.db.query(ORDER).findOne({ where: { code } })) as {
      documentId: string;
    };
    const ours = await makeOfficer(app.strapi, 'specialist', ['SCT']);
    const theirs = await makeOfficer(app.strapi, 'head_of_division', ['SYT']);
    const as = (officer: { token: string }) => ({ Authorization: `Bearer ${officer.token}` });
    const list = (officer: { token: string }) =>
      http()
        .get(`/content-manager/collection-types/${ORDER}`)
        .query({ pageSize: 100, sort: 'id:desc' })
        .set(as(officer));

    const seen = await list(ours);
    expect(seen.status).toBe(200);
    const row = (seen.body.results as Record<string, unknown>[]).find((r) => r.code === code);
    expect(row).toMatchObject({ code, orderStatus: 'awaiting_confirmation', sellerName: s.seller.name });
    for (const field of ['contactName', 'contactPhone', 'contactEmail', 'deliveryAddress', 'note', 'buyer'])
      expect([field, row && field in row]).toEqual([field, false]);
    const one = await http().get(`/content-manager/collection-types/${ORDER}/${documentId}`).set(as(ours));
    expect([one.status, one.body.data.code, one.body.data.deliveryAddress]).toEqual([200, code, undefined]);
    const edit = await http()
      .put(`/content-manager/collection-types/${ORDER}/${documentId}`)
      .set(as(ours))
      .send({ orderStatus: 'delivered' });
    expect(edit.status).toBe(403);

    const other = await list(theirs);
    expect(other.status).toBe(200);
    expect((other.body.results as { code: string }[]).map((r) => r.code)).not.toContain(code);
    expect(
      (await http().get(`/content-manager/collection-types/${ORDER}/${documentId}`).set(as(theirs))).status,
    ).toBe(403);
    expect(await statusOf(code)).toBe('awaiting_confirmation');
  });
});
