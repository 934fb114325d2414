import {
  datesInOrder,
  isCitizenId,
  isEmail,
  isEnterpriseCode,
  isPhone,
  latitudeCheck,
  longitudeCheck,
  polygonCheck,
} from '../validators';

describe('Vietnamese identifier checks', () => {
  it.each([
    ['0912345678', true],
    ['+84912345678', true],
    ['0273 3872 345', true],
    ['02733872345', true],
    ['0123456789', false],
    ['091234567', false],
    ['phone', false],
  ])('phone %p valid=%p', (value, valid) => {
    expect(isPhone(value) === null).toBe(valid);
  });

  it.each([
    ['1201234567', true],
    ['1201234567-001', true],
    ['1201234567001', true],
    ['120123456', false],
    ['12012345678', false],
    ['12O1234567', false],
  ])('enterprise code %p valid=%p', (value, valid) => {
    expect(isEnterpriseCode(value) === null).toBe(valid);
  });

  it.each([
    ['082123456789', true],
    ['08212345678', false],
    ['0821234567890', false],
  ])('citizen ID %p valid=%p', (value, valid) => {
    expect(isCitizenId(value) === null).toBe(valid);
  });

  it('accepts empty optional values', () => {
    expect(isPhone(null)).toBeNull();
    expect(isEmail('')).toBeNull();
  });

  it('rejects a malformed email with a Vietnamese message', () => {
    expect(isEmail('a@b')).toBe('Địa chỉ email không hợp lệ.');
  });

  it.each([
    [10.36, 106.36, true],
    [21.03, 105.85, true],
    [1.29, 103.85, false],
    [35.68, 139.69, false],
  ])('coordinate %p,%p inside Vietnam=%p', (lat, lng, inside) => {
    expect((latitudeCheck(lat) ?? longitudeCheck(lng)) === null).toBe(inside);
  });

  it('checks polygons point by point', () => {
    expect(
      polygonCheck([
        [10.3, 106.3],
        [10.31, 106.3],
        [10.31, 106.31],
      ]),
    ).toBeNull();
    expect(polygonCheck([[10.3, 106.3]])).toMatch(/ít nhất 3 điểm/);
    expect(
      polygonCheck([
        [10.3, 106.3],
        [10.31, 106.3],
        [40, 106.31],
      ]),
    ).toMatch(/Vĩ độ/);
  });

  it('requires dates in order', () => {
    expect(datesInOrder('2024-01-01', '2027-01-01', 'sai')).toBeNull();
    expect(datesInOrder('2027-01-01', '2024-01-01', 'sai')).toBe('sai');
    expect(datesInOrder('2024-01-01', '2024-01-01', 'sai')).toBe('sai');
    expect(datesInOrder('2024-01-01', null, 'sai')).toBeNull();
  });
});
