import type { PasswordRules } from '@sgd/contracts';

/**
 * Tài khoản người dùng (QC Điều 8, 16): quy tắc mật khẩu, mã kích hoạt, giới hạn tần suất.
 * Dữ liệu, không phải mã: tỉnh khác chỉnh ở đây.
 */

export const PASSWORD_RULES = {
  minLength: 8,
  /** Độ dài tối đa (bcrypt chỉ dùng 72 byte đầu; mật khẩu dài hơn 72 byte bị từ chối). */
  maxLength: 128,
  maxBytes: 72,
} as const;

export const CODE_RULES = {
  digits: 6,
  /** Hiệu lực của mã, phút. */
  ttlMinutes: 10,
  /** Số lần nhập sai trước khi mã bị hủy. */
  maxAttempts: 5,
  /** Thời gian chờ trước khi gửi lại mã, giây. */
  resendCooldownSeconds: 60,
} as const;

/** Chuỗi văn bản pháp lý là chính sách bảo vệ dữ liệu cá nhân (người dùng đồng ý phiên bản hiện hành). */
export const PRIVACY_POLICY_SERIES = 'chinh-sach-bao-ve-du-lieu-ca-nhan';

/** Các loại yêu cầu của chủ thể dữ liệu (Luật Bảo vệ dữ liệu cá nhân 2025), xử lý trong 2 ngày làm việc. */
export const DATA_REQUEST_KINDS = [
  { code: 'access', name: 'Xem, cung cấp dữ liệu cá nhân' },
  { code: 'correction', name: 'Chỉnh sửa dữ liệu cá nhân' },
  { code: 'deletion', name: 'Xóa dữ liệu cá nhân' },
  { code: 'restriction', name: 'Hạn chế xử lý dữ liệu' },
  { code: 'objection', name: 'Phản đối xử lý dữ liệu' },
  { code: 'withdraw_consent', name: 'Rút lại sự đồng ý' },
] as const;

/**
 * Tệp riêng tư người bán nộp để xác thực (dữ liệu cá nhân nhạy cảm từ 1/1/2026): chỉ cơ quan xác
 * thực xem được; bản chụp CCCD bị xóa sau một thời hạn kể từ khi người bán được xác thực.
 */
export const PRIVATE_FILE_KINDS = [
  { code: 'licence_scan', name: 'Bản chụp giấy phép, chứng nhận' },
  { code: 'citizen_id_scan', name: 'Bản chụp căn cước công dân' },
] as const;
export type PrivateFileKind = (typeof PRIVATE_FILE_KINDS)[number]['code'];

/**
 * Tệp công chúng gửi lên qua API (ảnh sản phẩm, bản chụp giấy tờ): nhận biết loại thật bằng các byte
 * đầu, không theo tên hay loại khai báo; ảnh được mã hóa lại (bỏ EXIF, vị trí GPS). Các giới hạn
 * đổi được bằng biến môi trường `UPLOAD_MAX_MB`, `UPLOAD_MAX_MEGAPIXELS`, `UPLOAD_MAX_SIDE`.
 */
export const UPLOAD_RULES = {
  maxBytes: 10 * 1024 * 1024,
  maxPixels: 40_000_000,
  maxSide: 8000,
  /** Số tệp tối đa trong một yêu cầu. */
  maxFiles: 10,
  /** Đường dẫn nhận giấy tờ: ở đây PDF cũng được nhận, ngoài ảnh JPEG, PNG, WebP. */
  documentPaths: ['/api/accounts/business'],
} as const;

/**
 * Một giới hạn tần suất: tối đa `points` lần trong `duration` giây. `counts`: `requests` tính mọi yêu
 * cầu, `failures` chỉ tính yêu cầu thất bại (sai mật khẩu, sai mã), nên người đăng nhập đúng không
 * làm hết lượt của người khác.
 */
export interface RateLimit {
  points: number;
  duration: number;
  counts: 'requests' | 'failures';
}

/**
 * Đăng ký, đăng nhập và mã xác nhận, theo địa chỉ của người dùng (địa chỉ khách do trang công khai ký,
 * nếu không thì IP): đủ rộng cho cả một mạng di động dùng chung địa chỉ (CGNAT), một cơ quan, một
 * trường học (hàng trăm người một giờ); đăng nhập chỉ tính lần sai.
 */
export const AUTH_RATE_LIMITS = {
  register: { points: 300, duration: 3600, counts: 'requests' },
  activate: { points: 300, duration: 900, counts: 'failures' },
  resend: { points: 300, duration: 3600, counts: 'requests' },
  login: { points: 300, duration: 900, counts: 'failures' },
  'password-forgot': { points: 300, duration: 3600, counts: 'requests' },
  'password-reset': { points: 300, duration: 900, counts: 'failures' },
  // Phản ánh vi phạm không cần đăng nhập (QC Điều 26.2), plugin complaints dùng chung bộ đếm này.
  'violation-report': { points: 10, duration: 3600, counts: 'requests' },
} as const satisfies Record<string, RateLimit>;
export type AuthRateGroup = keyof typeof AUTH_RATE_LIMITS;

/**
 * Giới hạn theo tài khoản được nhắm tới (email hoặc số điện thoại trong yêu cầu), khai báo ở từng
 * đường dẫn: các bậc chờ tăng dần rồi tạm khóa. Đăng nhập: sau 5 lần sai trong 15 phút phải chờ hết
 * 15 phút, sau 10 lần trong một giờ phải chờ hết giờ, sau 20 lần trong một ngày bị tạm khóa một ngày
 * (đặt lại mật khẩu thành công thì mở). Các lần bị từ chối cũng được tính. Gửi mã: ít lần vì mỗi lần
 * là một thư hoặc tin nhắn tới một người.
 */
