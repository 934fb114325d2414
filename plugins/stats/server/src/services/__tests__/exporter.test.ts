import { addTableSheet, newWorkbook, sheetName, tableToCsv } from '../exporter';
import type { StatTable } from '../types';

const table = (rows: StatTable['rows']): StatTable => ({
  key: 't',
  title: 'Bảng thử',
  section: 'orders',
  columns: [
    { key: 'name', label: 'Tên, loại', type: 'text' },
    { key: 'month', label: 'Tháng', type: 'month' },
    { key: 'value', label: 'Số', type: 'decimal' },
  ],
  rows,
});

describe('CSV', () => {
  it('starts with a byte-order mark, quotes what needs quoting and writes months as MM/YYYY', () => {
    const csv = tableToCsv(
      table([
        { name: 'Hộ kinh doanh', month: '2026-03', value: 2.5 },
        { name: 'Cửa hàng "Minh", chợ', month: '2026-11', value: null },
      ]),
    ).toString('utf8');
    expect(csv).toBe(
      '\uFEFF"Tên, loại",Tháng,Số\r\nHộ kinh doanh,03/2026,2.5\r\n"Cửa hàng ""Minh"", chợ",11/2026,\r\n',
    );
  });

  it('neutralises text a spreadsheet would run as a formula (CSV injection)', () => {
    const csv = tableToCsv(
      table([
        { name: '=HYPERLINK("http://x","Bấm")', month: '2026-03', value: -2 },
        { name: '@SUM(A1:A9)', month: null, value: 1 },
        { name: '+84 912', month: null, value: 0 },
        { name: '-1+1', month: null, value: 0 },
      ]),
    ).toString('utf8');
    expect(csv.split('\r\n').slice(1, 5)).toEqual([
      '"\'=HYPERLINK(""http://x"",""Bấm"")",03/2026,-2',
      "'@SUM(A1:A9),,1",
      "'+84 912,,0",
      "'-1+1,,0",
    ]);
  });
});

describe('sheet names', () => {
  it.each([
    ['Đơn hàng theo tháng đặt', 'Đơn hàng theo tháng đặt'],
    ['Khiếu nại mở trong kỳ theo trạng thái', 'Khiếu nại mở trong kỳ theo'],
    ['Hồ sơ kiểm duyệt theo cán bộ', 'Hồ sơ kiểm duyệt theo cán bộ'],
    ['Tỷ lệ: đúng hạn / quá hạn [%]', 'Tỷ lệ đúng hạn quá hạn %'],
    ['Giấyphépchứngnhậnsắphếthạntheoloại', 'Giấyphépchứngnhậnsắphếthạntheol'],
  ])('%s → %s', (title, name) => {
    expect(sheetName(title)).toBe(name);
    expect(name.length).toBeLessThanOrEqual(31);
  });

  it('gives two tables with the same beginning two different sheets', () => {
    const workbook = newWorkbook();
    addTableSheet(workbook, { ...table([]), title: 'Khiếu nại mở trong kỳ theo trạng thái' });
    addTableSheet(workbook, { ...table([]), title: 'Khiếu nại mở trong kỳ theo tháng mở' });
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Khiếu nại mở trong kỳ theo',
      'Khiếu nại mở trong kỳ theo (2)',
    ]);
  });
});
