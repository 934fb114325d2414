import { csvField, csvLine } from '../csv';

describe('csvField', () => {
  it.each([
    [null, ''],
    [12, '12'],
    [true, 'true'],
    ['Bánh pía', 'Bánh pía'],
    ['Chợ Cao Lãnh, phường 1', '"Chợ Cao Lãnh, phường 1"'],
    ['Xoài "cát" Hòa Lộc', '"Xoài ""cát"" Hòa Lộc"'],
    ['dòng 1\ndòng 2', '"dòng 1\ndòng 2"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%p is written %p', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('ends a line with CRLF', () => {
    expect(csvLine(['a', null, 3])).toBe('a,,3\r\n');
  });
});
