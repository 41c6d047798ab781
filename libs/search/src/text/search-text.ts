import { cjkVariants, foldCjkChar, stem } from './fold';

/**
 * The one tokenization the SQLite index and the query parser share.
 *
 * FTS5's unicode61 tokenizer splits on anything that is not a letter or a digit, so a run of
 * Chinese, Japanese or Korean text would become one giant "word". Instead, each CJK run is written
 * into the index as its overlapping bigrams followed by its last character (see runTokens), and
 * the query is cut the same way, so 1-, 2- and n-character words all match. Other text is left to
 * unicode61 (case- and diacritic-folded words).
 */

/**
 * Whether a code point is a letter of a CJK script — Han (with 々 〆 〇), kana (with ー), Hangul —
 * as opposed to CJK punctuation. Hot in indexing, so ranges instead of a Unicode-property regex
 * (a spec checks it against \p{sc=…} for the whole BMP).
 */
export function isCjkCode(cp: number): boolean {
  if (cp < 0x1100) return false;
  if (cp <= 0x11ff) return true; // Hangul Jamo
  if (cp < 0x3005) return false;
  if (cp <= 0x3007) return true; // 々 〆 〇
  if (cp >= 0x3021 && cp <= 0x3029) return true; // Hangzhou numerals
  if (cp >= 0x3031 && cp <= 0x3035) return true; // kana repeat marks
  if (cp >= 0x3038 && cp <= 0x303c) return true;
  if (cp >= 0x3041 && cp <= 0x3096) return true; // Hiragana
  if (cp >= 0x309d && cp <= 0x309f) return true;
  if (cp >= 0x30a1 && cp <= 0x30fa) return true; // Katakana
  if (cp >= 0x30fc && cp <= 0x30ff) return true;
  if (cp >= 0x3131 && cp <= 0x318e) return true; // Hangul compatibility jamo
  if (cp >= 0x31f0 && cp <= 0x31ff) return true;
  if (cp >= 0x3400 && cp <= 0x4dbf) return true; // CJK Extension A
  if (cp >= 0x4e00 && cp <= 0x9fff) return true; // CJK Unified Ideographs
  if (cp >= 0xa960 && cp <= 0xa97c) return true;
  if (cp >= 0xac00 && cp <= 0xd7a3) return true; // Hangul syllables
  if (cp >= 0xd7b0 && cp <= 0xd7fb) return true;
  if (cp >= 0xf900 && cp <= 0xfaff) return true; // compatibility ideographs
  if (cp >= 0xff66 && cp <= 0xff9f) return true; // half-width katakana
  if (cp >= 0xffa0 && cp <= 0xffdc) return true; // half-width Hangul
  return cp >= 0x20000 && cp <= 0x3134f; // Extensions B–H
}

export function isCjkLetter(ch: string): boolean {
  return isCjkCode(ch.codePointAt(0) ?? 0);
}

/** Code points FTS5 and the snippet markers must never see in stored text. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000\uE001\uFFFE\uFFFF]/g;

export const MAX_QUERY_CHARS = 256;
export const MAX_QUERY_TERMS = 16;
const MAX_PHRASE_TOKENS = 32;

/** Removes characters that may not be stored or that the snippet markers use. */
export function cleanText(text: string): string {
  return text.replace(CONTROL, ' ');
}

/** Splits text into CJK runs and the text between them (which unicode61 tokenizes itself). */
function forEachCjkRun(text: string, onText: (s: string) => void, onRun: (chars: string[]) => void): void {
  let i = 0;
  let plainStart = 0;
  const n = text.length;
  while (i < n) {
    const cp = text.codePointAt(i)!;
    if (!isCjkCode(cp)) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (i > plainStart) onText(text.slice(plainStart, i));
    const run: string[] = [];
    while (i < n) {
      const c = text.codePointAt(i)!;
      if (!isCjkCode(c)) break;
      const w = c > 0xffff ? 2 : 1;
      run.push(text.slice(i, i + w));
      i += w;
    }
    onRun(run);
    plainStart = i;
  }
  if (plainStart < n) onText(plainStart === 0 ? text : text.slice(plainStart));
}

/**
 * The tokens a CJK run is indexed as: its overlapping bigrams in order, then its last character
 * (a run of one is just that character). Every occurrence of a character is thus the first
 * character of some token, so a one-character query is the prefix query `"網" *`; a two-character
 * word is one bigram; a longer word is the phrase of its bigrams.
 */
