import { findTermMatches, ParsedQuery, TermMatch, textUnits } from '../text/search-text';

export const SNIPPET_CHARS = 200;
const LEAD_CHARS = 40;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Private-use markers that cleanText() keeps out of stored text, so they can only be ours. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** Turns text with MARK_START/MARK_END around matches into escaped HTML with <mark> (Meilisearch). */
export function markedToHtml(marked: string): string {
  return escapeHtml(marked.replace(/\s+/g, ' ').trim())
    .replace(/\uE000/g, '<mark>')
    .replace(/\uE001/g, '</mark>');
}

type Query = Pick<ParsedQuery, 'clauses'>;

/** Where the query matches the text: whole words, whole phrases, CJK words in any of their forms. */
export function findMatches(text: string, query: Query): TermMatch[] {
  if (!query.clauses.length) return [];
  return findTermMatches(textUnits(text), query);
}

const CJK_SPACE =
  /([\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20])((?:<\/?mark>)?) ((?:<\/?mark>)?)(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20])/gu;

/** Moves an index off the second half of a surrogate pair. */
function safeIndex(text: string, i: number): number {
  if (i > 0 && i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) return i - 1;
  }
  return i;
}

/**
 * A short HTML excerpt of `text` around the densest cluster of query matches: matches wrapped in
 * <mark>…</mark>, everything else HTML-escaped, white space collapsed (and dropped between CJK
 * characters), "…" where text was cut. Built from the original text (not the bigram column), so
 * matches are marked as written: a phrase where it stands, a folded or stemmed word in its own form.
 */
export function makeSnippet(text: string, query: Query, maxChars = SNIPPET_CHARS): string {
  const ranges = findMatches(text, query);
  let start = 0;
  if (ranges.length) {
    let best = { score: -1, start: 0 };
    for (let i = 0; i < ranges.length; i++) {
      const from = Math.max(0, ranges[i].start - LEAD_CHARS);
      const distinct = new Set<number>();
      let count = 0;
      for (let j = i; j < ranges.length && ranges[j].end <= from + maxChars; j++) {
        distinct.add(ranges[j].clause);
        count++;
      }
      const score = distinct.size * 1000 + count;
      if (score > best.score) best = { score, start: from };
    }
    start = best.start;
    // Start at a word boundary when one is near.
    if (start > 0) {
      const space = text.lastIndexOf(' ', start);
      if (space >= 0 && start - space < 15) start = space + 1;
    }
  }
  start = safeIndex(text, start);
  let end = safeIndex(text, Math.min(text.length, start + maxChars));
  // Never cut through a match.
  for (const r of ranges) if (r.start < end && r.end > end) end = r.end;

  let html = start > 0 ? '…' : '';
  let at = start;
  for (const r of ranges) {
    if (r.end <= start || r.start >= end) continue;
    const from = Math.max(r.start, start);
    html += escapeHtml(text.slice(at, from).replace(/\s+/g, ' '));
    html += `<mark>${escapeHtml(text.slice(from, r.end).replace(/\s+/g, ' '))}</mark>`;
    at = r.end;
  }
  html += escapeHtml(text.slice(at, end).replace(/\s+/g, ' '));
  if (end < text.length) html += '…';
  // A line end between two Chinese or Japanese characters is no space in the text.
  return html.trim().replace(CJK_SPACE, '$1$2$3');
}
