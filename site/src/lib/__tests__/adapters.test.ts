import {
  addressLine,
  categoryOptions,
  categoryTree,
  communeOptions,
  groupDocumentsByKind,
  mediaUrl,
  ocopStarsOf,
  optionsHtml,
  toImage,
  toProductCard,
  toProductView,
  toRating,
  toSellerView,
  toVersions,
  comingVersion,
} from '../adapters';
import { catalogueHref, pageWindow, parseCatalogueQuery, toSearchParams } from '../catalogue';
import { makeCategory, makeLegalDocument, makeLicence, makeMedia, makeProduct, makeSeller } from './builders';
import type { AdministrativeUnit } from '../schemas';

const CMS = 'http://cms.test';
const plain = (value: string) => value.replace(/\u00a0/g, ' ');

describe('images', () => {
  it('makes CMS paths absolute and leaves absolute URLs alone', () => {
    expect(mediaUrl('/uploads/a.jpg', CMS)).toBe('http://cms.test/uploads/a.jpg');
    expect(mediaUrl('https://cdn.example/a.jpg', CMS)).toBe('https://cdn.example/a.jpg');
  });

  it('builds a srcset from the formats and prefers the small one on cards', () => {
    const image = toImage(makeMedia({ alternativeText: '  ' }), 'Xoài', 'small', CMS);
    expect(image).toEqual({
      src: 'http://cms.test/uploads/small_xoai.jpg',
      srcset:
        'http://cms.test/uploads/thumbnail_xoai.jpg 208w, http://cms.test/uploads/small_xoai.jpg 500w, http://cms.test/uploads/xoai.jpg 1200w',
      width: 500,
      height: 375,
      alt: 'Xoài',
    });
  });

  it('uses the original when the CMS made no formats (SVG)', () => {
    const image = toImage(
      makeMedia({
        url: '/uploads/mango.svg',
        width: null,
        height: null,
        formats: null,
        alternativeText: 'Xoài cát',
      }),
      'x',
      'small',
      CMS,
    );
    expect(image).toEqual({
      src: 'http://cms.test/uploads/mango.svg',
      srcset: null,
      width: null,
      height: null,
      alt: 'Xoài cát',
    });
  });
});

describe('products and sellers', () => {
  it('counts only OCOP licences still in force for the stars badge', () => {
    expect(
      ocopStarsOf([
        makeLicence({ type: 'ocop', ocopStars: 5, validity: 'expired' }),
        makeLicence({ type: 'ocop', ocopStars: 4, validity: 'expiring' }),
        makeLicence({ type: 'ocop', ocopStars: 3 }),
      ]),
    ).toBe(4);
    expect(ocopStarsOf([makeLicence()])).toBeNull();
  });

  it('shapes a product card', () => {
    const card = toProductCard(
      makeProduct({ price: null, licences: [makeLicence({ type: 'ocop', ocopStars: 4 })] }),
      CMS,
    );
    expect({ ...card, image: card.image?.src }).toEqual({
      href: '/san-pham/xoai-cat-hoa-loc-loai-1',
      name: 'Xoài cát Hòa Lộc loại 1',
      price: 'Liên hệ',
      image: 'http://cms.test/uploads/small_xoai.jpg',
      sellerName: 'HTX Xoài cát Hòa Lộc Hòa Hưng',
      commune: 'Xã An Hữu',
      ocopStars: 4,
    });
  });

  it('names methods, licences and validity in Vietnamese', () => {
    const view = toProductView(
      makeProduct({
        licences: [makeLicence({ validity: 'expiring', expiresOn: '2025-12-31' })],
        paymentMethods: ['cash_on_delivery', 'unknown_code'],
      }),
      CMS,
    );
    expect(plain(view.price)).toBe('76.000 ₫ / kg');
    expect(view.paymentMethods).toEqual(['Thanh toán khi nhận hàng (COD)', 'unknown_code']);
    expect(view.deliveryMethods).toEqual(['Nhận tại cơ sở']);
    expect(view.licences[0]).toMatchObject({
      typeName: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
      shortName: 'An toàn thực phẩm',
      expiresOn: '31/12/2025',
      validityLabel: 'Sắp hết hạn',
    });
    expect(view.seller).toMatchObject({
      legalForm: 'Hợp tác xã',
      verifiedOn: '01/07/2025',
      href: '/doanh-nghiep/htx-xoai-cat-hoa-loc-hoa-hung',
    });
  });

  it('writes a seller’s commune after its address once, even when the address names it in lower case', () => {
    expect(addressLine('Số 88 Lý Thường Kiệt, phường Mỹ Tho, tỉnh Đồng Tháp', 'Phường Mỹ Tho')).toBe(
      'Số 88 Lý Thường Kiệt, phường Mỹ Tho, tỉnh Đồng Tháp',
    );
    expect(addressLine('Ấp Mỹ Phú, xã Đốc Binh Kiều', 'Xã ĐỐC BINH KIỀU')).toBe(
      'Ấp Mỹ Phú, xã Đốc Binh Kiều',
    );
    expect(addressLine('Số 3 Quốc lộ 1', 'Phường Thanh Hòa')).toBe('Số 3 Quốc lộ 1, Phường Thanh Hòa');
    expect(addressLine('Số 3 Quốc lộ 1', null)).toBe('Số 3 Quốc lộ 1');
  });

  it('shows a seller’s legal identity', () => {
    const view = toSellerView(makeSeller({ licences: [makeLicence({ validity: 'expired' })] }), CMS);
    expect(view).toMatchObject({
      legalForm: 'Doanh nghiệp',
      registrationNumberLabel: 'Mã số doanh nghiệp',
      enterpriseCode: '1400101234',
      registrationDate: '01/03/2010',
      verifiedOn: '02/07/2025',
      contact: { phone: '0277 123 456', email: null },
    });
    expect(view.licences[0]?.validityLabel).toBe('Hết hạn');
  });
});

