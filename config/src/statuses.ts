/**
 * Trạng thái xác minh, kiểm duyệt và các loại mã khác mà cán bộ đọc trong trang quản trị và người dùng
 * đọc trên trang công khai: mã lưu trong cơ sở dữ liệu, tên tiếng Việt để hiển thị.
 */

/** Xác minh chủ thể kinh doanh, giấy phép do sở phụ trách thực hiện. */
export const VERIFICATION_STATES = [
  { code: 'draft', name: 'Chưa gửi xác minh' },
  { code: 'pending', name: 'Chờ xác minh' },
  { code: 'supplement_requested', name: 'Chờ bổ sung' },
  { code: 'verified', name: 'Đã xác minh' },
  { code: 'rejected', name: 'Bị từ chối' },
  { code: 'locked', name: 'Bị khóa' },
] as const;

/** Kiểm duyệt nội dung người bán, người dùng đăng (sản phẩm, tin, đánh giá, bình luận…). */
export const MODERATION_STATES = [
  { code: 'draft', name: 'Chưa gửi duyệt' },
  { code: 'pending', name: 'Chờ duyệt' },
  { code: 'supplement_requested', name: 'Chờ bổ sung' },
  { code: 'approved', name: 'Đã duyệt' },
  { code: 'rejected', name: 'Bị từ chối' },
  { code: 'locked', name: 'Bị khóa' },
] as const;

/** Tin cung cầu: nhu cầu mua hay bán. */
export const SUPPLY_DEMAND_KINDS = [
  { code: 'buy', name: 'Cần mua' },
  { code: 'sell', name: 'Cần bán' },
] as const;

/** Cấp đơn vị hành chính (từ 01/7/2025 chỉ còn hai cấp). */
export const ADMINISTRATIVE_LEVELS = [
  { code: 'province', name: 'Tỉnh' },
  { code: 'commune', name: 'Xã, phường, đặc khu' },
] as const;
