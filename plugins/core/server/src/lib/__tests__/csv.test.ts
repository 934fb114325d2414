import { csvFile, csvLine, csvStream } from '../csv';

describe('csvLine', () => {
  it.each([
    [null, '\r\n'],
    [12, '12\r\n'],
    [-5, '-5\r\n'],
    [true, 'true\r\n'],
    ['Bánh pía', 'Bánh pía\r\n'],
    ['Chợ Cao Lãnh, phường 1', '"Chợ Cao Lãnh, phường 1"\r\n'],
    ['Xoài "cát" Hòa Lộc', '"Xoài ""cát"" Hòa Lộc"\r\n'],
    ['dòng 1\ndòng 2', '"dòng 1\ndòng 2"\r\n'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"\r\n`],
    ['@SUM(A1)', "'@SUM(A1)\r\n"],
    ['+84 912 345 678', "'+84 912 345 678\r\n"],
    ['-1+1', "'-1+1\r\n"],
    ['\tlệnh', "'\tlệnh\r\n"],
  ])('writes %p as %p', (value, expected) => {
    expect(csvLine([value])).toBe(expected);
  });

  it('separates fields with commas and leaves empty values empty', () => {
    expect(csvLine(['a', null, 3, undefined])).toBe('a,,3,\r\n');
  });
});

describe('csvFile', () => {
  it('starts with a byte-order mark, then the header, then the rows', () => {
    const file = csvFile(['Tên, loại', 'Số'], [['=1+1', 2]]).toString('utf8');
    expect(file).toBe('\uFEFF"Tên, loại",Số\r\n\'=1+1,2\r\n');
  });
});

describe('csvStream', () => {
  it('writes the same file line by line', async () => {
    async function* rows() {
      yield ['Hộ kinh doanh', 1];
      yield ['@cmd', null];
    }
    const chunks: string[] = [];
    for await (const chunk of csvStream(['Loại', 'Số'], rows())) chunks.push(chunk);
    expect(chunks).toEqual(['\uFEFFLoại,Số\r\n', 'Hộ kinh doanh,1\r\n', "'@cmd,\r\n"]);
  });
});
