import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { Mailbox } from '../mailbox';
import { cmsBehindProxy, freePort, SITE_ENTRY, startSite } from '../site-server';
import { makeProduct, makeSeller, unique } from '../factories';
import { makeSiteUser, SITE_PASSWORD } from '../staff';
import { siteClient } from '../site-client';

/**
 * The site's forms as Astro actions, driven over HTTP like a browser without JavaScript: bad input is
 * refused by the action with the Vietnamese message beside the field (`aria-describedby`), what was
 * typed is kept, and nothing is sent to the CMS; good input still goes through. A counting proxy
 * stands between the site and the CMS, so what the site sent is known, and it can answer an
 * endpoint with a body of the wrong shape.
 */
let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let cms: Awaited<ReturnType<typeof cmsBehindProxy>>;
const mailbox = new Mailbox();

/** What the site sent to the CMS that was not a read: method and path. */
const writes: string[] = [];
/** Paths the proxy answers itself, 200 with this body, instead of asking the CMS. */
const wrongShapes = new Map<string, unknown>();

const { get, post, signIn } = siteClient(() => siteUrl);

/** The message shown beside a field, linked to it, as the page writes it. */
const besideField = (html: string, field: string) => {
  const input = new RegExp(`<(?:input|textarea|select)[^>]*id="truong-${field}"[^>]*>`).exec(html)?.[0] ?? '';
  expect(input).toContain('aria-invalid="true"');
  expect(input).toMatch(new RegExp(`aria-describedby="[^"]*truong-${field}-loi`));
  return new RegExp(`<p id="truong-${field}-loi" class="field-error">([^<]*)</p>`).exec(html)?.[1] ?? null;
};

const hiddenKey = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1] ?? '';

let product: { documentId: string; slug: string };
let buyer: { email: string };
let buyerCookie: string;

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  process.env.SMTP_PORT = String(await mailbox.start());
  process.env.SMTP_HOST = '127.0.0.1';
  app = await bootStrapi('site-actions');
  cms = await cmsBehindProxy(app.strapi.server.httpServer, (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET') writes.push(`${req.method} ${path}`);
    if (!wrongShapes.has(path)) return false;
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(wrongShapes.get(path)));
    return true;
  });
  ({ child: site, url: siteUrl } = await startSite(cms.url, { port: await freePort() }));

  const seller = (await makeSeller(app.strapi)) as unknown as { documentId: string };
  product = (await makeProduct(app.strapi, seller.documentId, {
    name: unique('Bánh phồng tôm'),
    price: 45000,
  })) as unknown as typeof product;
  buyer = await makeSiteUser(app.strapi);
  buyerCookie = await signIn(buyer.email);
});

afterAll(async () => {
  site?.kill();
  await cms?.close();
  await app.stop();
  await mailbox.stop();
});

beforeEach(() => {
  writes.length = 0;
  wrongShapes.clear();
});

describe('sign-in', () => {
  it('refuses an identifier that is neither an email nor a mobile number, without asking the CMS', async () => {
    const res = await post('/tai-khoan/dang-nhap', [
      ['identifier', 'khong-phai-email'],
      ['password', 'mat-khau-bat-ky'],
    ]);
    expect(res.status).toBe(200);
    expect(besideField(res.html, 'identifier')).toBe(
      'Email hoặc số điện thoại di động chưa đúng (ví dụ: ten@example.vn hoặc 0912345678).',
    );
    expect(res.html).not.toContain('id="truong-password-loi"');
    expect(res.html).toContain('value="khong-phai-email"');
    expect(writes).toEqual([]);
  });

  it('refuses an empty password beside the field', async () => {
    const res = await post('/tai-khoan/dang-nhap', [
      ['identifier', buyer.email],
      ['password', ''],
    ]);
    expect(besideField(res.html, 'password')).toBe('Hãy nhập mật khẩu.');
    expect(writes).toEqual([]);
  });

  it('signs in with good input and goes back where the person was', async () => {
    const res = await post('/tai-khoan/dang-nhap?tiep=/tai-khoan/don-hang', [
      ['identifier', buyer.email.toUpperCase()],
      ['password', SITE_PASSWORD],
    ]);
    expect([res.status, res.location]).toEqual([303, '/tai-khoan/don-hang']);
    expect(writes).toEqual(['POST /api/accounts/login']);
  });
});

