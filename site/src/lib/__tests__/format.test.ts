import { formatDate, formatDecimal, formatPrice, formatVnd, todayInVietnam } from '../format';

/** Intl puts a no-break space before the currency sign. */
const plain = (value: string | null) => value?.replace(/\u00a0/g, ' ') ?? null;

describe('formatVnd', () => {
  it.each([
    [76000, '76.000 ₫'],
    ['76000', '76.000 ₫'],
    ['1250000', '1.250.000 ₫'],
    [0, '0 ₫'],
    // Beyond Number.MAX_SAFE_INTEGER: Strapi sends big integers as strings, kept exact.
    ['9007199254740993', '9.007.199.254.740.993 ₫'],
  ])('formats %p as %s', (value, expected) => {
    expect(plain(formatVnd(value))).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['không rõ']])('answers null for %p', (value) => {
    expect(formatVnd(value)).toBeNull();
  });
});

describe('formatPrice', () => {
  it.each([
    [{ price: '76000', unit: 'kg' }, '76.000 ₫ / kg'],
    [{ price: null, priceMin: 50000, priceMax: '80000', unit: 'hộp' }, '50.000 ₫ – 80.000 ₫ / hộp'],
    [{ priceMin: 50000, priceMax: 50000 }, '50.000 ₫'],
    [{ priceMin: '50000' }, 'Từ 50.000 ₫'],
    [{ priceMax: '80000', unit: 'kg' }, 'Đến 80.000 ₫ / kg'],
    [{ price: null, priceMin: null, priceMax: null, unit: 'kg' }, 'Liên hệ'],
  ])('shows %p as %s', (input, expected) => {
    expect(plain(formatPrice(input))).toBe(expected);
  });
});

describe('formatDate', () => {
  it('shows a date as written, dd/mm/yyyy', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
  });

  it('shows a timestamp as the date in Vietnam', () => {
    expect(formatDate('2025-06-30T20:00:00.000Z')).toBe('01/07/2025');
    expect(formatDate('2025-06-30T16:59:59.000Z')).toBe('30/06/2025');
  });

  it.each([[null], [undefined], [''], ['hôm qua']])('answers null for %p', (value) => {
    expect(formatDate(value)).toBeNull();
  });
});

describe('formatDecimal and todayInVietnam', () => {
  it('uses a decimal comma', () => {
    expect(formatDecimal('12.5')).toBe('12,5');
    expect(formatDecimal(3)).toBe('3');
  });

  it('turns the date at 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });
});
