import ExcelJS from 'exceljs';
import { csvFile, type CsvValue } from '@sgd/plugin-core';
import type { Cell, StatColumn, StatTable } from './types';

/** A month cell ('YYYY-MM') or date cell ('YYYY-MM-DD') as a date at midnight UTC (Excel has no zone). */
function asDate(value: string): Date {
  return new Date(`${value.length === 7 ? `${value}-01` : value}T00:00:00.000Z`);
}

/** A cell as the CSV shows it: numbers stay numbers (a negative one is no formula), dates read dd/mm/yyyy. */
function display(column: StatColumn, value: Cell): CsvValue {
  if (value === null || value === undefined) return null;
  if (column.type === 'month' && typeof value === 'string')
    return `${value.slice(5, 7)}/${value.slice(0, 4)}`;
  if (column.type === 'date' && typeof value === 'string') return value.split('-').reverse().join('/');
  return value;
}

/** CSV (the project's one writer: RFC 4180, UTF-8 with a byte-order mark, formulas neutralised). */
export function tableToCsv(table: StatTable): Buffer {
  return csvFile(
    table.columns.map((c) => c.label),
    table.rows.map((row) => table.columns.map((c) => display(c, row[c.key] ?? null))),
  );
}

const NUMBER_FORMAT: Partial<Record<StatColumn['type'], string>> = {
  integer: '#,##0',
  decimal: '#,##0.0',
  month: 'mm/yyyy',
  date: 'dd/mm/yyyy',
};

const SHEET_NAME_MAX = 31;

/**
 * A sheet name by Excel's rules (at most 31 characters, none of []:*?/\), cut between words so that
 * an officer reads whole words on the tab.
 */
export const sheetName = (title: string) => {
  const clean = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= SHEET_NAME_MAX) return clean;
  const cut = clean.slice(0, SHEET_NAME_MAX + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > 0 ? cut.slice(0, lastSpace) : clean.slice(0, SHEET_NAME_MAX)).trim();
};

/** A sheet name not yet used in the workbook (Excel refuses two alike, whatever their case). */
function freeSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLocaleLowerCase('vi')));
  if (!taken.has(wanted.toLocaleLowerCase('vi'))) return wanted;
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const base = sheetName(wanted.slice(0, SHEET_NAME_MAX - suffix.length));
    const name = `${base}${suffix}`;
    if (!taken.has(name.toLocaleLowerCase('vi'))) return name;
  }
}

/** Adds a sheet with a header row and typed cells: numbers as numbers, months and dates as dates. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  table: StatTable,
  name = table.sheet ?? sheetName(table.title),
) {
  const sheet = workbook.addWorksheet(freeSheetName(workbook, name));
  sheet.columns = table.columns.map((c) => ({
    header: c.label,
    key: c.key,
    width: Math.min(60, Math.max(12, c.label.length + 2)),
    style: NUMBER_FORMAT[c.type] ? { numFmt: NUMBER_FORMAT[c.type] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of table.rows) {
    sheet.addRow(
      Object.fromEntries(
        table.columns.map((c) => {
          const value = row[c.key] ?? null;
          if ((c.type === 'month' || c.type === 'date') && typeof value === 'string')
            return [c.key, asDate(value)];
          return [c.key, value];
        }),
      ),
    );
  }
  return sheet;
}

/** Title, filters and time of the export, on their own sheet. */
export function addInfoSheet(workbook: ExcelJS.Workbook, info: [string, string | Date][]) {
  const sheet = workbook.addWorksheet('Thông tin');
  sheet.columns = [
    { header: 'Mục', key: 'label', width: 28 },
    { header: 'Nội dung', key: 'value', width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const [label, value] of info) {
    const row = sheet.addRow({ label, value });
    if (value instanceof Date) row.getCell('value').numFmt = 'dd/mm/yyyy hh:mm';
  }
  return sheet;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sàn giao dịch điện tử';
  workbook.created = new Date();
  return workbook;
}
