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

/** Giới hạn tần suất theo địa chỉ IP cho từng nhóm đường dẫn đăng nhập, đăng ký (cửa sổ giây, số lần). */
export const AUTH_RATE_LIMITS = {
  register: { windowSeconds: 3600, max: 5 },
  activate: { windowSeconds: 900, max: 10 },
  resend: { windowSeconds: 900, max: 5 },
  login: { windowSeconds: 900, max: 10 },
  'password-forgot': { windowSeconds: 3600, max: 5 },
  'password-reset': { windowSeconds: 900, max: 10 },
  // Phản ánh vi phạm không cần đăng nhập (QC Điều 26.2), plugin complaints dùng chung bộ đếm này.
  'violation-report': { windowSeconds: 3600, max: 10 },
} as const;
export type AuthRateGroup = keyof typeof AUTH_RATE_LIMITS;

/**
 * Giới hạn tần suất theo địa chỉ IP cho mọi yêu cầu ghi khác vào API công khai (POST, PUT, PATCH,
 * DELETE dưới `/api/`): đủ rộng cho người dùng thật, chặn việc gửi hàng loạt (đơn hàng, đánh giá,
 * khiếu nại, tệp). Đường dẫn không thuộc nhóm nào tính vào nhóm `write`.
 */
export const WRITE_RATE_LIMITS = {
  upload: { windowSeconds: 3600, max: 60 },
  order: { windowSeconds: 3600, max: 40 },
  'order-action': { windowSeconds: 900, max: 120 },
  review: { windowSeconds: 3600, max: 60 },
  complaint: { windowSeconds: 3600, max: 30 },
  'data-request': { windowSeconds: 3600, max: 10 },
  account: { windowSeconds: 900, max: 120 },
  write: { windowSeconds: 900, max: 300 },
} as const;

/** Mọi nhóm giới hạn tần suất. */
export const RATE_LIMITS = { ...AUTH_RATE_LIMITS, ...WRITE_RATE_LIMITS } as const;
export type RateGroup = keyof typeof RATE_LIMITS;

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
