import { boardHref, parseBoardQuery, toPostView } from '../board';

describe('supply–demand board URL', () => {
  it.each([
    ['', { kind: null, page: 1 }],
    ['loai=mua', { kind: 'buy', page: 1 }],
    ['loai=ban&page=3', { kind: 'sell', page: 3 }],
    ['loai=thue&page=-2', { kind: null, page: 1 }],
    ['page=1.5', { kind: null, page: 1 }],
  ])('reads %p', (search, expected) => {
    expect(parseBoardQuery(new URLSearchParams(search))).toEqual(expected);
  });

  it.each([
    [null, 1, '/cung-cau'],
    ['buy', 1, '/cung-cau?loai=mua'],
    ['sell', 2, '/cung-cau?loai=ban&page=2'],
    [null, 4, '/cung-cau?page=4'],
  ] as const)('links kind %p page %p to %s', (kind, page, expected) => {
    expect(boardHref(kind, page)).toBe(expected);
  });
});

describe('a post on the board', () => {
  it('shows the quantity with its unit and the price with its note', () => {
    const view = toPostView({
      id: 1,
      documentId: 'abc',
      kind: 'sell',
      title: 'Bán xoài cát',
      slug: 'ban-xoai-cat',
      quantity: '2.5',
      unit: 'tấn',
      price: '36000',
      priceNote: 'Giá mỗi kg tại vườn',
      validUntil: '2027-02-10',
      contactName: 'Đỗ Văn Nghĩa',
    });
    expect(view).toMatchObject({
      id: 'tin-ban-xoai-cat',
      kindLabel: 'Cần bán',
      quantity: '2,5 tấn',
      price: '36.000\u00a0₫ – Giá mỗi kg tại vườn',
      validUntil: '10/02/2027',
    });
  });
});
