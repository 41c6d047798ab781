/** Newest first: by start date, then by meeting number; meetings without a date go last. */
export function newestFirst<T extends { startDate?: string | null; number?: number | null; code: string }>(meetings: readonly T[]): T[] {
  return [...meetings].sort((a, b) => {
    if (a.startDate && b.startDate && a.startDate !== b.startDate) return a.startDate < b.startDate ? 1 : -1;
    if (!!a.startDate !== !!b.startDate) return a.startDate ? -1 : 1;
    return (b.number ?? 0) - (a.number ?? 0) || a.code.localeCompare(b.code);
  });
}

/** The next meeting (the first not yet ended) and the last one held, as of `today` (YYYY-MM-DD). */
export function nextAndLast<T extends { startDate?: string | null; endDate?: string | null; status: string; number?: number | null; code: string }>(
  meetings: readonly T[],
  today: string,
): { next: T | null; last: T | null } {
  const sorted = newestFirst(meetings);
  const upcoming = sorted.filter((m) => (m.endDate ?? m.startDate ?? '') >= today || (!m.startDate && m.status === 'PLANNED'));
  const past = sorted.filter((m) => !upcoming.includes(m));
  const dated = upcoming.filter((x) => x.startDate);
  // Undated planned meetings come in number order: the next is the lowest number.
  return { next: dated.length ? dated[dated.length - 1] : (upcoming[upcoming.length - 1] ?? null), last: past[0] ?? null };
}
