/**
 * Cơ quan chuyên môn (sở) của UBND tỉnh Đồng Tháp sau sắp xếp bộ máy năm 2025 (Sở Nông nghiệp và
 * Môi trường, Sở Tài chính, Sở Nội vụ, Sở Xây dựng, Sở Khoa học và Công nghệ là các sở sau hợp nhất).
 * Trung tâm hành chính – chính trị của tỉnh mới đặt tại Mỹ Tho (tỉnh Tiền Giang cũ), nên số máy bàn
 * dùng mã vùng 0273.
 *
 * LƯU Ý: email, số điện thoại và địa chỉ dưới đây là GIÁ TRỊ MINH HỌA (demo), không phải thông tin
 * liên hệ chính thức. Quản trị viên cập nhật trong trang quản trị trước khi đưa vào vận hành.
 */

export interface DepartmentData {
  /** Mã ngắn, ổn định; dùng để gán danh mục và phân quyền kiểm duyệt. */
  code: string;
  name: string;
  email: string;
  phone: string;
  address: string;
}

export const departments = [
  {
    code: 'SCT',
    name: 'Sở Công Thương',
    email: 'sct@dongthap.gov.vn',
    // As the 2023 regulation gives the Ban quản lý Sàn (database/seed/README.md): to be confirmed.
    phone: '0273 387 3269',
    address: 'Số 387 Hùng Vương, phường Đạo Thạnh, tỉnh Đồng Tháp',
  },
  {
    code: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    email: 'snnmt@dongthap.gov.vn',
    phone: '0273 387 1002',
    address: 'Phường Mỹ Tho, tỉnh Đồng Tháp',
  },
  {
    code: 'SYT',
    name: 'Sở Y tế',
    email: 'syt@dongthap.gov.vn',
    phone: '0273 387 1003',
    address: 'Phường Đạo Thạnh, tỉnh Đồng Tháp',
  },
  {
    code: 'SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    email: 'skhcn@dongthap.gov.vn',
    phone: '0273 387 1004',
    address: 'Phường Mỹ Tho, tỉnh Đồng Tháp',
  },
  {
    code: 'SVHTTDL',
    name: 'Sở Văn hóa, Thể thao và Du lịch',
    email: 'svhttdl@dongthap.gov.vn',
    phone: '0273 387 1005',
    address: 'Phường Mỹ Tho, tỉnh Đồng Tháp',
  },
  {
    code: 'STC',
    name: 'Sở Tài chính',
    email: 'stc@dongthap.gov.vn',
    phone: '0273 387 1006',
    address: 'Phường Mỹ Tho, tỉnh Đồng Tháp',
  },
  {
    code: 'SNV',
    name: 'Sở Nội vụ',
    email: 'snv@dongthap.gov.vn',
    phone: '0273 387 1007',
    address: 'Phường Mỹ Tho, tỉnh Đồng Tháp',
  },
  {
    code: 'SXD',
    name: 'Sở Xây dựng',
    email: 'sxd@dongthap.gov.vn',
    phone: '0273 387 1008',
    address: 'Phường Mỹ Tho, tỉnh Đồng Tháp',
  },
  {
    code: 'SGDDT',
    name: 'Sở Giáo dục và Đào tạo',
    email: 'sgddt@dongthap.gov.vn',
    phone: '0273 387 1009',
    address: 'Phường Mỹ Tho, tỉnh Đồng Tháp',
  },
  {
    code: 'STP',
    name: 'Sở Tư pháp',
    email: 'stp@dongthap.gov.vn',
    phone: '0273 387 1010',
    address: 'Phường Mỹ Tho, tỉnh Đồng Tháp',
  },
] as const satisfies readonly DepartmentData[];

export type DepartmentCode = (typeof departments)[number]['code'];

export const DEPARTMENT_CODES = departments.map((d) => d.code) as readonly DepartmentCode[];
