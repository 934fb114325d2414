import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { freePort, SITE_ENTRY, startSite } from '../site-server';
import { makePost, makeProduct, makeSeller, unique } from '../factories';
import { makeOfficer, makeSiteUser, type Officer } from '../staff';
import { siteClient } from '../site-client';

/**
 * The site's forms around orders, driven over HTTP like a browser without JavaScript: reports of
 * violations (anyone), comments and the seller's answers (moderated, "Chờ duyệt" until approved),
 * following a complaint (the seller answers, the buyer escalates), and the order lists by page. Errors
 * are shown beside their field with the input kept, and the CMS's 4xx answers are explained.
 */
const SECRET = 'bi-mat-webhook-phan-hoi';

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
const { get, post, signIn } = siteClient(() => siteUrl);

type User = Awaited<ReturnType<typeof makeSiteUser>>;
let owner: User;
let buyer: User;
let seller: { documentId: string; slug: string; name: string };
let product: { documentId: string; slug: string; name: string };
let officer: Officer;
let sellerCookie: string;
let buyerCookie: string;
let strangerCookie: string;

const http = () => request(app.strapi.server.httpServer);
const as = (user: User) => ({ Authorization: `Bearer ${user.jwt}` });
/** `&` in an attribute, as Astro writes it. */
const attr = (value: string) => value.replaceAll('&', '&#38;');

/** An officer of Sở Công Thương approves the item's moderation task. */
async function approve(documentId: string) {
  const task = (await app.strapi.db
    .query('plugin::workflow.task')
    .findOne({ where: { targetDocumentId: documentId }, orderBy: { id: 'desc' } })) as { id: number };
  const auth = { Authorization: `Bearer ${officer.token}` };
  expect((await http().post(`/workflow/tasks/${task.id}/claim`).set(auth)).status).toBe(200);
  expect(
    (await http().post(`/workflow/tasks/${task.id}/actions`).set(auth).send({ action: 'approve' })).status,
  ).toBe(200);
}

/** The public page once the CMS's webhook has dropped the cached copy (sent shortly after a change). */
async function publicPageWith(pathname: string, text: string) {
  let page = await get(pathname);
  for (let i = 0; i < 50 && !page.html.includes(text); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    page = await get(pathname);
  }
  return page;
}

let keys = 0;
async function placeOrder(by: User = buyer): Promise<string> {
  const res = await http()
    .post('/api/orders')
    .set(as(by))
    .set('Idempotency-Key', `phan-hoi-${process.pid}-${(keys += 1)}`)
    .send({
      items: [{ product: product.documentId, quantity: 1 }],
      contactName: 'Trần Thị Mua',
      contactPhone: '0912345678',
      deliveryAddress: '45 Lê Lợi, phường Mỹ Tho, tỉnh Đồng Tháp',
      paymentMethod: 'cash_on_delivery',
      deliveryMethod: 'carrier',
    });
  expect(res.status).toBe(201);
  return res.body.data.code as string;
}

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  const sitePort = await freePort();
  process.env.SITE_URL = `http://127.0.0.1:${sitePort}`;
  process.env.SITE_WEBHOOK_SECRET = SECRET;
  app = await bootStrapi('site-feedback');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ child: site, url: siteUrl } = await startSite(cmsUrl, {
    port: sitePort,
    env: { SITE_WEBHOOK_SECRET: SECRET },
  }));

  owner = await makeSiteUser(app.strapi);
  const role = (await app.strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'seller' } })) as { id: number };
  await app.strapi.db
    .query('plugin::users-permissions.user')
    .update({ where: { id: owner.id }, data: { role: role.id } });
  seller = (await makeSeller(app.strapi, {
    owner: owner.id,
    email: owner.email,
    name: unique('Hợp tác xã Sen Tháp Mười'),
  })) as unknown as typeof seller;
  product = (await makeProduct(app.strapi, seller.documentId, {
    name: unique('Trà tim sen'),
    price: 90000,
  })) as unknown as typeof product;
  buyer = await makeSiteUser(app.strapi);
  officer = await makeOfficer(app.strapi, 'specialist', ['SCT']);
  sellerCookie = await signIn(owner.email);
  buyerCookie = await signIn(buyer.email);
  strangerCookie = await signIn((await makeSiteUser(app.strapi)).email);
});

