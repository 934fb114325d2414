/**
 * Cây danh mục sản phẩm, dịch vụ (hai cấp). Mỗi danh mục có sở phụ trách kiểm duyệt tin đăng
 * (departmentCode, xem departments.ts). Với thực phẩm, sở phụ trách theo phân công quản lý an toàn
 * thực phẩm: nông, thủy sản và sản phẩm thịt thuộc Sở Nông nghiệp và Môi trường; bột, bánh kẹo, đồ uống
 * thuộc Sở Công Thương; thực phẩm bảo vệ sức khỏe, dược liệu thuộc Sở Y tế.
 *
 * slug: chữ thường ASCII không dấu, nối bằng gạch ngang; không đổi sau khi đã dùng (đường dẫn công khai).
 */

import type { DepartmentCode } from './departments';

export interface CategoryData {
  slug: string;
  name: string;
  parentSlug: string | null;
  departmentCode: DepartmentCode;
  sortOrder: number;
}

export const categories: CategoryData[] = [
  // Nông sản
  { slug: 'nong-san', name: 'Nông sản', parentSlug: null, departmentCode: 'SNNMT', sortOrder: 10 },
  { slug: 'gao', name: 'Gạo', parentSlug: 'nong-san', departmentCode: 'SNNMT', sortOrder: 10 },
  {
    slug: 'sen',
    name: 'Sen và sản phẩm từ sen',
    parentSlug: 'nong-san',
    departmentCode: 'SNNMT',
    sortOrder: 20,
  },
  { slug: 'mat-ong', name: 'Mật ong', parentSlug: 'nong-san', departmentCode: 'SNNMT', sortOrder: 30 },
  { slug: 'cay-giong', name: 'Cây giống', parentSlug: 'nong-san', departmentCode: 'SNNMT', sortOrder: 40 },

  // Trái cây
  { slug: 'trai-cay', name: 'Trái cây', parentSlug: null, departmentCode: 'SNNMT', sortOrder: 20 },
  { slug: 'xoai', name: 'Xoài', parentSlug: 'trai-cay', departmentCode: 'SNNMT', sortOrder: 10 },
  { slug: 'sau-rieng', name: 'Sầu riêng', parentSlug: 'trai-cay', departmentCode: 'SNNMT', sortOrder: 20 },
  { slug: 'thanh-long', name: 'Thanh long', parentSlug: 'trai-cay', departmentCode: 'SNNMT', sortOrder: 30 },
  { slug: 'vu-sua', name: 'Vú sữa', parentSlug: 'trai-cay', departmentCode: 'SNNMT', sortOrder: 40 },
  { slug: 'khom', name: 'Khóm (dứa)', parentSlug: 'trai-cay', departmentCode: 'SNNMT', sortOrder: 50 },

  // Thủy sản
  { slug: 'thuy-san', name: 'Thủy sản', parentSlug: null, departmentCode: 'SNNMT', sortOrder: 30 },
  { slug: 'ca-tra', name: 'Cá tra', parentSlug: 'thuy-san', departmentCode: 'SNNMT', sortOrder: 10 },
  { slug: 'tom', name: 'Tôm', parentSlug: 'thuy-san', departmentCode: 'SNNMT', sortOrder: 20 },

  // Thực phẩm chế biến
  {
    slug: 'thuc-pham-che-bien',
    name: 'Thực phẩm chế biến',
    parentSlug: null,
    departmentCode: 'SCT',
    sortOrder: 40,
  },
  {
    slug: 'nem',
    name: 'Nem, chả, lạp xưởng',
    parentSlug: 'thuc-pham-che-bien',
    departmentCode: 'SNNMT',
    sortOrder: 10,
  },
  {
    slug: 'hu-tieu',
    name: 'Hủ tiếu, bún, bánh tráng',
    parentSlug: 'thuc-pham-che-bien',
    departmentCode: 'SCT',
    sortOrder: 20,
  },
  {
    slug: 'banh-phong',
    name: 'Bánh phồng, bánh kẹo',
    parentSlug: 'thuc-pham-che-bien',
    departmentCode: 'SCT',
    sortOrder: 30,
  },

  // Đồ uống
  { slug: 'do-uong', name: 'Đồ uống', parentSlug: null, departmentCode: 'SCT', sortOrder: 50 },
  { slug: 'ruou-dac-san', name: 'Rượu đặc sản', parentSlug: 'do-uong', departmentCode: 'SCT', sortOrder: 10 },
  {
    slug: 'nuoc-giai-khat',
    name: 'Nước giải khát',
    parentSlug: 'do-uong',
    departmentCode: 'SCT',
    sortOrder: 20,
  },

  // Thủ công mỹ nghệ
  {
    slug: 'thu-cong-my-nghe',
    name: 'Thủ công mỹ nghệ',
    parentSlug: null,
    departmentCode: 'SCT',
    sortOrder: 60,
  },
  { slug: 'chieu', name: 'Chiếu', parentSlug: 'thu-cong-my-nghe', departmentCode: 'SCT', sortOrder: 10 },
  {
    slug: 'dan-lat',
    name: 'Đan lát lục bình, tre trúc',
    parentSlug: 'thu-cong-my-nghe',
    departmentCode: 'SCT',
    sortOrder: 20,
  },

  // Dược liệu
  { slug: 'duoc-lieu', name: 'Dược liệu', parentSlug: null, departmentCode: 'SYT', sortOrder: 70 },
  {
    slug: 'duoc-lieu-so-che',
    name: 'Dược liệu sơ chế',
    parentSlug: 'duoc-lieu',
    departmentCode: 'SYT',
    sortOrder: 10,
  },
  {
    slug: 'thuc-pham-bao-ve-suc-khoe',
    name: 'Thực phẩm bảo vệ sức khỏe',
    parentSlug: 'duoc-lieu',
    departmentCode: 'SYT',
    sortOrder: 20,
  },

  // Hoa kiểng
  { slug: 'hoa-kieng', name: 'Hoa kiểng', parentSlug: null, departmentCode: 'SNNMT', sortOrder: 80 },
  { slug: 'hoa-tuoi', name: 'Hoa tươi', parentSlug: 'hoa-kieng', departmentCode: 'SNNMT', sortOrder: 10 },
  {
    slug: 'cay-kieng-bonsai',
    name: 'Cây kiểng, bonsai',
    parentSlug: 'hoa-kieng',
    departmentCode: 'SNNMT',
    sortOrder: 20,
  },

  // Dịch vụ du lịch
  {
    slug: 'dich-vu-du-lich',
    name: 'Dịch vụ du lịch',
    parentSlug: null,
    departmentCode: 'SVHTTDL',
    sortOrder: 90,
  },
  {
    slug: 'du-lich-sinh-thai',
    name: 'Du lịch sinh thái, trải nghiệm',
    parentSlug: 'dich-vu-du-lich',
    departmentCode: 'SVHTTDL',
    sortOrder: 10,
  },
  {
    slug: 'luu-tru-homestay',
    name: 'Lưu trú, homestay',
    parentSlug: 'dich-vu-du-lich',
    departmentCode: 'SVHTTDL',
    sortOrder: 20,
  },

  // Sản phẩm công nghệ
  {
    slug: 'san-pham-cong-nghe',
    name: 'Sản phẩm công nghệ',
    parentSlug: null,
    departmentCode: 'SKHCN',
    sortOrder: 100,
  },
  {
    slug: 'thiet-bi-nong-nghiep',
    name: 'Thiết bị nông nghiệp công nghệ cao',
    parentSlug: 'san-pham-cong-nghe',
    departmentCode: 'SKHCN',
    sortOrder: 10,
  },
  {
    slug: 'phan-mem-dich-vu-so',
    name: 'Phần mềm, dịch vụ số',
    parentSlug: 'san-pham-cong-nghe',
    departmentCode: 'SKHCN',
    sortOrder: 20,
  },
];
