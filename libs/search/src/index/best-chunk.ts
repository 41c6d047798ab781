import { findTermMatches, ParsedQuery, textUnits } from '../text/search-text';
import { foldCjkText, foldedCodeUnit } from '../text/fold';

/** A stored chunk as the engines read it back to choose the page to show. */
export interface StoredChunk {
  page: number | null;
  section: string | null;
  text: string;
}

/** Chunk text read per hit, at most, to find the page to show. */
export const MAX_SCAN_CHARS = 4_000_000;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches a counter counts per clause and page, at most: enough to rate pages, cheap on a word on every line. */
const RATING_CAP = 50;

/**
 * Counts, in text as foldCjkText would make it but without making it, the non-overlapping
 * matches of `patterns` (folded Chinese words of BMP characters), the first pattern that matches
 * at a position winning — what a global regex of the patterns joined by `|` counts in the folded
 * text. Folding a whole page to count a word in it cost more than the count (a copy of every
 * page of every hit, and its garbage); a code unit is folded here only where it is compared.
 */
export function foldedCounter(patterns: string[]): (text: string) => number {
  const codes = patterns.map((p) => Uint16Array.from({ length: p.length }, (_, i) => p.charCodeAt(i)));
  return (text: string) => {
    let n = 0;
    const end = text.length;
    next: for (let i = 0; i < end && n < RATING_CAP;) {
      const first = foldedCodeUnit(text.charCodeAt(i));
      for (const p of codes) {
        if (p[0] !== first || i + p.length > end) continue;
        let k = 1;
        while (k < p.length && foldedCodeUnit(text.charCodeAt(i + k)) === p[k]) k++;
        if (k === p.length) {
          n++;
          i += p.length;
          continue next;
        }
      }
      i++;
    }
    return n;
  };
}

/**
 * Cheap per-clause counters for choosing the page to show: a clause's words as word starts
 * (stem or the word as typed, so inflections count), its Chinese words as substrings of the
 * folded text. Pages they rate best are then scored exactly (findTermMatches). A clause of
 * Chinese words only is counted on the text as it is (foldedCounter); one that mixes in a
 * Latin word, or a character beyond the BMP, by a regex over the folded text.
 */
type ClauseCounter = (text: string, folded: () => string) => number;

function clauseCounters(query: ParsedQuery): ClauseCounter[] {
  return query.clauses.slice(0, 16).map((clause): ClauseCounter => {
    const patterns = new Set<string>();
    const cjkWords = new Set<string>();
    for (const alt of clause.alternatives) {
      const cjk = alt.elements
        .filter((e): e is { cjk: string } => 'cjk' in e)
        .map((e) => e.cjk)
        .join('');
      const word = alt.elements.find((e): e is { word: string; stem: string } => 'word' in e);
      if (cjk) {
        cjkWords.add(cjk.slice(0, 8));
        patterns.add(escapeRegExp(cjk.slice(0, 8)));
      } else if (word) {
        // A word start: after anything but a Latin letter or digit (so 依據McAfee counts).
        patterns.add(`(?<![\\p{sc=Latin}\\p{N}])(?:${escapeRegExp(word.stem)}|${escapeRegExp(word.word)})`);
      }
    }
    if (cjkWords.size && cjkWords.size === patterns.size && ![...cjkWords].some((w) => /[\ud800-\udfff]/.test(w))) {
      const count = foldedCounter([...cjkWords]);
      return (text: string) => count(text);
    }
    const re = new RegExp([...patterns].join('|') || '(?!)', 'giu');
    const onFolded = cjkWords.size > 0;
    return (text: string, folded: () => string) => {
      let n = 0;
      re.lastIndex = 0;
      const hay = onFolded ? folded() : text;
      while (n < RATING_CAP && re.exec(hay)) n++;
      return n;
    };
  });
}

/** How well a page shows the query: clauses found, then matches, then how close they stand. */
function pageScore(text: string, query: ParsedQuery): number {
  const matches = findTermMatches(textUnits(text), query, 400);
  const clauses = new Set(matches.map((m) => m.clause));
  let closeness = 0;
  if (clauses.size > 1) {
    // The shortest stretch of text holding a match of every clause found.
    let best = Infinity;
    for (let i = 0; i < matches.length; i++) {
      const seen = new Set<number>();
      for (let j = i; j < matches.length; j++) {
        seen.add(matches[j].clause);
        if (seen.size === clauses.size) {
          best = Math.min(best, matches[j].end - matches[i].start);
          break;
        }
      }
    }
    closeness = Number.isFinite(best) ? 1 / (1 + best / 100) : 0;
  }
  return clauses.size * 1_000_000 + Math.min(matches.length, 200) * 100 + closeness * 99;
}

/**
 * Chooses the chunk of a file to show, the same way in every engine: the page with the most of
 * the query's clauses, then the most matches, then the closest together; the first page on a
 * tie. The engine feeds the file's chunks in order, in batches (`add`), while `wantsMore` says
 * so (up to MAX_SCAN_CHARS of text); they are rated with cheap regex counts, and the few best are
 * scored exactly (`best`).
 */
export class BestChunkPicker<C extends StoredChunk> {
  private readonly rated: { chunk: C; found: number; count: number; n: number }[] = [];
  private readonly counters: ClauseCounter[];
  private scanned = 0;

  constructor(private readonly query: ParsedQuery) {
    this.counters = clauseCounters(query);
  }

  get wantsMore(): boolean {
    return this.scanned < MAX_SCAN_CHARS;
  }

  add(batch: C[]): void {
    for (const c of batch) {
      this.scanned += c.text.length;
      // Folded once per page, and only for a counter that needs it.
      let foldedText: string | undefined;
      const folded = () => (foldedText ??= foldCjkText(c.text));
      let found = 0;
      let count = 0;
      for (const counter of this.counters) {
        const k = counter(c.text, folded);
        if (k) found++;
        count += k;
      }
      this.rated.push({ chunk: c, found, count, n: this.rated.length });
    }
  }

  best(): C | undefined {
    const rated = this.rated.slice();
    if (!rated.length) return undefined;
    rated.sort((a, b) => b.found - a.found || b.count - a.count || a.n - b.n);
    if (rated[0].found === 0) return rated.sort((a, b) => a.n - b.n)[0].chunk;
    let best: { chunk: C; score: number; n: number } | null = null;
    for (const r of rated.slice(0, 6)) {
      const score = pageScore(r.chunk.text, this.query);
      if (!best || score > best.score || (score === best.score && r.n < best.n)) best = { chunk: r.chunk, score, n: r.n };
    }
    return best!.chunk;
  }
}
