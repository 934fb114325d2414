import {
  OWNED_KINDS,
  canEdit,
  canSubmit,
  formValues,
  itemValues,
  ownedKind,
  parseForm,
  publicUrl,
  reasons,
  type OwnedItem,
  type OwnedKind,
} from '../owned';
import { OWNED_CONTENT } from '@sgd/contracts';

const kind = (slug: string) => {
  const found = ownedKind(slug);
  if (!found) throw new Error(`no type ${slug}`);
  return found;
};
const product = kind('san-pham');

/** What the browser posts: every field of the form, filled or empty. */
const posted = (spec: OwnedKind, entries: Record<string, string | string[]>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  }
  return formValues(spec, form);
};
const parse = (spec: OwnedKind, entries: Record<string, string | string[]>) =>
  parseForm(spec, posted(spec, entries));

describe('owned content forms', () => {
  it('writes only the fields the CMS lets a person write, for every type', () => {
    for (const spec of OWNED_KINDS) {
      const entry = OWNED_CONTENT[spec.type];
      const allowed = [...entry.fields, ...Object.keys(entry.relations), ...Object.keys(entry.links)].sort();
      expect([spec.type, spec.fields.map((field) => field.name).sort()]).toEqual([
        spec.type,
        allowed.filter((name) => spec.fields.some((field) => field.name === name)).sort(),
      ]);
    }
  });

  it('answers null for a URL segment that is no type', () => {
    expect(ownedKind('hoa-don')).toBeNull();
    expect(ownedKind(undefined)).toBeNull();
  });

  it('reads text fields trimmed and every ticked checkbox', () => {
    const form = new FormData();
    form.set('name', '  Mắm cá linh  ');
    form.append('paymentMethods', 'cash_on_delivery');
    form.append('paymentMethods', 'bank_transfer');
    const values = formValues(product, form);
    expect(values.name).toBe('Mắm cá linh');
    expect(values.unit).toBe('');
    expect(values.paymentMethods).toEqual(['cash_on_delivery', 'bank_transfer']);
    expect(values.deliveryMethods).toEqual([]);
  });

  it.each([
    ['125.000', 125000],
    ['125 000', 125000],
    ['0', 0],
    ['', null],
  ])('reads the price %p as %p', (price, expected) => {
    const parsed = parse(product, { name: 'Mắm', unit: 'hũ', price });
    expect(parsed).toMatchObject({ ok: true, data: { price: expected } });
  });

  it('turns empty optional fields into null so an edit clears them', () => {
    const parsed = parse(product, { name: 'Mắm', unit: 'hũ', category: '', promotion: '' });
    expect(parsed).toMatchObject({ ok: true, data: { category: null, promotion: null, paymentMethods: [] } });
  });

  it('gives one Vietnamese message per field that is wrong', () => {
    const parsed = parse(product, {
      name: ' ',
      unit: 'hũ',
      price: 'một trăm',
      paymentMethods: ['the_tin_dung'],
    });
    expect(parsed).toEqual({
      ok: false,
      fields: {
        name: 'Vui lòng nhập tên sản phẩm.',
        price: 'Nhập số tiền bằng chữ số, ví dụ 125000.',
        paymentMethods: 'Lựa chọn không hợp lệ.',
      },
    });
  });

  it.each([
    ['10,35', '105,75', { latitude: 10.35, longitude: 105.75 }],
    ['10.35', '105.75', { latitude: 10.35, longitude: 105.75 }],
  ])('reads coordinates %p, %p with a comma or a dot', (latitude, longitude, expected) => {
    expect(parse(kind('vung-san-xuat'), { name: 'Vùng xoài', latitude, longitude })).toMatchObject({
      ok: true,
      data: expected,
    });
  });

  it('requires the coordinates of a production area and a valid date on a post', () => {
    expect(parse(kind('vung-san-xuat'), { name: 'Vùng xoài', latitude: '', longitude: 'x' })).toMatchObject({
      ok: false,
      fields: {
        latitude: 'Vui lòng nhập vĩ độ bằng số, ví dụ 10,35.',
        longitude: 'Vui lòng nhập kinh độ bằng số, ví dụ 105,75.',
      },
    });
    expect(
      parse(kind('tin-cung-cau'), {
        kind: 'ban',
        title: 'Cần bán xoài',
        validUntil: '31/12/2099',
        contactName: 'Lê Văn Bán',
        contactEmail: 'khong-phai-email',
      }),
    ).toMatchObject({
      ok: false,
      fields: {
        kind: 'Vui lòng chọn cần mua hay cần bán.',
        validUntil: 'Ngày không hợp lệ (năm-tháng-ngày).',
        contactEmail: 'Email không hợp lệ.',
      },
    });
  });

  it('reads OCOP stars as a number', () => {
    const parsed = parse(kind('giay-phep'), {
      type: 'ocop',
      number: 'OCOP-1',
      issuer: 'UBND tỉnh',
      issuedOn: '2025-03-01',
      expiresOn: '2028-03-01',
      ocopStars: '4',
    });
    expect(parsed).toMatchObject({ ok: true, data: { ocopStars: 4, expiresOn: '2028-03-01' } });
  });

  it("refuses a licence the CMS's licence rules refuse, each problem beside its field", () => {
    const parsed = parse(kind('giay-phep'), {
      type: 'ocop',
      number: 'OCOP-1',
      issuer: 'UBND tỉnh',
      issuedOn: '2025-03-01',
      expiresOn: '',
      ocopStars: '',
    });
    expect(parsed).toMatchObject({
      ok: false,
      fields: {
        expiresOn: 'Giấy chứng nhận sản phẩm OCOP phải có ngày hết hạn.',
        ocopStars: 'Chứng nhận OCOP phải có hạng sao từ 3 đến 5.',
      },
    });
  });

  it('fills an edit form from the stored item: numbers as text, lists as lists, nothing as empty', () => {
    const item: OwnedItem = {
      documentId: 'abc',
      name: 'Mắm',
      price: '125000',
      priceMin: null,
      category: 'dac-san',
      paymentMethods: ['bank_transfer'],
    };
    expect(itemValues(product, item)).toMatchObject({
      name: 'Mắm',
      price: '125000',
      priceMin: '',
      category: 'dac-san',
      paymentMethods: ['bank_transfer'],
      deliveryMethods: [],
    });
  });
});

