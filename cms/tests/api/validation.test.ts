import request from 'supertest';
import { ensureSuperAdmin } from '../../src/admin-account';
import { bootStrapi, type TestApp } from '../setup/strapi';
import { U, makeSeller, unique } from '../factories';
import { makeSiteUser } from '../staff';

let app: TestApp;
let token: string;
const ADMIN = { email: 'qa.admin@sangiaodich.local', password: 'Thu-nghiem-2026!' };

beforeAll(async () => {
  app = await bootStrapi('validation');
  await ensureSuperAdmin(app.strapi, { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const login = await request(app.strapi.server.httpServer).post('/admin/login').send(ADMIN);
  token = login.body.data.token;
});
afterAll(async () => {
  await app.stop();
});

interface Failure {
  name: string;
  details: { errors: Array<{ path: string[]; message: string }> };
}

async function rejection(uid: string, data: Record<string, unknown>): Promise<Failure> {
  try {
    await app.strapi.documents(uid as never).create({ data: data as never });
  } catch (error) {
    return error as Failure;
  }
  throw new Error(`${uid} chấp nhận dữ liệu sai: ${JSON.stringify(data)}`);
}

const seller = {
  name: 'Cơ sở hợp lệ',
  legalForm: 'household',
  enterpriseCode: '1201234567',
  phone: '0912345678',
};
const licence = {
  type: 'food_safety',
  number: 'X-1',
  issuer: 'Sở Y tế',
  issuedOn: '2024-01-01',
  expiresOn: '2027-01-01',
};

describe('what a registry would check, on every write', () => {
  it.each([
    [
      U.seller,
      { ...seller, enterpriseCode: '12345' },
      'enterpriseCode',
      'Mã số doanh nghiệp/mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số đối với chi nhánh (dạng 0123456789-001).',
    ],
    [
      U.seller,
      { ...seller, citizenId: '0821234' },
      'citizenId',
      'Số căn cước công dân phải gồm đúng 12 chữ số.',
    ],
    [
      U.seller,
      { ...seller, phone: '0123' },
      'phone',
      'Số điện thoại không hợp lệ: cần số di động 10 chữ số (03, 05, 07, 08, 09) hoặc số cố định 11 chữ số bắt đầu bằng 02.',
    ],
    [
      U.seller,
      { ...seller, enterpriseCode: null },
      'enterpriseCode',
      'Cần khai báo mã số doanh nghiệp/mã số thuế hoặc số căn cước công dân.',
    ],
    [
      U.seller,
      { ...seller, legalForm: 'cooperative', enterpriseCode: null, citizenId: '082123456789' },
      'enterpriseCode',
      'Doanh nghiệp và hợp tác xã phải khai báo mã số doanh nghiệp.',
    ],
    [U.seller, { ...seller, phone: null }, 'phone', 'Cần ít nhất một số điện thoại hoặc email liên hệ.'],
    [U.licence, { ...licence, expiresOn: '2023-01-01' }, 'expiresOn', 'Ngày hết hạn phải sau ngày cấp.'],
    [
      U.licence,
      { ...licence, expiresOn: null },
      'expiresOn',
      'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm phải có ngày hết hạn.',
    ],
    [U.licence, { ...licence, ocopStars: 4 }, 'ocopStars', 'Chỉ chứng nhận OCOP mới có hạng sao.'],
    [U.licence, { ...licence, type: 'ocop' }, 'ocopStars', 'Chứng nhận OCOP phải có hạng sao từ 3 đến 5.'],
    [
      U.licence,
      { ...licence, type: 'ocop', ocopStars: 2 },
      'ocopStars',
      'Chứng nhận OCOP phải có hạng sao từ 3 đến 5.',
    ],
    [
      U.area,
      { name: 'Vùng', latitude: 35.6, longitude: 139.7 },
      'latitude',
      'Vĩ độ phải nằm trong lãnh thổ Việt Nam (từ 8 đến 23.5).',
    ],
    [
      U.area,
      { name: 'Vùng', latitude: 10.3, longitude: 99 },
      'longitude',
      'Kinh độ phải nằm trong lãnh thổ Việt Nam (từ 102 đến 117.5).',
    ],
    [
      U.area,
      { name: 'Vùng', latitude: 10.3, longitude: 106.3, polygon: [[10.3, 106.3]] },
      'polygon',
      'Ranh giới vùng sản xuất phải là danh sách ít nhất 3 điểm [vĩ độ, kinh độ].',
    ],
    [
      U.area,
      { name: 'Vùng', latitude: 10.3, longitude: 106.3, code: '!!' },
      'code',
      'Mã số vùng trồng chỉ gồm chữ, số, dấu gạch ngang, dấu chấm, dấu gạch chéo (3–60 ký tự).',
    ],
    [
      U.market,
      { name: 'Chợ', kind: 'supermarket', latitude: 48.8, longitude: 2.3 },
      'latitude',
      'Vĩ độ phải nằm trong lãnh thổ Việt Nam (từ 8 đến 23.5).',
    ],
    [
      U.product,
      { name: 'SP', unit: 'kg', priceMin: 50000, priceMax: 20000 },
      'priceMax',
      'Giá cao nhất phải lớn hơn hoặc bằng giá thấp nhất.',
    ],
    [U.product, { name: 'SP', unit: 'kg', price: -5 }, 'price', 'Giá phải là số không âm.'],
    [
      U.product,
      { name: 'SP', unit: 'kg', paymentMethods: ['bitcoin'] },
      'paymentMethods',
      'Phương thức thanh toán chỉ được chọn trong: cash_on_delivery, bank_transfer, pay_at_store.',
    ],
    [
      U.post,
      { kind: 'buy', title: 'Cần mua', validUntil: '2099-01-01', contactName: 'A' },
      'contactPhone',
      'Cần số điện thoại hoặc email để liên hệ.',
    ],
    [
      U.unit,
      { name: 'Xã', code: 'X1', level: 'commune', effectiveFrom: '2025-07-01', effectiveTo: '2025-01-01' },
      'effectiveTo',
      'Ngày hết hiệu lực phải sau ngày có hiệu lực.',
    ],
    [
      U.legal,
      {
        title: 'VB',
        kind: 'other',
        series: 's',
        version: '1',
        issuedOn: '2025-02-01',
        effectiveFrom: '2025-01-01',
      },
      'effectiveFrom',
      'Ngày có hiệu lực không được trước ngày ban hành.',
    ],
  ])('%s refuses invalid %p on %s', async (uid, data, path, message) => {
    const error = await rejection(uid, data);
    expect(error.name).toBe('ValidationError');
    expect(error.details.errors).toContainEqual({ path: [path], message, name: 'ValidationError' });
  });

  it('checks an update against the stored document (dates stay in order)', async () => {
    const s = await makeSeller(app.strapi);
    const created = await app.strapi.documents(U.licence).create({
      data: { ...licence, number: unique('ATTP'), seller: s.documentId } as never,
    });
    await expect(
      app.strapi
        .documents(U.licence)
        .update({ documentId: created.documentId, data: { expiresOn: '2020-01-01' } as never }),
    ).rejects.toMatchObject({ name: 'ValidationError', message: 'Ngày hết hạn phải sau ngày cấp.' });
  });

  it('generates a unique ASCII slug from the Vietnamese name', async () => {
    const a = await makeSeller(app.strapi, { name: 'Hộ kinh doanh Đặc Sản Sa Đéc' });
    const b = await makeSeller(app.strapi, { name: 'Hộ kinh doanh Đặc Sản Sa Đéc' });
    expect(a.slug).toBe('ho-kinh-doanh-dac-san-sa-dec');
    expect(b.slug).toBe('ho-kinh-doanh-dac-san-sa-dec-2');
  });
});

describe('admin routes', () => {
  const admin = () => request(app.strapi.server.httpServer);

  it('answers 400 with the Vietnamese message when an officer saves bad data', async () => {
    const res = await admin()
      .post(`/content-manager/collection-types/${U.seller}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ ...seller, name: unique('Cơ sở'), enterpriseCode: '99' });
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toBe(
      'Mã số doanh nghiệp/mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số đối với chi nhánh (dạng 0123456789-001).',
    );
    expect(res.body.error.details.errors).toEqual([
      {
        path: ['enterpriseCode'],
        message:
          'Mã số doanh nghiệp/mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số đối với chi nhánh (dạng 0123456789-001).',
        name: 'ValidationError',
      },
    ]);
  });

  it('shows Vietnamese field labels in the content manager', async () => {
    const res = await admin()
      .get(`/content-manager/content-types/${U.seller}/configuration`)
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    const metadatas = res.body.data.contentType.metadatas;
    expect(metadatas.citizenId.edit.label).toBe('Số CCCD (không công khai)');
    expect(metadatas.enterpriseCode.list.label).toBe('Mã số doanh nghiệp / mã số thuế');
  });

  it('names content types in Vietnamese', () => {
    expect(app.strapi.getModel(U.seller).info.displayName).toBe('Chủ thể sản xuất, kinh doanh');
    expect(app.strapi.getModel(U.licence).info.displayName).toBe('Giấy phép, chứng nhận');
  });
});

describe('only text that is safe to show is stored (markup, links)', () => {
  const api = () => request(app.strapi.server.httpServer);
  const IMG = '<img src=x onerror=alert(document.cookie)>';
  const markup = (label: string) =>
    `Trường "${label}" không được chứa mã HTML (dấu "<" liền trước chữ cái, như <img> hay <script>): hãy nhập văn bản thường.`;

  it('refuses the probes of the report on products, buy/sell posts and listings, naming the field', async () => {
    const user = await makeSiteUser(app.strapi);
    await makeSeller(app.strapi, { owner: user.id });
    const send = (type: string, data: Record<string, unknown>) =>
      api().post(`/api/accounts/mine/${type}`).set('Authorization', `Bearer ${user.jwt}`).send({ data });
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        'product',
        {
          name: IMG,
          unit: 'hũ',
          price: 65000,
          paymentMethods: ['cash_on_delivery'],
          deliveryMethods: ['carrier'],
        },
        'name',
        markup('Tên sản phẩm'),
      ],
      [
        'supply-demand-post',
        { kind: 'sell', title: 'Cần bán xoài', description: `Giá tốt ${IMG}`, validUntil: '2099-01-01' },
        'description',
        markup('Nội dung'),
      ],
      [
        'directory-listing',
        { kind: 'tourism', title: 'Làng hoa', website: 'javascript:alert(1)' },
        'website',
        'Trường "Trang web" phải là địa chỉ web bắt đầu bằng http:// hoặc https:// (ví dụ https://dongthap.gov.vn).',
      ],
      [
        'directory-listing',
        { kind: 'tourism', title: 'Làng hoa', body: 'Xem [bản đồ](javascript:alert(1)).' },
        'body',
        'Trường "Nội dung" có liên kết không được phép (javascript:alert(1): chỉ nhận liên kết http://, https://, mailto:, tel: hoặc đường dẫn trong Sàn.',
      ],
      [
        'directory-listing',
        { kind: 'tourism', title: 'Làng hoa', contact: 'JaVa\tScRiPt:alert(1)' },
        'contact',
        'Trường "Liên hệ" không được chứa liên kết "javascript:": chỉ nhận địa chỉ web bắt đầu bằng http:// hoặc https://.',
      ],
    ];
    for (const [type, data, path, message] of cases) {
      const res = await send(type, data);
      expect([type, res.status, res.body.error?.message]).toEqual([type, 400, message]);
      expect(res.body.error.details.errors).toEqual([{ path: [path], message, name: 'ValidationError' }]);
    }
    // Nothing was stored, so neither the public API nor the open data can serve it.
    for (const uid of [U.product, U.post, U.listing]) {
      const rows = (await app.strapi.db.query(uid as never).findMany({})) as Record<string, unknown>[];
      expect(JSON.stringify(rows)).not.toMatch(/onerror|javascript:/i);
    }
    // Ordinary text with a "<", Markdown links to the web and a plain web address are kept.
    const kept = await send('directory-listing', {
      kind: 'tourism',
      title: unique('Làng hoa < 5 km từ trung tâm'),
      body: 'Xem [bản đồ](https://www.openstreetmap.org), [Điều 5](/van-ban/quy-che#dieu-5) hoặc <https://dongthap.gov.vn>.',
      website: 'https://langhoasadec.vn/gioi-thieu?lang=vi',
      contact: 'Gửi file: bảng giá qua email',
    });
    expect(kept.status).toBe(201);
  });

  it('refuses markup from staff in the content manager too', async () => {
    const res = await api()
      .post(`/content-manager/collection-types/${U.seller}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ ...seller, name: unique('Cơ sở'), description: '<script>alert(1)</script>' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors).toEqual([
      {
        path: ['description'],
        message: expect.stringMatching(/^Trường "[^"]+" không được chứa mã HTML/),
        name: 'ValidationError',
      },
    ]);
  });

  it('is a rule of every content type: each plain-text field of each type refuses markup', async () => {
    const accepted: string[] = [];
    for (const [uid, model] of Object.entries(app.strapi.contentTypes)) {
      if (!/^(api|plugin)::/.test(uid)) continue;
      // The audit log takes no write at all through the Document Service (it is read-only).
      if (uid === 'plugin::core.audit-entry') continue;
      const attributes = model.attributes as Record<string, { type?: string }>;
      for (const [field, attribute] of Object.entries(attributes)) {
        if (!['string', 'text', 'email', 'richtext'].includes(attribute.type ?? '')) continue;
        try {
          await app.strapi.documents(uid as never).create({ data: { [field]: IMG } as never });
          accepted.push(`${uid}.${field}`);
        } catch (error) {
          const errors = (error as Failure).details?.errors ?? [];
          // Refused on the field (a format rule of its own, such as an email's, may say it first).
          if (!errors.some((e) => e.path[0] === field))
            accepted.push(`${uid}.${field}: ${(error as Error).message}`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });
});
