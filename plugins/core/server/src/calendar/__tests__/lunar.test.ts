import { lunarToSolar, solarToLunar } from '../lunar';

const solar = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
};

describe('Vietnamese lunar calendar (UTC+7)', () => {
  test.each([
    [1985, '1985-01-21'], // China: 1985-02-20 (UTC+8 puts the new moon on another day)
    [2007, '2007-02-17'], // China: 2007-02-18
    [2020, '2020-01-25'],
    [2021, '2021-02-12'],
    [2022, '2022-02-01'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
    [2030, '2030-02-02'], // China: 2030-02-03 (new moon at 23:07 in Vietnam, 00:07 in China)
  ])('Tết %i falls on %s', (year, date) => {
    expect(lunarToSolar(year, 1, 1)).toEqual(solar(date));
    expect(solarToLunar(...(date.split('-').map(Number) as [number, number, number]))).toEqual({
      year,
      month: 1,
      day: 1,
      leap: false,
    });
  });

  test.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])('Giỗ Tổ Hùng Vương (10/3 lunar) %i is %s', (year, date) => {
    expect(lunarToSolar(year, 3, 10)).toEqual(solar(date));
  });

  test('leap months: 2023 repeats month 2, 2025 month 6; a leap month a year lacks does not exist', () => {
    expect(lunarToSolar(2023, 2, 1, true)).toEqual(solar('2023-03-22'));
    expect(lunarToSolar(2025, 6, 1, true)).toEqual(solar('2025-07-25'));
    expect(solarToLunar(2025, 7, 25)).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(lunarToSolar(2025, 5, 1, true)).toBeNull();
    expect(lunarToSolar(2026, 6, 1, true)).toBeNull();
  });

  test('solar → lunar → solar is the identity over 2020–2030', () => {
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2031, 0, 1); t += 86400000 * 3) {
      const d = new Date(t);
      const s = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
      const l = solarToLunar(s.year, s.month, s.day);
      expect(lunarToSolar(l.year, l.month, l.day, l.leap)).toEqual(s);
    }
  });
});
