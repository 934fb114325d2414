/** Small builders of CMS answers: each test states only what it cares about. */
import type { Category, LegalDocument, Licence, Media, Product, Seller } from '../schemas';

let nextId = 1;
const base = () => {
  const id = nextId++;
  return { id, documentId: `doc${id}` };
};

export function makeMedia(overrides: Partial<Media> = {}): Media {
  return {
    id: nextId++,
    url: '/uploads/xoai.jpg',
    alternativeText: null,
    width: 1200,
    height: 900,
    formats: {
      thumbnail: { url: '/uploads/thumbnail_xoai.jpg', width: 208, height: 156 },
      small: { url: '/uploads/small_xoai.jpg', width: 500, height: 375 },
    },
    ...overrides,
  };
}

export function makeLicence(overrides: Partial<Licence> = {}): Licence {
  return {
    type: 'food_safety',
    number: '123/2025/ATTP-CNĐK',
    issuer: 'Sở Công Thương',
    issuedOn: '2025-01-15',
    expiresOn: '2028-01-15',
    ocopStars: null,
    validity: 'valid',
    ...overrides,
  };
}

export function makeProduct(overrides: Partial<Product> = {}): Product {
  return {
    ...base(),
    name: 'Xoài cát Hòa Lộc loại 1',
    slug: 'xoai-cat-hoa-loc-loai-1',
    description: 'Xoài cát Hòa Lộc trồng theo quy trình VietGAP.',
    ingredients: null,
    uses: null,
    specification: null,
    unit: 'kg',
    price: '76000',
    priceMin: null,
    priceMax: null,
    promotion: null,
    paymentMethods: ['cash_on_delivery', 'bank_transfer'],
    deliveryMethods: ['pickup'],
    category: { name: 'Xoài', slug: 'xoai' },
    seller: {
      name: 'HTX Xoài cát Hòa Lộc Hòa Hưng',
      slug: 'htx-xoai-cat-hoa-loc-hoa-hung',
      legalForm: 'cooperative',
      address: 'Ấp 1, xã An Hữu',
      isOcopProducer: true,
      verifiedAt: '2025-06-30T20:00:00.000Z',
      logo: null,
      commune: { name: 'Xã An Hữu', code: '28348' },
      contact: { phone: null, email: null },
    },
    images: [makeMedia()],
    licences: [],
    productionArea: null,
    department: { name: 'Sở Nông nghiệp và Môi trường', code: 'SNNMT' },
    ...overrides,
  };
}

export function makeSeller(overrides: Partial<Seller> = {}): Seller {
  return {
    ...base(),
    name: 'Công ty TNHH Bánh phồng tôm Sa Giang',
    slug: 'cong-ty-sa-giang',
    legalForm: 'enterprise',
    enterpriseCode: '1400101234',
    registrationDate: '2010-03-01',
    registrationIssuer: 'Phòng Đăng ký kinh doanh, Sở Tài chính',
    representative: 'Nguyễn Văn A',
    address: 'Phường Sa Đéc',
    description: null,
    isOcopProducer: false,
    vneidVerified: false,
    verifiedAt: '2025-07-02T03:00:00.000Z',
    logo: null,
    commune: { name: 'Phường Sa Đéc', code: '29500' },
    department: { name: 'Sở Công Thương', code: 'SCT' },
    licences: [],
    productionAreas: [],
    contact: { phone: '0277 123 456', email: null },
    ...overrides,
  };
}

export function makeCategory(overrides: Partial<Category> = {}): Category {
  return {
    ...base(),
    name: 'Trái cây',
    slug: 'trai-cay',
    description: null,
    sortOrder: 10,
    parent: null,
    ...overrides,
  };
}

export function makeLegalDocument(overrides: Partial<LegalDocument> = {}): LegalDocument {
  return {
    ...base(),
    title: 'Quy chế quản lý, vận hành và sử dụng Sàn giao dịch điện tử tỉnh Đồng Tháp',
    slug: 'quy-che-van-hanh-san-giao-dich-2025',
    kind: 'operating_regulation',
    series: 'quy-che-van-hanh',
    version: '2.0',
    number: null,
    issuer: 'Sở Công Thương tỉnh Đồng Tháp',
    issuedOn: '2025-06-25',
    effectiveFrom: '2025-07-01',
    summary: null,
    body: '# Chương I — QUY ĐỊNH CHUNG\n\n## Điều 1. Phạm vi điều chỉnh\n\nQuy chế này quy định…',
    outline: [
      { level: 1, title: 'Chương I — QUY ĐỊNH CHUNG', anchor: 'chuong-i' },
      { level: 2, title: 'Điều 1. Phạm vi điều chỉnh', anchor: 'dieu-1' },
    ],
    attachment: null,
    ...overrides,
  };
}

/** A Strapi list answer around some items. */
export function listBody<T>(items: T[], page = 1, pageSize = 25, total = items.length) {
  return {
    data: items,
    meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
  };
}
