export const PLUGIN_ID = 'catalog';

export const UID = {
  category: 'plugin::catalog.category',
  product: 'plugin::catalog.product',
  market: 'plugin::catalog.market',
  supplyDemandPost: 'plugin::catalog.supply-demand-post',
  directoryListing: 'plugin::catalog.directory-listing',
} as const;

export const SEARCH_TYPES = ['products', 'sellers'] as const;

export const SEARCH_MESSAGES = {
  queryTooLong: 'Từ khóa tìm kiếm dài tối đa 100 ký tự.',
  badType: 'Loại tìm kiếm phải là "products" (sản phẩm) hoặc "sellers" (chủ thể kinh doanh).',
  badStars: 'Hạng sao OCOP phải là 3, 4 hoặc 5.',
  badLicence: 'Loại giấy phép không hợp lệ.',
} as const;