function runTokens(cs: string[], withTerminal: boolean): string[] {
  if (cs.length === 1) return [cs[0]];
  const out: string[] = [];
  for (let i = 0; i < cs.length - 1; i++) out.push(cs[i] + cs[i + 1]);
  if (withTerminal) out.push(cs[cs.length - 1]);
  return out;
}

/** An English word as the index keeps it: its Porter2 stem; `forms` collects the inflected forms. */
const LATIN_WORD = /(?<![\p{L}\p{N}\p{M}])[A-Za-z]+(?![\p{L}\p{N}\p{M}])/gu;

/**
 * The text to give FTS5 (unicode61) for a column: NFKC-normalized (full-width letters and digits
 * are plain ones), each CJK run folded to simplified characters (foldCjkChar) and replaced by its
 * runTokens(), each English word replaced by its stem. Pass `forms` to collect the inflected
 * words that were stemmed (botnets, authentication): the caller appends them once per file, so
 * that a query's exact form can rank above its other inflections.
 */
export function indexableText(text: string, forms?: Set<string>): string {
  const s = cleanText(text).normalize('NFKC');
  let out = '';
  forEachCjkRun(
    s,
    (plain) => {
      out += plain.replace(LATIN_WORD, (w) => {
        const lower = w.toLowerCase();
        const st = stem(lower);
        if (st !== lower && forms && forms.size < 50_000) forms.add(lower);
        return st;
      });
    },
    (run) => {
      out += ` ${runTokens(run.map(foldCjkChar), true).join(' ')} `;
    },
  );
  return out;
}

/** A token of indexableText() output, as FTS5's unicode61 cuts it (letters, digits, marks, private use). */
const INDEX_TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/**
 * A token as engines that take tokens rather than text (PostgreSQL's tsvector) keep it: what
 * unicode61 (remove_diacritics 2) would make of it — lower case, no diacritics — so a token from
 * indexTokens() and one from a parsed query (QueryTerm.tokens) compare equal exactly when FTS5's
 * would. CJK tokens (bigrams, already folded) are kept as they are.
 */
export function tokenKey(token: string): string {
  for (const ch of token) if (isCjkLetter(ch)) return token;
  return foldWord(token);
}

/**
 * The tokens FTS5 would index for a column given indexableText(text), in order: the same folding
 * (NFKC, CJK bigrams of simplified characters, English stems), cut and folded as unicode61 does
 * (tokenKey). `forms` collects the inflected words, as indexableText does.
 */
export function indexTokens(text: string, forms?: Set<string>): string[] {
  const out: string[] = [];
  for (const m of indexableText(text, forms).matchAll(INDEX_TOKEN)) {
    const key = tokenKey(m[0]);
    if (key) out.push(key);
  }
  return out;
}

/** One element of a term: an English or other word, or one CJK character (folded). */
export type TermElement = { word: string; stem: string } | { cjk: string };

export interface QueryTerm {
  /** FTS5 tokens in order; more than one means a phrase. */
  tokens: string[];
  /** The last token is a prefix (word*, or a lone CJK character: the first character of bigrams). */
  prefix: boolean;
  /** The term as the user wrote it (normalized), e.g. for the Meilisearch query. */
  text: string;
  quoted: boolean;
  /** What the snippet matcher looks for, in order. */
  elements: TermElement[];
}

/** Terms any one of which satisfies the clause: `a OR b`, and the regional forms of a Chinese word. */
export interface QueryClause {
  alternatives: QueryTerm[];
}

export interface ParsedQuery {
  /** Every clause must match. */
  clauses: QueryClause[];
  /** No document matching any of these is returned (-word, -"phrase"). */
  excluded: QueryClause[];
  /** The first alternative of every clause (for engines without OR). */
  terms: QueryTerm[];
  /** True when the input had nothing but white space. */
  blank: boolean;
}

/** A word of other scripts, as unicode61 sees one (letters, digits, marks, private use). */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/** Lower case, no diacritics: how unicode61 (remove_diacritics 2) compares Latin words. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase();
}

/** A segment's elements: words (folded, stemmed) and CJK runs (as runs, not yet folded). */
function elementsOf(segment: string): ({ run: string[] } | { word: string; plain?: boolean })[] {
  const elements: ({ run: string[] } | { word: string; plain?: boolean })[] = [];
  forEachCjkRun(
    segment,
    (plain) => {
      for (const m of plain.matchAll(WORD)) {
        const w = foldWord(m[0]);
        // Only words written in plain ASCII letters are stemmed (as in indexableText).
        if (w) elements.push(/^[A-Za-z]+$/.test(m[0]) ? { word: w } : { word: w, plain: true });
      }
    },
    (run) => elements.push({ run }),
  );
  return elements;
}

