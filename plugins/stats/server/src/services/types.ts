import type { Period } from '../validation/query';

/** How a column's cells are written: text, whole numbers, one-decimal numbers, any number, a month, a date. */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'number' | 'month' | 'date';

export interface StatColumn {
  key: string;
  /** Vietnamese header, used on screen and in exports. */
  label: string;
  type: ColumnType;
}

/** Month cells are 'YYYY-MM', date cells 'YYYY-MM-DD'. */
export type Cell = string | number | null;

export interface StatTable {
  key: string;
  title: string;
  /** A short name for its XLSX sheet when the title is longer than Excel's 31 characters. */
  sheet?: string;
  /** The dashboard groups tables under these headings. */
  section: 'sellers' | 'products' | 'licences' | 'submissions' | 'orders' | 'feedback' | 'report';
  columns: StatColumn[];
  rows: Record<string, Cell>[];
  /** What to draw beside the table: labels from one column, bars or slices from others. */
  chart?: { kind: 'bar' | 'pie' | 'line'; label: string; values: string[] };
  note?: string;
}

/** What one request may see: the departments (`null`: all), a commune, a period, the present. */
export interface Scope {
  departmentIds: number[] | null;
  commune: string | null;
  period: Period;
  now: Date;
}
