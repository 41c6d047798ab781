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

let converters: { toSimplified: Convert[]; variants: Convert[] } | null = null;
function opencc() {
  converters ??= {
    toSimplified: [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })],
    variants: [
      OpenCC.Converter({ from: 'cn', to: 'twp' }),
      OpenCC.Converter({ from: 'twp', to: 'cn' }),
      OpenCC.Converter({ from: 'cn', to: 'hk' }),
      OpenCC.Converter({ from: 'hk', to: 'cn' }),
    ],
  };
  return converters;
}

const charCache = new Map<string, string>();

/** One CJK character (a code point as a string) folded to its simplified form; same length. */
export function foldCjkChar(ch: string): string {
  const cached = charCache.get(ch);
  if (cached !== undefined) return cached;
  let out = ch;
  for (const convert of opencc().toSimplified) {
    const c = convert(out);
    if (c.length === ch.length && c !== out) {
      out = c;
      break;
    }
  }
  if (charCache.size < 200_000) charCache.set(ch, out);
  return out;
}

/** The forms of a Chinese word across regions and scripts, each folded (the word itself first). */
export function cjkVariants(run: string): string[] {
  const forms = new Set<string>([foldCjkRun(run)]);
  for (const convert of opencc().variants) forms.add(foldCjkRun(convert(run)));
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
