import { collationKey } from '../collation';

const icu = new Intl.Collator('vi');
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const byKey = (a: string, b: string) => {
  const [x, y] = [collationKey(a), collationKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** Names as sellers write them: tones, capitals, digits, units, punctuation. */
const NAMES = [
  'Bánh pía sầu riêng',
  'BÁNH PÍA Kim Sa',
  'Bánh phồng tôm Sa Giao',
  'Bánh bò',
  'Bánh Bò',
  'bánh bò',
  'Bưởi da xanh',
  'Búp bê',
  'Cá tra phi lê',
  'Cà phê rang xay',
  'Cam sành',
  'Chôm chôm Java',
  'Chanh không hạt',
  'Dừa xiêm',
  'Đậu phộng rang',
  'Dưa hấu',
  'Đường thốt nốt',
  'Ếch đồng',
  'Gạo thơm ST25',
  'Gạo thơm ST24',
  'Gạo 504',
  'Hủ tiếu Mỹ Tho',
  'Hạt sen sấy',
  'Khóm Tân Lập',
  'Kẹo dừa',
  'Mắm cá linh',
  'Mật ong hoa nhãn',
  'Nem Lai Vung',
  'Nước cốt dừa',
  'Ổi ruột đỏ',
  'Ốc bươu',
  'Ơn trời',
  'Quýt hồng Lai Vung',
  'Sầu riêng Ri6',
  'Thanh long ruột đỏ',
  'Trà sen Tháp Mười',
  'Tôm càng xanh',
  'Ưu đãi',
  'Vú sữa Lò Rèn',
  'Xoài cát Hòa Lộc',
  'Xoài cát chu',
  'Yến sào',
  'Nem (500g)',
  'Nem - loại 1',
  'Nem, loại 2',
  'Nem: hộp 1kg',
  'Nem hộp 500g',
  'Nem "Lai Vung"',
  'Nem ‘Lai Vung’',
  'Nem “Lai Vung”',
  'Nem – đặc biệt',
  'Nem 100% heo',
  'Nem & chả',
  'Nem/chả',
  'Nem + chả',
  'Nem₫',
  'Nem²',
  '10 kg gạo',
  '9 kg gạo',
  '½ kg',
  'a',
  'à',
  'ả',
  'ã',
  'á',
  'ạ',
  'ă',
  'ằ',
  'ẳ',
  'ẵ',
  'ắ',
  'ặ',
  'â',
  'ầ',
  'ẩ',
  'ẫ',
  'ấ',
  'ậ',
  'A',
  'À',
  'Ả',
  'Ã',
  'Á',
  'Ạ',
  'Ă',
  'Ằ',
  'Ẳ',
  'Ẵ',
  'Ắ',
  'Ặ',
  'Â',
  'Ầ',
  'Ẩ',
  'Ẫ',
  'Ấ',
  'Ậ',
  'd',
  'D',
  'đ',
  'Đ',
  'e',
  'ê',
  'Ê',
  'ế',
  'o',
  'ô',
  'ơ',
  'ờ',
  'Ợ',
  'u',
  'ư',
  'ữ',
  'Ự',
  'y',
  'ỳ',
  'Ỵ',
  'ab',
  'a b',
  'a-b',
  'a_b',
  'a1',
  'Ab',
  'aB',
  'ĐÀ',
  'Da',
  'dđ',
  'dz',
  'ch',
  'cz',
  'ng',
  'nz',
  'tr',
  'tz',
  'Cafe',
  'Café',
  'cafe',
  'CAFE',
  'façade',
  'facade',
  'jam',
  'wine',
  'zen',
];

describe('collationKey', () => {
  it('orders D, Đ and E as Vietnamese does (Đ between D and E)', () => {
    expect(['Em', 'Đỗ', 'Dừa', 'Đào', 'Dân'].sort(byKey)).toEqual(['Dân', 'Dừa', 'Đào', 'Đỗ', 'Em']);
  });

  it('orders tones huyền, hỏi, ngã, sắc, nặng after the plain letter', () => {
    expect(['má', 'mạ', 'ma', 'mả', 'mà', 'mã'].sort(byKey)).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
  });

  it('puts a letter difference before any tone difference, and a tone before the case', () => {
    expect(['Bánh', 'banh', 'bánh', 'Banh', 'bành', 'bao'].sort(byKey)).toEqual([
      'banh',
      'Banh',
      'bành',
      'bánh',
      'Bánh',
      'bao',
    ]);
  });

  it('gives text that is the same in NFC and NFD the same key', () => {
    expect(collationKey('Bánh pía Sầu Riêng'.normalize('NFD'))).toBe(collationKey('Bánh pía Sầu Riêng'));
  });

  it('agrees with Intl.Collator("vi") on every pair of sample names', () => {
    const disagreements: string[] = [];
    for (const a of NAMES) {
      for (const b of NAMES) {
        const expected = sign(icu.compare(a, b));
        if (byKey(a, b) !== expected) disagreements.push(`${a} ? ${b}: ICU ${expected}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees with Intl.Collator("vi") on random Vietnamese strings', () => {
    const alphabet = [...'aàảãáạăằắặâầấậbcdđeèéêềếệghiìíklmnoòóôồốơờớợpqrstuùúưừứựvxyỳý AĂÂĐÊÔƠƯ-,.0129'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const strings = Array.from({ length: 400 }, () =>
      Array.from(
        { length: 1 + Math.floor(random() * 8) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join(''),
    );
    // Names equal under ICU may come in either order: every neighbour must be in ICU's order.
    const sorted = [...strings].sort(byKey);
    const disorders = sorted.slice(1).filter((b, i) => icu.compare(sorted[i], b) > 0);
    expect(disorders).toEqual([]);
  });
});