export const IDENTIFIER_RATE_LIMITS = {
  login: {
    counts: 'failures',
    tiers: [
      { points: 5, duration: 900 },
      { points: 10, duration: 3600 },
      { points: 20, duration: 86400 },
    ],
  },
  activate: { counts: 'failures', tiers: [{ points: 10, duration: 900 }] },
  'password-reset': {
    counts: 'failures',
    tiers: [
      { points: 10, duration: 900 },
      { points: 20, duration: 86400 },
    ],
  },
  register: {
    counts: 'requests',
    tiers: [
      { points: 5, duration: 3600 },
      { points: 20, duration: 86400 },
    ],
  },
  resend: {
    counts: 'requests',
    tiers: [
      { points: 5, duration: 3600 },
      { points: 20, duration: 86400 },
    ],
  },
  'password-forgot': {
    counts: 'requests',
    tiers: [
      { points: 5, duration: 3600 },
      { points: 20, duration: 86400 },
    ],
  },
} as const satisfies Record<
  string,
  { counts: RateLimit['counts']; tiers: readonly { points: number; duration: number }[] }
>;
export type IdentifierRateGroup = keyof typeof IDENTIFIER_RATE_LIMITS;

/**
 * Giới hạn tần suất theo địa chỉ cho mọi yêu cầu ghi khác vào API công khai (POST, PUT, PATCH,
 * DELETE dưới `/api/`): đủ rộng cho người dùng thật, chặn việc gửi hàng loạt (đơn hàng, đánh giá,
 * khiếu nại, tệp). Đường dẫn không thuộc nhóm nào tính vào nhóm `write`.
 */
export const WRITE_RATE_LIMITS = {
  upload: { points: 60, duration: 3600, counts: 'requests' },
  order: { points: 40, duration: 3600, counts: 'requests' },
  'order-action': { points: 120, duration: 900, counts: 'requests' },
  review: { points: 60, duration: 3600, counts: 'requests' },
  complaint: { points: 30, duration: 3600, counts: 'requests' },
  'data-request': { points: 10, duration: 3600, counts: 'requests' },
  account: { points: 120, duration: 900, counts: 'requests' },
  write: { points: 300, duration: 900, counts: 'requests' },
} as const satisfies Record<string, RateLimit>;

/** Mọi nhóm giới hạn tần suất theo địa chỉ. */
export const RATE_LIMITS: Record<RateGroup, RateLimit> = { ...AUTH_RATE_LIMITS, ...WRITE_RATE_LIMITS };
export type RateGroup = AuthRateGroup | keyof typeof WRITE_RATE_LIMITS;

/**
 * Mật khẩu phổ biến bị từ chối (so sánh không phân biệt hoa thường): các mật khẩu bị lộ nhiều nhất
 * và các mẫu quen thuộc ở Việt Nam. Ngoài danh sách này, mật khẩu chỉ gồm một ký tự lặp lại, một dãy
 * số hoặc chữ liên tiếp, hoặc chứa email, số điện thoại của chính người dùng cũng bị từ chối.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  '12345678',
  '123456789',
  '1234567890',
  '0123456789',
  '11111111',
  '00000000',
  '88888888',
  '66666666',
  '12341234',
  '11223344',
  '12121212',
  '87654321',
  '98765432',
  '123123123',
  '147258369',
  '159753456',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'p@ssw0rd',
  'p@ssword',
  'admin123',
  'admin@123',
  'administrator',
  'qwertyui',
  'qwerty123',
  'qwertyuiop',
  '1qaz2wsx',
  'zaq12wsx',
  'asdfghjk',
  'asdf1234',
  'abcd1234',
  'abc12345',
  'abcdefgh',
  'a1234567',
  'aa123456',
  'iloveyou',
  'iloveyou1',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'welcome1',
  'welcome123',
  'superman',
  'starwars',
  'trustno1',
  'letmein1',
  'monkey123',
  'dragon123',
  'master123',
  'whatever',
  'computer',
  'internet',
  'changeme',
  'matkhau',
  'matkhau1',
  'matkhau123',
  'matkhau@123',
  'matkhaumoi',
  'anhyeuem',
  'emyeuanh',
  'anhyeuem1',
  'yeuemnhieu',
  'vietnam1',
  'vietnam123',
  'vietnam@123',
  'hanoi123',
  'saigon123',
  'dongthap',
  'dongthap1',
  'dongthap123',
  'sangiaodich',
  'sangiaodich1',
  'sangiaodich123',
  'congthuong',
  'congthuong1',
  'nguyenvan',
  'nguyen123',
  'tranvan123',
  'levan123',
  'hoangvan1',
  'phamvan123',
  'huynhvan1',
  'conmeo123',
  'concho123',
  'hoilamgi',
  'khongbiet',
  'taikhoan',
  'taikhoan1',
  'dangnhap',
  'dangnhap1',
  'zxcvbnm1',
  'zxcvbnm123',
  '1q2w3e4r',
  '1q2w3e4r5t',
  'q1w2e3r4',
  'qazwsxedc',
  'asdasdasd',
  'qweqweqwe',
];

/** Mọi quy tắc của một mật khẩu mới, như CMS và biểu mẫu của trang công khai cùng kiểm tra. */
export const PASSWORD_POLICY: PasswordRules = {
  ...PASSWORD_RULES,
  common: new Set(COMMON_PASSWORDS.map((password) => password.toLowerCase())),
};
