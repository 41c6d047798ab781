import { foldWord, isCjkCode, Needles } from '../text/search-text';

export const SNIPPET_CHARS = 200;
const LEAD_CHARS = 40;
const MAX_RANGES = 400;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Private-use markers that cleanText() keeps out of stored text, so they can only be ours. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** Turns text with MARK_START/MARK_END around matches into escaped HTML with <mark> (Meilisearch). */
export function markedToHtml(marked: string): string {
  return escapeHtml(marked.replace(/\s+/g, ' ').trim()).replace(/\uE000/g, '<mark>').replace(/\uE001/g, '</mark>');
}

interface Range {
  start: number;
  end: number;
  needle: string;
}

const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const ASCII_WORD = /^[a-z0-9]+$/;

/** Where the needles occur in the original text: whole words, and CJK substrings inside CJK runs. */
function findMatches(text: string, needles: Needles): Range[] {
  const ranges: Range[] = [];
  const words = [...needles.words];
  if (words.length && words.every((w) => ASCII_WORD.test(w))) {
    // Plain ASCII words (the common case): one case-insensitive regex finds them as whole words.
    const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    for (const m of text.matchAll(re)) {
      ranges.push({ start: m.index!, end: m.index! + m[0].length, needle: m[0].toLowerCase() });
      if (ranges.length >= MAX_RANGES) break;
    }
  } else if (words.length) {
    for (const m of text.matchAll(WORD)) {
      // A CJK run is a "word" to \p{L}; only the non-CJK part of a word can match a word needle.
      const cut = [...m[0]].findIndex((c) => isCjkCode(c.codePointAt(0)!));
      const word = cut < 0 ? m[0] : [...m[0]].slice(0, cut).join('');
      if (!word) continue;
      const folded = foldWord(word.normalize('NFKC'));
      if (needles.words.has(folded)) ranges.push({ start: m.index!, end: m.index! + word.length, needle: folded });
      if (ranges.length >= MAX_RANGES) break;
    }
  }
  if (needles.cjk.length) {
    const normalized = text.normalize('NFKC');
    // Compatibility ideographs can change length under NFKC; then search the text as it is.
    const haystack = normalized.length === text.length ? normalized : text;
    for (const needle of needles.cjk) {
      let at = haystack.indexOf(needle);
      while (at >= 0 && ranges.length < MAX_RANGES) {
        ranges.push({ start: at, end: at + needle.length, needle });
        at = haystack.indexOf(needle, at + needle.length);
      }
    }
  }
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  // Drop ranges inside an earlier one (網 inside 網路).
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) {
      if (r.end > last.end) last.end = r.end;
      continue;
    }
    merged.push({ ...r });
  }
  return merged;
}

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
 * <mark>…</mark>, everything else HTML-escaped, white space collapsed, "…" where text was cut.
 * Built from the original text (not the bigram column), so CJK matches are marked as written.
 */
export function makeSnippet(text: string, needles: Needles, maxChars = SNIPPET_CHARS): string {
  const ranges = findMatches(text, needles);
  let start = 0;
  if (ranges.length) {
    let best = { score: -1, start: 0 };
    for (let i = 0; i < ranges.length; i++) {
      const from = Math.max(0, ranges[i].start - LEAD_CHARS);
      const distinct = new Set<string>();
      let count = 0;
      for (let j = i; j < ranges.length && ranges[j].end <= from + maxChars; j++) {
        distinct.add(ranges[j].needle);
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
    html += `<mark>${escapeHtml(text.slice(from, r.end))}</mark>`;
    at = r.end;
  }
  html += escapeHtml(text.slice(at, end).replace(/\s+/g, ' '));
  if (end < text.length) html += '…';
  return html.trim();
}
