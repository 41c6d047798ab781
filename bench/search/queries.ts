/**
 * The query classes of the search benchmark, picked deterministically from the corpus (symbols
 * and phrases that exist in it) and from the planted words (see corpus.ts PLANTED).
 */
import type { SearchRequest } from '../../libs/search/src/index/search-index';
import { CorpusFile, PLANTED, rng } from './corpus';

export type QueryClass = 'english' | 'phrase' | 'zh1' | 'zh2' | 'zh4' | 'symbol' | 'filtered' | 'nohit' | 'common';

export const QUERY_CLASSES: { id: QueryClass; label: string }[] = [
  { id: 'english', label: 'English word' },
  { id: 'phrase', label: 'phrase' },
  { id: 'zh1', label: '1-char Chinese (common Han)' },
  { id: 'zh2', label: '2-char Chinese word' },
  { id: 'zh4', label: '4-char Chinese word' },
  { id: 'symbol', label: 'symbol' },
  { id: 'filtered', label: 'word + filters' },
  { id: 'nohit', label: 'no hit' },
  { id: 'common', label: 'common word (~2/3 of pages)' },
];

export type BenchQuery = Omit<SearchRequest, 'first' | 'after'> & { query: string };

/** Collects what the query classes need while the corpus streams past (every 50th file). */
export class QuerySampler {
  private readonly symbols: string[] = [];
  private readonly phrases: string[] = [];
  private readonly meetings = new Set<string>();
  private n = 0;
  private readonly random = rng(2008);

  see(file: CorpusFile): void {
    this.n++;
    this.meetings.add(file.meta.meetingCode!);
    if (this.n % 50 !== 0) return;
    if (file.meta.access === 'PUBLIC' && this.symbols.length < 20) this.symbols.push(file.meta.symbol);
    const page = file.chunks[Math.floor(this.random() * file.chunks.length)].text;
    const words = page.match(/[a-z]{4,}/g) ?? [];
    if (file.meta.language === 'en' && words.length > 10 && this.phrases.length < 20) {
      const i = Math.floor(this.random() * (words.length - 1));
      // Only pairs that stand together in the text (the regex skips punctuation between words).
      if (page.includes(`${words[i]} ${words[i + 1]}`)) this.phrases.push(`"${words[i]} ${words[i + 1]}"`);
    }
  }

  queries(): Record<QueryClass, BenchQuery[]> {
    const meetings = [...this.meetings].sort();
    const pub = (query: string, extra: Partial<BenchQuery> = {}): BenchQuery => ({ query, includeRestricted: false, ...extra });
    return {
      english: ['botnet', 'spectrum', 'broadband', 'malware', 'interconnection', 'submarine', 'governance', 'liberalization'].map((q) => pub(q)),
      phrase: [`"${PLANTED.phrase.words}"`, ...this.phrases.slice(0, 9)].map((q) => pub(q)),
      // The most frequent characters of the TEL37 report's runs (國 is in one run of six): each is on
      // nearly every Chinese page, about half the corpus — a prefix query over every bigram it starts.
      zh1: ['國', '會', '電', '資', '經', '網'].map((q) => pub(q)),
      zh2: ['認證', '網路', '資訊', '電子', '計畫', '會議', '經濟', '合作'].map((q) => pub(q)),
      zh4: ['殭屍網路', '電子認證', '教育訓練', '經濟合作', '基礎建設', '國際電信'].map((q) => pub(q)),
      symbol: this.symbols.slice(0, 10).map((q) => pub(q)),
      filtered: [
        pub(PLANTED.filtered.word, { filter: { meetingCodes: [meetings[10], meetings[11]] } }),
        pub(PLANTED.filtered.word, { filter: { years: [2010, 2011], groupCodes: ['SPSG'] } }),
        pub(PLANTED.english.word, { filter: { economies: ['CT', 'USA'] } }),
        pub(PLANTED.common.word, { filter: { types: ['REPORT'], languages: ['zh'] } }),
        pub('認證', { filter: { meetingCodes: [meetings[20]] } }),
      ],
      nohit: ['qzxjvw', 'zzqqxx yyyvvv', '量子糾纏態'].map((q) => pub(q)),
      common: [PLANTED.common.word, `${PLANTED.common.word} ${PLANTED.filtered.word}`].map((q) => pub(q)),
    };
  }
}
