import { describeMatches, findBannedGoods } from '../utils/banned-goods';

describe('findBannedGoods', () => {
  it.each([
    ['Thuốc lá điện tử vị xoài', ['e_cigarettes']],
    ['THUOC LA DIEN TU', ['e_cigarettes']],
    ['Bán cao hổ và mật gấu nguyên chất', ['wildlife']],
    ['Pháo nổ Tết, ma túy đá', ['narcotics', 'weapons']],
    ['Bổ sung năng lượng, sung túc', []],
    ['Sừng trâu mỹ nghệ', []],
    ['Cần sang nhượng cửa hàng', []],
  ])('%s → %j', (text, codes) => {
    expect(findBannedGoods([text]).map((m) => m.code)).toEqual(codes);
  });

  it('reads every text and names the keywords found', () => {
    const matches = findBannedGoods(['Tinh dầu', null, 'dùng cho vape và pod system']);
    expect(matches).toEqual([
      {
        code: 'e_cigarettes',
        name: 'Thuốc lá điện tử, thuốc lá nung nóng',
        keywords: ['vape', 'pod system'],
      },
    ]);
    expect(describeMatches(matches)).toBe(
      'Thuốc lá điện tử, thuốc lá nung nóng: từ khóa "vape", "pod system" (QC Điều 17.2)',
    );
    expect(describeMatches([])).toBeNull();
  });
});
