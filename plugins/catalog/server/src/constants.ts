export const PLUGIN_ID = 'catalog';

export const UID = {
  category: 'plugin::catalog.category',
  product: 'plugin::catalog.product',
  market: 'plugin::catalog.market',
  supplyDemandPost: 'plugin::catalog.supply-demand-post',
  directoryListing: 'plugin::catalog.directory-listing',
} as const;

export const SEARCH_TYPES = ['products', 'sellers'] as const;

/** Orders of results: relevance (names holding every word first), name, newest, price (products only). */
export const SEARCH_SORTS = ['relevance', 'name', 'newest', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_MESSAGES = {
  queryTooLong: 'Từ khóa tìm kiếm dài tối đa 100 ký tự.',
  badType: 'Loại tìm kiếm phải là "products" (sản phẩm) hoặc "sellers" (chủ thể kinh doanh).',
  badStars: 'Hạng sao OCOP phải là 3, 4 hoặc 5.',
  badLicence: 'Loại giấy phép không hợp lệ.',
  badSort: 'Cách sắp xếp không hợp lệ.',
  badPrice: 'Giá phải là một số đồng không âm, ví dụ 50000.',
  priceRange: 'Giá từ phải nhỏ hơn hoặc bằng giá đến.',
  priceForSellers: 'Lọc và sắp xếp theo giá chỉ áp dụng khi tìm sản phẩm.',
} as const;