describe('ratings', () => {
  it.each([
    [
      { average: 4.5, count: 2 },
      { average: '4,5', count: 2 },
    ],
    [
      { average: 4.25, count: 4 },
      { average: '4,3', count: 4 },
    ],
    [
      { average: 5, count: 1 },
      { average: '5', count: 1 },
    ],
    [{ average: null, count: 0 }, null],
    [{ average: 4, count: 0 }, null],
    [null, null],
    [undefined, null],
  ])('shows %j as %j', (rating, expected) => {
    expect(toRating(rating)).toEqual(expected);
  });

  it('gives a seller’s page and the seller card of a product page the seller’s rating', () => {
    const rating = { average: 3.7, count: 12 };
    expect(toSellerView(makeSeller({ rating }), CMS).rating).toEqual({ average: '3,7', count: 12 });
    expect(toProductView(makeProduct({ seller: { ...makeSeller(), rating } }), CMS).seller?.rating).toEqual({
      average: '3,7',
      count: 12,
    });
  });
});

describe('category tree', () => {
  it('puts children under their parent, both levels in sort order', () => {
    const tree = categoryTree([
      makeCategory({
        name: 'Sầu riêng',
        slug: 'sau-rieng',
        sortOrder: 20,
        parent: { name: 'Trái cây', slug: 'trai-cay' },
      }),
      makeCategory({ name: 'Thủy sản', slug: 'thuy-san', sortOrder: 30 }),
      makeCategory({
        name: 'Xoài',
        slug: 'xoai',
        sortOrder: 10,
        parent: { name: 'Trái cây', slug: 'trai-cay' },
      }),
      makeCategory({ name: 'Trái cây', slug: 'trai-cay', sortOrder: 20 }),
      makeCategory({ name: 'Nông sản', slug: 'nong-san', sortOrder: 10 }),
    ]);
    expect(tree.map((node) => [node.slug, node.children.map((child) => child.slug)])).toEqual([
      ['nong-san', []],
      ['trai-cay', ['xoai', 'sau-rieng']],
      ['thuy-san', []],
    ]);
    expect(categoryOptions(tree).map((option) => option.label)).toEqual([
      'Nông sản',
      'Trái cây',
      '— Xoài',
      '— Sầu riêng',
      'Thủy sản',
    ]);
  });
});

describe('commune options', () => {
  it('lists the communes in Vietnamese order, not in the byte order the CMS sorts them in', () => {
    const unit = (name: string, code: string) =>
      ({ id: 1, documentId: code, name, code, level: 'commune' }) as AdministrativeUnit;
    const options = communeOptions([
      unit('Xã An Phú', '001'),
      unit('Xã Bình Thành', '002'),
      unit('Xã Đông Hòa', '003'),
      unit('Xã Ấp Mới', '004'),
      unit('Xã Dương Minh', '005'),
    ]);
    expect(options.map((option) => option.label)).toEqual([
      'Xã An Phú',
      'Xã Ấp Mới',
      'Xã Bình Thành',
      'Xã Dương Minh',
      'Xã Đông Hòa',
    ]);
    expect(options[1]).toEqual({ value: '004', label: 'Xã Ấp Mới' });
  });
});

describe('the options of a select as HTML', () => {
  const options = [
    { value: 'banh', label: 'Bánh & kẹo' },
    { value: 'x"><script>', label: '<b>Trái cây</b>' },
    { value: '28429', label: 'Xã An Hữu' },
  ];

  it('marks the chosen value selected, and only it', () => {
    const html = optionsHtml(options, '28429');
    expect(html.match(/selected/g)).toHaveLength(1);
    expect(html).toContain('<option value="28429" selected>Xã An Hữu</option>');
    expect(optionsHtml(options, '')).not.toContain('selected');
    // The same list again, another choice: the tags written once are not changed by a page.
    expect(optionsHtml(options, 'banh')).toMatch(/^<option value="banh" selected>/);
    expect(optionsHtml(options, '28429')).toBe(html);
  });

  it('writes names and values as text, never as markup', () => {
    const html = optionsHtml(options, '');
    expect(html).toContain('<option value="banh">Bánh &#38; kẹo</option>');
    expect(html).toContain(
      '<option value="x&#34;&#62;&#60;script&#62;">&#60;b&#62;Trái cây&#60;/b&#62;</option>',
    );
    expect(html).not.toContain('<script>');
  });
});

