/**
 * A deterministic corpus for the search benchmark: about 100,000 pages of about 2 KB (UTF-8), in
 * documents of 1 to 80 pages, English, Chinese and mixed (the `files` layout; `inLayout()` gives
 * the same pages as one file and document each, the `pages` layout). Chinese text is stitched from the runs
 * of the TEL37 report (so its characters and words are real); English text is Zipf-distributed
 * over a vocabulary of domain words and made-up words. Some words are planted at known rates so
 * each query class has a known frequency (see PLANTED).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentMeta, ExtractedChunk } from '../../libs/search/src';

export const REPORT_PATH = path.resolve(__dirname, '../../../shared/corpus/tel37-trip-report.zh.txt');

/** Words planted at a rate per page (of the pages of the given kind). */
export const PLANTED = {
  /** The common word: on about two thirds of all pages. */
  common: { word: 'network', rate: 2 / 3 },
  english: { word: 'botnet', rate: 0.03 },
  phrase: { words: 'incident response', rate: 0.01 },
  incident: { word: 'incident', rate: 0.03 },
  response: { word: 'response', rate: 0.05 },
  /** On Chinese and mixed pages. */
  zh2: { word: '認證', rate: 0.05 },
  zh4: { word: '殭屍網路', rate: 0.02 },
  filtered: { word: 'security', rate: 0.2 },
} as const;

export const MEETINGS = Array.from({ length: 40 }, (_, i) => `TEL${21 + i}`);
export const GROUPS = ['PLEN', 'LSG', 'DSG', 'SPSG', 'MRATF', 'PTAB-WS'];
export const TYPES = ['WORKING_PAPER', 'REPORT', 'AGENDA', 'PRESENTATION', 'MINUTES', 'PROJECT_PROPOSAL'];
export const ECONOMIES = ['AUS', 'BD', 'CDA', 'CHL', 'PRC', 'HKC', 'INA', 'JPN', 'ROK', 'MAS', 'MEX', 'NZ', 'PNG', 'PE', 'PHL', 'RUS', 'SGP', 'CT', 'THA', 'USA', 'VN'];

