/**
 * Folding, shared by indexing, querying and snippets in every engine: a word written in either
 * Chinese script, or in its regional form, or an English word in any inflection, meets its
 * other forms.
 *
 * - Chinese characters fold one by one to simplified Chinese with OpenCC's character tables
 *   (opencc-js: Taiwan and Hong Kong variants to mainland simplified). Character by character on
 *   purpose: the folded text has the same length as the original, so a match found in folded text
 *   is highlighted at the same place in the original.
 * - Regional word forms (网络 / 網路, 软件 / 軟體, 信息 / 資訊) cannot fold character by character:
 *   a query's Chinese run is expanded into the forms OpenCC's phrase tables give it in each
 *   region (cjkVariants), each folded as above, and any of them matches.
 * - English words are stemmed with Porter2 (wink-porter2-stemmer): botnets, botnet → botnet.
 */
import * as OpenCC from 'opencc-js';
import stemWord from 'wink-porter2-stemmer';

type Convert = (text: string) => string;

/**
 * OpenCC's converters, built on first use, in two sets: folding needs only the two small
 * traditional → simplified tables (about 3 MB of heap), while a query's regional forms need the
 * simplified → Taiwan and Hong Kong phrase tables (about 84 MB: opencc-js keeps every dictionary
 * as a trie of Maps). Kept apart so that a thread that only folds — indexing, a search worker
 * making snippets — never builds the large ones (see SqliteSearchPool, which parses queries
 * before they reach its workers).
 */
let simplifiers: Convert[] | null = null;
let variantConverters: Convert[] | null = null;

function toSimplified(): Convert[] {
  simplifiers ??= [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })];
  return simplifiers;
}

function regionalConverters(): Convert[] {
  variantConverters ??= [
    OpenCC.Converter({ from: 'cn', to: 'twp' }),
    OpenCC.Converter({ from: 'twp', to: 'cn' }),
    OpenCC.Converter({ from: 'cn', to: 'hk' }),
    OpenCC.Converter({ from: 'hk', to: 'cn' }),
  ];
  return variantConverters;
}

/** Whether this thread has built the regional-form tables (cjkVariants): diagnostics and tests. */
export function regionalTablesLoaded(): boolean {
  return variantConverters !== null;
}

const charCache = new Map<string, string>();
/**
 * The folded form of each BMP character once computed (0: not yet). Folding is per character and
 * keeps the length, so a BMP character folds to one code unit; a typed array answers faster than
 * the Map, which matters when a search folds every page of its hits (BestChunkPicker).
 */
const bmpFolded = new Uint16Array(0x10000);

/** A BMP character's folded code unit, from the cache (computed once). */
function foldBmp(code: number): number {
  let folded = bmpFolded[code];
  if (folded === 0) folded = bmpFolded[code] = foldUncached(String.fromCharCode(code)).charCodeAt(0);
  return folded;
}

function foldUncached(ch: string): string {
  let out = ch;
  for (const convert of toSimplified()) {
    const c = convert(out);
    if (c.length === ch.length && c !== out) {
      out = c;
      break;
    }
  }
  return out;
}

/** One CJK character (a code point as a string) folded to its simplified form; same length. */
export function foldCjkChar(ch: string): string {
  if (ch.length === 1) {
    const code = ch.charCodeAt(0);
    const folded = foldBmp(code);
    return folded === code ? ch : String.fromCharCode(folded);
  }
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  const out = foldUncached(ch);
  if (charCache.size < 200_000) charCache.set(ch, out);
  return out;
}

/**
 * One code unit of text as foldCjkText leaves it, for matching without building the folded
 * string: below U+3400 as it is; a BMP character from U+3400 on folded. A surrogate (half of a
 * character beyond the BMP) is returned as it is: it folds, if at all, to another surrogate pair,
 * so it never equals a BMP character either way.
 */
export function foldedCodeUnit(code: number): number {
  if (code < 0x3400 || (code >= 0xd800 && code <= 0xdfff)) return code;
  return foldBmp(code);
}

/**
 * Text with every character from U+3400 on folded by foldCjkChar (code point by code point), the
 * rest as it is: what BestChunkPicker counts a query's Chinese words in. Works on code units and
 * builds a new string only when something changes.
 */
export function foldCjkText(text: string): string {
  let codes: Uint16Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400) continue;
    if (c >= 0xd800 && c <= 0xdfff) {
      // A surrogate pair (or a lone surrogate): one code point, folded as a string.
      const w = c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      const ch = text.slice(i, i + w);
      const folded = foldCjkChar(ch);
      if (folded !== ch) {
        codes ??= codeUnits(text);
        for (let k = 0; k < w; k++) codes[i + k] = folded.charCodeAt(k);
      }
      i += w - 1;
      continue;
    }
    const folded = foldBmp(c);
    if (folded !== c) {
      codes ??= codeUnits(text);
      codes[i] = folded;
    }
  }
  return codes ? fromCodeUnits(codes) : text;
}

function codeUnits(text: string): Uint16Array {
  const a = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) a[i] = text.charCodeAt(i);
  return a;
}

function fromCodeUnits(a: Uint16Array): string {
  // In slices: apply() takes its arguments on the stack. (TextDecoder would replace lone surrogates.)
  let s = '';
  for (let i = 0; i < a.length; i += 4096) s += String.fromCharCode(...a.subarray(i, i + 4096));
  return s;
}

/** The forms of a Chinese word across regions and scripts, each folded (the word itself first). */
export function cjkVariants(run: string): string[] {
  const forms = new Set<string>([foldCjkRun(run)]);
  for (const convert of regionalConverters()) forms.add(foldCjkRun(convert(run)));
  return [...forms].slice(0, 4);
}

function foldCjkRun(run: string): string {
  let out = '';
  for (const ch of run) out += foldCjkChar(ch);
  return out;
}

const STEMMABLE = /^[a-z]{3,40}$/;
const stemCache = new Map<string, string>();

/** An English word (lower case) to its Porter2 stem; other words as they are. */
export function stem(word: string): string {
  if (!STEMMABLE.test(word)) return word;
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const s = stemWord(word) || word;
  if (stemCache.size < 200_000) stemCache.set(word, s);
  return s;
}
