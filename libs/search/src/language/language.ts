/** The languages search tells apart; 'other' is anything else (or text with no letters). */
export type Language = 'zh' | 'ja' | 'ko' | 'en' | 'other';
export const LANGUAGES: readonly Language[] = ['zh', 'ja', 'ko', 'en', 'other'];

const LETTER = /\p{L}/u;

type Script = 'han' | 'kana' | 'hangul' | 'latin' | 'other' | null;

/** The script of a code point, by ranges (this runs over every extracted character). */
function scriptOf(cp: number, ch: string): Script {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) ? 'latin' : null;
  if (cp >= 0xc0 && cp <= 0x24f) return cp === 0xd7 || cp === 0xf7 ? null : 'latin';
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f) || (cp >= 0x3005 && cp <= 0x3007))
    return 'han';
  if ((cp >= 0x3041 && cp <= 0x30ff && cp !== 0x30fb) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0xff66 && cp <= 0xff9f)) return 'kana';
  if ((cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3131 && cp <= 0x318e)) return 'hangul';
  if (cp >= 0x1e00 && cp <= 0x1eff) return 'latin';
  return LETTER.test(ch) ? 'other' : null;
}

/**
 * Tells the language of a piece of text by its script, counting letters: Han is Chinese unless
 * kana are present too (Japanese writes kanji among kana); Hangul is Korean; Latin is English
 * (the only Latin-script language these papers are written in). With several scripts the one
 * with the most letters wins; kana and the Han beside them count together as Japanese.
 */
export function detectLanguage(text: string, sampleChars = 4_000): Language {
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  let other = 0;
  const sample = text.length > sampleChars ? text.slice(0, sampleChars) : text;
  for (const ch of sample) {
    switch (scriptOf(ch.codePointAt(0)!, ch)) {
      case 'han':
        han++;
        break;
      case 'kana':
        kana++;
        break;
      case 'hangul':
        hangul++;
        break;
      case 'latin':
        latin++;
        break;
      case 'other':
        other++;
        break;
    }
  }
  // A little kana among much Han is still Japanese; a stray kana in a Chinese text is not.
  const japanese = kana > 0 && kana * 20 >= han ? kana + han : kana;
  const chinese = japanese > kana ? 0 : han;
  // Majority by characters, but a CJK character carries about what a short Latin word does, so
  // it counts three (a Hangul syllable two): a Chinese page with English terms stays Chinese.
  const scores: [Language, number][] = [
    ['zh', chinese * 3],
    ['ja', japanese * 3],
    ['ko', hangul * 2],
    ['en', latin],
    ['other', other],
  ];
  let best: [Language, number] = ['other', 0];
  for (const s of scores) if (s[1] > best[1]) best = s;
  return best[0];
}

/** The language with the most text among chunks (for a file's declared language when none is given). */
export function dominantLanguage(chunks: readonly { text: string; language: Language }[]): Language {
  const weight = new Map<Language, number>();
  for (const c of chunks) weight.set(c.language, (weight.get(c.language) ?? 0) + c.text.length);
  let best: Language = 'other';
  let max = 0;
  for (const [lang, w] of weight) if (w > max) [best, max] = [lang, w];
  return best;
}
