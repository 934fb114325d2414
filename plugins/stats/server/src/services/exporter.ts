import ExcelJS from 'exceljs';
import type { Cell, StatColumn, StatTable } from './types';

/** A month cell ('YYYY-MM') or date cell ('YYYY-MM-DD') as a date at midnight UTC (Excel has no zone). */
function asDate(value: string): Date {
  return new Date(`${value.length === 7 ? `${value}-01` : value}T00:00:00.000Z`);
}

function display(column: StatColumn, value: Cell): string {
  if (value === null || value === undefined) return '';
  if (column.type === 'month' && typeof value === 'string')
    return `${value.slice(5, 7)}/${value.slice(0, 4)}`;
  if (column.type === 'date' && typeof value === 'string') return value.split('-').reverse().join('/');
  return String(value);
}

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read the diacritics). */
export function tableToCsv(table: StatTable): Buffer {
  const lines = [
    table.columns.map((c) => csvField(c.label)).join(','),
    ...table.rows.map((row) => table.columns.map((c) => csvField(display(c, row[c.key] ?? null))).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const NUMBER_FORMAT: Partial<Record<StatColumn['type'], string>> = {
  integer: '#,##0',
  decimal: '#,##0.0',
  month: 'mm/yyyy',
  date: 'dd/mm/yyyy',
};

/** Sheet names: at most 31 characters, none of []:*?/\ (Excel's rules). */
export const sheetName = (title: string) =>
  title
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31)
    .trim();

/** Adds a sheet with a header row and typed cells: numbers as numbers, months and dates as dates. */
export function addTableSheet(workbook: ExcelJS.Workbook, table: StatTable, name = sheetName(table.title)) {
  const sheet = workbook.addWorksheet(name);
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
