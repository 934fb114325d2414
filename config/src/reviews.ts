/**
 * Đánh giá và bình luận (QC Điều 10.3, 25.4): giới hạn độ dài, giới hạn số lần gửi và danh sách từ ngữ
 * cần cán bộ xem xét. Danh sách từ ngữ không chặn nội dung: nội dung có từ trong danh sách vẫn được gửi,
 * nhưng được gắn cờ để cán bộ kiểm duyệt thấy ngay trong hồ sơ.
 */

export const REVIEW_LIMITS = {
  /** Số sao tối thiểu và tối đa cho sản phẩm và người bán. */
  minStars: 1,
  maxStars: 5,
  /** Độ dài nội dung (ký tự, sau khi bỏ khoảng trắng thừa). */
  reviewText: { min: 10, max: 2000 },
  commentText: { min: 2, max: 1000 },
  answerText: { min: 2, max: 1000 },
  /** Mỗi tài khoản gửi tối đa `writes` đánh giá, bình luận và trả lời trong `windowMinutes` phút. */
  writes: 10,
  windowMinutes: 60,
} as const;

/**
 * Từ ngữ cần cán bộ xem xét, so khớp không phân biệt hoa thường và dấu ("lua dao" khớp "lừa đảo"),
 * theo nguyên từ (cụm từ được). Sửa danh sách này để thay đổi; không cần sửa mã.
 */
export const BANNED_WORDS: readonly string[] = [
  'lừa đảo',
  'hàng giả',
  'hàng nhái',
  'ma túy',
  'cờ bạc',
  'đánh bạc',
  'đồ ngu',
  'ngu dốt',
  'vô học',
  'súc vật',
  'mất dạy',
];
