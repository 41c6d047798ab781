import { formatDate } from '../shared/time';

/**
 * How long a request has waited on a body, in the unit a reader takes in at a glance:
 * "4 days, since 29 November 2026", "5 months, since …", "18 years, since 27 March 2008".
 */
export function waitingWords(daysWaiting: number | null | undefined, since: string | null | undefined): string {
  if (daysWaiting == null) return since ? `since ${formatDate(since)}` : 'since a date not on record';
  const from = since ? `, since ${formatDate(since)}` : '';
  if (daysWaiting < 1) return since ? `since today, ${formatDate(since)}` : 'since today';
  const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (daysWaiting < 60) return `${count(daysWaiting, 'day')}${from}`;
  if (daysWaiting < 730) return `${count(Math.floor(daysWaiting / 30.44), 'month')}${from}`;
  return `${count(Math.floor(daysWaiting / 365.25), 'year')}${from}`;
}
