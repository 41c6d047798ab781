/**
 * Wall-clock times of a meeting are kept as local "YYYY-MM-DDTHH:mm" in the meeting's IANA zone
 * and returned with the offset that zone had at that moment (`2008-03-26T14:00:00+09:00`).
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Offset in minutes east of UTC that `zone` has at the UTC instant `epochMs`. */
export function offsetMinutesAt(zone: string, epochMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

function isRealDate(y: number, m: number, d: number, h: number, min: number, s: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d, h, min, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d && h < 24 && min < 60 && s < 60;
}

/** The UTC instant of a local wall time in `zone` (the earlier one when a clock change repeats it). */
export function localToEpoch(local: string, zone: string): number {
  const m = LOCAL.exec(local);
  if (!m) throw new RangeError(`not a local date-time: ${local}`);
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
  let guess = wall - offsetMinutesAt(zone, wall) * 60000;
  guess = wall - offsetMinutesAt(zone, guess) * 60000;
  return guess;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2008-03-26T14:00` in Asia/Tokyo → `2008-03-26T14:00:00+09:00`. */
export function formatZoned(local: string, zone: string): string {
  const epoch = localToEpoch(local, zone);
  const offset = offsetMinutesAt(zone, epoch);
  const shifted = new Date(epoch + offset * 60000);
  return (
    `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}${formatOffset(offset)}`
  );
}

/**
 * Accepts a local wall time (`2008-03-26T14:00`, read in `zone`) or an instant with an offset or Z
 * (converted into `zone`); returns the local wall time `YYYY-MM-DDTHH:mm` or null when malformed.
 */
export function toLocalWallTime(input: string, zone: string): string | null {
  const text = input.trim();
  const local = LOCAL.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    if (!isRealDate(+y, +mo, +d, +h, +mi, +(s ?? 0))) return null;
    return `${y}-${mo}-${d}T${h}:${mi}`;
  }
  const withOffset = WITH_OFFSET.exec(text);
  if (!withOffset) return null;
  const [, y, mo, d, h, mi, s] = withOffset;
  if (!isRealDate(+y, +mo, +d, +h, +mi, +(s ?? 0))) return null;
  const epoch = Date.parse(text);
  if (Number.isNaN(epoch)) return null;
  const offset = offsetMinutesAt(zone, epoch);
  const shifted = new Date(epoch + offset * 60000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  return !!m && isRealDate(+m[1], +m[2], +m[3], 0, 0, 0);
}