describe('registration', () => {
  it('refuses missing consent and a short name beside their fields, keeps what was typed, creates nobody', async () => {
    const email = `${unique('dangky').replace(/\s+/g, '.')}@example.vn`;
    const res = await post('/tai-khoan/dang-ky', [
      ['fullName', 'A'],
      ['identifier', email],
      ['password', 'Mot-mat-khau-dai-2026'],
    ]);
    expect(res.status).toBe(200);
    expect(besideField(res.html, 'fullName')).toBe('Hãy nhập họ và tên.');
    expect(res.html).toContain(
      '<p id="loi-dong-y" class="field-error">Bạn cần đọc và đồng ý với Chính sách bảo vệ dữ liệu cá nhân.</p>',
    );
    expect(res.html).toContain(`value="${email}"`);
    expect(writes).toEqual([]);
    const created = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email } });
    expect(created).toBeNull();
  });

  it("refuses a password holding the person's own email beside the field, as the CMS would", async () => {
    const local = unique('hoamai').replace(/\s+/g, '.');
    const res = await post('/tai-khoan/dang-ky', [
      ['fullName', 'Nguyễn Thị Hoa Mai'],
      ['identifier', `${local}@example.vn`],
      ['password', `${local}-2026`],
      ['acceptPrivacy', 'dong-y'],
    ]);
    expect(res.status).toBe(200);
    expect(besideField(res.html, 'password')).toBe(
      'Mật khẩu không được chứa email hoặc số điện thoại của bạn.',
    );
    expect(writes).toEqual([]);
    const common = await post('/tai-khoan/dang-ky', [
      ['fullName', 'Nguyễn Thị Hoa Mai'],
      ['identifier', `${local}@example.vn`],
      ['password', 'Matkhau123'],
      ['acceptPrivacy', 'dong-y'],
    ]);
    expect(besideField(common.html, 'password')).toBe(
      'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
    );
    expect(writes).toEqual([]);
  });

  it('registers with good input and sends the activation code', async () => {
    const email = `${unique('dangky').replace(/\s+/g, '.')}@example.vn`;
    const res = await post('/tai-khoan/dang-ky', [
      ['fullName', 'Nguyễn Văn Đăng Ký'],
      ['identifier', email],
      ['password', 'Mot-mat-khau-dai-2026'],
      ['acceptPrivacy', 'dong-y'],
    ]);
    expect([res.status, res.location]).toEqual([303, '/tai-khoan/kich-hoat?da-gui=1']);
    expect(writes).toEqual(['POST /api/accounts/register']);
    const [mail] = await mailbox.waitFor(email);
    expect(mail.text).toMatch(/\d{6}/);
  });
});

describe('password reset', () => {
  it('mails a code, refuses a weak new password beside the field without asking the CMS, then resets', async () => {
    const person = await makeSiteUser(app.strapi);
    const asked = await post('/tai-khoan/quen-mat-khau', [
      ['identifier', person.email],
      ['intent', 'gui-ma'],
    ]);
    expect(asked.status).toBe(200);
    expect(asked.html).toContain('Mã đặt lại (6 chữ số)');
    expect(writes).toEqual(['POST /api/accounts/password/forgot']);
    const [mail] = await mailbox.waitFor(person.email);
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1] as string;

    writes.length = 0;
    const reset = (password: string) =>
      post('/tai-khoan/quen-mat-khau', [
        ['identifier', person.email],
        ['code', code],
        ['password', password],
        ['intent', 'dat-lai'],
      ]);
    const weak = await reset('12345678');
    expect(besideField(weak.html, 'password')).toBe(
      'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
    );
    // The code from the email is kept for the next try; the refused password is not shown again.
    expect(weak.html).toMatch(new RegExp(`id="truong-code"[^>]*value="${code}"`));
    expect(weak.html).not.toContain('value="12345678"');
    expect(writes).toEqual([]);

    const done = await reset('Cay-me-Cao-Lanh-2026');
    expect(done.html).toContain('<a class="button" href="/tai-khoan/dang-nhap">Đăng nhập</a>');
    expect(writes).toEqual(['POST /api/accounts/password/reset']);
    const signedIn = await post('/tai-khoan/dang-nhap', [
      ['identifier', person.email],
      ['password', 'Cay-me-Cao-Lanh-2026'],
    ]);
    expect(signedIn.status).toBe(303);
  });

  it("refuses a wrong activation code with the CMS's message above the form", async () => {
    const res = await post('/tai-khoan/kich-hoat', [
      ['identifier', buyer.email],
      ['code', '000000'],
      ['intent', 'kich-hoat'],
    ]);
    expect(res.status).toBe(200);
    expect(res.html).toMatch(/<p class="alert alert-error" role="alert">[^<]+<\/p>/);
    expect(res.html).not.toContain('Vui lòng sửa các trường được đánh dấu.');
    expect(writes).toEqual(['POST /api/accounts/activate']);
  });
});

