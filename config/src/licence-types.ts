/** Licences and certificates a seller declares (QC Điều 7; DOMAIN.md "Licences and data facts"). */
export interface LicenceType {
  code: LicenceTypeCode;
  name: string;
  shortName: string;
  /** Typical issuing bodies, for hints in forms. */
  issuers: readonly string[];
  /** Usual validity; null when there is none or when the printed expiry is authoritative. */
  validityMonths: number | null;
  /** Only OCOP certificates carry a star rating (3–5). */
  hasStars: boolean;
  requiresExpiry: boolean;
}

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

export const licenceTypes: readonly LicenceType[] = [
  {
    code: 'business_registration',
    name: 'Giấy chứng nhận đăng ký kinh doanh',
    shortName: 'ĐKKD',
    issuers: ['Phòng Đăng ký kinh doanh – Sở Tài chính', 'UBND xã, phường'],
    validityMonths: null,
    hasStars: false,
    requiresExpiry: false,
  },
  {
    code: 'food_safety',
    name: 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
    shortName: 'ATTP',
    issuers: ['Sở Y tế', 'Sở Nông nghiệp và Môi trường', 'Sở Công Thương'],
    validityMonths: 36,
    hasStars: false,
    requiresExpiry: true,
  },
  {
    code: 'ocop',
    name: 'Giấy chứng nhận sản phẩm OCOP',
    shortName: 'OCOP',
    issuers: ['UBND tỉnh', 'Bộ Nông nghiệp và Môi trường'],
    validityMonths: 36,
    hasStars: true,
    requiresExpiry: true,
  },
  {
    code: 'vietgap',
    name: 'Giấy chứng nhận VietGAP',
    shortName: 'VietGAP',
    issuers: ['Tổ chức chứng nhận được chỉ định'],
    validityMonths: null,
    hasStars: false,
    requiresExpiry: true,
  },
  {
    code: 'globalgap',
    name: 'Giấy chứng nhận GlobalGAP',
    shortName: 'GlobalGAP',
    issuers: ['Tổ chức chứng nhận được GLOBALG.A.P. công nhận'],
    validityMonths: 12,
    hasStars: false,
    requiresExpiry: true,
  },
  {
    code: 'haccp',
    name: 'Giấy chứng nhận HACCP',
    shortName: 'HACCP',
    issuers: ['Tổ chức chứng nhận được công nhận'],
    validityMonths: 36,
    hasStars: false,
    requiresExpiry: true,
  },
  {
    code: 'iso22000',
    name: 'Giấy chứng nhận ISO 22000',
    shortName: 'ISO 22000',
    issuers: ['Tổ chức chứng nhận được công nhận'],
    validityMonths: 36,
    hasStars: false,
    requiresExpiry: true,
  },
  {
    code: 'origin_certificate',
    name: 'Giấy chứng nhận xuất xứ, chỉ dẫn địa lý',
    shortName: 'Xuất xứ',
    issuers: ['Sở Công Thương', 'Cục Sở hữu trí tuệ'],
    validityMonths: null,
    hasStars: false,
    requiresExpiry: false,
  },
  {
    code: 'safe_production_commitment',
    name: 'Bản cam kết sản xuất thực phẩm an toàn',
    shortName: 'Cam kết ATTP',
    issuers: ['UBND xã, phường'],
    validityMonths: null,
    hasStars: false,
    requiresExpiry: false,
  },
];

export const OCOP_STARS = [3, 4, 5] as const;