/**
 * The term for a segment, with each CJK run in the given form. A single quoted English word keeps
 * its exact form (the inflected forms are in the index once per file); otherwise words are stems.
 */
function termOf(text: string, quoted: boolean, prefix: boolean, elements: ({ run: string[] } | { word: string; plain?: boolean })[]): QueryTerm | null {
  const tokens: string[] = [];
  const out: TermElement[] = [];
  const exactWord = quoted && elements.length === 1 && 'word' in elements[0];
  elements.forEach((e, i) => {
    if ('word' in e) {
      const st = (prefix && i === elements.length - 1) || e.plain ? e.word : stem(e.word);
      tokens.push(exactWord ? e.word : st);
      out.push({ word: e.word, stem: exactWord ? e.word : st });
    } else {
      tokens.push(...runTokens(e.run, i < elements.length - 1));
      for (const c of e.run) out.push({ cjk: c });
    }
  });
  if (!tokens.length) return null;
  const last = elements[elements.length - 1];
  const lastIsLoneChar = 'run' in last && last.run.length === 1;
  const kept = tokens.slice(0, MAX_PHRASE_TOKENS);
  const isPrefix = (lastIsLoneChar || (prefix && 'word' in last)) && kept.length === tokens.length;
  return { tokens: kept, prefix: isPrefix, text: text.trim(), quoted, elements: out };
}

/** A clause for a segment: the segment, its regional/script forms, and (for one inflected word) its exact form. */
function clauseOf(text: string, quoted: boolean, prefix: boolean): QueryClause | null {
  const elements = elementsOf(text);
  if (!elements.length) return null;
  const runs = elements.map((e, i) => ('run' in e ? i : -1)).filter((i) => i >= 0);
  const alternatives: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (t: QueryTerm | null) => {
    if (!t) return;
    const key = t.tokens.join(' ') + (t.prefix ? ' *' : '');
    if (seen.has(key)) return;
    seen.add(key);
    alternatives.push(t);
  };
  if (runs.length === 1) {
    // One Chinese word (the usual case): each of its regional forms is an alternative.
    const at = runs[0];
    const run = (elements[at] as { run: string[] }).run.join('');
    for (const form of cjkVariants(run)) {
      const variant = elements.slice();
      variant[at] = { run: [...form] };
      add(termOf(text, quoted, prefix, variant));
    }
  } else {
    add(
      termOf(
        text,
        quoted,
        prefix,
        elements.map((e) => ('run' in e ? { run: e.run.map(foldCjkChar) } : e)),
      ),
    );
  }
  // An inflected English word ranks its exact form first (the file's forms are indexed too).
  if (!quoted && !prefix && elements.length === 1 && 'word' in elements[0] && !elements[0].plain) {
    const w = elements[0].word;
    if (stem(w) !== w) alternatives.push({ tokens: [w], prefix: false, text: text.trim(), quoted: true, elements: [{ word: w, stem: w }] });
  }
  return alternatives.length ? { alternatives } : null;
}

/** Between terms: white space, and the commas and stops CJK writers put where others put spaces. */
const TERM_SEPARATOR = /[\s,;!?\u3001\u3002]+/u;

interface RawTerm {
  text: string;
  quoted: boolean;
  negated: boolean;
  prefix: boolean;
}

/**
 * Reads what a person typed, in the syntax search boxes share: words (all must match),
 * "exact phrase", `a OR b`, `-word` or `-"phrase"` to exclude, `word*` for a prefix. Everything
 * else is literal text, never an error: an OR with nothing on one side, a `-` on its own or on
 * the only term, a `*` after fewer than two letters, quotes that do not pair. A word with inner
 * punctuation (a document symbol like 2008-TELWG37-SPSG-006, "e-Authentication") is a phrase of
 * its parts; a CJK run of three or more characters is the phrase of its bigrams. Nothing a
 * caller types can reach FTS5's query language: tokens are letters and digits only, each quoted.
 */
