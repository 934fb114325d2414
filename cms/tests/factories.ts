import type { Core, UID } from '@strapi/strapi';
import { trustedImport } from '@sgd/plugin-workflow';

export const U = {
  department: 'plugin::core.department',
  unit: 'plugin::core.administrative-unit',
  seller: 'plugin::sellers.seller',
  licence: 'plugin::sellers.licence',
  area: 'plugin::sellers.production-area',
  category: 'plugin::catalog.category',
  product: 'plugin::catalog.product',
  market: 'plugin::catalog.market',
  post: 'plugin::catalog.supply-demand-post',
  listing: 'plugin::catalog.directory-listing',
  news: 'api::news-article.news-article',
  legal: 'api::legal-document.legal-document',
} as const;

type Data = Record<string, unknown>;
interface Created {
  id: number;
  documentId: string;
  [key: string]: unknown;
}

let counter = 0;
/** A name no seed item has, so a test sees only what it made. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix} ${process.pid.toString(36)}${counter}`;
}

/** Creates a document; a published one is imported as already approved (tests of the public API). */
async function make(strapi: Core.Strapi, uid: string, data: Data, publish: boolean): Promise<Created> {
  const create = async () =>
    (await strapi.documents(uid as UID.ContentType).create({
      data: data as never,
      ...(publish ? { status: 'published' as const } : {}),
    })) as unknown as Created;
  return publish ? trustedImport(create) : create();
}

export function makeSeller(strapi: Core.Strapi, overrides: Data = {}, publish = true) {
  return make(
    strapi,
    U.seller,
    {
      name: unique('Công ty TNHH Thử Nghiệm'),
      legalForm: 'enterprise',
      enterpriseCode: '1201234567',
      registrationDate: '2020-05-12',
      registrationIssuer: 'Phòng Đăng ký kinh doanh',
      citizenId: '082123456789',
      representative: 'Nguyễn Văn Thử',
      phone: '0912345678',
      email: 'lienhe@thunghiem.vn',
      showPhone: false,
      showEmail: false,
      address: '12 đường 30/4, phường Mỹ Tho, tỉnh Đồng Tháp',
      verificationStatus: 'verified',
      verifiedAt: '2025-08-01T02:00:00.000Z',
      internalNote: 'Ghi chú nội bộ không được công khai',
      ...overrides,
    },
    publish,
  );
}

export function makeLicence(strapi: Core.Strapi, seller: string, overrides: Data = {}, publish = true) {
  return make(
    strapi,
    U.licence,
    {
      type: 'food_safety',
      number: unique('ATTP'),
      issuer: 'Sở Y tế tỉnh Đồng Tháp',
      issuedOn: '2024-03-01',
      expiresOn: '2027-03-01',
      seller,
      verificationStatus: 'verified',
      internalNote: 'Ghi chú nội bộ',
      ...overrides,
    },
    publish,
  );
}

export function makeProduct(strapi: Core.Strapi, seller: string, overrides: Data = {}, publish = true) {
  return make(
    strapi,
    U.product,
    {
      name: unique('Sản phẩm thử'),
      seller,
      description: 'Mô tả sản phẩm thử nghiệm.',
      unit: 'hộp',
      price: 85000,
      paymentMethods: ['cash_on_delivery'],
      deliveryMethods: ['carrier'],
      reviewStatus: 'approved',
      internalNote: 'Ghi chú nội bộ',
      flaggedReasons: 'Cảnh báo hàng cấm (nội bộ)',
      ...overrides,
    },
    publish,
  );
}

export function makeArea(strapi: Core.Strapi, seller: string, overrides: Data = {}, publish = true) {
  return make(
    strapi,
    U.area,
    {
      name: unique('Vùng trồng thử'),
      code: 'VN-DT-TEST-2025',
      latitude: 10.35,
      longitude: 106.35,
      areaHa: 12.5,
      seller,
      reviewStatus: 'approved',
      internalNote: 'Ghi chú nội bộ',
      ...overrides,
    },
    publish,
  );
}

export function makePost(strapi: Core.Strapi, overrides: Data = {}, publish = true) {
  return make(
    strapi,
    U.post,
    {
      kind: 'buy',
      title: unique('Cần mua xoài'),
      quantity: 5,
      unit: 'tấn',
      validUntil: '2099-12-31',
      contactName: 'Trần Thị Mua',
      contactPhone: '0987654321',
      reviewStatus: 'approved',
      internalNote: 'Ghi chú nội bộ',
      ...overrides,
    },
    publish,
  );
}

export function makeListing(strapi: Core.Strapi, overrides: Data = {}, publish = true) {
  return make(
    strapi,
    U.listing,
    {
      kind: 'tourism',
      title: unique('Du lịch sinh thái'),
      summary: 'Tóm tắt',
      reviewStatus: 'approved',
      internalNote: 'Ghi chú nội bộ',
      ...overrides,
    },
    publish,
  );
}
