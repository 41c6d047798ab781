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

/** A code in words, from the owning library's label table (`IN_PROGRESS` → `In progress`); empty stays empty. */
export function labelled<K extends string>(labels: Record<K, string>, value: K | string | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  return (labels as Record<string, string>)[value] ?? value;
}

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/**
 * A date as a spreadsheet sorts it and a reader takes it: `2008-03-26`, or only as precise as it
 * is known (`2008-03` for a month, `2008` for a year) — never a time or a zone. A timestamp is
 * written as its UTC day.
 */
export function csvDate(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (PARTIAL_DATE.test(value)) return value;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString().slice(0, 10);
}