describe('ordering', () => {
  const orderFields = (key: string, overrides: Record<string, string> = {}): [string, string][] =>
    Object.entries({
      idempotencyKey: key,
      quantity: '2',
      contactName: 'Lê Thị Mua',
      contactPhone: '0912 345 678',
      contactEmail: '',
      deliveryAddress: '12 Nguyễn Huệ, phường Cao Lãnh',
      note: '',
      paymentMethod: 'cash_on_delivery',
      deliveryMethod: 'carrier',
      ...overrides,
    });

  it('refuses a bad phone number and a quantity that is not a number, sends nothing, makes no order', async () => {
    const form = await get(`/tai-khoan/dat-hang/${product.slug}`, buyerCookie);
    writes.length = 0;
    const before = await app.strapi.db.query('plugin::orders.order').count();
    const res = await post(
      `/tai-khoan/dat-hang/${product.slug}`,
      orderFields(hiddenKey(form.html), { contactPhone: '12345', quantity: 'hai' }),
      buyerCookie,
    );
    expect(res.status).toBe(200);
    expect(besideField(res.html, 'contactPhone')).toBe('Số điện thoại chưa đúng (ví dụ: 0912345678).');
    expect(besideField(res.html, 'quantity')).toBe('Số lượng phải là số nguyên dương.');
    expect(res.html).toContain('value="12 Nguyễn Huệ, phường Cao Lãnh"');
    expect(writes).toEqual([]);
    expect(await app.strapi.db.query('plugin::orders.order').count()).toBe(before);
  });

  it('refuses a method the seller does not offer beside its field', async () => {
    const form = await get(`/tai-khoan/dat-hang/${product.slug}`, buyerCookie);
    writes.length = 0;
    const res = await post(
      `/tai-khoan/dat-hang/${product.slug}`,
      orderFields(hiddenKey(form.html), { deliveryMethod: 'pickup' }),
      buyerCookie,
    );
    expect(besideField(res.html, 'deliveryMethod')).toBe('Chọn một cách giao hàng người bán nhận.');
    expect(writes).toEqual([]);
  });

  it('places the order with good input, the phone number as the CMS keeps it', async () => {
    const form = await get(`/tai-khoan/dat-hang/${product.slug}`, buyerCookie);
    writes.length = 0;
    const res = await post(
      `/tai-khoan/dat-hang/${product.slug}`,
      orderFields(hiddenKey(form.html)),
      buyerCookie,
    );
    expect(res.status).toBe(303);
    const code = /\/tai-khoan\/don-hang\/([^?]+)\?da-dat=1$/.exec(res.location ?? '')?.[1];
    expect(writes).toEqual(['POST /api/orders']);
    const order = (await app.strapi.db.query('plugin::orders.order').findOne({ where: { code } })) as {
      contactPhone: string;
    } | null;
    expect(order?.contactPhone).toBe('0912345678');
  });
});

