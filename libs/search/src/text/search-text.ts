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

const MAYBE_CJK = /[\u1100-\uffff]/;
let scratch = new Uint16Array(1 << 14);

/**
 * The text to give FTS5 (unicode61) for a column: NFKC-normalized, each CJK run replaced by its
 * runTokens(). This runs over every page indexed, so it writes UTF-16 units into a scratch buffer
 * instead of building thousands of two-character strings per page.
 */
export function indexableText(text: string): string {
  const s = cleanText(text).normalize('NFKC');
  if (!MAYBE_CJK.test(s)) return s;
  const n = s.length;
  if (scratch.length < 4 * n + 8) scratch = new Uint16Array(4 * n + 8);
  const out = scratch;
  let o = 0;
  let i = 0;
  const copy = (from: number, width: number) => {
    out[o++] = s.charCodeAt(from);
    if (width === 2) out[o++] = s.charCodeAt(from + 1);
  };
  while (i < n) {
    let cp = s.charCodeAt(i);
    if (cp < 0x1100) {
      out[o++] = cp;
      i++;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff) cp = s.codePointAt(i)!;
    let w = cp > 0xffff ? 2 : 1;
    if (!isCjkCode(cp)) {
      copy(i, w);
      i += w;
      continue;
    }
    out[o++] = 32;
    let prev = i;
    let prevW = w;
    i += w;
    while (i < n) {
      cp = s.charCodeAt(i);
      if (cp >= 0xd800 && cp <= 0xdbff) cp = s.codePointAt(i)!;
      if (!isCjkCode(cp)) break;
      w = cp > 0xffff ? 2 : 1;
      copy(prev, prevW); // the bigram: previous character and this one
      copy(i, w);
      out[o++] = 32;
      prev = i;
      prevW = w;
      i += w;
    }
    copy(prev, prevW); // the run's last (or only) character
    out[o++] = 32;
  }
  return Buffer.from(out.buffer, out.byteOffset, o * 2).toString('utf16le');
}

/** What the snippet maker looks for: whole words (other scripts) and substrings (CJK). */
export interface Needles {
  words: Set<string>;
  cjk: string[];
}

export interface QueryTerm {
  /** FTS5 tokens in order; more than one means a phrase. */
  tokens: string[];
  /** The last token is a prefix (a lone CJK character: the first character of bigrams). */
  prefix: boolean;
  /** The term as the user wrote it (normalized), e.g. for the Meilisearch query. */
  text: string;
  quoted: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  needles: Needles;
  /** True when the input had nothing but white space. */
  blank: boolean;
}

/** A word of other scripts, as unicode61 sees one (letters, digits, marks, private use). */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/** Lower case, no diacritics: how unicode61 (remove_diacritics 2) compares Latin words. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC').toLowerCase();
}

/** A term's FTS5 tokens; a term ending in a lone CJK character matches it as a prefix. */
function tokensOf(segment: string, needles: Needles): { tokens: string[]; prefixLast: boolean } {
  const elements: ({ run: string[] } | { word: string })[] = [];
  forEachCjkRun(
    segment,
    (plain) => {
      for (const m of plain.matchAll(WORD)) {
        const w = foldWord(m[0]);
        if (w) elements.push({ word: w });
      }
    },
    (run) => elements.push({ run }),
  );
  const tokens: string[] = [];
  elements.forEach((e, i) => {
    if ('word' in e) {
      tokens.push(e.word);
      needles.words.add(e.word);
    } else {
      tokens.push(...runTokens(e.run, i < elements.length - 1));
      needles.cjk.push(e.run.join(''));
    }
  });
  const last = elements[elements.length - 1];
  return { tokens, prefixLast: !!last && 'run' in last && last.run.length === 1 };
}

/** Between terms: white space, and the commas and stops CJK writers put where others put spaces. */
const TERM_SEPARATOR = /[\s,;!?\u3001\u3002]+/u;

/**
 * Reads what a person typed into search terms. There is no operator syntax: every term must
 * match; text in double quotes is a phrase; a word with inner punctuation (a document symbol like
 * 2008-TELWG37-SPSG-006, an e-mail address, "e-Authentication") is a phrase of its parts; a CJK
 * run of three or more characters is the phrase of its bigrams. Nothing a caller types can reach
 * FTS5's query language: tokens are letters and digits only, and each is quoted.
 */
export function parseSearchQuery(input: string | null | undefined): ParsedQuery {
  const raw = cleanText(String(input ?? '')).slice(0, MAX_QUERY_CHARS).normalize('NFKC');
  const needles: Needles = { words: new Set(), cjk: [] };
  const terms: QueryTerm[] = [];
  if (!raw.trim()) return { terms, needles, blank: true };

  // Pair the quotes from the left; an unmatched last quote is just ignored.
  const parts = raw.split('"');
  const segments: { text: string; quoted: boolean }[] = [];
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1 && i < parts.length - 1;
    if (quoted) segments.push({ text: part, quoted: true });
    else for (const w of part.split(TERM_SEPARATOR)) if (w) segments.push({ text: w, quoted: false });
  });

  const seen = new Set<string>();
  for (const seg of segments) {
    if (terms.length >= MAX_QUERY_TERMS) break;
    const { tokens, prefixLast } = tokensOf(seg.text, needles);
    if (!tokens.length) continue;
    const kept = tokens.slice(0, MAX_PHRASE_TOKENS);
    const key = kept.join(' ') + (prefixLast ? ' *' : '');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ tokens: kept, prefix: prefixLast && kept.length === tokens.length, text: seg.text.trim(), quoted: seg.quoted });
  }
  return { terms, needles, blank: false };
}

/** An FTS5 MATCH expression: every term AND-ed, each token double-quoted. */
export function ftsMatchExpression(terms: QueryTerm[], join: 'AND' | 'OR' = 'AND'): string {
  return terms.map((t) => `"${t.tokens.join(' ')}"${t.prefix ? ' *' : ''}`).join(` ${join} `);
}
