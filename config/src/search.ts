/**
 * Tìm kiếm: từ địa phương và ngưỡng sửa lỗi gõ. Sửa danh sách này để thay đổi; không cần sửa mã.
 */

/**
 * Từ cùng nghĩa giữa các miền (và cách gọi khác thường gặp). Tìm một từ trong nhóm cũng tìm các từ
 * còn lại, theo cả hai chiều: "thịt lợn" tìm được "thịt heo" và ngược lại. Một mục có thể là cụm từ
 * ("đậu phộng"). Gõ có dấu thì so đúng dấu ("lớn" không phải "lợn"); gõ không dấu thì so không dấu.
 */
export const REGIONAL_WORDS: readonly (readonly string[])[] = [
  ['heo', 'lợn'],
  ['bắp', 'ngô'],
  ['thơm', 'dứa', 'khóm'],
  ['trái', 'quả'],
  ['trái cây', 'hoa quả'],
  ['đậu phộng', 'lạc'],
  ['mè', 'vừng'],
  ['khoai mì', 'sắn'],
  ['mận', 'roi'],
  ['mãng cầu', 'na'],
  ['khổ qua', 'mướp đắng'],
  ['bí đỏ', 'bí ngô'],
  ['dưa leo', 'dưa chuột'],
  ['bột ngọt', 'mì chính'],
  ['vịt xiêm', 'ngan'],
  ['cá lóc', 'cá quả'],
  ['bánh tráng', 'bánh đa'],
  ['xà bông', 'xà phòng'],
  ['muỗng', 'thìa'],
  ['chén', 'bát'],
  ['ly', 'cốc'],
  ['dĩa', 'đĩa'],
];

export const SEARCH_TOLERANCE = {
  /** Từ ngắn hơn thế này không được sửa lỗi gõ tự động (quá nhiều từ gần giống). */
  minLetters: 4,
  /** Từ từ độ dài này trở lên được sửa tối đa 2 lỗi (thêm, bớt, thay, đảo hai chữ); ngắn hơn: 1 lỗi. */
  twoEditsFrom: 8,
  /** Khi tìm đúng từ gõ được ít hơn chừng này kết quả, tìm thêm theo từ đã sửa lỗi gõ. */
  fewResults: 3,
  /** Số từ gợi ý tối đa cho mỗi từ gõ sai. */
  alternatives: 3,
} as const;

/**
 * Tìm theo từ khóa đếm kết quả đến chừng này thì thôi ("hơn 1.000 sản phẩm"): đếm phải đọc từng kết
 * quả, một từ phổ biến khớp hàng chục nghìn sản phẩm mà không ai xem hết.
 */
export const SEARCH_COUNT_LIMIT = 1000;

/** Gợi ý khi gõ vào ô tìm kiếm: tối đa chừng này tên. */
export const AUTOCOMPLETE_LIMIT = 10;
