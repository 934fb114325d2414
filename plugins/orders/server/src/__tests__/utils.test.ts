import { orderCode, ORDER_CODE } from '../utils/order-code';
import { canonicalJson, requestHash } from '../utils/request-hash';
import { normaliseContactPhone } from '@sgd/contracts';

describe('orderCode', () => {
  it.each([
    ['2026-12-01T10:00:00.000Z', 'DH261201-'],
    ['2026-12-01T16:59:59.000Z', 'DH261201-'],
    ['2026-12-01T17:00:00.000Z', 'DH261202-'], // midnight in Vietnam
    ['2026-12-31T18:00:00.000Z', 'DH270101-'],
  ])('dates %s as the day in Vietnam (%s)', (iso, prefix) => {
    const code = orderCode(new Date(iso));
    expect(code.startsWith(prefix)).toBe(true);
    expect(code).toMatch(ORDER_CODE);
  });

  it('uses no letters that are easy to misread', () => {
    const code = orderCode(new Date('2026-12-01T10:00:00Z'), () => Buffer.from([18, 21, 24, 27, 31, 0]));
    expect(code).toBe('DH261201-JNRVZ0');
  });
});

describe('requestHash', () => {
  it.each([
    [
      { a: 1, b: [1, 2] },
      { b: [1, 2], a: 1 },
    ],
    [{ x: { z: 1, y: 'ă' } }, { x: { y: 'ă', z: 1 } }],
    [{ a: 1, b: undefined }, { a: 1 }],
  ])('is the same for the same data in another key order', (left, right) => {
    expect(requestHash(left)).toBe(requestHash(right));
  });

  it.each([
    [{ items: [{ quantity: 1 }] }, { items: [{ quantity: 2 }] }],
    [{ a: [1, 2] }, { a: [2, 1] }],
    [{ a: null }, { a: '' }],
    [{ a: '1' }, { a: 1 }],
  ])('differs when the data differ', (left, right) => {
    expect(requestHash(left)).not.toBe(requestHash(right));
  });

  it('writes canonical JSON', () => {
    expect(canonicalJson({ b: [{ d: 1, c: null }], a: 'x' })).toBe('{"a":"x","b":[{"c":null,"d":1}]}');
  });
});

describe('normaliseContactPhone', () => {
  it.each([
    ['0912 345 678', '0912345678'],
    ['+84 912.345.678', '0912345678'],
    ['(0273) 3872 123', '02733872123'],
    ['091234567', null],
    ['0912-345-678-9999', null],
    ['abc', null],
  ])('%s → %s', (input, expected) => {
    expect(normaliseContactPhone(input)).toBe(expected);
  });
});
