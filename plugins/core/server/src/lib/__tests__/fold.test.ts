import { foldCode, foldVietnamese, markedWords, searchTerms, searchWords, slugify } from '../fold';

describe('foldVietnamese', () => {
  it.each([
    ['Bánh pía', 'banh pia'],
    ['ĐỒNG THÁP', 'dong thap'],
    ['Đồng Tháp', 'dong thap'],
    ['Xoài cát Hòa Lộc', 'xoai cat hoa loc'],
    ['Vú sữa Lò Rèn', 'vu sua lo ren'],
    ['Ở  ƯỚC   ỰC', 'o uoc uc'],
    ['ắằẳẵặ ấầẩẫậ ếềểễệ ốồổỗộ ớờởỡợ ứừửữự ỳýỷỹỵ ìíỉĩị', 'aaaaa aaaaa eeeee ooooo ooooo uuuuu yyyyy iiiii'],
    ['', ''],
  ])('folds %p to %p', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('folds decomposed (NFD) input like composed input', () => {
    expect(foldVietnamese('Bánh pía'.normalize('NFD'))).toBe('banh pia');
  });
});

describe('foldCode', () => {
  it.each([
    ['CDĐL-123/2024', 'cddl123/2024'],
    ['cdđl-123/2024', 'cddl123/2024'],
    ['CDDL 123/2024', 'cddl123/2024'],
    ['  CDDL123/2024  ', 'cddl123/2024'],
    ['CÐÐL–123/2024', 'cddl123/2024'],
    ['ＣＤĐＬ－１２３／２０２４', 'cddl123/2024'],
    ['CD\u200bĐL\u00a0-\u00a0123/2024', 'cddl123/2024'],
    ['Cddl\u3000123/2024', 'cddl123/2024'],
    ['ATTP-NHAP', 'attpnhap'],
    ['12/2024', '12/2024'],
    ['Giấy số 5', 'giayso5'],
    ['', ''],
  ])('folds %p to %p', (input, expected) => {
    expect(foldCode(input)).toBe(expected);
  });

  it('keeps slashes and dots apart from dashes', () => {
    expect(foldCode('12/2024')).not.toBe(foldCode('1-22024'));
    expect(foldCode('1.2')).not.toBe(foldCode('12'));
  });

  it('folds decomposed input like composed input', () => {
    expect(foldCode('CDĐL Hòa Lộc'.normalize('NFD'))).toBe(foldCode('CDĐL Hòa Lộc'));
  });
});

describe('slugify', () => {
  it.each([
    ['Bánh pía sầu riêng trứng muối', 'banh-pia-sau-rieng-trung-muoi'],
    ['  Nem Lai Vung (500g) ', 'nem-lai-vung-500g'],
    ['Đặc sản Đồng Tháp!', 'dac-san-dong-thap'],
  ])('slugifies %p', (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });
});

describe('searchTerms', () => {
  it('splits, folds and drops LIKE wildcards', () => {
    expect(searchTerms('  Bánh   PÍA %_ ')).toEqual(['banh', 'pia']);
  });
});

describe('searchWords', () => {
  it.each([
    ['Nem Lai Vung (500g)', ['nem', 'lai', 'vung', '500g']],
    ['Sầu riêng Ri6 – loại 1', ['sau', 'rieng', 'ri6', 'loai', '1']],
    ['ĐẬU PHỘNG, rang muối!', ['dau', 'phong', 'rang', 'muoi']],
    ['bánh%pía_ 100%', ['banh', 'pia', '100']],
    ['  ', []],
    [`a ${'x'.repeat(41)} b`, ['a', 'b']],
  ])('splits %p into %p', (input, expected) => {
    expect(searchWords(input)).toEqual(expected);
  });
});

describe('markedWords', () => {
  it.each([
    ['Dứa mật', ['duwas', 'maatj']],
    ['Kẹo dừa', ['keoj', 'duwaf']],
    ['thịt lợn', ['thitj', 'lownj']],
    ['thịt heo', ['thitj']],
    ['Đồng Tháp', ['ddoongf', 'thaps']],
    ['Bánh pía ST25', ['banhs', 'pias']],
    ['Ặc ở ữ', ['awcj', 'owr', 'uwx']],
  ])('spells the marked words of %p as %p', (input, expected) => {
    expect(markedWords(input)).toEqual(expected);
  });
});
