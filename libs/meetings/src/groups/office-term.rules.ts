/** A term's span in meeting numbers. `to` is the meeting where the holder left office. */
export interface TermSpan {
  from: number | null;
  to: number | null;
  openStart: boolean;
  openEnd: boolean;
}

/**
 * Whether a term is held at meeting number `at` (after that meeting's elections), or now when
 * `at` is null. Elected at `from` → holds from `from` on; left at `to` → no longer holds at `to`.
 */
export function termHoldsAt(term: TermSpan, at: number | null): boolean {
  if (at === null) return term.openEnd;
  const started = term.openStart || (term.from !== null && term.from <= at);
  const notEnded = term.openEnd || (term.to !== null && term.to > at);
  return started && notEnded;
}
