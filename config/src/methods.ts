/**
 * Danh mục mã dùng chung cho cms và site. Mã được lưu trong cơ sở dữ liệu và không đổi; tên dùng để
 * hiển thị và có thể sửa câu chữ.
 *
 * Sàn không có thanh toán trực tuyến (QC Điều 11, 13): người mua và người bán tự thỏa thuận phương thức
 * thanh toán và giao hàng; các danh mục dưới đây chỉ để người bán khai báo cách họ nhận.
 */

interface CodeName {
  readonly code: string;
  readonly name: string;
}

/** Bộ mã của một danh mục, giữ đúng thứ tự và kiểu literal (readonly tuple). */
type CodesOf<T extends readonly CodeName[]> = { readonly [K in keyof T]: T[K]['code'] };

const codesOf = <const T extends readonly CodeName[]>(items: T): CodesOf<T> =>
  items.map((item) => item.code) as unknown as CodesOf<T>;

export const PAYMENT_METHODS = [
  { code: 'cash_on_delivery', name: 'Thanh toán khi nhận hàng (COD)' },
  { code: 'bank_transfer', name: 'Chuyển khoản ngân hàng' },
  { code: 'pay_at_store', name: 'Thanh toán tại cửa hàng' },
] as const satisfies readonly CodeName[];
export type PaymentMethodCode = (typeof PAYMENT_METHODS)[number]['code'];
export const PAYMENT_METHOD_CODES = codesOf(PAYMENT_METHODS);

export const DELIVERY_METHODS = [
  { code: 'seller_delivery', name: 'Người bán tự giao hàng' },
  { code: 'carrier', name: 'Đơn vị vận chuyển' },
  { code: 'pickup', name: 'Nhận tại cơ sở' },
] as const satisfies readonly CodeName[];
export type DeliveryMethodCode = (typeof DELIVERY_METHODS)[number]['code'];
export const DELIVERY_METHOD_CODES = codesOf(DELIVERY_METHODS);

export const MARKET_KINDS = [
  { code: 'traditional_market', name: 'Chợ' },
  { code: 'supermarket', name: 'Siêu thị' },
  { code: 'shopping_mall', name: 'Trung tâm thương mại' },
  { code: 'convenience_store', name: 'Cửa hàng tiện ích' },
] as const satisfies readonly CodeName[];
export type MarketKindCode = (typeof MARKET_KINDS)[number]['code'];
export const MARKET_KIND_CODES = codesOf(MARKET_KINDS);

export const LEGAL_FORMS = [
  { code: 'enterprise', name: 'Doanh nghiệp' },
  { code: 'cooperative', name: 'Hợp tác xã' },
  { code: 'household', name: 'Hộ kinh doanh' },
  { code: 'individual', name: 'Cá nhân' },
] as const satisfies readonly CodeName[];
export type LegalFormCode = (typeof LEGAL_FORMS)[number]['code'];
export const LEGAL_FORM_CODES = codesOf(LEGAL_FORMS);

export const DIRECTORY_KINDS = [
  { code: 'investment_project', name: 'Dự án mời gọi đầu tư' },
  { code: 'tourism', name: 'Dịch vụ du lịch' },
  { code: 'restaurant_hotel', name: 'Nhà hàng, khách sạn' },
  { code: 'entertainment', name: 'Ăn uống, vui chơi giải trí' },
  { code: 'technology_product', name: 'Sản phẩm công nghệ' },
  { code: 'agriculture_service', name: 'Dịch vụ nông nghiệp' },
  { code: 'training_recruitment', name: 'Đào tạo, tuyển dụng' },
  { code: 'telecom', name: 'Mạng, thiết bị viễn thông' },
] as const satisfies readonly CodeName[];
export type DirectoryKindCode = (typeof DIRECTORY_KINDS)[number]['code'];
export const DIRECTORY_KIND_CODES = codesOf(DIRECTORY_KINDS);

export const LEGAL_DOCUMENT_KINDS = [
  { code: 'operating_regulation', name: 'Quy chế hoạt động' },
  { code: 'privacy_policy', name: 'Chính sách bảo vệ dữ liệu cá nhân' },
  { code: 'complaint_process', name: 'Quy trình giải quyết khiếu nại' },
  { code: 'law', name: 'Luật' },
  { code: 'decree', name: 'Nghị định' },
  { code: 'circular', name: 'Thông tư' },
  { code: 'decision', name: 'Quyết định' },
  { code: 'other', name: 'Văn bản khác' },
] as const satisfies readonly CodeName[];
export type LegalDocumentKindCode = (typeof LEGAL_DOCUMENT_KINDS)[number]['code'];
export const LEGAL_DOCUMENT_KIND_CODES = codesOf(LEGAL_DOCUMENT_KINDS);

/**
 * Văn bản mà mọi sửa đổi phải thông báo cho thành viên trước khi áp dụng (Nghị định 52/2013/NĐ-CP, sửa
 * đổi bởi Nghị định 85/2021/NĐ-CP: thông báo ít nhất 5 ngày trước khi áp dụng): phiên bản mới có hiệu
 * lực sớm nhất `days` ngày sau ngày đăng, và người bán đang hoạt động nhận thư thông báo.
 */
export const REGULATION_NOTICE = {
  kinds: ['operating_regulation'] as LegalDocumentKindCode[],
  days: 5,
} as const;