describe('legal documents', () => {
  const v1 = makeLegalDocument({ slug: 'qc-2023', effectiveFrom: '2023-04-10', version: '1.0' });
  const v2 = makeLegalDocument({ slug: 'qc-2025', effectiveFrom: '2025-07-01', version: '2.0' });
  const v3 = makeLegalDocument({ slug: 'qc-2027', effectiveFrom: '2027-01-01', version: '3.0' });

  it('marks the version in force, the upcoming and the superseded ones', () => {
    const versions = toVersions([v1, v3, v2], 'qc-2023', '2026-01-01');
    expect(versions.map((v) => [v.href, v.status, v.effectiveFrom, v.isCurrentPage])).toEqual([
      ['/van-ban/qc-2027', 'upcoming', '01/01/2027', false],
      ['/van-ban/qc-2025', 'current', '01/07/2025', false],
      ['/van-ban/qc-2023', 'superseded', '10/04/2023', true],
    ]);
  });

  it('picks the upcoming version that takes effect first, to show beside the one in force', () => {
    const v4 = makeLegalDocument({ slug: 'qc-2028', effectiveFrom: '2028-01-01', summary: 'Sửa Điều 7.' });
    const v3WithSummary = { ...v3, summary: 'Thời hạn duyệt còn 2 ngày làm việc.' };
    const coming = comingVersion(toVersions([v1, v2, v3WithSummary, v4], 'qc-2025', '2026-01-01'));
    expect(coming).toMatchObject({
      href: '/van-ban/qc-2027',
      effectiveFrom: '01/01/2027',
      summary: 'Thời hạn duyệt còn 2 ngày làm việc.',
    });
    expect(comingVersion(toVersions([v1, v2], 'qc-2025', '2026-01-01'))).toBeNull();
  });

  it('groups documents by kind in the configured order', () => {
    const groups = groupDocumentsByKind([
      makeLegalDocument({ kind: 'decree', slug: 'nd-52', number: '52/2013/NĐ-CP' }),
      v2,
      makeLegalDocument({ kind: 'privacy_policy', slug: 'cs' }),
    ]);
    expect(groups.map((group) => group.kindName)).toEqual([
      'Quy chế hoạt động',
      'Chính sách bảo vệ dữ liệu cá nhân',
      'Nghị định',
    ]);
  });
});

describe('catalogue URL', () => {
  it('reads the query as typed and keeps only sensible pages', () => {
    const query = parseCatalogueQuery(new URLSearchParams('q=+banh+pia+&ocopStars=9&page=-2&type=x'));
    expect(query).toEqual({
      q: 'banh pia',
      type: 'products',
      category: '',
      licenceType: '',
      ocopStars: '9',
      commune: '',
      priceMin: '',
      priceMax: '',
      sort: '',
      page: 1,
    });
    expect(toSearchParams(query)).toEqual({
      q: 'banh pia',
      category: undefined,
      licenceType: undefined,
      ocopStars: '9',
      commune: undefined,
      priceMin: undefined,
      priceMax: undefined,
      sort: undefined,
      page: 1,
      pageSize: 24,
    });
  });

  it('does not send the category when searching sellers', () => {
    const query = parseCatalogueQuery(new URLSearchParams('type=sellers&category=xoai'));
    expect(toSearchParams(query).category).toBeUndefined();
  });

  it('reads prices as people write them and keeps price orders to products', () => {
    const products = toSearchParams(
      parseCatalogueQuery(new URLSearchParams('priceMin=50.000&priceMax=120 000 đ&sort=price_asc')),
    );
    expect([products.priceMin, products.priceMax, products.sort]).toEqual(['50000', '120000', 'price_asc']);
    // Not a number: sent as typed, for the CMS to explain.
    expect(toSearchParams(parseCatalogueQuery(new URLSearchParams('priceMin=rẻ'))).priceMin).toBe('rẻ');
    const sellers = toSearchParams(
      parseCatalogueQuery(new URLSearchParams('type=sellers&priceMin=5&sort=price_desc')),
    );
    expect([sellers.priceMin, sellers.sort]).toEqual([undefined, undefined]);
    const byName = parseCatalogueQuery(new URLSearchParams('type=sellers&sort=name'));
    expect(toSearchParams(byName).sort).toBe('name');
    expect(catalogueHref(byName, 2)).toBe('/san-pham?type=sellers&sort=name&page=2');
  });

  it('links other pages of the same search', () => {
    const query = parseCatalogueQuery(new URLSearchParams('q=xoài&category=xoai&commune=&page=3'));
    expect(catalogueHref(query, 4)).toBe('/san-pham?q=xo%C3%A0i&category=xoai&page=4');
    expect(catalogueHref(query, 1)).toBe('/san-pham?q=xo%C3%A0i&category=xoai');
  });

  it('shows first, last and neighbouring pages', () => {
    expect(pageWindow(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
  });
});
