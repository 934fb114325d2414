import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import sharp from 'sharp';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { SITE_ENTRY, startSite } from '../site-server';
import { makeArea, makeLicence, makeSeller, unique } from '../factories';
import { makeOfficer, makeSiteUser } from '../staff';
import { siteClient } from '../site-client';

/**
 * What a signed-in person manages on the public site (/tai-khoan/<loai>), driven over HTTP like a
 * browser without JavaScript: forms posted to the page, the session in a cookie.
 */

let app: TestApp;
let site: ChildProcess;
let siteUrl: string;
let sellerCookie: string;
let otherSellerCookie: string;
let consumerCookie: string;

const { get, post, signIn } = siteClient(() => siteUrl);

/** A user who owns a verified seller. */
async function sellerAccount(): Promise<string> {
  const user = await makeSiteUser(app.strapi);
  await makeSeller(app.strapi, { owner: user.id, name: unique('Cơ sở Mắm Thử') });
  return signIn(user.email);
}

const productDraft = (name: string) =>
  app.strapi.db.query('plugin::catalog.product').findOne({
    where: { name, publishedAt: null },
    populate: { category: true },
  }) as Promise<{
    documentId: string;
    price: string | number;
    reviewStatus: string;
    paymentMethods: string[];
    deliveryMethods: string[];
    category: { slug: string } | null;
  } | null>;

/** The first category of the seeded tree, as the form offers it. */
let categorySlug: string;
let communeCode: string;

beforeAll(async () => {
  if (!fs.existsSync(SITE_ENTRY))
    throw new Error('Chưa build trang công khai: chạy `npm run build -w site`.');
  app = await bootStrapi('site-content');
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cmsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ({ child: site, url: siteUrl } = await startSite(cmsUrl));

  const category = (await app.strapi.db
    .query('plugin::catalog.category')
    .findOne({ where: { publishedAt: { $notNull: true } }, orderBy: { id: 'asc' } })) as { slug: string };
  categorySlug = category.slug;
  const commune = (await app.strapi.db
    .query('plugin::core.administrative-unit')
    .findOne({ where: { level: 'commune', publishedAt: { $notNull: true } }, orderBy: { id: 'asc' } })) as {
    code: string;
  };
  communeCode = commune.code;
  sellerCookie = await sellerAccount();
  otherSellerCookie = await sellerAccount();
  consumerCookie = await signIn((await makeSiteUser(app.strapi)).email);
});

afterAll(async () => {
  site?.kill();
  await new Promise<void>((resolve) => app.strapi.server.httpServer.close(() => resolve()));
  await app.stop();
});

