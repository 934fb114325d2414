import { checkFieldNames, checkPublicFields } from '../public-api';

const schema = {
  attributes: {
    name: { type: 'string' },
    price: { type: 'decimal' },
    citizenId: { type: 'string', private: true },
    seller: { type: 'relation' },
    images: { type: 'media' },
  },
};
const refused = (name: string) =>
  `Tham số truy vấn không hợp lệ: trường "${name}" không tồn tại hoặc không được phép truy vấn.`;

describe('checkFieldNames', () => {
  it.each([
    ['no query', {}],
    ['fields as a list', { fields: ['name', 'price'] }],
    ['fields as text', { fields: 'name,price' }],
    ['a sort', { sort: ['name:asc', 'seller.name:desc'] }],
    ['a sort as an object', { sort: { name: 'asc' } }],
    ['a value that is a prototype name', { filters: { name: { $eq: 'constructor' } }, q: 'toString' }],
  ])('accepts %s', (_label, query) => {
    expect(() => checkFieldNames(query)).not.toThrow();
  });

  it.each([
    ['__proto__ in fields', { fields: ['__proto__'] }, '__proto__'],
    ['constructor as text', { fields: 'name,constructor' }, 'constructor'],
    ['toString as qs makes long lists', { fields: { 0: 'name', 40: 'toString' } }, 'toString'],
    ['a sort on valueOf', { sort: 'valueOf:asc' }, 'valueOf'],
    ['a sort through a relation', { sort: ['seller.hasOwnProperty'] }, 'hasOwnProperty'],
    ['fields inside a populate', { populate: { role: { fields: ['isPrototypeOf'] } } }, 'isPrototypeOf'],
  ])('refuses %s', (_label, query, name) => {
    expect(() => checkFieldNames(query)).toThrow(refused(name));
  });
});

describe('checkPublicFields', () => {
  it('accepts the public scalar attributes', () => {
    expect(() => checkPublicFields(schema, ['name', 'price'])).not.toThrow();
    expect(() => checkPublicFields(schema, undefined)).not.toThrow();
  });

  it.each([
    ['an inherited name', '__proto__'],
    ['constructor', 'constructor'],
    ['an unknown attribute', 'ten'],
    ['a private attribute', 'citizenId'],
    ['a relation', 'seller'],
    ['media', 'images'],
  ])('refuses %s', (_label, name) => {
    expect(() => checkPublicFields(schema, [name])).toThrow(refused(name));
  });
});
