import type { Market, ProductionAreaEntry } from '../schemas';
import { groupByKind, mapPoints, marketsHref, parseMarketKind, toAreaPlace, toMarketPlace } from '../places';

const area = (overrides: Partial<ProductionAreaEntry> = {}): ProductionAreaEntry => ({
  id: 1,
  documentId: 'a1',
  name: 'Vùng xoài Hòa Lộc',
  slug: 'vung-xoai-hoa-loc',
  code: 'VN-DT-001',
  latitude: '10.3512',
  longitude: 106.0421,
  areaHa: '12.5',
  crops: 'Xoài cát Hòa Lộc',
  seasons: 'Tháng 3 – tháng 6',
  description: null,
  seller: { name: 'HTX Hòa Lộc', slug: 'htx-hoa-loc' },
  commune: { name: 'Xã Hòa Hưng', code: '28000' },
  ...overrides,
});

const market = (overrides: Partial<Market> = {}): Market => ({
  id: 2,
  documentId: 'm1',
  name: 'Chợ Cao Lãnh',
  slug: 'cho-cao-lanh',
  kind: 'traditional_market',
  address: '1 Nguyễn Huệ, phường Cao Lãnh',
  commune: null,
  latitude: 10.46,
  longitude: 105.63,
  openingHours: '4:00 – 19:00',
  operator: null,
  phone: '0277 3851 234',
  description: null,
  ...overrides,
});

describe('production areas', () => {
  it('lists the facts a visitor needs, with a link to the seller and a map point', () => {
    const place = toAreaPlace(area());
    expect(place.facts).toEqual([
      { term: 'Mã số vùng trồng', value: 'VN-DT-001' },
      { term: 'Cây trồng, vật nuôi', value: 'Xoài cát Hòa Lộc' },
      { term: 'Mùa vụ', value: 'Tháng 3 – tháng 6' },
      { term: 'Diện tích', value: '12,5 ha' },
      { term: 'Xã, phường', value: 'Xã Hòa Hưng' },
      { term: 'Cơ sở sản xuất', value: 'HTX Hòa Lộc', href: '/doanh-nghiep/htx-hoa-loc' },
    ]);
    expect(place.point).toEqual({
      id: 'vung-vung-xoai-hoa-loc',
      name: 'Vùng xoài Hòa Lộc',
      lat: 10.3512,
      lon: 106.0421,
      detail: 'Xoài cát Hòa Lộc',
      group: 0,
    });
  });

  it.each([
    ['no latitude', { latitude: null }],
    ['a latitude out of range', { latitude: '123' }],
    ['a longitude that is not a number', { longitude: 'đông' }],
  ])('stays in the list, off the map, with %s', (_case, overrides) => {
    const place = toAreaPlace(area(overrides));
    expect(place.point).toBeNull();
    expect(place.osmHref).toBeNull();
    expect(mapPoints([place])).toEqual([]);
  });
});

describe('markets', () => {
  it('groups by kind in a fixed order, leaving out empty kinds, an unknown kind under "Khác", colours by kind', () => {
    const groups = groupByKind([
      market({ slug: 'coopmart', name: 'Co.opmart', kind: 'supermarket' }),
      market(),
      market({ slug: 'la', name: 'Không rõ loại', kind: 'floating_market' }),
    ]);
    expect(groups.map((group) => [group.id, group.label, group.places.map((place) => place.name)])).toEqual([
      ['nhom-cho', 'Chợ', ['Chợ Cao Lãnh']],
      ['nhom-sieu-thi', 'Siêu thị', ['Co.opmart']],
      ['nhom-khac', 'Khác', ['Không rõ loại']],
    ]);
    expect(groups.map((group) => group.places[0].point?.group)).toEqual([0, 1, 4]);
    expect(groups[2].places[0].facts[0]).toEqual({ term: 'Loại', value: 'floating_market' });
  });

  it('links the phone for calling', () => {
    expect(toMarketPlace(market()).facts).toContainEqual({
      term: 'Điện thoại',
      value: '0277 3851 234',
      href: 'tel:02773851234',
    });
    // The CMS accepts numbers written with dots too; the link keeps only the digits.
    expect(toMarketPlace(market({ phone: '0277.385.1234' })).facts).toContainEqual({
      term: 'Điện thoại',
      value: '0277.385.1234',
      href: 'tel:02773851234',
    });
  });

  it.each([
    ['?loai=sieu-thi', 'supermarket', '/cho-va-diem-ban?loai=sieu-thi'],
    ['?loai=cho', 'traditional_market', '/cho-va-diem-ban?loai=cho'],
    ['?loai=khac', null, '/cho-va-diem-ban'],
    ['', null, '/cho-va-diem-ban'],
  ])('reads the kind from %j', (search, kind, href) => {
    const parsed = parseMarketKind(new URLSearchParams(search));
    expect(parsed).toBe(kind);
    expect(marketsHref(parsed)).toBe(href);
  });
});