describe('owned content state', () => {
  const item = (reviewStatus: string, extra: Partial<OwnedItem> = {}): OwnedItem => ({
    documentId: 'abc',
    slug: 'mam-ca-linh',
    reviewStatus,
    ...extra,
  });

  it.each([
    ['draft', true, true],
    ['pending', false, false],
    ['supplement_requested', true, true],
    ['rejected', true, true],
    ['approved', true, true],
    ['locked', false, false],
  ])('%s: can edit %p, can submit %p', (status, edit, submit) => {
    expect([canEdit(item(status)), canSubmit(item(status))]).toEqual([edit, submit]);
  });

  it('links an approved product to its page, licences and areas to the seller, others nowhere', () => {
    expect(publicUrl(product, item('approved'), '/doanh-nghiep/co-so')).toBe('/san-pham/mam-ca-linh');
    expect(publicUrl(product, item('draft'), '/doanh-nghiep/co-so')).toBeNull();
    expect(
      publicUrl(
        kind('giay-phep'),
        { documentId: 'x', verificationStatus: 'verified' },
        '/doanh-nghiep/co-so',
      ),
    ).toBe('/doanh-nghiep/co-so');
    expect(publicUrl(kind('thong-tin-khac'), item('approved'), null)).toBeNull();
  });

  it("keeps the staff's reasons, not the submissions", () => {
    const history = [
      { action: 'submit', toState: 'in_review', comment: null, createdAt: '2026-12-01T02:00:00.000Z' },
      {
        action: 'request_supplement',
        toState: 'supplement_requested',
        comment: 'Bổ sung ảnh nhãn.',
        createdAt: '2026-12-02T02:00:00.000Z',
      },
      {
        action: 'resubmit',
        toState: 'in_review',
        comment: 'Đã bổ sung.',
        createdAt: '2026-12-03T02:00:00.000Z',
      },
      {
        action: 'reject',
        toState: 'rejected',
        comment: 'Sai danh mục.',
        createdAt: '2026-12-04T02:00:00.000Z',
      },
    ];
    const found = reasons(
      item('rejected', { review: { state: 'rejected', submittedAt: '2026-12-01T02:00:00.000Z', history } }),
    );
    expect(found.map((entry) => entry.comment)).toEqual(['Bổ sung ảnh nhãn.', 'Sai danh mục.']);
  });
});