export interface CorpusFile {
  meta: DocumentMeta;
  chunks: ExtractedChunk[];
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAIN_WORDS = (
  'telecommunications information working group steering liberalization development prosperity ' +
  'cybersecurity cybercrime malware spam authentication certificate infrastructure broadband ' +
  'regulatory economies ministers secretariat project proposal workshop training capacity building ' +
  'submarine cable disaster management emergency mutual recognition arrangement equipment ' +
  'conformity assessment interconnection spectrum licensing wireless mobile handheld device ' +
  'privacy trust electronic commerce digital divide rural remote access internet governance ' +
  'forum meeting plenary convenor chair report annex agenda item budget funding extension ' +
  'approval endorsement cooperation guideline framework policy technical approach exercise'
).split(' ');

const SYLLABLES = 'ka ri to mo na su le vi po ra de mi ko sa te lu ba ne gi fo ta pe si ru ho da zu me'.split(' ');

function englishVocabulary(random: () => number): string[] {
  const words = new Set<string>(['the', 'of', 'and', 'to', 'in', 'a', 'for', 'on', 'is', 'with', 'by', 'as', 'be', 'that', 'this', 'are', 'from', 'at', 'will', 'its']);
  for (const w of DOMAIN_WORDS) words.add(w);
  while (words.size < 6000) {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  // Planted words must not turn up by chance.
  for (const p of ['network', 'botnet', 'incident', 'response', 'security', 'qzxjvw']) words.delete(p);
  return [...words];
}

/** Samples indexes 0..n-1 with a Zipf(1.05) distribution. */
function zipfSampler(n: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 1, 1.05);
  for (let i = 0; i < n; i++) cdf[i] /= sum;
  return () => {
    const u = random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function chineseRuns(): string[] {
  const text = fs.readFileSync(REPORT_PATH, 'utf8');
  return (text.match(/[\u4e00-\u9fff]{2,}/g) ?? []).filter((r) => !r.includes('殭屍') && !r.includes('認證'));
}

const PAGE_BYTES = 2000;

export interface CorpusOptions {
  pages?: number;
  seed?: number;
}

/** Yields the files of the corpus in a fixed order; the same options give the same corpus. */
export function* generateCorpus(options: CorpusOptions = {}): Generator<CorpusFile> {
  const totalPages = options.pages ?? 100_000;
  const random = rng(options.seed ?? 37);
  const vocab = englishVocabulary(random);
  const nextWord = zipfSampler(vocab.length, random);
  const runs = chineseRuns();
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];

  // Pages are built as arrays of pieces and joined once: flat strings, not ropes of thousands of
  // pieces (which cost the indexers a flattening each and bloat memory).
  const englishPage = (): string[] => {
    const words: string[] = [];
    let bytes = 0;
    while (bytes < PAGE_BYTES) {
      const w = vocab[nextWord()];
      words.push(random() < 0.06 ? `${w}.` : w);
      bytes += w.length + 1;
    }
    return words;
  };
  const chinesePage = (mixed: boolean): string[] => {
    const pieces: string[] = [];
    let bytes = 0;
    while (bytes < PAGE_BYTES) {
      const run = pick(runs);
      pieces.push(run);
      bytes += run.length * 3;
      if (mixed && random() < 0.3) {
        pieces.push(` ${vocab[nextWord()]} ${vocab[nextWord()]} `);
        bytes += 12;
      } else pieces.push(random() < 0.5 ? '，' : '。');
    }
    return pieces;
  };
  const plant = (pieces: string[], word: string): void => {
    pieces.splice(Math.floor(random() * (pieces.length + 1)), 0, ` ${word} `);
  };

  let pageNo = 0;
  let docNo = 0;
  const published = Date.UTC(2004, 0, 1);
  while (pageNo < totalPages) {
    docNo++;
    const r = random();
    const pageCount = Math.min(totalPages - pageNo, r < 0.3 ? 1 + Math.floor(random() * 3) : r < 0.8 ? 4 + Math.floor(random() * 27) : 30 + Math.floor(random() * 51));
    const kind = random();
    const language: 'en' | 'zh' = kind < 0.5 ? 'en' : 'zh';
    const mixed = kind >= 0.85;
    const meetingIndex = Math.min(MEETINGS.length - 1, Math.floor((docNo / 6000) * MEETINGS.length + random() * 2));
    const meetingCode = MEETINGS[meetingIndex];
    const year = 2004 + Math.floor(meetingIndex / 2);
    const groupCode = pick(GROUPS);
    const symbol = `${year}-TELWG${meetingCode.slice(3)}-${groupCode}-${String(docNo % 1000).padStart(3, '0')}`;
    const economyCodes = [...new Set([pick(ECONOMIES), ...(random() < 0.3 ? [pick(ECONOMIES)] : [])])];
    const titleWords = Array.from({ length: 3 + Math.floor(random() * 6) }, () => (random() < 0.5 ? pick(DOMAIN_WORDS) : vocab[nextWord()]));
    if (random() < 0.05) titleWords.push(PLANTED.english.word);
    const title = language === 'zh' ? `${pick(runs)} ${titleWords.slice(0, 2).join(' ')}` : titleWords.join(' ');
    const chunks: ExtractedChunk[] = [];
    for (let p = 1; p <= pageCount; p++) {
      const pieces = language === 'en' ? englishPage() : chinesePage(mixed);
      if (random() < PLANTED.common.rate) plant(pieces, PLANTED.common.word);
      if (random() < PLANTED.english.rate) plant(pieces, PLANTED.english.word);
      if (random() < PLANTED.phrase.rate) plant(pieces, PLANTED.phrase.words);
      if (random() < PLANTED.incident.rate) plant(pieces, PLANTED.incident.word);
      if (random() < PLANTED.response.rate) plant(pieces, PLANTED.response.word);
      if (random() < PLANTED.filtered.rate) plant(pieces, PLANTED.filtered.word);
      if (language === 'zh') {
        if (random() < PLANTED.zh2.rate) plant(pieces, `電子${PLANTED.zh2.word}`);
        if (random() < PLANTED.zh4.rate) plant(pieces, `防制${PLANTED.zh4.word}`);
      }
      const text = pieces.join(language === 'en' ? ' ' : '');
      chunks.push({ page: p, section: null, text, language: language === 'zh' ? 'zh' : 'en' });
      pageNo++;
    }
    const id = `doc-${String(docNo).padStart(6, '0')}`;
    yield {
      meta: {
        documentId: id,
        revisionId: `${id}-r0`,
        fileId: `${id}-f0`,
        symbol,
        title,
        meetingCode,
        groupCode,
        economyCodes,
        type: pick(TYPES),
        year,
        language,
        access: random() < 0.1 ? 'RESTRICTED' : 'PUBLIC',
        publishedAt: new Date(published + docNo * 3_600_000 * 7).toISOString(),
      },
      chunks,
    };
  }
}

/**
 * How the pages are cut into files: `files` — documents of 1 to 80 pages, one file each (as the
 * archive's papers are); `pages` — the same pages, each a file and document of its own (the worst
 * case for per-document work: 20× the documents, every match a separate hit to count and rank).
 */
export type Layout = 'files' | 'pages';
export const LAYOUTS: Layout[] = ['files', 'pages'];

/**
 * The files of `file` in `layout`. In `pages`, page 1 keeps the file's ids and symbol and page n
 * becomes an annex of it (`…-006anx2`, the canonical form of APEC's `006anx2`), with its own ids;
 * each is published a second after the one before, so the newest-first order stays total.
 */
export function inLayout(file: CorpusFile, layout: Layout): CorpusFile[] {
  if (layout === 'files') return [file];
  const m = file.meta;
  const published = m.publishedAt ? Date.parse(m.publishedAt) : null;
  return file.chunks.map((chunk, i) => {
    const suffix = i === 0 ? '' : `-p${i + 1}`;
    return {
      meta: {
        ...m,
        documentId: `${m.documentId}${suffix}`,
        revisionId: `${m.documentId}${suffix}-r0`,
        fileId: `${m.documentId}${suffix}-f0`,
        symbol: i === 0 ? m.symbol : `${m.symbol}anx${i + 1}`,
        publishedAt: published === null ? null : new Date(published + i * 1000).toISOString(),
      },
      chunks: [{ ...chunk, page: 1 }],
    };
  });
}