describe('what a person manages from their account', () => {
  it('asks to sign in first, and answers 404 for a type that does not exist', async () => {
    const anonymous = await get('/tai-khoan/san-pham/moi');
    expect([anonymous.status, anonymous.location]).toEqual([
      303,
      '/tai-khoan/dang-nhap?tiep=/tai-khoan/san-pham/moi',
    ]);
    const unknown = await get('/tai-khoan/hoa-don', sellerCookie);
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('Không tìm thấy');
  });

  it('links a seller to products, licences and production areas, and everyone to posts and listings', async () => {
    const seller = await get('/tai-khoan', sellerCookie);
    for (const [href, label] of [
      ['/tai-khoan/san-pham', 'Sản phẩm của tôi'],
      ['/tai-khoan/giay-phep', 'Giấy phép, chứng nhận của tôi'],
      ['/tai-khoan/vung-san-xuat', 'Vùng sản xuất của tôi'],
      ['/tai-khoan/tin-cung-cau', 'Tin cung cầu của tôi'],
      ['/tai-khoan/thong-tin-khac', 'Thông tin giới thiệu của tôi'],
    ]) {
      expect(seller.html).toContain(`<a href="${href}">${label}</a>`);
    }
    const consumer = await get('/tai-khoan', consumerCookie);
    expect(consumer.html).toContain('<a href="/tai-khoan/tin-cung-cau">Tin cung cầu của tôi</a>');
    expect(consumer.html).not.toContain('href="/tai-khoan/san-pham"');
    // Without a verified seller, the seller pages say why instead of showing a form.
    const refused = await get('/tai-khoan/san-pham', consumerCookie);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain(
      'Chỉ doanh nghiệp, cơ sở đã được Sở Công Thương xác thực mới khai báo sản phẩm.',
    );
  });

  it('shows the product form with labels, required marks, categories from the CMS and the methods', async () => {
    const page = await get('/tai-khoan/san-pham/moi', sellerCookie);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(
      /<label for="truong-name">Tên sản phẩm<span aria-hidden="true"> \*<\/span><\/label>/,
    );
    expect(page.html).toContain(`<option value="${categorySlug}">`);
    expect(page.html).toContain('<legend>Phương thức thanh toán</legend>');
    expect(page.html).toContain('value="bank_transfer"');
    expect(page.html).toContain('Chuyển khoản ngân hàng');
    expect(page.html).toContain('Người bán tự giao hàng');
  });

  it('shows a validation error next to its field and keeps what was typed', async () => {
    const page = await post(
      '/tai-khoan/san-pham/moi',
      [
        ['name', ''],
        ['unit', 'hũ'],
        ['price', 'một trăm'],
        ['description', 'Mắm cá linh mùa nước nổi.'],
        ['paymentMethods', 'bank_transfer'],
      ],
      sellerCookie,
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain(
      '<p id="truong-name-loi" class="field-error">Vui lòng nhập tên sản phẩm.</p>',
    );
    expect(page.html).toMatch(
      /id="truong-name"[^>]*aria-invalid="true"[^>]*aria-describedby="truong-name-loi"/,
    );
    expect(page.html).toContain(
      '<p id="truong-price-loi" class="field-error">Nhập số tiền bằng chữ số, ví dụ 125000.</p>',
    );
    expect(page.html).toContain('aria-describedby="truong-price-loi truong-price-goi-y"');
    expect(page.html).toContain('value="hũ"');
    expect(page.html).toContain('value="một trăm"');
    // Exactly as typed: no indentation slipped into the textarea.
    expect(page.html).toMatch(
      /<textarea id="truong-description"[^>]*>Mắm cá linh mùa nước nổi\.<\/textarea>/,
    );
    expect(page.html).toMatch(/value="bank_transfer" checked/);
  });

  it("shows the CMS's own message next to the field it names", async () => {
    const name = unique('Mắm thái');
    const page = await post(
      '/tai-khoan/san-pham/moi',
      [
        ['name', name],
        ['unit', 'hũ'],
        ['priceMin', '200000'],
        ['priceMax', '100000'],
      ],
      sellerCookie,
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain(
      '<p id="truong-priceMax-loi" class="field-error">Giá cao nhất phải lớn hơn hoặc bằng giá thấp nhất.</p>',
    );
    expect(page.html).toContain(`value="${name}"`);
    expect(page.html).toContain('value="200000"');
    expect(await productDraft(name)).toBeNull();
  });

  it("refuses a licence by the CMS's own licence and area rules, beside the fields, before asking it", async () => {
    const number = unique('OCOP-SAI');
    const page = await post(
      '/tai-khoan/giay-phep/moi',
      [
        ['type', 'food_safety'],
        ['number', number],
        ['issuer', 'Sở Y tế'],
        ['issuedOn', '2025-06-01'],
        ['expiresOn', ''],
        ['ocopStars', '4'],
      ],
      sellerCookie,
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain(
      '<p id="truong-expiresOn-loi" class="field-error">Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm phải có ngày hết hạn.</p>',
    );
    expect(page.html).toContain(
      '<p id="truong-ocopStars-loi" class="field-error">Chỉ chứng nhận OCOP mới có hạng sao.</p>',
    );
    expect(page.html).toContain(`value="${number}"`);
    expect(await app.strapi.db.query('plugin::sellers.licence').count({ where: { number } })).toBe(0);

    const area = await post(
      '/tai-khoan/vung-san-xuat/moi',
      [
        ['name', unique('Vùng xoài ngoài biển')],
        ['latitude', '1,5'],
        ['longitude', '105,75'],
      ],
      sellerCookie,
    );
    expect(area.html).toContain(
      '<p id="truong-latitude-loi" class="field-error">Vĩ độ phải nằm trong lãnh thổ Việt Nam (từ 8 đến 23.5).</p>',
    );
  });

  it('creates a product as a draft, edits it, submits it, and shows the reasons staff give', async () => {
    const name = unique('Mắm cá linh');
    const created = await post(
      '/tai-khoan/san-pham/moi',
      [
        ['name', name],
        ['category', categorySlug],
        ['unit', 'hũ'],
        ['price', '125.000'],
        ['paymentMethods', 'cash_on_delivery'],
        ['paymentMethods', 'bank_transfer'],
        ['deliveryMethods', 'carrier'],
      ],
      sellerCookie,
    );
    expect([created.status, created.location]).toEqual([303, '/tai-khoan/san-pham?da-luu=1']);
    const draft = await productDraft(name);
    expect(draft).toMatchObject({
      reviewStatus: 'draft',
      paymentMethods: ['cash_on_delivery', 'bank_transfer'],
      deliveryMethods: ['carrier'],
      category: { slug: categorySlug },
    });
    expect(Number(draft?.price)).toBe(125000);
    const id = draft?.documentId as string;

    const list = await get('/tai-khoan/san-pham?da-luu=1', sellerCookie);
    expect(list.html).toContain('Đã lưu bản nháp.');
    expect(list.html).toContain(`<a href="/tai-khoan/san-pham/${id}">${name}</a>`);
    expect(list.html).toContain('Bản nháp');
    expect(list.html).toContain(`aria-label="Gửi duyệt: ${name}"`);

    // The edit form shows what is stored, the category and the ticked methods included.
    const edit = await get(`/tai-khoan/san-pham/${id}`, sellerCookie);
    expect(edit.status).toBe(200);
    expect(edit.html).toContain(`<option value="${categorySlug}" selected>`);
    expect(edit.html).toMatch(/value="bank_transfer" checked/);
    expect(edit.html).toContain('value="125000"');
    const renamed = `${name} đặc biệt`;
    const saved = await post(
      `/tai-khoan/san-pham/${id}`,
      [
        ['intent', 'luu'],
        ['name', renamed],
        ['category', categorySlug],
        ['unit', 'hũ'],
        ['price', '130000'],
        ['paymentMethods', 'cash_on_delivery'],
      ],
      sellerCookie,
    );
    expect([saved.status, saved.location]).toEqual([303, `/tai-khoan/san-pham/${id}?da-luu=1`]);
    expect(await productDraft(renamed)).toMatchObject({
      paymentMethods: ['cash_on_delivery'],
      deliveryMethods: [],
    });

    const submitted = await post(`/tai-khoan/san-pham/${id}`, [['intent', 'gui-duyet']], sellerCookie);
    expect([submitted.status, submitted.location]).toEqual([303, `/tai-khoan/san-pham/${id}?da-gui=1`]);
    const pending = await get(`/tai-khoan/san-pham/${id}?da-gui=1`, sellerCookie);
    expect(pending.html).toContain('Đã gửi duyệt.');
    expect(pending.html).toContain('Chờ duyệt');
    expect(pending.html).toContain('Xét duyệt: Đang xem xét');
    // Under review, nothing can be changed or sent again.
    expect(pending.html).not.toContain('Lưu thay đổi');
    expect(pending.html).not.toContain('value="gui-duyet"');
    const listed = await get('/tai-khoan/san-pham', sellerCookie);
    expect(listed.html).toContain('Chờ duyệt');

    const officer = await makeOfficer(app.strapi, 'super_admin', []);
    const task = (await app.strapi.db
      .query('plugin::workflow.task')
      .findOne({ where: { targetDocumentId: id }, orderBy: { id: 'desc' } })) as { id: number };
    await request(app.strapi.server.httpServer)
      .post(`/workflow/tasks/${task.id}/actions`)
      .set('Authorization', `Bearer ${officer.token}`)
      .send({ action: 'request_supplement', comment: 'Bổ sung ảnh nhãn có hạn sử dụng.' })
      .expect(200);
    const asked = await get('/tai-khoan/san-pham', sellerCookie);
    expect(asked.html).toContain('Cần bổ sung');
    expect(asked.html).toContain('Bổ sung ảnh nhãn có hạn sử dụng.');
    expect(asked.html).toContain(`aria-label="Gửi duyệt: ${renamed}"`);
  });

  it('adds pictures to a product through a file form, shows them, and removes one', async () => {
    const name = unique('Khô cá lóc có ảnh');
    const created = await post(
      '/tai-khoan/san-pham/moi',
      [
        ['name', name],
        ['unit', 'kg'],
        ['price', '250.000'],
        ['paymentMethods', 'cash_on_delivery'],
        ['deliveryMethods', 'carrier'],
      ],
      sellerCookie,
    );
    expect(created.status).toBe(303);
    const id = (await productDraft(name))?.documentId as string;
    const page = `/tai-khoan/san-pham/${id}`;
    const empty = await get(page, sellerCookie);
    expect(empty.html).toContain('Chưa có ảnh nào.');
    expect(empty.html).toMatch(/<input[^>]*name="images"[^>]*type="file"[^>]*multiple/);

    // A browser posts the file form as multipart, with the site's own Origin.
    const upload = async (files: { data: Buffer; name: string; type: string }[]) => {
      const form = new FormData();
      form.set('intent', 'them-anh');
      for (const file of files)
        form.append('images', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
      const res = await fetch(`${siteUrl}${page}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: siteUrl, cookie: sellerCookie },
        body: form,
      });
      return { status: res.status, location: res.headers.get('location'), html: await res.text() };
    };
    const jpeg = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#8d6e63' } })
      .jpeg()
      .toBuffer();
    const added = await upload([
      { data: jpeg, name: 'kho-ca-loc.jpg', type: 'image/jpeg' },
      { data: jpeg, name: 'goi-hang.jpg', type: 'image/jpeg' },
    ]);
    expect([added.status, added.location]).toEqual([303, `${page}?da-them-anh=1#anh`]);
    const shown = await get(`${page}?da-them-anh=1`, sellerCookie);
    expect(shown.html).toContain('Đã thêm ảnh. Ảnh hiện trên trang công khai sau khi được duyệt');
    expect(shown.html).toMatch(
      // On the site's own origin (the CSP allows no other), at the address the CMS signed.
      /<img src="\/uploads\/thumbnail_kho_ca_loc_[^"?]+\?sgd_exp=\d+&#38;sgd_sig=[0-9a-f]{64}" alt="kho-ca-loc.jpg"/,
    );
    expect(shown.html).toContain('aria-label="Xóa ảnh goi-hang.jpg"');

    // Not a picture: the CMS's message beside the pictures, nothing added.
    const refused = await upload([
      { data: Buffer.from('không phải ảnh'), name: 'ghi-chu.jpg', type: 'image/jpeg' },
    ]);
    expect(refused.status).toBe(200);
    expect(refused.html).toContain('Tệp phải là ảnh JPG, PNG hoặc WebP.');
    expect((refused.html.match(/Xóa ảnh /g) ?? []).length).toBe(2);

    const draft = (await app.strapi.db.query('plugin::catalog.product').findOne({
      where: { documentId: id, publishedAt: null },
      populate: { images: true },
    })) as { images: { id: number; name: string }[] };
    const first = draft.images.find((image) => image.name === 'kho-ca-loc.jpg') as { id: number };
    const removed = await post(
      page,
      [
        ['intent', 'xoa-anh'],
        ['anh', String(first.id)],
      ],
      sellerCookie,
    );
    expect([removed.status, removed.location]).toEqual([303, `${page}?da-xoa-anh=1#anh`]);
    const after = await get(page, sellerCookie);
    expect(after.html).not.toContain('alt="kho-ca-loc.jpg"');
    expect(after.html).toContain('alt="goi-hang.jpg"');
    // Someone else's product: not found, nothing removed.
    const theirs = await post(
      page,
      [
        ['intent', 'xoa-anh'],
        ['anh', String(first.id)],
      ],
      otherSellerCookie,
    );
    expect(theirs.status).toBe(404);
  });

  it("answers 404 for someone else's item and changes nothing", async () => {
    const name = unique('Mắm riêng');
    await post(
      '/tai-khoan/san-pham/moi',
      [
        ['name', name],
        ['unit', 'hũ'],
      ],
      sellerCookie,
    );
    const { documentId } = (await productDraft(name)) as { documentId: string };
    const page = await get(`/tai-khoan/san-pham/${documentId}`, otherSellerCookie);
    expect(page.status).toBe(404);
    expect(page.html).toContain('Không tìm thấy');
    expect(page.html).not.toContain(name);
    const edit = await post(
      `/tai-khoan/san-pham/${documentId}`,
      [
        ['intent', 'luu'],
        ['name', 'Bị sửa'],
        ['unit', 'hũ'],
      ],
      otherSellerCookie,
    );
    expect(edit.status).toBe(404);
    const submit = await post(
      `/tai-khoan/san-pham/${documentId}`,
      [['intent', 'gui-duyet']],
      otherSellerCookie,
    );
    expect(submit.status).toBe(404);
    expect(await productDraft(name)).toMatchObject({ reviewStatus: 'draft' });
    expect((await get('/tai-khoan/san-pham', otherSellerCookie)).html).not.toContain(name);
  });

  it.each([
    [
      'giay-phep',
      'plugin::sellers.licence',
      'number',
      () => [
        ['type', 'ocop'],
        ['number', unique('OCOP-DT')],
        ['issuer', 'Ủy ban nhân dân tỉnh Đồng Tháp'],
        ['issuedOn', '2025-03-01'],
        ['expiresOn', '2028-03-01'],
        ['ocopStars', '4'],
      ],
      { ocopStars: 4, verificationStatus: 'draft' },
    ],
    [
      'vung-san-xuat',
      'plugin::sellers.production-area',
      'name',
      () => [
        ['name', unique('Vùng xoài cát Hòa Lộc')],
        ['code', 'VN-DT-XOAI-01'],
        ['commune', communeCode],
        ['latitude', '10,35'],
        ['longitude', '105,75'],
        ['areaHa', '3,5'],
      ],
      { reviewStatus: 'draft' },
    ],
    [
      'thong-tin-khac',
      'plugin::catalog.directory-listing',
      'title',
      () => [
        ['kind', 'tourism'],
        ['title', unique('Làng hoa Sa Đéc')],
        ['summary', 'Làng hoa trăm năm.'],
        ['commune', communeCode],
      ],
      { reviewStatus: 'draft' },
    ],
  ] as [string, string, string, () => [string, string][], Record<string, unknown>][])(
    '/tai-khoan/%s: the form creates a draft the list shows',
    async (slug, uid, titleField, fields, stored) => {
      const values = fields();
      const title = values.find(([name]) => name === titleField)?.[1] as string;
      const form = await get(`/tai-khoan/${slug}/moi`, sellerCookie);
      expect(form.status).toBe(200);
      for (const [name] of values) expect(form.html).toContain(`name="${name}"`);
      const created = await post(`/tai-khoan/${slug}/moi`, values, sellerCookie);
      expect([created.status, created.location]).toEqual([303, `/tai-khoan/${slug}?da-luu=1`]);
      expect((await get(`/tai-khoan/${slug}`, sellerCookie)).html).toContain(title);
      const row = (await app.strapi.db.query(uid).findOne({
        where: { [titleField]: title, publishedAt: null },
      })) as Record<string, unknown>;
      expect(row).toMatchObject(stored);
    },
  );

  it('lets anyone signed in post a buy or sell need as a draft', async () => {
    const title = unique('Cần mua 2 tấn khoai lang');
    const missing = await post(
      '/tai-khoan/tin-cung-cau/moi',
      [
        ['kind', 'buy'],
        ['title', title],
        ['validUntil', ''],
        ['contactName', 'Trần Thị Mua'],
      ],
      consumerCookie,
    );
    expect(missing.html).toContain(
      '<p id="truong-validUntil-loi" class="field-error">Vui lòng chọn ngày hết hiệu lực của tin.</p>',
    );
    expect(missing.html).toContain('<option value="buy" selected>');
    const created = await post(
      '/tai-khoan/tin-cung-cau/moi',
      [
        ['kind', 'buy'],
        ['title', title],
        ['quantity', '2,5'],
        ['unit', 'tấn'],
        ['validUntil', '2099-06-30'],
        ['contactName', 'Trần Thị Mua'],
        ['contactPhone', '0987654321'],
      ],
      consumerCookie,
    );
    expect([created.status, created.location]).toEqual([303, '/tai-khoan/tin-cung-cau?da-luu=1']);
    const list = await get('/tai-khoan/tin-cung-cau', consumerCookie);
    expect(list.html).toContain(title);
    expect(list.html).toContain('Bản nháp');
    const row = (await app.strapi.db
      .query('plugin::catalog.supply-demand-post')
      .findOne({ where: { title, publishedAt: null } })) as { quantity: string | number; validUntil: string };
    expect([Number(row.quantity), row.validUntil]).toEqual([2.5, '2099-06-30']);
  });
});

describe("a product's licences and production area (issue 21.3)", () => {
  it('ticks verified licences and picks an approved area on the product form; the product page shows them with their validity', async () => {
    const user = await makeSiteUser(app.strapi);
    const seller = await makeSeller(app.strapi, {
      owner: user.id,
      name: unique('Cơ sở Bánh Tráng Gắn Giấy'),
    });
    const cookie = await signIn(user.email);
    const valid = await makeLicence(app.strapi, seller.documentId, {
      type: 'food_safety',
      number: unique('ATTP-GAN'),
      expiresOn: '2099-03-01',
    });
    const pending = await makeLicence(
      app.strapi,
      seller.documentId,
      { number: unique('ATTP-CHO'), verificationStatus: 'pending' },
      false,
    );
    const area = await makeArea(app.strapi, seller.documentId, { name: unique('Vùng lúa Mỹ Lồng') });
    const foreign = await makeLicence(
      app.strapi,
      (await makeSeller(app.strapi, { name: unique('Cơ sở Khác') })).documentId,
      { number: unique('ATTP-KHAC') },
    );

    // The form offers the seller's verified licences and approved areas only.
    const form = await get('/tai-khoan/san-pham/moi', cookie);
    expect(form.html).toContain('<legend>Giấy phép, chứng nhận của sản phẩm</legend>');
    expect(form.html).toMatch(
      new RegExp(
        `<input type="checkbox" name="licences" value="${valid.documentId}">\\s*<span>An toàn thực phẩm số ${valid.number as string} \\(hết hạn 01/03/2099\\)</span>`,
      ),
    );
    expect(form.html).not.toContain(pending.documentId);
    expect(form.html).not.toContain(foreign.documentId);
    expect(form.html).toContain(`<option value="${area.documentId}">${area.name as string}</option>`);

    const name = unique('Bánh tráng phơi sương');
    const fields = (licence: string): [string, string][] => [
      ['name', name],
      ['unit', 'xấp'],
      ['price', '30.000'],
      ['licences', licence],
      ['productionArea', area.documentId],
    ];
    // Another seller's licence, sent by hand: the CMS's reason beside the field, nothing saved.
    const refused = await post('/tai-khoan/san-pham/moi', fields(foreign.documentId), cookie);
    expect(refused.html).toContain(
      '<p id="truong-licences-loi" class="field-error">Chỉ gắn được giấy phép, chứng nhận của chính doanh nghiệp bạn.</p>',
    );
    expect(await productDraft(name)).toBeNull();

    const created = await post('/tai-khoan/san-pham/moi', fields(valid.documentId), cookie);
    expect([created.status, created.location]).toEqual([303, '/tai-khoan/san-pham?da-luu=1']);
    const id = (await productDraft(name))?.documentId as string;
    const edit = await get(`/tai-khoan/san-pham/${id}`, cookie);
    expect(edit.html).toContain(`name="licences" value="${valid.documentId}" checked`);
    expect(edit.html).toContain(`<option value="${area.documentId}" selected>`);

    await post(`/tai-khoan/san-pham/${id}`, [['intent', 'gui-duyet']], cookie);
    const task = (await app.strapi.db
      .query('plugin::workflow.task')
      .findOne({ where: { targetDocumentId: id }, orderBy: { id: 'desc' } })) as { id: number };
    const officer = await makeOfficer(app.strapi, 'super_admin', []);
    // Product moderation has two stages: the specialist's review, then the division's approval.
    for (let stage = 0; stage < 2; stage += 1) {
      await request(app.strapi.server.httpServer)
        .post(`/workflow/tasks/${task.id}/actions`)
        .set('Authorization', `Bearer ${officer.token}`)
        .send({ action: 'approve' })
        .expect(200);
    }
    const slug = (
      (await app.strapi.db
        .query('plugin::catalog.product')
        .findOne({ where: { documentId: id, publishedAt: { $notNull: true } } })) as { slug: string }
    ).slug;

    const page = await get(`/san-pham/${slug}`);
    expect(page.status).toBe(200);
    const licencesSection = page.html.slice(page.html.indexOf('id="licences-title"'));
    expect(licencesSection).toContain(valid.number as string);
    expect(licencesSection).toMatch(/<span class="badge badge-valid">Còn hiệu lực<\/span>/);
    expect(licencesSection).not.toContain('Chưa có giấy phép, chứng nhận nào được xác thực.');
    expect(page.html).toContain(area.name as string);
  });
});