export function parseSearchQuery(input: string | null | undefined): ParsedQuery {
  const raw = cleanText(String(input ?? ''))
    .slice(0, MAX_QUERY_CHARS)
    .normalize('NFKC');
  const result: ParsedQuery = { clauses: [], excluded: [], terms: [], blank: false };
  if (!raw.trim()) return { ...result, blank: true };

  // Pair the quotes from the left; an unmatched last quote is just ignored. A '-' right before
  // an opening quote negates the phrase.
  const parts = raw.split('"');
  const items: (RawTerm | 'OR')[] = [];
  let negateNext = false;
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && i < parts.length - 1;
    if (quoted) {
      items.push({ text: part, quoted: true, negated: negateNext, prefix: false });
      negateNext = false;
      return;
    }
    negateNext = false;
    const words = part.split(TERM_SEPARATOR).filter(Boolean);
    words.forEach((w, j) => {
      if (w === 'OR') return void items.push('OR');
      if (w === '-' && j === words.length - 1 && i < parts.length - 2) return void (negateNext = true);
      let text = w;
      let negated = false;
      if (text.length > 1 && text.startsWith('-')) {
        negated = true;
        text = text.slice(1);
      }
      let prefix = false;
      if (/^[^*]*[\p{L}\p{N}]{2}\*$/u.test(text) || /^[^*]*\p{sc=Han}\*$/u.test(text)) {
        prefix = true;
        text = text.slice(0, -1);
      }
      items.push({ text, quoted: false, negated, prefix });
    });
  });

  // Group `a OR b OR c` into one clause; an OR without a term on both sides is the word "or".
  const groups: { terms: RawTerm[]; negated: boolean }[] = [];
  for (let k = 0; k < items.length; k++) {
    const item = items[k];
    if (item === 'OR') {
      const prev = groups[groups.length - 1];
      const next = items[k + 1];
      if (prev && !prev.negated && next && next !== 'OR' && !next.negated) {
        prev.terms.push(next);
        k++;
      } else groups.push({ terms: [{ text: 'or', quoted: false, negated: false, prefix: false }], negated: false });
      continue;
    }
    groups.push({ terms: [item], negated: item.negated });
  }
  // Exclusions need something to exclude from: alone, "-word" means the word.
  if (groups.length && groups.every((g) => g.negated)) for (const g of groups) g.negated = false;

  const seen = new Set<string>();
  for (const g of groups) {
    if (result.clauses.length + result.excluded.length >= MAX_QUERY_TERMS) break;
    const alternatives: QueryTerm[] = [];
    for (const t of g.terms) {
      const clause = clauseOf(t.text, t.quoted, t.prefix);
      if (clause) alternatives.push(...clause.alternatives);
    }
    if (!alternatives.length) continue;
    const key = (g.negated ? '-' : '') + alternatives.map((a) => a.tokens.join(' ') + (a.prefix ? '*' : '')).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    (g.negated ? result.excluded : result.clauses).push({ alternatives: alternatives.slice(0, 8) });
  }
  result.terms = result.clauses.map((c) => c.alternatives[0]);
  return result;
}

function termExpression(t: QueryTerm): string {
  return `"${t.tokens.join(' ')}"${t.prefix ? ' *' : ''}`;
}

function clauseExpression(c: QueryClause): string {
  return c.alternatives.length === 1 ? termExpression(c.alternatives[0]) : `(${c.alternatives.map(termExpression).join(' OR ')})`;
}

/** An FTS5 MATCH expression: every clause AND-ed (alternatives OR-ed), exclusions NOT-ed. */
export function ftsMatchExpression(query: Pick<ParsedQuery, 'clauses' | 'excluded'>): string {
  const positive = query.clauses.map(clauseExpression).join(' AND ');
  if (!positive || !query.excluded.length) return positive;
  return `(${positive}) NOT (${query.excluded.map(clauseExpression).join(' OR ')})`;
}

/** The exclusions alone as a MATCH expression (or null). */
export function ftsExcludedExpression(query: Pick<ParsedQuery, 'excluded'>): string | null {
  return query.excluded.length ? query.excluded.map(clauseExpression).join(' OR ') : null;
}

// -------------------------------------------------------------------------------------------
// Matching in original text (snippets, the page to show): the same folding, on positions.

export interface TextUnit {
  start: number;
  end: number;
  /** Folded word, or folded CJK character. */
  key: string;
  stem: string;
  cjk: boolean;
}

const UNIT_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u;

/** Han (extension A and the unified block) and Hangul syllables: NFKC leaves each of them as it is. */
function nfkcStable(cp: number): boolean {
  return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3);
}

/** A unit character (UNIT_CHAR) by its code: ASCII decided by range, the rest by the regex. */
function isUnitChar(text: string, i: number, cp: number, w: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  return UNIT_CHAR.test(text.slice(i, i + w));
}