afterAll(async () => {
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

describe('reporting a violation', () => {
  const reportFields = (overrides: Record<string, string> = {}): [string, string][] =>
    Object.entries({
      reason: 'counterfeit',
      details: 'Bao bì giống hệt sản phẩm của cơ sở khác, nghi hàng nhái.',
      name: 'Nguyễn Văn Báo',
      email: 'bao@example.vn',
      ...overrides,
    });

  it('links the product, seller and buy/sell post pages to the report form', async () => {
    const productPage = await get(`/san-pham/${product.slug}`);
    expect(productPage.html).toContain(attr(`href="/bao-cao-vi-pham?loai=san-pham&ma=${product.slug}"`));
    const sellerPage = await get(`/doanh-nghiep/${seller.slug}`);
    expect(sellerPage.html).toContain(attr(`href="/bao-cao-vi-pham?loai=doanh-nghiep&ma=${seller.slug}"`));
    const postRow = (await makePost(app.strapi, { title: unique('Cần bán sen giống') })) as unknown as {
      slug: string;
    };
    const board = await get('/cung-cau');
    expect(board.html).toContain(attr(`href="/bao-cao-vi-pham?loai=tin-cung-cau&ma=${postRow.slug}"`));
    const form = await get(`/bao-cao-vi-pham?loai=tin-cung-cau&ma=${postRow.slug}`);
    expect(form.status).toBe(200);
    expect(form.html).toContain('<meta name="robots" content="noindex"');
  });

  it('shows mistakes beside their fields with the input kept, then takes an anonymous report', async () => {
    const url = `/bao-cao-vi-pham?loai=san-pham&ma=${product.slug}`;
    const form = await get(url);
    expect(form.html).toContain(`<a href="/san-pham/${product.slug}">${product.name}</a>`);
    expect(form.html).toContain('<option value="counterfeit">Hàng giả, hàng nhái</option>');

    const invalid = await post(url, reportFields({ reason: '', details: 'Nhái', email: 'bao@' }));
    expect(invalid.status).toBe(200);
    expect(invalid.html).toContain(
      '<p id="truong-reason-loi" class="field-error">Hãy chọn lý do phản ánh.</p>',
    );
    expect(invalid.html).toContain(
      // The CMS's own rules and words (`reportFields` of @sgd/contracts).
      '<p id="truong-details-loi" class="field-error">Nội dung phản ánh quá ngắn (ít nhất 10 ký tự).</p>',
    );
    expect(invalid.html).toContain('<p id="truong-email-loi" class="field-error">');
    expect(invalid.html).toContain('Nhái</textarea>');
    expect(invalid.html).toContain('value="Nguyễn Văn Báo"');

    const sent = await post(url, reportFields());
    expect([sent.status, sent.location]).toEqual([303, `${url}&da-gui=1`]);
    const thanks = await get(sent.location ?? '');
    expect(thanks.html).toContain('Đã gửi báo cáo.');
    const report = (await app.strapi.db.query('plugin::complaints.violation-report').findOne({
      where: { targetDocumentId: product.documentId },
      populate: { reporter: true },
    })) as {
      targetType: string;
      reason: string;
      reporterName: string;
      reporterEmail: string;
      reporter: unknown;
    };
    expect(report).toMatchObject({
      targetType: 'product',
      reason: 'counterfeit',
      reporterName: 'Nguyễn Văn Báo',
      reporterEmail: 'bao@example.vn',
      reporter: null,
    });
  });

  it('sends a signed-in person’s report with their account instead of a name', async () => {
    const url = `/bao-cao-vi-pham?loai=doanh-nghiep&ma=${seller.slug}`;
    const form = await get(url, buyerCookie);
    expect(form.html).toContain('Báo cáo được gửi kèm tài khoản của bạn.');
    expect(form.html).not.toContain('name="email"');
    const sent = await post(url, reportFields({ reason: 'fraud' }), buyerCookie);
    expect(sent.status).toBe(303);
    const report = (await app.strapi.db.query('plugin::complaints.violation-report').findOne({
      where: { targetDocumentId: seller.documentId },
      populate: { reporter: true },
    })) as { targetType: string; reporterName: string | null; reporter: { id: number } | null };
    expect(report).toMatchObject({ targetType: 'seller', reporterName: null, reporter: { id: buyer.id } });
  });

  it('answers 404 for an unknown item or kind, and explains the CMS’s 404 for a review that is not public', async () => {
    expect((await get('/bao-cao-vi-pham?loai=san-pham&ma=khong-co-san-pham-nay')).status).toBe(404);
    expect((await get(`/bao-cao-vi-pham?loai=khac&ma=${product.slug}`)).status).toBe(404);

    const url = `/bao-cao-vi-pham?loai=danh-gia&ma=khongcodanhgianay&sp=${product.slug}`;
    const form = await get(url);
    expect(form.status).toBe(200);
    expect(form.html).toContain(`Về một đánh giá về sản phẩm <a href="/san-pham/${product.slug}#danh-gia">`);
    const refused = await post(url, reportFields({ details: 'Đánh giá này bịa đặt về sản phẩm.' }));
    expect(refused.status).toBe(404);
    expect(refused.html).toContain('Không còn tìm thấy đánh giá này trên Sàn: có thể đã được gỡ xuống.');
    expect(refused.html).toContain('Đánh giá này bịa đặt về sản phẩm.</textarea>');
  });
});

describe('comments and the seller’s answers', () => {
  const text = 'Trà pha nước thứ mấy thì ngon nhất ạ?';
  const answer = 'Nước thứ hai thơm nhất, pha với nước khoảng 90 độ.';
  let comment: string;

  it('asks to sign in, then shows a mistake beside the field with the input kept', async () => {
    const self = `/tai-khoan/binh-luan/${product.slug}`;
    const anonymous = await get(self);
    expect([anonymous.status, anonymous.location]).toEqual([
      303,
      `/tai-khoan/dang-nhap?tiep=${encodeURIComponent(self)}`,
    ]);
    const productPage = await get(`/san-pham/${product.slug}`);
    expect(productPage.html).toContain(`href="${self}"`);
    const invalid = await post(self, [['text', 'à']], buyerCookie);
    expect(invalid.html).toContain(
      '<p id="truong-text-loi" class="field-error">Nội dung quá ngắn (ít nhất 2 ký tự).</p>',
    );
    expect(invalid.html).toContain('à</textarea>');
    // Markup is refused by the CMS's own rule (`plainTextField` of @sgd/contracts), on the site first.
    const html = await post(self, [['text', '<b>Ngon</b> lắm']], buyerCookie);
    expect(html.html).toContain(
      '<p id="truong-text-loi" class="field-error">Nội dung không được chứa mã HTML; hãy nhập văn bản thường.</p>',
    );
    expect(html.html).toContain('&lt;b&gt;Ngon&lt;/b&gt; lắm</textarea>');
  });

  it('sends a comment that its author sees waiting for moderation, and nobody else', async () => {
    const sent = await post(`/tai-khoan/binh-luan/${product.slug}`, [['text', text]], buyerCookie);
    expect([sent.status, sent.location]).toEqual([303, `/tai-khoan/binh-luan/${product.slug}?da-gui=1`]);
    const mine = await get(sent.location ?? '', buyerCookie);
    expect(mine.html).toContain('Bình luận sẽ hiển thị sau khi Ban quản lý Sàn duyệt.');
    expect(mine.html).toMatch(/<strong>Chờ duyệt<\/strong> · [^<]+<\/p>\s*<p>Trà pha nước thứ mấy/);
    expect((await get(`/san-pham/${product.slug}`)).html).not.toContain(text);
    comment = (
      (await app.strapi.db.query('plugin::reviews.comment').findOne({ where: { text } })) as {
        documentId: string;
      }
    ).documentId;
  });

  it('shows the comment on the product page once approved, with a link to report it', async () => {
    await approve(comment);
    const page = await publicPageWith(`/san-pham/${product.slug}`, text);
    expect(page.html).toContain(`<p>${text}</p>`);
    expect(page.html).toContain(
      attr(`href="/bao-cao-vi-pham?loai=binh-luan&ma=${comment}&sp=${product.slug}"`),
    );
    expect((await get(`/tai-khoan/binh-luan/${product.slug}`, buyerCookie)).html).toContain(
      '<strong>Đã duyệt, đang hiển thị</strong>',
    );

    // The comment itself can be reported, to the product's department.
    const reported = await post(
      `/bao-cao-vi-pham?loai=binh-luan&ma=${comment}&sp=${product.slug}`,
      [
        ['reason', 'inappropriate'],
        ['details', 'Bình luận quảng cáo sản phẩm khác.'],
      ],
      strangerCookie,
    );
    expect(reported.status).toBe(303);
    const report = (await app.strapi.db
      .query('plugin::complaints.violation-report')
      .findOne({ where: { targetDocumentId: comment } })) as { targetType: string; reason: string } | null;
    expect(report).toMatchObject({ targetType: 'comment', reason: 'inappropriate' });
  });

  it('lets the seller answer once, shown "Chờ duyệt" until approved; anyone else gets 404', async () => {
    const self = `/tai-khoan/tra-loi/${product.slug}`;
    expect((await get(self, strangerCookie)).status).toBe(404);
    expect((await get('/tai-khoan/san-pham', sellerCookie)).html).toContain(`href="${self}"`);
    const page = await get(self, sellerCookie);
    expect(page.html).toContain(`<p>${text}</p>`);
    expect(page.html).toContain('Gửi câu trả lời');

    const fields = (value: string): [string, string][] => [
      ['kind', 'comment'],
      ['target', comment],
      [`text-${comment}`, value],
    ];
    const invalid = await post(self, fields(' '), sellerCookie);
    expect(invalid.html).toContain(
      `<p id="truong-text-${comment}-loi" class="field-error">Hãy nhập nội dung trả lời.</p>`,
    );
    const sent = await post(self, fields(answer), sellerCookie);
    expect([sent.status, sent.location]).toEqual([303, `${self}?da-gui=1`]);
    const after = await get(sent.location ?? '', sellerCookie);
    expect(after.html).toContain('Câu trả lời sẽ hiển thị sau khi Ban quản lý Sàn duyệt.');
    expect(after.html).toContain(`<strong>Câu trả lời của bạn (Chờ duyệt):</strong> ${answer}`);
    expect(after.html).not.toContain('Gửi câu trả lời');

    // The same form posted again (a second tab): the CMS refuses, said beside the field.
    const again = await post(self, fields('Cảm ơn bạn đã hỏi.'), sellerCookie);
    expect(again.status).toBe(409);
    expect(again.html).toContain('mỗi nội dung chỉ trả lời một lần.');
    expect(await get(`/san-pham/${product.slug}`).then((p) => p.html)).not.toContain(answer);

    const row = (await app.strapi.db
      .query('plugin::reviews.answer')
      .findOne({ where: { text: answer } })) as {
      documentId: string;
    };
    await approve(row.documentId);
    const productPage = await publicPageWith(`/san-pham/${product.slug}`, answer);
    expect(productPage.html).toMatch(
      new RegExp(`<strong>Người bán trả lời</strong>\\s*\\(${seller.name}\\): ${answer}`),
    );
  });

  it('lists comments beyond the product page on their own page, and 404 for an unknown section', async () => {
    const page = await get(`/san-pham/${product.slug}/binh-luan`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<p>${text}</p>`);
    expect((await get(`/san-pham/${product.slug}/khac`)).status).toBe(404);
    expect((await get(`/san-pham/${product.slug}/binh-luan?page=5`)).status).toBe(404);
  });
});

describe('following a complaint', () => {
  let code: string;
  let complaint: string;
  const detail = () => `/tai-khoan/khieu-nai/${complaint}`;

  it('lists the buyer’s complaint and the seller’s incoming one', async () => {
    code = await placeOrder();
    for (const action of ['confirm', 'ship', 'deliver'])
      expect((await http().post(`/api/orders/${code}/actions`).set(as(owner)).send({ action })).status).toBe(
        200,
      );
    const sent = await post(
      `/tai-khoan/don-hang/${code}`,
      [
        ['intent', 'khieu-nai'],
        ['subject', 'Trà bị ẩm mốc'],
        ['description', 'Hai gói trà bị ẩm, có mùi mốc khi mở.'],
        ['remedy', 'exchange'],
      ],
      buyerCookie,
    );
    expect(sent.status).toBe(303);
    complaint = (
      (await app.strapi.db
        .query('plugin::complaints.complaint')
        .findOne({ where: { orderCode: code, publishedAt: null } })) as { documentId: string }
    ).documentId;
    const mine = await get('/tai-khoan/khieu-nai', buyerCookie);
    expect(mine.html).toContain(`<a href="${detail()}">Trà bị ẩm mốc</a>`);
    expect(mine.html).toContain('Chờ người bán giải quyết');
    const incoming = await get('/tai-khoan/khieu-nai-den', sellerCookie);
    expect(incoming.html).toContain(`<a href="${detail()}">Trà bị ẩm mốc</a>`);
    expect((await get('/tai-khoan/khieu-nai-den', buyerCookie)).html).not.toContain('Trà bị ẩm mốc');
    expect((await get(detail(), strangerCookie)).status).toBe(404);
  });

  it('lets the seller answer, with the message required beside its field', async () => {
    const page = await get(detail(), sellerCookie);
    expect(page.html).toContain('<h2 id="thao-tac">Giải quyết khiếu nại</h2>');
    expect(page.html).toContain('Hai gói trà bị ẩm, có mùi mốc khi mở.');
    const empty = await post(
      detail(),
      [
        ['action', 'answer'],
        ['message-answer', ''],
      ],
      sellerCookie,
    );
    expect(empty.html).toContain(
      '<p id="truong-message-answer-loi" class="field-error">Hãy nhập nội dung.</p>',
    );
    const answered = await post(
      detail(),
      [
        ['action', 'answer'],
        ['message-answer', 'Cơ sở sẽ đổi hai gói mới trong tuần này.'],
      ],
      sellerCookie,
    );
    expect([answered.status, answered.location]).toEqual([303, `${detail()}?da-cap-nhat=1`]);
    const forBuyer = await get(detail(), buyerCookie);
    expect(forBuyer.html).toContain('<strong>Người bán đã trả lời</strong>');
    expect(forBuyer.html).toContain('Cơ sở sẽ đổi hai gói mới trong tuần này.');
    expect(forBuyer.html).toContain('Chấp nhận cách giải quyết');
  });

  it('lets the buyer take it to the board, and explains what the CMS then refuses', async () => {
    const escalated = await post(
      detail(),
      [
        ['action', 'escalate'],
        ['message-escalate', 'Đã một tuần chưa nhận được hàng đổi.'],
      ],
      buyerCookie,
    );
    expect(escalated.status).toBe(303);
    const page = await get(detail(), buyerCookie);
    expect(page.html).toContain('<strong>Ban quản lý Sàn đang xử lý</strong>');
    expect(page.html).toContain('Đã một tuần chưa nhận được hàng đổi.');
    expect(page.html).not.toContain('id="thao-tac"');

    // A form left open in another tab: the seller's answer is no longer possible.
    const late = await post(
      detail(),
      [
        ['action', 'answer'],
        ['message-answer', 'Đã gửi hàng đổi.'],
      ],
      sellerCookie,
    );
    expect(late.status).toBe(409);
    expect(late.html).toContain(
      'Không thể &quot;trả lời khiếu nại&quot; khi khiếu nại đang ở trạng thái &quot;Ban quản lý Sàn đang xử lý&quot;.',
    );
    const stale = await post(
      detail(),
      [
        ['action', 'accept'],
        ['message-accept', ''],
      ],
      sellerCookie,
    );
    expect(stale.status).toBe(403);
    expect(stale.html).toContain(
      'Người bán không được thực hiện thao tác &quot;Chấp nhận cách giải quyết&quot;.',
    );
  });
});

describe('order lists by page', () => {
  it('shows 20 orders a page with a link to the next, for the buyer and the seller', async () => {
    const shopper = await makeSiteUser(app.strapi);
    const codes: string[] = [];
    for (let i = 0; i < 20; i += 1) codes.push(await placeOrder(shopper));
    const cookie = await signIn(shopper.email);
    /** The codes the page lists, in its order. */
    const listed = (html: string) =>
      [...html.matchAll(/<a href="\/tai-khoan\/don-hang\/(DH[^"]+)">/g)].map((match) => match[1]);
    // Exactly one full page: the CMS's count says there is no next page to link to.
    const full = await get('/tai-khoan/don-hang', cookie);
    expect(listed(full.html)).toEqual([...codes].reverse());
    expect(full.html).not.toContain('rel="next"');
    expect(full.html).not.toContain('class="pagination"');

    codes.push(await placeOrder(shopper));
    const first = await get('/tai-khoan/don-hang', cookie);
    expect(listed(first.html)).toEqual(codes.slice(1).reverse());
    expect(first.html).toContain('href="/tai-khoan/don-hang?page=2" rel="next"');
    const second = await get('/tai-khoan/don-hang?page=2', cookie);
    expect(listed(second.html)).toEqual([codes[0]]);
    expect(second.html).not.toContain('rel="next"');
    expect(second.html).toContain('href="/tai-khoan/don-hang" rel="prev"');

    const incoming = await get('/tai-khoan/don-hang-den', sellerCookie);
    expect(incoming.html).toContain('href="/tai-khoan/don-hang-den?page=2" rel="next"');
  });
});
