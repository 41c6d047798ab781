/** Dates and times as the site shows them: always with their zone, never in the reader's by accident. */

const LOCALE = 'en-GB';

/** "1 April 2008" for a YYYY-MM-DD date (a calendar date: no zone applies). */
export function formatDate(date: string | null | undefined): string {
  if (!date) return 'date not set';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc);
}

export function formatDateRange(start: string | null | undefined, end: string | null | undefined): string {
  if (!start) return 'dates not set';
  if (!end || end === start) return formatDate(start);
  return `${formatDate(start)} – ${formatDate(end)}`;
}

function safeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat(LOCALE, { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD (for grouping a timetable by day). */
export function dayInZone(iso: string, timeZone: string | null | undefined): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: safeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "Tuesday 22 April 2008" for a YYYY-MM-DD day. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const utc = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALE, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc);
}

/** "09:00" in the zone. */
export function formatTime(iso: string, timeZone: string | null | undefined): string {
  return new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: safeZone(timeZone) }).format(new Date(iso));
}

/** The zone's short name at an instant: "GMT+8", "UTC". */
export function zoneLabel(iso: string, timeZone: string | null | undefined): string {
  const parts = new Intl.DateTimeFormat(LOCALE, { timeZone: safeZone(timeZone), timeZoneName: 'short' }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? safeZone(timeZone);
}

/** "09:00–10:30 GMT+8". */
export function formatTimeRange(startsAt: string, endsAt: string, timeZone: string | null | undefined): string {
  return `${formatTime(startsAt, timeZone)}–${formatTime(endsAt, timeZone)} ${zoneLabel(startsAt, timeZone)}`;
}

/** "22 April 2008, 14:05 UTC" for a moment with no meeting around it (uploads, revisions). */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return 'unknown';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' }).format(d)} UTC`;
}

/** "1.2 MB" */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(size < 10 * 1024 ? 1 : 0)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** "INFORMATION_PAPER" → "Information paper". */
export function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