describe('complaint about an order', () => {
  let code: string;

  beforeAll(async () => {
    const form = await get(`/tai-khoan/dat-hang/${product.slug}`, buyerCookie);
    const key = hiddenKey(form.html);
    const res = await post(
      `/tai-khoan/dat-hang/${product.slug}`,
      [
        ['idempotencyKey', key],
        ['quantity', '1'],
        ['contactName', 'Lê Thị Mua'],
        ['contactPhone', '0912345678'],
        ['deliveryAddress', '12 Nguyễn Huệ, phường Cao Lãnh'],
        ['paymentMethod', 'cash_on_delivery'],
        ['deliveryMethod', 'carrier'],
      ],
      buyerCookie,
    );
    code = /\/tai-khoan\/don-hang\/([^?]+)\?/.exec(res.location ?? '')?.[1] ?? '';
    expect(code).not.toBe('');
  });

  it('refuses a short subject and an unknown remedy beside their fields, sends nothing, files nothing', async () => {
    const res = await post(
      `/tai-khoan/don-hang/${code}`,
      [
        ['intent', 'khieu-nai'],
        ['subject', 'Sai'],
        ['description', 'Hàng giao thiếu hai gói so với đơn đã đặt.'],
        ['remedy', 'tra-gap-doi'],
      ],
      buyerCookie,
    );
    expect(besideField(res.html, 'subject')).toBe('Tiêu đề quá ngắn (ít nhất 5 ký tự).');
    expect(besideField(res.html, 'remedy')).toBe('Hãy chọn điều quý vị đề nghị người bán làm.');
    expect(res.html).toContain('Hàng giao thiếu hai gói so với đơn đã đặt.</textarea>');
    expect(writes).toEqual([]);
    expect(
      await app.strapi.db.query('plugin::complaints.complaint').count({ where: { subject: 'Sai' } }),
    ).toBe(0);
  });
});

describe('business declaration', () => {
  it("refuses what the CMS's seller and licence rules refuse, beside each field, and sends nothing", async () => {
    const name = unique('Hợp tác xã Sen Tháp Mười');
    const res = await post(
      '/tai-khoan/doanh-nghiep',
      [
        ['legalForm', 'cooperative'],
        ['name', name],
        ['enterpriseCode', ''],
        ['citizenId', '0871'],
        ['representative', 'Võ Văn Sen'],
        ['phone', '12345'],
        ['email', ''],
        ['address', 'Xã Tháp Mười'],
        ['commune', ''],
        ['description', ''],
        ['licence_type', 'ocop'],
        ['licence_number', 'OCOP-2025-01'],
        ['licence_issuer', 'UBND tỉnh Đồng Tháp'],
        ['licence_issuedOn', '2025-06-01'],
        ['licence_expiresOn', '2024-06-01'],
        ['licence_ocopStars', ''],
      ],
      buyerCookie,
    );
    expect(res.status).toBe(200);
    expect(besideField(res.html, 'enterpriseCode')).toBe(
      'Doanh nghiệp và hợp tác xã phải khai báo mã số doanh nghiệp.',
    );
    expect(besideField(res.html, 'citizenId')).toBe('Số căn cước công dân phải gồm đúng 12 chữ số.');
    expect(besideField(res.html, 'phone')).toMatch(/^Số điện thoại không hợp lệ/);
    expect(besideField(res.html, 'licence_expiresOn')).toBe('Ngày hết hạn phải sau ngày cấp.');
    expect(besideField(res.html, 'licence_ocopStars')).toBe('Chứng nhận OCOP phải có hạng sao từ 3 đến 5.');
    expect(res.html).toContain(`value="${name}"`);
    expect(writes).toEqual([]);
    expect(await app.strapi.db.query('plugin::sellers.seller').count({ where: { name } })).toBe(0);
  });

  it('sends a declaration the rules accept, with its OCOP stars', async () => {
    const name = unique('Hợp tác xã Sen Tháp Mười');
    const res = await post(
      '/tai-khoan/doanh-nghiep',
      [
        ['legalForm', 'cooperative'],
        ['name', name],
        ['enterpriseCode', '1402345678'],
        ['representative', 'Võ Văn Sen'],
        ['phone', '0277 3851 234'],
        ['address', 'Xã Tháp Mười'],
        ['licence_type', 'ocop'],
        ['licence_number', unique('OCOP-2025')],
        ['licence_issuer', 'UBND tỉnh Đồng Tháp'],
        ['licence_issuedOn', '2025-06-01'],
        ['licence_expiresOn', '2028-06-01'],
        ['licence_ocopStars', '4'],
      ],
      buyerCookie,
    );
    expect([res.status, res.location]).toEqual([303, '/tai-khoan/doanh-nghiep?da-gui=1']);
    expect(writes).toEqual(['POST /api/accounts/business']);
    const seller = (await app.strapi.db.query('plugin::sellers.seller').findOne({
      where: { name, publishedAt: null },
      populate: { licences: true },
    })) as { licences: { type: string; ocopStars: number }[] };
    expect(seller.licences.map((l) => [l.type, l.ocopStars])).toEqual([['ocop', 4]]);
  });
});

