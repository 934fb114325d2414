/**
 * Registry-grade checks on Vietnamese identifiers, each returning a message a
 * person understands, or null when the value is valid.
 */
export type Check = (value: unknown) => string | null;

const text = (value: unknown): string | null =>
  typeof value === 'string' ? value.trim() : value === null || value === undefined ? null : String(value);

/** Mobile (03/05/07/08/09 + 8 digits) or landline (02 + 9 digits), optionally +84. */
export const PHONE_PATTERN = /^(?:\+84|0)(?:[35789]\d{8}|2\d{9})$/;
/** Enterprise code: 10 digits, or 13 for a branch (10 + "-" + 3, the dash optional). */
export const ENTERPRISE_CODE_PATTERN = /^\d{10}(?:-?\d{3})?$/;
export const CITIZEN_ID_PATTERN = /^\d{12}$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Bounding box of Vietnam's mainland and islands, generous by a few km. */
export const VIETNAM_BOUNDS = { minLat: 8.0, maxLat: 23.5, minLng: 102.0, maxLng: 117.5 } as const;

export const isPhone: Check = (value) => {
  const v = text(value);
  if (!v) return null;
  return PHONE_PATTERN.test(v.replace(/[\s.]/g, ''))
    ? null
    : 'Số điện thoại không hợp lệ: cần số di động 10 chữ số (03, 05, 07, 08, 09) hoặc số cố định 11 chữ số bắt đầu bằng 02.';
};

export const isEnterpriseCode: Check = (value) => {
  const v = text(value);
  if (!v) return null;
  return ENTERPRISE_CODE_PATTERN.test(v)
    ? null
    : 'Mã số doanh nghiệp/mã số thuế phải gồm 10 chữ số, hoặc 13 chữ số đối với chi nhánh (dạng 0123456789-001).';
};

export const isCitizenId: Check = (value) => {
  const v = text(value);
  if (!v) return null;
  return CITIZEN_ID_PATTERN.test(v) ? null : 'Số căn cước công dân phải gồm đúng 12 chữ số.';
};

export const isEmail: Check = (value) => {
  const v = text(value);
  if (!v) return null;
  return EMAIL_PATTERN.test(v) ? null : 'Địa chỉ email không hợp lệ.';
};

export function latitudeCheck(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= VIETNAM_BOUNDS.minLat && n <= VIETNAM_BOUNDS.maxLat
    ? null
    : `Vĩ độ phải nằm trong lãnh thổ Việt Nam (từ ${VIETNAM_BOUNDS.minLat} đến ${VIETNAM_BOUNDS.maxLat}).`;
}

export function longitudeCheck(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= VIETNAM_BOUNDS.minLng && n <= VIETNAM_BOUNDS.maxLng
    ? null
    : `Kinh độ phải nằm trong lãnh thổ Việt Nam (từ ${VIETNAM_BOUNDS.minLng} đến ${VIETNAM_BOUNDS.maxLng}).`;
}

/** A polygon is a list of at least three [lat, lng] points inside Vietnam. */
export function polygonCheck(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || value.length < 3) {
    return 'Ranh giới vùng sản xuất phải là danh sách ít nhất 3 điểm [vĩ độ, kinh độ].';
  }
  for (const point of value) {
    if (!Array.isArray(point) || point.length !== 2) {
      return 'Mỗi điểm của ranh giới phải có dạng [vĩ độ, kinh độ].';
    }
    const problem = latitudeCheck(point[0]) ?? longitudeCheck(point[1]);
    if (problem) return `Ranh giới vùng sản xuất: ${problem}`;
  }
  return null;
}

/** ISO dates compare as strings; a missing side never fails. */
export function datesInOrder(earlier: unknown, later: unknown, message: string): string | null {
  if (!earlier || !later) return null;
  return String(earlier).slice(0, 10) < String(later).slice(0, 10) ? null : message;
}
