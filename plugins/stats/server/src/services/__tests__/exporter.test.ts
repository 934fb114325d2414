import { sheetName, tableToCsv } from '../exporter';
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
});

describe('sheet names', () => {
  it.each([
    ['Đơn hàng theo tháng đặt', 'Đơn hàng theo tháng đặt'],
    ['Khiếu nại mở trong kỳ theo trạng thái', 'Khiếu nại mở trong kỳ theo trạn'],
    ['Tỷ lệ: đúng hạn / quá hạn [%]', 'Tỷ lệ  đúng hạn   quá hạn  %'],
  ])('%s → %s', (title, name) => {
    expect(sheetName(title)).toBe(name);
  });
});
