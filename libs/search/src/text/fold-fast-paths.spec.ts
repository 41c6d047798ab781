import * as OpenCC from 'opencc-js';
import { foldCjkChar, foldCjkText } from './fold';
import { foldWord, isCjkCode, textUnits, TextUnit } from './search-text';
import { stem } from './fold';

/**
 * textUnits, foldCjkChar and foldCjkText take shortcuts for the common characters (ASCII words,
 * Han and Hangul, a typed-array cache). These tests hold them to the general definitions, written
 * out here as they were before the shortcuts: NFKC and mark folding for every word, OpenCC for
 * every character, code point by code point.
 */
const UNIT_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u;

function referenceUnits(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (isCjkCode(cp)) {
      const norm = text.slice(i, i + w).normalize('NFKC');
      const key = [...norm].length === 1 ? referenceFold(norm) : norm;
      units.push({ start: i, end: i + w, key, stem: key, cjk: true });
      i += w;
      continue;
    }
    if (!UNIT_CHAR.test(text.slice(i, i + w))) {
      i += w;
      continue;
    }
    const start = i;
    while (i < text.length) {
      const c = text.codePointAt(i)!;
      const cw = c > 0xffff ? 2 : 1;
      if (isCjkCode(c) || !UNIT_CHAR.test(text.slice(i, i + cw))) break;
      i += cw;
    }
    const word = text.slice(start, i).normalize('NFKC');
    const key = foldWord(word);
    units.push({ start, end: i, key, stem: /^[A-Za-z]+$/.test(word) ? stem(key) : key, cjk: false });
  }
  return units;
}

const toSimplified = [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })];
function referenceFold(ch: string): string {
  const out = ch;
  for (const convert of toSimplified) {
    const c = convert(out);
    if (c.length === ch.length && c !== out) return c;
  }
  return out;
}

function referenceFoldText(text: string): string {
  let out = '';
  for (const ch of text) out += ch.charCodeAt(0) >= 0x3400 ? referenceFold(ch) : ch;
  return out;
}

/** Pieces that take every branch: ASCII, accents (composed and not), ligatures, full width, compatibility ideographs, astral Han, kana, Hangul syllables and jamo, lone surrogates. */
const PIECES = [
  'a',
  'Z',
  '9',
  ' ',
  '-',
  '.',
  '_',
  'é',
  'e\u0301',
  'ﬁ',
  'Ａ',
  '１',
  'İ',
  'ß',
  'Ω',
  'ǅ',
  '²',
  '①',
  'Ⅻ',
  '\u00AD',
  '網',
  '网',
  '國',
  '發',
  '髮',
  '臺',
  '\uF900',
  '\u{2F800}',
  '𠀀',
  '々',
  'ア',
  'ｱ',
  'ﾞ',
  '\u309B',
  '㈱',
  '한',
  'ᄀ',
  '\uD800',
  '\uDC00',
  '\u0000',
  'botnets',
  'Networking',
];

/** A fixed-seed generator, so a failure names a string that can be run again. */
function strings(count: number, seed = 7): string[] {
  let s = seed;
  const next = (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(14) }, () => PIECES[next(PIECES.length)]).join(''));
}

describe('the shortcuts of textUnits and Chinese folding', () => {
  it('textUnits gives the general path’s units, position for position', () => {
    const samples = [...strings(20_000), '依據McAfee的報告，殭屍網路 botnets 在 2008 年增加。Ｗｉ-Ｆｉ ﬁle café naïve 한국어 カタカナ'];
    for (const text of samples) expect([text, textUnits(text)]).toEqual([text, referenceUnits(text)]);
  });

  it('foldCjkChar answers what OpenCC does for every character of the Han blocks, the compatibility ideographs and Hangul', () => {
    const ranges: [number, number][] = [
      [0x3000, 0x9fff],
      [0xac00, 0xd7a3],
      [0xf900, 0xfaff],
      [0x20000, 0x20fff],
      [0x2f800, 0x2fa1f],
    ];
    let changed = 0;
    for (const [from, to] of ranges)
      for (let cp = from; cp <= to; cp++) {
        const ch = String.fromCodePoint(cp);
        const want = referenceFold(ch);
        if (want !== ch) changed++;
        if (foldCjkChar(ch) !== want) throw new Error(`U+${cp.toString(16)}: ${foldCjkChar(ch)} ≠ ${want}`);
        expect(foldCjkChar(ch)).toBe(want); // from the cache the second time
      }
    expect(changed).toBeGreaterThan(2_000); // the ranges hold the traditional characters (not a vacuous pass)
  });

  it('foldCjkText folds code point by code point, lone surrogates and long texts included', () => {
    for (const text of [...strings(5_000, 11), strings(400, 3).join('')]) expect(foldCjkText(text)).toBe(referenceFoldText(text));
    expect(foldCjkText('電子認證 and 網路')).toBe('电子认证 and 网路');
    const plain = 'nothing to fold here';
    expect(foldCjkText(plain)).toBe(plain);
  });
});
