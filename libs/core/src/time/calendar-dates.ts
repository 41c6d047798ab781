/*
 * Calendar dates written YYYY-MM-DD (report due dates, decisions, the approvals board), counted in
 * whole UTC days. Several domains use them, so they live in core rather than in one of them.
 */
const DAY_MS = 86_400_000;

function toEpochDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

export function addDays(date: string, days: number): string {
  return new Date((toEpochDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round(toEpochDay(to) - toEpochDay(from));
}

/** Today's date in UTC, YYYY-MM-DD. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
