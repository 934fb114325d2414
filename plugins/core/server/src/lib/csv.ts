import { stringify, type Options } from 'csv-stringify/sync';

/** A value of one CSV field; `null` and `undefined` are written as an empty field. */
export type CsvValue = string | number | boolean | null | undefined;

/** Lets spreadsheet programs read the file as UTF-8 (Vietnamese diacritics). */
export const CSV_BYTE_ORDER_MARK = '\uFEFF';

/**
 * The one CSV dialect of the project: RFC 4180 with CRLF line ends, and text that a spreadsheet would
 * run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed with `'`,
 * since every export may carry text a seller or a buyer typed (CSV formula injection).
 */
const OPTIONS: Options = {
  escape_formulas: true,
  record_delimiter: 'windows',
  // With CRLF records the library quotes only fields holding CRLF; RFC 4180 wants any line break quoted.
  quoted_match: /[\r\n]/,
  cast: { boolean: (value) => String(value), date: (value) => value.toISOString() },
};

/** One CSV line, ending in CRLF. */
export function csvLine(values: CsvValue[]): string {
  return stringify([values], OPTIONS);
}

/** A whole CSV file: a byte-order mark, the header line, then one line per row. */
export function csvFile(header: string[], rows: CsvValue[][]): Buffer {
  return Buffer.from(`${CSV_BYTE_ORDER_MARK}${stringify([header, ...rows], OPTIONS)}`, 'utf8');
}

/** The same file as a stream of text, for exports read in batches (open data, the audit log). */
export async function* csvStream(header: string[], rows: AsyncIterable<CsvValue[]>): AsyncGenerator<string> {
  yield `${CSV_BYTE_ORDER_MARK}${csvLine(header)}`;
  for await (const row of rows) yield csvLine(row);
}