/**
 * Text as words and CJK characters with their positions (what terms are matched against).
 * Runs for every page a hit may show (BestChunkPicker) and every snippet, so the common cases
 * skip the general path: ASCII letters and digits are told by their code, an ASCII word needs no
 * Unicode normalization (NFKC and the mark folding leave it as it is), nor does a Han character or
 * a Hangul syllable (see nfkcStable). The result is the same as the general path's
 * (search-text.spec.ts compares them).
 */
export function textUnits(text: string, limit = 200_000): TextUnit[] {
  const units: TextUnit[] = [];
  let i = 0;
  const n = text.length;
  while (i < n && units.length < limit) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (isCjkCode(cp)) {
      const ch = text.slice(i, i + w);
      let key: string;
      if (nfkcStable(cp)) key = foldCjkChar(ch);
      else {
        const norm = ch.normalize('NFKC');
        key = [...norm].length === 1 ? foldCjkChar(norm) : norm;
      }
      units.push({ start: i, end: i + w, key, stem: key, cjk: true });
      i += w;
      continue;
    }
    if (!isUnitChar(text, i, cp, w)) {
      i += w;
      continue;
    }
    const start = i;
    let ascii = true;
    while (i < n) {
      const c = text.codePointAt(i)!;
      const cw = c > 0xffff ? 2 : 1;
      if (isCjkCode(c) || !isUnitChar(text, i, c, cw)) break;
      if (c >= 0x80) ascii = false;
      i += cw;
    }
    const raw = text.slice(start, i);
    if (ascii) {
      const key = raw.toLowerCase();
      units.push({ start, end: i, key, stem: /^[a-z]+$/.test(key) ? stem(key) : key, cjk: false });
      continue;
    }
    const word = raw.normalize('NFKC');
    const key = foldWord(word);
    units.push({ start, end: i, key, stem: /^[A-Za-z]+$/.test(word) ? stem(key) : key, cjk: false });
  }
  return units;
}

export interface TermMatch {
  start: number;
  end: number;
  /** Which clause of the query matched. */
  clause: number;
}

function unitMatches(unit: TextUnit, el: TermElement, last: boolean, prefix: boolean): boolean {
  if ('cjk' in el) return unit.cjk && unit.key === el.cjk;
  if (unit.cjk) return false;
  if (last && prefix) return unit.key.startsWith(el.word) || unit.stem.startsWith(el.word);
  // A quoted inflected word (its stem kept as the word itself) matches that form only.
  if (el.stem === el.word && stem(el.word) !== el.word) return unit.key === el.word;
  return unit.stem === el.stem;
}

/**
 * Where the query's clauses occur in the text, as whole units: a phrase only where its words
 * stand together (across CJK and Latin, as in 依據McAfee), a Chinese word in any of its forms.
 */
export function findTermMatches(units: TextUnit[], query: Pick<ParsedQuery, 'clauses'>, max = 400): TermMatch[] {
  const matches: TermMatch[] = [];
  query.clauses.forEach((clause, c) => {
    for (const alt of clause.alternatives) {
      const els = alt.elements;
      if (!els.length) continue;
      for (let i = 0; i + els.length <= units.length && matches.length < max; i++) {
        let ok = true;
        for (let j = 0; j < els.length && ok; j++) ok = unitMatches(units[i + j], els[j], j === els.length - 1, alt.prefix);
        if (ok) matches.push({ start: units[i].start, end: units[i + els.length - 1].end, clause: c });
      }
    }
  });
  matches.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TermMatch[] = [];
  for (const m of matches) {
    const last = merged[merged.length - 1];
    if (last && m.start < last.end) {
      if (m.end > last.end) last.end = m.end;
      continue;
    }
    merged.push({ ...m });
  }
  return merged;
}

/**
 * Text folded as the SQLite index folds it, for engines that segment text themselves
 * (Meilisearch): NFKC, CJK characters to simplified, English words to their stems; no bigrams.
 */
export function foldedText(text: string): string {
  const s = cleanText(text).normalize('NFKC');
  let out = '';
  forEachCjkRun(
    s,
    (plain) => {
      out += plain.replace(LATIN_WORD, (w) => stem(w.toLowerCase()));
    },
    (run) => {
      out += run.map(foldCjkChar).join('');
    },
  );
  return out;
}

/** A term as folded text (words as stems, CJK folded), as foldedText() writes the same words. */
export function foldedTermText(term: QueryTerm): string {
  let out = '';
  let prevCjk = false;
  for (const e of term.elements) {
    if ('cjk' in e) {
      out += e.cjk;
      prevCjk = true;
    } else {
      out += `${out && !prevCjk ? ' ' : out ? ' ' : ''}${e.stem}`;
      prevCjk = false;
    }
  }
  return out.trim();
}
