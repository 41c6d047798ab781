import { foldCjkText } from '../text/fold';
import { parseSearchQuery } from '../text/search-text';
import { BestChunkPicker, foldedCounter } from './best-chunk';

/** What foldedCounter stands in for: a global regex of the words, over the folded text. */
function regexCount(words: string[], text: string): number {
  const re = new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const folded = foldCjkText(text);
  let n = 0;
  while (n < 50 && re.exec(folded)) n++;
  return n;
}

describe('foldedCounter', () => {
  it('counts folded Chinese words in the text as written, without overlaps, the first word winning', () => {
    expect(foldedCounter(['网络'])('網絡與网络及網路')).toBe(2);
    expect(foldedCounter(['网网'])('網网網')).toBe(1);
    // At one position the first word listed wins, as in a regex alternation.
    expect(foldedCounter(['网', '网网'])('網网')).toBe(2);
    expect(foldedCounter(['网网', '网'])('網网')).toBe(1);
    expect(foldedCounter(['认证'])('')).toBe(0);
    expect(foldedCounter(['国'])('國'.repeat(80))).toBe(50);
  });

  it('agrees with the regex over the folded text on mixed scripts, kana, Hangul and characters beyond the BMP', () => {
    const alphabet = ['網', '网', '路', '络', '絡', '國', '国', '際', '际', 'a', ' ', '\n', '𠮷', '𩸽', 'の', '한', '\ud842'];
    const wordSets = [['网络'], ['网路', '网络'], ['国'], ['国际网'], ['の网'], ['한国'], ['网', '络网']];
    let state = 20081;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let compared = 0;
    for (let round = 0; round < 400; round++) {
      const text = Array.from({ length: Math.floor(random() * 120) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      for (const words of wordSets) {
        expect([words, text, foldedCounter(words)(text)]).toEqual([words, text, regexCount(words, text)]);
        compared++;
      }
    }
    expect(compared).toBe(2800);
  });
});

describe('BestChunkPicker', () => {
  const pages = (texts: string[]) => texts.map((text, i) => ({ page: i + 1, section: null, text }));
  const pick = (q: string, texts: string[]) => {
    const picker = new BestChunkPicker(parseSearchQuery(q));
    picker.add(pages(texts));
    return picker.best()?.page;
  };

  it('shows the page with the most of a Chinese word, in either script', () => {
    expect(pick('網路', ['网络安全', '網路與網路犯罪，网络', '无关'])).toBe(2);
    expect(pick('网络', ['網路', '網路與網路犯罪，网络', '无关'])).toBe(2);
  });

  it('counts a clause that mixes a Latin word and Chinese on the folded text', () => {
    expect(pick('網路 OR botnet', ['botnet', '网络 網路 botnet', 'nothing'])).toBe(2);
    expect(pick('殭屍網路 botnet', ['僵尸网络', '殭屍網路 and botnet', 'botnet'])).toBe(2);
  });

  it('falls back to the first page when nothing is found', () => {
    expect(pick('認證', ['one', 'two'])).toBe(1);
  });
});
