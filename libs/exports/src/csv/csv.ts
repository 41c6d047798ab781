import { stringify } from 'csv-stringify/sync';

/**
 * CSV as spreadsheet programs open it: UTF-8 with a byte-order mark (without one, Excel reads
 * UTF-8 as the local code page and Chinese titles turn to mojibake), CRLF line ends (RFC 4180),
 * a header row, and every cell that a spreadsheet would take for a formula neutralised.
 */

export const UTF8_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvCell;
}

/**
 * OWASP's rule for CSV injection: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is prefixed with a single quote, which spreadsheets show but do not evaluate. Numbers we
 * write ourselves (counts, days) are left as numbers, so a negative count stays a number.
 */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const records = rows.map((row) => columns.map((c) => neutraliseCell(c.value(row))));
  return UTF8_BOM + stringify([columns.map((c) => c.header), ...records], { record_delimiter: 'windows', quoted_match: /[\s\S]*[\r\n"]/ });
}
