/** Code lists shared by the CMS and the site. Codes are stored; names are shown. */

export const PAYMENT_METHODS = [
  { code: 'cash_on_delivery', name: 'Thanh toán khi nhận hàng (COD)' },
  { code: 'bank_transfer', name: 'Chuyển khoản ngân hàng' },
  { code: 'pay_at_store', name: 'Thanh toán tại cửa hàng' },
] as const;
export type PaymentMethodCode = (typeof PAYMENT_METHODS)[number]['code'];
export const PAYMENT_METHOD_CODES = PAYMENT_METHODS.map((m) => m.code) as PaymentMethodCode[];

export const DELIVERY_METHODS = [
  { code: 'seller_delivery', name: 'Người bán tự giao hàng' },
  { code: 'carrier', name: 'Đơn vị vận chuyển' },
  { code: 'pickup', name: 'Nhận tại cơ sở' },
] as const;
export type DeliveryMethodCode = (typeof DELIVERY_METHODS)[number]['code'];
export const DELIVERY_METHOD_CODES = DELIVERY_METHODS.map((m) => m.code) as DeliveryMethodCode[];

export const MARKET_KINDS = [
  { code: 'traditional_market', name: 'Chợ' },
  { code: 'supermarket', name: 'Siêu thị' },
  { code: 'shopping_mall', name: 'Trung tâm thương mại' },
  { code: 'convenience_store', name: 'Cửa hàng tiện ích' },
] as const;
export type MarketKindCode = (typeof MARKET_KINDS)[number]['code'];
export const MARKET_KIND_CODES = MARKET_KINDS.map((m) => m.code) as MarketKindCode[];

export const LEGAL_FORMS = [
  { code: 'enterprise', name: 'Doanh nghiệp' },
  { code: 'cooperative', name: 'Hợp tác xã' },
  { code: 'household', name: 'Hộ kinh doanh' },
  { code: 'individual', name: 'Cá nhân' },
] as const;
export type LegalFormCode = (typeof LEGAL_FORMS)[number]['code'];
export const LEGAL_FORM_CODES = LEGAL_FORMS.map((m) => m.code) as LegalFormCode[];

export const DIRECTORY_KINDS = [
  { code: 'investment_project', name: 'Dự án mời gọi đầu tư' },
  { code: 'tourism', name: 'Dịch vụ du lịch' },
  { code: 'restaurant_hotel', name: 'Nhà hàng, khách sạn' },
  { code: 'entertainment', name: 'Ăn uống, vui chơi giải trí' },
  { code: 'technology_product', name: 'Sản phẩm công nghệ' },
  { code: 'agriculture_service', name: 'Dịch vụ nông nghiệp' },
  { code: 'training_recruitment', name: 'Đào tạo, tuyển dụng' },
  { code: 'telecom', name: 'Mạng, thiết bị viễn thông' },
] as const;
export type DirectoryKindCode = (typeof DIRECTORY_KINDS)[number]['code'];
export const DIRECTORY_KIND_CODES = DIRECTORY_KINDS.map((m) => m.code) as DirectoryKindCode[];

export const LEGAL_DOCUMENT_KINDS = [
  { code: 'operating_regulation', name: 'Quy chế hoạt động' },
  { code: 'privacy_policy', name: 'Chính sách bảo vệ dữ liệu cá nhân' },
  { code: 'complaint_process', name: 'Quy trình giải quyết khiếu nại' },
  { code: 'law', name: 'Luật' },
  { code: 'decree', name: 'Nghị định' },
  { code: 'circular', name: 'Thông tư' },
  { code: 'decision', name: 'Quyết định' },
  { code: 'other', name: 'Văn bản khác' },
] as const;
export type LegalDocumentKindCode = (typeof LEGAL_DOCUMENT_KINDS)[number]['code'];
export const LEGAL_DOCUMENT_KIND_CODES = LEGAL_DOCUMENT_KINDS.map((m) => m.code) as LegalDocumentKindCode[];
