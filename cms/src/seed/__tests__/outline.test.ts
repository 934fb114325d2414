import { outlineOf } from '../outline';

describe('outlineOf', () => {
  it('lists chapters and articles with stable anchors', () => {
    const md = [
      '# Chương I — QUY ĐỊNH CHUNG',
      '## Điều 1. Phạm vi điều chỉnh',
      'Quy chế này quy định…',
      '## Điều 12. Chủ thể sản xuất/kinh doanh (người bán)',
      '# Chương IV — TRÁCH NHIỆM',
      '## Phụ lục',
    ].join('\n');
    expect(outlineOf(md)).toEqual([
      { level: 1, title: 'Chương I — QUY ĐỊNH CHUNG', anchor: 'chuong-i' },
      { level: 2, title: 'Điều 1. Phạm vi điều chỉnh', anchor: 'dieu-1' },
      { level: 2, title: 'Điều 12. Chủ thể sản xuất/kinh doanh (người bán)', anchor: 'dieu-12' },
      { level: 1, title: 'Chương IV — TRÁCH NHIỆM', anchor: 'chuong-iv' },
      { level: 2, title: 'Phụ lục', anchor: 'phu-luc' },
    ]);
  });
});
