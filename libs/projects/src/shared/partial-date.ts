/**
 * Dates known only to the month or the year. Progress reports give "November 2006", so a date is
 * kept as `2006-11` and its precision is read from its shape: `YYYY` (YEAR), `YYYY-MM` (MONTH) or
 * `YYYY-MM-DD` (DAY). Storing the shape alone keeps value and precision from disagreeing.
 */

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

export interface PartialDateValue {
  value: string;
  precision: DatePrecision;
}

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads `2006`, `2006-11` or `2006-11-15`; null when malformed or not a real date. */
export function parsePartialDate(input: string): PartialDateValue | null {
  if (typeof input !== 'string') return null;
  const value = input.trim();
  const m = SHAPE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return null;
  if (m[2] === undefined) return { value, precision: DatePrecision.YEAR };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { value, precision: DatePrecision.MONTH };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { value, precision: DatePrecision.DAY };
}

/** A stored value (already valid) with its precision; null stays null. */
export function partialDate(value: string | null): PartialDateValue | null {
  return value ? parsePartialDate(value) : null;
}

/** The first and the last day a partial date may mean: `2006-11` → 2006-11-01 … 2006-11-30. */
export function partialDateSpan(value: string): { first: string; last: string } {
  const parsed = parsePartialDate(value);
  if (!parsed) throw new RangeError(`not a partial date: ${value}`);
  const [y, m] = value.split('-').map(Number);
  if (parsed.precision === DatePrecision.DAY) return { first: value, last: value };
  if (parsed.precision === DatePrecision.MONTH) {
    const mm = String(m).padStart(2, '0');
    return { first: `${y}-${mm}-01`, last: `${y}-${mm}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/** True when `end` cannot fall before `start` (comparing the widest spans they may mean). */
export function partialDatesInOrder(start: string, end: string): boolean {
  return partialDateSpan(end).last >= partialDateSpan(start).first;
}
