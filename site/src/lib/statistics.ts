import type { Statistics } from './schemas';

const numberFormat = new Intl.NumberFormat('vi-VN');

/** 12345 → "12.345". */
export function formatCount(value: number): string {
  return numberFormat.format(value);
}

export interface CategoryRow {
  name: string;
  group: string | null;
  href: string | null;
  count: number;
}

/** Products by category as the page lists them; products without a category last. */
export function categoryRows(statistics: Statistics): CategoryRow[] {
  return statistics.products.byCategory.map((row) => ({
    name: row.category?.name ?? 'Chưa phân loại',
    group: row.parent?.name ?? null,
    href: row.category ? `/san-pham?category=${encodeURIComponent(row.category.slug)}` : null,
    count: row.count,
  }));
}
