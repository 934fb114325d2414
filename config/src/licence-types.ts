/**
 * Giấy phép, giấy chứng nhận mà chủ thể sản xuất, kinh doanh khai báo khi xác thực (QC Điều 7, 12;
 * DOMAIN.md "Licences and data facts"). Mã được lưu trong cơ sở dữ liệu; tên dùng để hiển thị.
 */

export const LICENCE_TYPE_CODES = [
  'business_registration',
  'food_safety',
  'ocop',
  'vietgap',
  'globalgap',
  'haccp',
  'iso22000',
  'origin_certificate',
  'safe_production_commitment',
] as const;

export type LicenceTypeCode = (typeof LICENCE_TYPE_CODES)[number];

export interface LicenceTypeData {
  code: LicenceTypeCode;
  /** Tên đầy đủ, tiếng Việt. */
  name: string;
  /** Tên ngắn cho nhãn, bộ lọc. */
  shortName: string;
  /** Cơ quan, tổ chức thường cấp: gợi ý trong biểu mẫu, không phải danh sách đóng. */
  issuers: readonly string[];
  /**
   * Thời hạn thông thường tính bằng tháng, để gợi ý ngày hết hạn. null khi giấy không có thời hạn hoặc
   * khi phải lấy ngày hết hạn in trên giấy (không tự tính).
   */
  validityMonths: number | null;
  /** Chỉ chứng nhận OCOP có hạng sao (3–5). */
  hasStars: boolean;
  /** Người bán bắt buộc nhập ngày hết hạn. */
  requiresExpiry: boolean;
}

export const licenceTypes = [
  {
    code: 'business_registration',
    name: 'Giấy chứng nhận đăng ký doanh nghiệp, hợp tác xã, hộ kinh doanh',
    shortName: 'Đăng ký kinh doanh',
    issuers: ['Phòng Đăng ký kinh doanh, Sở Tài chính', 'Ủy ban nhân dân xã, phường (hộ kinh doanh)'],
    validityMonths: null,
    hasStars: false,
    requiresExpiry: false,
  },
  {
    code: 'food_safety',
    name: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
    shortName: 'An toàn thực phẩm',
    issuers: ['Sở Y tế', 'Sở Nông nghiệp và Môi trường', 'Sở Công Thương'],
    validityMonths: 36,
    hasStars: false,
    requiresExpiry: true,
  },
  {
    code: 'ocop',
    name: 'Giấy chứng nhận sản phẩm OCOP',
    shortName: 'OCOP',
    issuers: ['Ủy ban nhân dân tỉnh (3 sao, 4 sao)', 'Bộ Nông nghiệp và Môi trường (5 sao)'],
    validityMonths: 36,
    hasStars: true,
    requiresExpiry: true,
  },
  {
    code: 'vietgap',
    name: 'Giấy chứng nhận VietGAP (thực hành sản xuất nông nghiệp tốt)',
    shortName: 'VietGAP',
    issuers: ['Tổ chức chứng nhận VietGAP được Bộ Nông nghiệp và Môi trường chỉ định'],
    // 2–3 năm tùy tổ chức chứng nhận: lưu ngày hết hạn in trên giấy.
    validityMonths: null,
    hasStars: false,
    requiresExpiry: true,
  },
  {
    code: 'globalgap',
    name: 'Giấy chứng nhận GLOBALG.A.P.',
    shortName: 'GlobalGAP',
    issuers: ['Tổ chức chứng nhận được GLOBALG.A.P. công nhận'],
    validityMonths: 12,
    hasStars: false,
    requiresExpiry: true,
  },
  {
    code: 'haccp',
    name: 'Giấy chứng nhận hệ thống HACCP',
    shortName: 'HACCP',
    issuers: ['Tổ chức chứng nhận được công nhận'],
    validityMonths: 36,
    hasStars: false,
    requiresExpiry: true,
  },
  {
    code: 'iso22000',
    name: 'Giấy chứng nhận hệ thống quản lý an toàn thực phẩm ISO 22000',
    shortName: 'ISO 22000',
    issuers: ['Tổ chức chứng nhận được công nhận'],
    validityMonths: 36,
    hasStars: false,
    requiresExpiry: true,
  },
  {
    code: 'origin_certificate',
    name: 'Giấy chứng nhận nguồn gốc, xuất xứ hàng hóa',
    shortName: 'Xuất xứ',
    issuers: [
      'Bộ Công Thương (Phòng Quản lý xuất nhập khẩu khu vực)',
      'Liên đoàn Thương mại và Công nghiệp Việt Nam (VCCI)',
      'Cục Sở hữu trí tuệ (chỉ dẫn địa lý, nhãn hiệu chứng nhận)',
    ],
    validityMonths: null,
    hasStars: false,
    requiresExpiry: false,
  },
  {
    code: 'safe_production_commitment',
    name: 'Bản cam kết sản xuất, kinh doanh thực phẩm an toàn',
    shortName: 'Cam kết an toàn',
    issuers: ['Ủy ban nhân dân xã, phường nơi sản xuất'],
    validityMonths: null,
    hasStars: false,
    requiresExpiry: false,
  },
] as const satisfies readonly LicenceTypeData[];

/** Hạng sao OCOP được công nhận: 3★ (50–69 điểm), 4★ (70–89), 5★ (90–100). */
export const OCOP_STARS = [3, 4, 5] as const;

export type OcopStars = (typeof OCOP_STARS)[number];

/** Giấy phép hết hạn trong số ngày này được coi là "sắp hết hạn". */
export const EXPIRING_WITHIN_DAYS = 30;
