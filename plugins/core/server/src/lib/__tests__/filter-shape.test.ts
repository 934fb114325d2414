import { checkFilterShape } from '../public-api';

const nested = (depth: number): Record<string, unknown> =>
  depth === 0 ? { name: { $eq: 'x' } } : { $and: [nested(depth - 1)] };

describe('checkFilterShape', () => {
  it.each([
    ['no filters', undefined],
    ['a plain value', { name: 'Xoài' }],
    ['an operator', { name: { $containsi: 'xoai' } }],
    ['a relation', { seller: { slug: { $eq: 'a' } } }],
    ['a list operator as an array', { id: { $in: ['1', '2'] } }],
    ['a list operator as qs turns long arrays into objects', { id: { $in: { 0: '1', 30: '2' } } }],
    ['logical operators', { $or: [{ name: { $eq: 'a' } }, { $not: { slug: { $null: 'true' } } }] }],
    ['nesting within the limit', nested(3)],
  ])('accepts %s', (_label, filters) => {
    expect(() => checkFilterShape(filters)).not.toThrow();
  });

  it.each([
    [
      'an operator holding an operator',
      { name: { $eq: { $ne: '1' } } },
      'giá trị của $eq phải là một giá trị đơn.',
    ],
    ['an operator holding an object', { id: { $gt: { a: 1 } } }, 'giá trị của $gt phải là một giá trị đơn.'],
    ['a list of objects', { id: { $in: [{ $ne: null }] } }, 'giá trị của $in phải là một giá trị đơn.'],
    ['deep nesting', nested(10), 'bộ lọc lồng quá sâu.'],
    [
      'too many conditions',
      { $or: Array.from({ length: 150 }, (_, i) => ({ name: String(i) })) },
      'tối đa 100 điều kiện lọc.',
    ],
  ])('refuses %s with a Vietnamese 400', (_label, filters, detail) => {
    expect(() => checkFilterShape(filters)).toThrow(`Tham số truy vấn không hợp lệ: ${detail}`);
  });
});
