/**
 * The targets that use the application's code: the real engines, opened the way the API opens
 * them — `createSearchIndex()`, the one factory behind the SearchIndex port, so whatever the
 * engines do inside (worker threads, ranking) is what is timed — and the LIKE scan over what the
 * SQLite one stored.
 */
import Database from 'better-sqlite3';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { AppConfig, buildDataSourceOptions, ensurePostgresSchema, loadConfig, QueryCountingLogger, sqliteFileFor, UnitOfWork } from '@tel/core';
import { createSearchIndex, loadSearchConfig, parseSearchQuery, SearchIndex, SearchResult } from '@tel/search';
import type { CorpusFile, Layout } from './corpus';
import { PG_SCHEMA_ENV, RESULT_CACHE, SearchOutcome, SearchTarget } from './targets';

/** Files per upsertMany() call: one transaction each, the bulk load the port offers (a reindex). */
export const UPSERT_BATCH = 50;

/**
 * The index, opened by the API's own factory on an application database (SEARCH_ENGINE unset: the
 * dialect's engine). Kept result pages off unless BENCH_RESULT_CACHE says how many: each class
 * repeats a few queries, so with them on the benchmark would mostly time lookups, not searches.
 */
export async function openEngine(config: AppConfig, dataSource: DataSource): Promise<SearchIndex> {
  return createSearchIndex(loadSearchConfig(config, { SEARCH_RESULT_CACHE: RESULT_CACHE }), config, dataSource, new UnitOfWork(dataSource));
}

export function outcomeOf(r: SearchResult): SearchOutcome {
  // totalCountIsEstimate is read loosely: engines that count exactly leave it out.
  const estimate = (r as SearchResult & { totalCountIsEstimate?: boolean }).totalCountIsEstimate;
  return { totalCount: r.totalCount, top: r.hits.map((h) => h.documentId), ...(estimate ? { totalCountIsEstimate: true } : {}) };
}

/** Loads the corpus through the port: upsertMany() of UPSERT_BATCH files at a time. */
function indexTarget(index: SearchIndex, extra: Pick<SearchTarget, 'diskBytes' | 'close'>): SearchTarget {
  const background = index as SearchIndex & { settled?: () => Promise<void> };
  let batch: CorpusFile[] = [];
  const flush = async () => {
    if (batch.length) await index.upsertMany(batch);
    batch = [];
  };
  return {
    async add(f) {
      batch.push(f);
      if (batch.length >= UPSERT_BATCH) await flush();
    },
    finish: flush,
    async search(q) {
      return outcomeOf(await index.search({ ...q, first: 10 }));
    },
    async settle() {
      await background.settled?.();
    },
    ...extra,
  };
}

/** The SQLite application database the fts target builds for `layout` (the like target scans it). */
export function ftsDataDir(workDir: string, layout: Layout): string {
  return path.join(workDir, `fts-${layout}`);
}

function fileBytes(file: string): number {
  return [file, `${file}-wal`].reduce((n, f) => n + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

/**
 * The real SQLite FTS5 index as the API runs it on SQLite: in a fresh application database
 * (migrated, no documents), opened by createSearchIndex() — SqliteSearchIndex.inMainDatabase, its
 * writes behind the UnitOfWork. Nothing is optimized afterwards: neither the API nor a reindex does.
 */
export async function ftsTarget(workDir: string, layout: Layout): Promise<SearchTarget> {
  const dataDir = ftsDataDir(workDir, layout);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'production' });
  const dataSource = new DataSource(buildDataSourceOptions(config, [], new QueryCountingLogger(false)));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const index = await openEngine(config, dataSource);
  return indexTarget(index, {
    diskBytes: () => fileBytes(sqliteFileFor(config)),
    async close() {
      await index.close();
      await dataSource.destroy();
    },
  });
}

/**
 * The PostgreSQL engine (what the API runs with DATABASE_URL), in a private schema of the
 * database DATABASE_URL names: created here, migrated, dropped at close (and by run.ts after the
 * process ends, whatever happened). No other schema is read or written.
 */
export async function postgresTarget(): Promise<SearchTarget> {
  const url = process.env.DATABASE_URL;
  const schema = process.env[PG_SCHEMA_ENV];
  if (!url || !schema) throw new Error(`the postgres target needs DATABASE_URL and ${PG_SCHEMA_ENV} (run.ts sets it)`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-bench-pg-'));
  const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url, DATABASE_SCHEMA: schema, NODE_ENV: 'production' });
  await ensurePostgresSchema(config);
  const dataSource = new DataSource(buildDataSourceOptions(config, [], new QueryCountingLogger(false)));
  await dataSource.initialize();
  await dataSource.runMigrations();
  const index = await openEngine(config, dataSource);
  return indexTarget(index, {
    async diskBytes() {
      // Tables with their indexes and TOAST, in this schema only.
      const [{ bytes }] = await dataSource.query<{ bytes: string | null }[]>(
        `SELECT sum(pg_total_relation_size(c.oid)) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
        [schema],
      );
      return Number(bytes ?? 0);
    },
    async close() {
      await index.close();
      await dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await dataSource.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

/**
 * The naive baseline: LIKE '%word%' over every page of the database the fts target built for the
 * same layout (its search_chunk and search_file tables), counting documents and listing the newest ten.
 */
export function likeTarget(workDir: string, layout: Layout): SearchTarget {
  const db = new Database(sqliteFileFor(loadConfig({ DATA_DIR: ftsDataDir(workDir, layout) })), { readonly: true, fileMustExist: true });
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
