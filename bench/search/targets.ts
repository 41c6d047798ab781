/**
 * What the benchmark measures: a SearchTarget builds itself from the corpus and answers queries.
 * Each runs in its own child process (engine.ts), so peak memory is per target, and each process
 * loads only what its target needs: the engines and the application (index-targets.ts,
 * graphql-target.ts) are imported on demand, so MiniSearch's memory is MiniSearch's.
 */
import MiniSearch from 'minisearch';
import { indexableText } from '../../libs/search/src/text/search-text';
import type { CorpusFile, Layout } from './corpus';
import type { BenchQuery } from './queries';

export interface SearchOutcome {
  totalCount: number;
  top: string[];
  /** The engine said totalCount is an estimate (SearchResult.totalCountIsEstimate, where it has one). */
  totalCountIsEstimate?: boolean;
}

export interface SearchTarget {
  /** Adds one file; the time spent here is the build time. */
  add(file: CorpusFile): void | Promise<void>;
  /** After the last file (commits what is left). */
  finish(): void | Promise<void>;
  /** After the build, before the first query, not timed (e.g. start a server). */
  ready?(): Promise<void>;
  search(q: BenchQuery): Promise<SearchOutcome>;
  /** Waits for what the engine does in the background after searches (not timed). */
  settle?(): Promise<void>;
  /** What the built target takes on disk, in bytes (none: it keeps nothing there). */
  diskBytes?(): number | Promise<number>;
  close(): Promise<void>;
}

/** A schema name run.ts makes up for one postgres target run (a fresh one it drops afterwards). */
export const PG_SCHEMA_ENV = 'BENCH_PG_SCHEMA';
/** SEARCH_RESULT_CACHE for the SQLite engine and the API under test: 0 (every search computed) unless BENCH_RESULT_CACHE. */
export const RESULT_CACHE = process.env.BENCH_RESULT_CACHE?.trim() || '0';

interface MiniDoc {
  id: number;
  documentId: string;
  symbol: string;
  title: string;
  text: string;
}

/**
 * MiniSearch over the same pages (one MiniSearch document per page), with the same CJK bigram
 * tokenization so it can answer the Chinese classes; phrases become AND of their words (it has no
 * phrase search). Counting documents and facets walks all of its results, as ours does in SQL.
 */
export function miniSearchTarget(): SearchTarget {
  const meta = new Map<string, CorpusFile['meta']>();
  const tokenize = (text: string) =>
    indexableText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const mini = new MiniSearch<MiniDoc>({
    fields: ['symbol', 'title', 'text'],
    storeFields: ['documentId'],
    tokenize,
    searchOptions: { boost: { symbol: 10, title: 5 }, combineWith: 'AND', tokenize },
  });
  let id = 0;
  return {
    add(f) {
      meta.set(f.meta.documentId, f.meta);
      mini.addAll(f.chunks.map((c) => ({ id: id++, documentId: f.meta.documentId, symbol: f.meta.symbol, title: f.meta.title, text: c.text })));
    },
    finish: () => undefined,
    async search(q) {
      const filter = q.filter ?? {};
      const results = mini.search(q.query.replace(/"/g, ' '));
      const best = new Map<string, number>();
      const facets = new Map<string, number>();
      for (const r of results) {
        const m = meta.get(r.documentId as string)!;
        if (m.access !== 'PUBLIC') continue;
        if (filter.meetingCodes?.length && !filter.meetingCodes.includes(m.meetingCode!)) continue;
        if (filter.groupCodes?.length && !filter.groupCodes.includes(m.groupCode!)) continue;
        if (filter.types?.length && !filter.types.includes(m.type!)) continue;
        if (filter.years?.length && !filter.years.includes(m.year!)) continue;
        if (filter.languages?.length && !filter.languages.includes(m.language)) continue;
        if (filter.economies?.length && !m.economyCodes.some((e) => filter.economies!.includes(e))) continue;
        if (!best.has(m.documentId)) {
          best.set(m.documentId, r.score);
          for (const key of [`m:${m.meetingCode}`, `g:${m.groupCode}`, `t:${m.type}`, `y:${m.year}`, ...m.economyCodes.map((e) => `e:${e}`)])
            facets.set(key, (facets.get(key) ?? 0) + 1);
        }
      }
      return { totalCount: best.size, top: [...best.keys()].slice(0, 10) };
    },
    close: async () => undefined,
  };
}

export const TARGET_NAMES = ['fts', 'postgres', 'like', 'minisearch', 'graphql'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export async function targetFor(name: TargetName, layout: Layout, workDir: string): Promise<SearchTarget> {
  switch (name) {
    case 'fts':
      return (await import('./index-targets')).ftsTarget(workDir, layout);
    case 'postgres':
      return (await import('./index-targets')).postgresTarget();
    case 'like':
      return (await import('./index-targets')).likeTarget(workDir, layout);
    case 'minisearch':
      return miniSearchTarget();
    case 'graphql':
      // Loaded only in its own engine process: it brings the application (Nest, TypeORM, entities).
      return (await import('./graphql-target')).graphqlTarget(workDir, layout);
  }
}
