import { EXCHANGE, EXCHANGE_MANAGER } from '@sgd/config';

export const PLUGIN_ID = 'catalog';

export const UID = {
  category: 'plugin::catalog.category',
  product: 'plugin::catalog.product',
  market: 'plugin::catalog.market',
  supplyDemandPost: 'plugin::catalog.supply-demand-post',
  directoryListing: 'plugin::catalog.directory-listing',
} as const;

export const SEARCH_TYPES = ['products', 'sellers'] as const;

/**
 * How products come in a search's answer: whole (`full`, as `/api/products` gives them), or as a list's
 * card shows them (`card`: name, price, first image, licence types and stars, seller's name and commune).
 * Sellers come as their summary either way.
 */
export const SEARCH_VIEWS = ['full', 'card'] as const;

/** Orders of results: relevance (names holding every word first), name, newest, price (products only). */
export const SEARCH_SORTS = ['relevance', 'name', 'newest', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_MESSAGES = {
  queryTooLong: 'Từ khóa tìm kiếm dài tối đa 100 ký tự.',
  badType: 'Loại tìm kiếm phải là "products" (sản phẩm) hoặc "sellers" (chủ thể kinh doanh).',
  badView: 'Cách trả kết quả (view) phải là "full" (đầy đủ) hoặc "card" (thẻ sản phẩm).',
  badStars: 'Hạng sao OCOP phải là 3, 4 hoặc 5.',
  badLicence: 'Loại giấy phép không hợp lệ.',
  badSort: 'Cách sắp xếp không hợp lệ.',
  badPrice: 'Giá phải là một số đồng không âm, ví dụ 50000.',
  priceRange: 'Giá từ phải nhỏ hơn hoặc bằng giá đến.',
  priceForSellers: 'Lọc và sắp xếp theo giá chỉ áp dụng khi tìm sản phẩm.',
} as const;

/** The licence of the open data: anyone may reuse it, crediting the exchange. */
export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.vi',
  attribution: `${EXCHANGE.name} – ${EXCHANGE_MANAGER.name}`,
} as const;

export const OPEN_DATA_FORMATS = ['csv', 'json'] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

export type OpenDataDataset = 'sellers' | 'products' | 'licences' | 'markets';

export interface OpenDataDescription {
  id: OpenDataDataset;
  /** File name without extension. */
  file: string;
  title: string;
  description: string;
  fields: { name: string; description: string }[];
}

/** The open datasets and their columns (the order of the CSV columns). */
export const OPEN_DATA_DATASETS: readonly OpenDataDescription[] = [
  {
    id: 'sellers',
    file: 'chu-the-kinh-doanh',
    title: 'Chủ thể sản xuất, kinh doanh đã xác thực',
    description:
      'Doanh nghiệp, hợp tác xã, hộ kinh doanh và cá nhân đã được xác thực trên Sàn. Không có điện thoại, email, số căn cước, người đại diện; với cá nhân, không có địa chỉ và mã số thuế.',
    fields: [
      { name: 'name', description: 'Tên chủ thể' },
      { name: 'slug', description: 'Đường dẫn trang chủ thể (/doanh-nghiep/<slug>)' },
      { name: 'legalForm', description: 'Mã loại hình' },
      { name: 'legalFormName', description: 'Loại hình' },
      { name: 'enterpriseCode', description: 'Mã số doanh nghiệp, hợp tác xã, hộ kinh doanh' },
      { name: 'registrationDate', description: 'Ngày cấp đăng ký kinh doanh' },
      { name: 'registrationIssuer', description: 'Nơi cấp đăng ký kinh doanh' },
      { name: 'address', description: 'Địa chỉ kinh doanh' },
      { name: 'commune', description: 'Xã, phường' },
      { name: 'communeCode', description: 'Mã xã, phường' },
      { name: 'isOcopProducer', description: 'Chủ thể OCOP' },
      { name: 'verifiedAt', description: 'Thời điểm xác thực (UTC)' },
    ],
  },
  {
    id: 'products',
    file: 'san-pham',
    title: 'Sản phẩm',
    description: 'Sản phẩm đã được duyệt của các chủ thể đã xác thực, với hạng sao OCOP còn hiệu lực.',
    fields: [
      { name: 'name', description: 'Tên sản phẩm' },
      { name: 'slug', description: 'Đường dẫn trang sản phẩm (/san-pham/<slug>)' },
      { name: 'category', description: 'Danh mục' },
      { name: 'categorySlug', description: 'Mã danh mục' },
      { name: 'seller', description: 'Chủ thể' },
      { name: 'sellerSlug', description: 'Đường dẫn trang chủ thể' },
      { name: 'commune', description: 'Xã, phường của chủ thể' },
      { name: 'communeCode', description: 'Mã xã, phường' },
      { name: 'unit', description: 'Đơn vị tính' },
      { name: 'price', description: 'Giá (đồng)' },
      { name: 'priceMin', description: 'Giá thấp nhất (đồng)' },
      { name: 'priceMax', description: 'Giá cao nhất (đồng)' },
      { name: 'ocopStars', description: 'Hạng sao OCOP còn hiệu lực' },
    ],
  },
  {
    id: 'licences',
    file: 'giay-phep',
    title: 'Giấy phép, chứng nhận',
    description:
      'Giấy phép, chứng nhận đã được cán bộ xác thực của các chủ thể đã xác thực, với tình trạng hiệu lực.',
    fields: [
      { name: 'type', description: 'Mã loại giấy phép' },
      { name: 'typeName', description: 'Loại giấy phép' },
      { name: 'number', description: 'Số hiệu' },
      { name: 'issuer', description: 'Cơ quan cấp' },
      { name: 'issuedOn', description: 'Ngày cấp' },
      { name: 'expiresOn', description: 'Ngày hết hạn' },
      { name: 'ocopStars', description: 'Hạng sao OCOP' },
      {
        name: 'validity',
        description: 'Hiệu lực: valid (còn hiệu lực), expiring (sắp hết hạn), expired (hết hạn)',
      },
      { name: 'seller', description: 'Chủ thể' },
      { name: 'sellerSlug', description: 'Đường dẫn trang chủ thể' },
    ],
  },
  {
    id: 'markets',
    file: 'cho-va-diem-ban',
    title: 'Chợ, siêu thị, trung tâm thương mại, cửa hàng tiện ích',
    description: 'Địa điểm kinh doanh đã công bố, với tọa độ.',
    fields: [
      { name: 'name', description: 'Tên địa điểm' },
      { name: 'slug', description: 'Mã địa điểm' },
      { name: 'kind', description: 'Mã loại địa điểm' },
      { name: 'kindName', description: 'Loại địa điểm' },
      { name: 'address', description: 'Địa chỉ' },
      { name: 'commune', description: 'Xã, phường' },
      { name: 'communeCode', description: 'Mã xã, phường' },
      { name: 'latitude', description: 'Vĩ độ' },
      { name: 'longitude', description: 'Kinh độ' },
      { name: 'openingHours', description: 'Giờ mở cửa' },
    ],
  },
];
