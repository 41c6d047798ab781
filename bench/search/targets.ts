/**
 * What the benchmark measures: a SearchTarget builds itself from the corpus and answers queries.
 * Each runs in its own child process (engine.ts), so peak memory is per target. The graphql
 * target (graphql-target.ts) sends `searchDocuments` to the real API, which runs in a process of
 * its own started by `ready()`.
 */
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SqliteSearchIndex } from '../../libs/search/src/index/sqlite/sqlite-search-index';
import { indexableText, parseSearchQuery } from '../../libs/search/src/text/search-text';
import type { CorpusFile } from './corpus';
import type { BenchQuery } from './queries';

export interface SearchOutcome {
  totalCount: number;
  top: string[];
}

export interface SearchTarget {
  /** Adds one file; the time spent here is the build time. */
  add(file: CorpusFile): void | Promise<void>;
  /** After the last file (merges, commits). */
  finish(): void | Promise<void>;
  /** After the build, before the first query, not timed (e.g. start a server). */
  ready?(): Promise<void>;
  search(q: BenchQuery): Promise<SearchOutcome>;
  close(): Promise<void>;
}

/**
 * The real index (the adapter the API uses), in its own SQLite file, loaded the way a reindex
 * loads it: upsertMany() of 50 files per transaction, then optimize().
 */
export function ftsTarget(file: string): SearchTarget {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const index = SqliteSearchIndex.openFile(file);
  let batch: CorpusFile[] = [];
  const flush = async () => {
    if (batch.length) await index.upsertMany(batch);
    batch = [];
  };
  return {
    async add(f) {
      batch.push(f);
      if (batch.length >= 50) await flush();
    },
    async finish() {
      await flush();
      index.optimize();
    },
    async search(q) {
      const r = await index.search({ ...q, first: 10 });
      return { totalCount: r.totalCount, top: r.hits.map((h) => h.documentId) };
    },
    close: () => index.close(),
  };
}

/**
 * The naive baseline: LIKE '%word%' over every page of the index file the FTS target built (its
 * search_chunk and search_file tables), counting documents and listing the newest ten.
 */
export function likeTarget(file: string): SearchTarget {
  const db = new Database(file, { readonly: true });
  const statements = new Map<string, Database.Statement>();
  return {
    add: () => undefined,
    finish: () => undefined,
    async search(q) {
      const parsed = parseSearchQuery(q.query);
      const needles = [...parsed.terms.map((t) => t.text.replace(/^"|"$/g, ''))];
      const like = "LIKE ? ESCAPE '\\'";
      const where = ['f.restricted = 0', ...needles.map(() => `(c.text ${like} OR f.title ${like} OR f.symbol ${like})`)];
      const params: unknown[] = needles.flatMap((n) => new Array<string>(3).fill(`%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
      const filter = q.filter ?? {};
      const inList = (column: string, values: unknown[] | null | undefined) => {
        if (!values?.length) return;
        where.push(`${column} IN (SELECT value FROM json_each(?))`);
        params.push(JSON.stringify(values));
      };
      inList('f.meeting_code', filter.meetingCodes);
      inList('f.group_code', filter.groupCodes);
      inList('f.type', filter.types);
      inList('f.year', filter.years);
      inList('f.language', filter.languages);
      if (filter.economies?.length) {
        where.push(`(${filter.economies.map(() => 'instr(f.economies, ?) > 0').join(' OR ')})`);
        params.push(...filter.economies.map((e) => `|${e}|`));
      }
      const sql = `WITH m AS MATERIALIZED (SELECT DISTINCT f.document_id, f.published_at FROM search_chunk c JOIN search_file f ON f.id = c.id >> 20 WHERE ${where.join(' AND ')})
        SELECT (SELECT count(*) FROM m) AS total, document_id FROM m ORDER BY published_at DESC LIMIT 10`;
      let st = statements.get(sql);
      if (!st) statements.set(sql, (st = db.prepare(sql)));
      const rows = st.all(...params) as { total: number; document_id: string }[];
      return { totalCount: rows[0]?.total ?? 0, top: rows.map((r) => r.document_id) };
    },
    close: async () => {
      db.close();
    },
  };
}

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

export const TARGETS = { fts: ftsTarget, like: likeTarget, minisearch: miniSearchTarget } as const;
export type TargetName = keyof typeof TARGETS | 'graphql';

export async function targetFor(name: TargetName, workDir: string): Promise<SearchTarget> {
  // Loaded only in its own engine process: it brings the application (Nest, TypeORM, entities).
  if (name === 'graphql') return (await import('./graphql-target')).graphqlTarget(workDir);
  const file = path.join(workDir, 'fts.sqlite');
  return name === 'minisearch' ? miniSearchTarget() : TARGETS[name](file);
}