describe('owned content', () => {
  it('refuses a buy/sell post without its title beside the field and sends nothing', async () => {
    const res = await post(
      '/tai-khoan/tin-cung-cau/moi',
      [
        ['kind', 'sell'],
        ['title', ''],
        ['description', 'Cần bán 2 tấn xoài cát Hòa Lộc loại 1.'],
        ['contactPhone', '0912345678'],
      ],
      buyerCookie,
    );
    expect(res.status).toBe(200);
    expect(besideField(res.html, 'title')).not.toBeNull();
    expect(res.html).toContain('Cần bán 2 tấn xoài cát Hòa Lộc loại 1.</textarea>');
    expect(writes).toEqual([]);
  });
});

describe('the account page', () => {
  it('refuses a request about personal data without its kind and with too short a text, sends nothing', async () => {
    const res = await post(
      '/tai-khoan',
      [
        ['intent', 'yeu-cau'],
        ['kind', ''],
        ['details', 'Xem'],
      ],
      buyerCookie,
    );
    expect(res.status).toBe(200);
    expect(besideField(res.html, 'kind')).toBe('Hãy chọn loại yêu cầu.');
    expect(besideField(res.html, 'details')).toBe('Hãy mô tả yêu cầu của bạn (ít nhất 10 ký tự).');
    expect(res.html).toContain('Xem</textarea>');
    expect(writes).toEqual([]);
  });

  it('sends a request about personal data with good input', async () => {
    const res = await post(
      '/tai-khoan',
      [
        ['intent', 'yeu-cau'],
        ['kind', 'access'],
        ['details', 'Tôi muốn xem toàn bộ dữ liệu cá nhân Sàn đang lưu về tôi.'],
      ],
      buyerCookie,
    );
    expect(res.html).toContain('Đã gửi yêu cầu. Ban quản lý trả lời trong 2 ngày làm việc.');
    expect(writes).toEqual(['POST /api/accounts/me/data-requests']);
  });
});

describe('an answer of the wrong shape from the CMS', () => {
  it('does not crash the order page: the person is told the service is unavailable', async () => {
    const form = await get(`/tai-khoan/dat-hang/${product.slug}`, buyerCookie);
    const placed = await post(
      `/tai-khoan/dat-hang/${product.slug}`,
      [
        ['idempotencyKey', hiddenKey(form.html)],
        ['quantity', '1'],
        ['contactName', 'Lê Thị Mua'],
        ['contactPhone', '0912345678'],
        ['deliveryAddress', '12 Nguyễn Huệ, phường Cao Lãnh'],
        ['paymentMethod', 'cash_on_delivery'],
        ['deliveryMethod', 'carrier'],
      ],
      buyerCookie,
    );
    const path = placed.location?.split('?')[0] ?? '';
    const code = path.split('/').pop() ?? '';
    wrongShapes.set(`/api/orders/${code}`, { data: { code, lines: 'không phải danh sách' } });
    const res = await get(path, buyerCookie);
    expect(res.status).toBe(503);
    expect(res.html).toContain('Hệ thống tài khoản đang bận. Vui lòng thử lại sau ít phút.');
    expect(res.html).not.toContain('không phải danh sách');
  });

  it('does not crash the list of my orders', async () => {
    wrongShapes.set('/api/orders', { data: [{ code: 42 }] });
    const res = await get('/tai-khoan/don-hang', buyerCookie);
    expect(res.status).toBe(200);
    expect(res.html).toContain('<p class="alert alert-error" role="alert">Hệ thống tài khoản đang bận.');
  });
});
