/**
 * Agenda item numbers. Papers print them as `3(f)`, `3 f)`, `3.f`, `3f` or `3 (f)`; we keep one
 * canonical form — segments joined by dots, letters lower-case: `3.f`, `3.f.ii`.
 */

const SEGMENT = /^(?:\d{1,3}|[a-z]{1,3}|[ivxlc]{1,8})$/;

/** Splits a printed number into its segments, or returns null when it is not an agenda number. */
export function parseAgendaNumber(input: string): string[] | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const text = input.trim().toLowerCase();
  if (!text) return null;
  // Brackets and dots are separators; "3f" splits between digits and letters.
  const spaced = text
    .replace(/[()[\].]/g, ' ')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2');
  const segments = spaced.split(/\s+/).filter(Boolean);
  if (!segments.length || segments.length > 4) return null;
  if (!/^\d+$/.test(segments[0])) return null;
  if (!segments.every((s) => SEGMENT.test(s))) return null;
  return segments.map((s) => (/^\d+$/.test(s) ? String(Number(s)) : s));
}

export function canonicalAgendaNumber(input: string): string | null {
  return parseAgendaNumber(input)?.join('.') ?? null;
}

const ROMAN: [number, string][] = [
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [value, letters] of ROMAN) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

function letters(n: number): string {
  // 1 → a, 26 → z, 27 → aa
  let out = '';
  while (n > 0) {
    n--;
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

/** The label of the item at `position` (from 1) on `depth` (0 = top): 3 · c · iii. */
export function labelFor(depth: number, position: number): string {
  if (depth === 0) return String(position);
  if (depth === 1) return letters(position);
  return roman(position);
}

/** Validates a label given by a user for an item at `depth`. */
export function isLabelForDepth(label: string, depth: number): boolean {
  if (depth === 0) return /^\d{1,3}$/.test(label);
  return /^[a-z]{1,8}$/.test(label);
}

export function joinNumber(parentNumber: string | null, label: string): string {
  return parentNumber ? `${parentNumber}.${label}` : label;
}
