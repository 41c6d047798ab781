import BetterSqlite3, { Database, Statement } from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, pageWindow, toPage } from '@tel/core';
import type { ExtractedChunk } from '../../extraction/extraction.types';
import { cleanText, ftsExcludedExpression, ftsMatchExpression, indexableText, ParsedQuery, parseSearchQuery } from '../../text/search-text';
import {
  DocumentAccess,
  DocumentMeta,
  IndexWriteOptions,
  MAX_RESULT_WINDOW,
  SearchFilter,
  SearchHit,
  SearchIndex,
  SearchIndexStats,
  SearchRequest,
  SearchResult,
} from '../search-index';
import { BestChunkPicker } from '../best-chunk';
import { byCountThenValue, emptyFacets, FACET_KINDS, nonEmpty, TITLE_BONUS } from '../engine-shared';
import { makeSnippet } from '../snippet';
import { CHUNKS_PER_FILE, ensureSearchSchema } from './sqlite-schema';

/**
 * bm25 column weights: a word in the symbol or title counts 2× one in the text — enough to break
 * ties, never enough to lift a title that matches part of the query over a body that is about it.
 */
const BM25 = 'bm25(search_fts, 2.0, 2.0, 1.0)';

/** Tuning of rank(); the defaults suit 100,000 pages on two cores (bench/search). */
export interface SqliteRankingOptions {
  /** Exact bm25 over all matches up to this many matching files (default 1000). */
  rankAllFiles?: number;
  /** Past that, bm25 over the newest this many matching files (default 600) … */
  rankCap?: number;
  /** … after up to this many files whose symbol or title match (default 200). */
  titleCandidates?: number;
}

/** Runs a unit of work alone on the main connection (UnitOfWork.write). */
export type ExclusiveWriter = <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>;

interface FileRow {
  id: number;
  document_id: string;
  revision_id: string;
  file_id: string;
}
interface ChunkRow {
  id: number;
  page: number | null;
  section: string | null;
  text: string;
}

/**
 * SQLite FTS5 behind the SearchIndex port. Two ways to open it:
 * - `SqliteSearchIndex.inMainDatabase(dataSource, uow.write)` when the application database is
 *   SQLite: the tables live in it, writes given `{ em }` run inside that transaction (they go
 *   through the same better-sqlite3 connection, as a SAVEPOINT), writes without one queue behind
 *   the UnitOfWork's lock, and searches use a second, read-only connection so they only ever see
 *   committed rows (WAL), never another unit of work's open transaction.
 * - `SqliteSearchIndex.openFile(path)` beside PostgreSQL (DATA_DIR/search.sqlite), in the
 *   benchmark and in tests: its own connection; every write is one synchronous transaction.
 */
export class SqliteSearchIndex implements SearchIndex {
  readonly engine = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  private readonly readStatements = new Map<string, Statement>();
  private readonly ranking: Required<SqliteRankingOptions>;
  /** True when opening found an index of an older version and emptied it (see SearchIndex.rebuilt). */
  rebuilt = false;

  private constructor(
    private readonly db: Database,
    private readonly reader: Database,
    readonly joinsTransactions: boolean,
    private readonly exclusive: ExclusiveWriter | null,
    private readonly owned: Database[],
    ranking: SqliteRankingOptions = {},
  ) {
    this.ranking = { rankAllFiles: 1000, rankCap: 600, titleCandidates: 200, ...ranking };
  }

  /** An index in a file of its own (created if missing). */
  static openFile(file: string, ranking?: SqliteRankingOptions): SqliteSearchIndex {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const { rebuilt } = ensureSearchSchema(db);
    const index = new SqliteSearchIndex(db, db, false, null, [db], ranking);
    index.rebuilt = rebuilt;
    return index;
  }

  /** The index inside the application's SQLite database (see the class comment). */
  static async inMainDatabase(dataSource: DataSource, exclusive: ExclusiveWriter, ranking?: SqliteRankingOptions): Promise<SqliteSearchIndex> {
    if (dataSource.options.type !== 'better-sqlite3') throw new Error('SqliteSearchIndex.inMainDatabase needs a better-sqlite3 DataSource');
    const db = (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
    const { rebuilt } = await exclusive(async () => ensureSearchSchema(db));
    const file = dataSource.options.database;
    let reader = db;
    const owned: Database[] = [];
    if (typeof file === 'string' && file !== ':memory:' && file !== '') {
      reader = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
      reader.pragma('busy_timeout = 5000');
      owned.push(reader);
    }
    const index = new SqliteSearchIndex(db, reader, true, exclusive, owned, ranking);
    index.rebuilt = rebuilt;
    return index;
  }

  private stmt(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private read(sql: string): Statement {
    let s = this.readStatements.get(sql);
    if (!s) this.readStatements.set(sql, (s = this.reader.prepare(sql)));
    return s;
  }

  /** Runs synchronous writes in the caller's transaction, or alone in one of their own. */
  private async write(options: IndexWriteOptions | undefined, work: () => void): Promise<void> {
    const inTransaction = this.db.transaction(work);
    if (options?.em && this.joinsTransactions) {
      const connection = (options.em.connection.driver as unknown as { databaseConnection?: Database }).databaseConnection;
      if (connection !== this.db || !options.em.queryRunner?.isTransactionActive) {
        throw new Error('SearchIndex writes with { em } must run inside uow.write(em => …) on the database the index lives in');
      }
      inTransaction(); // a SAVEPOINT inside the caller's open transaction
      return;
    }
    if (this.exclusive) await this.exclusive(async () => inTransaction());
    else inTransaction();
  }

  async upsertDocumentChunks(meta: DocumentMeta, chunks: ExtractedChunk[], options?: IndexWriteOptions): Promise<void> {
    await this.upsertMany([{ meta, chunks }], options);
  }

  async upsertMany(files: { meta: DocumentMeta; chunks: ExtractedChunk[] }[], options?: IndexWriteOptions): Promise<void> {
    for (const f of files) if (f.chunks.length > CHUNKS_PER_FILE) throw AppError.badInput('SEARCH_REQUEST_INVALID', `A file may have at most ${CHUNKS_PER_FILE} chunks`);
    // Tokenizing is the costly part: do it before taking the write lock.
    // Inflected words (botnets) are indexed by their stem in place and once more as they are at the
    // end of the column, so that a query's exact form ranks first.
    const prepared = files.map(({ meta, chunks }) => {
      const titleForms = new Set<string>();
      const forms = new Set<string>();
      const title = indexableText(meta.title, titleForms);
      const body = chunks.map((c) => indexableText(c.text, forms)).join('\n');
      return {
        meta,
        chunks,
        symbol: indexableText(meta.symbol),
        title: titleForms.size ? `${title}\n${[...titleForms].join(' ')}` : title,
        body: forms.size ? `${body}\n${[...forms].join(' ')}` : body,
      };
    });
    await this.write(options, () => {
      for (const p of prepared) this.insertFile(p.meta, p.chunks, p.symbol, p.title, p.body);
    });
  }

  private insertFile(meta: DocumentMeta, chunks: ExtractedChunk[], symbol: string, title: string, body: string): void {
    this.deleteFile(meta.fileId);
    const { id } = this.stmt('SELECT coalesce(max(id), 0) + 1 AS id FROM search_file').get() as { id: number };
    this.stmt(
      `INSERT INTO search_file (id, file_id, document_id, revision_id, symbol, title, meeting_code, group_code, type, year, language, economies, restricted, published_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      meta.fileId,
      meta.documentId,
      meta.revisionId,
      meta.symbol,
      meta.title,
      meta.meetingCode,
      meta.groupCode,
      meta.type,
      meta.year,
      meta.language,
      economiesKey(meta.economyCodes),
      meta.access === 'RESTRICTED' ? 1 : 0,
      meta.publishedAt,
    );
    const insertChunk = this.stmt('INSERT INTO search_chunk (id, page, section, language, text) VALUES (?, ?, ?, ?, ?)');
    chunks.forEach((c, n) => insertChunk.run(id * CHUNKS_PER_FILE + n, c.page, c.section, c.language, cleanText(c.text)));
    this.stmt('INSERT INTO search_fts (rowid, symbol, title, body) VALUES (?, ?, ?, ?)').run(id, symbol, title, body);
    this.stmt('INSERT INTO search_title_fts (rowid, symbol, title) VALUES (?, ?, ?)').run(id, symbol, title);
  }

  private deleteFile(fileId: string): void {
    const row = this.stmt('SELECT id FROM search_file WHERE file_id = ?').get(fileId) as { id: number } | undefined;
    if (!row) return;
    this.stmt('DELETE FROM search_fts WHERE rowid = ?').run(row.id);
    this.stmt('DELETE FROM search_title_fts WHERE rowid = ?').run(row.id);
    this.stmt('DELETE FROM search_chunk WHERE id >= ? AND id < ?').run(row.id * CHUNKS_PER_FILE, (row.id + 1) * CHUNKS_PER_FILE);
    this.stmt('DELETE FROM search_file WHERE id = ?').run(row.id);
  }

  async removeFile(fileId: string, options?: IndexWriteOptions): Promise<void> {
    await this.write(options, () => this.deleteFile(fileId));
  }

  async removeDocument(documentId: string, options?: IndexWriteOptions): Promise<void> {
    await this.write(options, () => {
      const files = this.stmt('SELECT file_id FROM search_file WHERE document_id = ?').all(documentId) as { file_id: string }[];
      for (const f of files) this.deleteFile(f.file_id);
    });
  }

  async setDocumentAccess(documentId: string, access: DocumentAccess, options?: IndexWriteOptions): Promise<void> {
    await this.write(options, () => {
      this.stmt('UPDATE search_file SET restricted = ? WHERE document_id = ?').run(access === 'RESTRICTED' ? 1 : 0, documentId);
    });
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const window = pageWindow({ first: request.first, after: request.after });
    const parsed = parseSearchQuery(request.query);
    if (!parsed.blank && !parsed.clauses.length) {
      return { totalCount: 0, hits: [], facets: emptyFacets(), pageInfo: { hasNextPage: false, endCursor: null }, orderedBy: 'RELEVANCE' };
    }

    const { where, params } = filterSql(request.filter, request.includeRestricted);
    const limit = Math.max(0, Math.min(window.limit, MAX_RESULT_WINDOW - window.offset));
    let counted: [string, string | number | null, number][];
    let ranked: { id: number; key: number | string }[];
    if (parsed.blank) {
      // Newest documents first; hits and facets in one statement.
      counted = this.read(
        `WITH d AS MATERIALIZED (
           SELECT id, document_id, meeting_code, group_code, type, year, economies, max(coalesce(published_at, '')) AS rank_key
           FROM search_file f WHERE ${where} GROUP BY document_id)
         SELECT 'hit', id, rank_key FROM (SELECT id, rank_key FROM d ORDER BY rank_key DESC, id DESC LIMIT ? OFFSET ?)
         UNION ALL ${FACETS_SELECT}`,
      )
        .raw()
        .all(...params, limit, window.offset) as [string, string | number | null, number][];
      ranked = counted.filter((r) => r[0] === 'hit').map(([, id, key]) => ({ id: Number(id), key }));
      // UNION ALL does not promise the order of the hit rows.
      ranked.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : b.id - a.id));
    } else {
      const match = ftsMatchExpression(parsed);
      // Exact counts and facets over every match, without a ranking function (cheap per row):
      // one row per document straight from the join, then a GROUP BY per facet.
      counted = this.read(
        `WITH d AS MATERIALIZED (
           SELECT f.document_id, f.meeting_code, f.group_code, f.type, f.year, f.economies, count(*) AS files
           FROM search_fts CROSS JOIN search_file f ON f.id = search_fts.rowid
           WHERE search_fts MATCH ? AND ${where} GROUP BY f.document_id)
         SELECT 'files', NULL, sum(files) FROM d
         UNION ALL ${FACETS_SELECT}`,
      )
        .raw()
        .all(match, ...params) as [string, string | number | null, number][];
      const files = counted.find((r) => r[0] === 'files')?.[2] ?? 0;
      ranked = files && limit ? this.rank(parsed, where, params, files, limit, window.offset) : [];
    }

    let totalCount = 0;
    const facets = emptyFacets();
    const economies = new Map<string, number>();
    for (const [kind, value, n] of counted) {
      if (kind === 'total') totalCount = n;
      else if (kind === 'economies') {
        // One row per combination ('|AUS|USA|'): add its count to each economy in it.
        for (const code of String(value).split('|')) if (code) economies.set(code, (economies.get(code) ?? 0) + n);
      } else if ((FACET_KINDS as readonly string[]).includes(kind)) facets[kind as (typeof FACET_KINDS)[number]].push({ value: String(value), count: n });
    }
    facets.economies = [...economies].map(([value, count]) => ({ value, count }));
    for (const k of FACET_KINDS) facets[k].sort(byCountThenValue);

    const hits = this.hitsFor(ranked, parsed.blank ? null : parsed);
    const page = toPage(hits, Math.min(totalCount, MAX_RESULT_WINDOW), window);
    return { totalCount, hits, facets, pageInfo: page.pageInfo, orderedBy: parsed.blank ? 'NEWEST' : 'RELEVANCE' };
  }

  /** How many of the newest matching files the bounded ranking scores (see rank()). */
  private candidates(limit: number, offset: number): number {
    return Math.max(this.ranking.rankCap, (offset + limit) * 2);
  }

  /**
   * The page of documents in rank order. bm25 (symbol and title 2, text 1), with files whose
   * symbol and title match the whole query first; exact when at most rankAllFiles files match.
   * Past that — a word on most pages — computing bm25 for every match costs more than the 25 ms
   * budget (it walks every position of the word in every match), so it ranks a bounded candidate
   * set instead: first the files whose symbol or title match the whole query (bm25 of
   * search_title_fts, whose doclists are short; up to titleCandidates), then the newest
   * candidates() matching files by full bm25 (FTS5 walks its doclists backwards by rowid, and
   * file ids grow with indexing time). Counts and facets stay exact.
   *
   * A document is one hit: its best file's score, shown at its newest matching revision (an
   * older revision only when it alone matches) and, within that revision, at its best-scoring
   * file — never at whichever file happened to be indexed last.
   */
  private rank(query: ParsedQuery, where: string, params: unknown[], files: number, limit: number, offset: number): { id: number; key: number }[] {
    const match = ftsMatchExpression(query);
    const whole = ftsMatchExpression({ clauses: query.clauses, excluded: [] });
    const excluded = ftsExcludedExpression(query);
    const perDocument = `r AS (SELECT id, row_number() OVER (PARTITION BY doc ORDER BY pub DESC, score, id DESC) AS rn, min(score) OVER (PARTITION BY doc) AS s FROM c)
         SELECT id, s FROM r WHERE rn = 1 ORDER BY s, id LIMIT ? OFFSET ?`;
    const scored = `SELECT f.id AS id, f.document_id AS doc, coalesce(f.published_at, '') AS pub,
        ${BM25} - CASE WHEN f.id IN (SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH ?) THEN ${TITLE_BONUS} ELSE 0 END AS score
      FROM search_fts CROSS JOIN search_file f ON f.id = search_fts.rowid WHERE search_fts MATCH ? AND ${where}`;
    let rows: [number, number][];
    const { rankAllFiles, titleCandidates } = this.ranking;
    if (files <= rankAllFiles) {
      // MATERIALIZED: flattened into the window, bm25() would land where FTS5 refuses it.
      rows = this.read(`WITH c AS MATERIALIZED (${scored}), ${perDocument}`)
        .raw()
        .all(whole, match, ...params, limit, offset) as [number, number][];
    } else {
      rows = this.read(
        `WITH t AS MATERIALIZED (
                SELECT f.id AS id, f.document_id AS doc, coalesce(f.published_at, '') AS pub, bm25(search_title_fts, 2.0, 2.0) - ${TITLE_BONUS} AS score
                FROM search_title_fts CROSS JOIN search_file f ON f.id = search_title_fts.rowid
                WHERE search_title_fts MATCH ? AND ${where}
                ${excluded ? 'AND f.id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)' : ''}
                LIMIT ${Math.floor(titleCandidates)}),
              b AS MATERIALIZED (${scored} ORDER BY search_fts.rowid DESC LIMIT ?),
              c AS (SELECT * FROM t UNION ALL SELECT * FROM b), ${perDocument}`,
      )
        .raw()
        .all(whole, ...params, ...(excluded ? [excluded] : []), whole, match, ...params, this.candidates(limit, offset), limit, offset) as [number, number][];
    }
    return rows.map(([id, key]) => ({ id, key }));
  }

  private hitsFor(ranked: { id: number; key: number | string }[], query: ParsedQuery | null): SearchHit[] {
    if (!ranked.length) return [];
    const files = this.read('SELECT id, document_id, revision_id, file_id FROM search_file WHERE id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify(ranked.map((r) => r.id)),
    ) as FileRow[];
    const byId = new Map(files.map((f) => [f.id, f]));
    const hits: SearchHit[] = [];
    for (const r of ranked) {
      const file = byId.get(r.id);
      if (!file) continue;
      const chunk = this.bestChunk(file.id, query);
      hits.push({
        documentId: file.document_id,
        revisionId: file.revision_id,
        fileId: file.file_id,
        page: chunk?.page ?? null,
        section: chunk?.section ?? null,
        snippet: chunk ? makeSnippet(chunk.text, query ?? { clauses: [] }) : '',
        // bm25() is lower-is-better; the port promises higher-is-better.
        score: typeof r.key === 'number' ? Math.round(-r.key * 1e6) / 1e6 : 0,
      });
    }
    return hits;
  }

  /**
   * The chunk of a file to show: the page with the most of the query's clauses, then the most
   * matches, then the closest together; the first page on a tie. The file's chunks are read in id
   * order (a range of the primary key) in batches, rated with cheap regex counts, and the few
   * best are scored exactly — up to MAX_SCAN_CHARS of text per hit.
   */
  private bestChunk(fileRowId: number, query: ParsedQuery | null): ChunkRow | undefined {
    const from = fileRowId * CHUNKS_PER_FILE;
    const to = from + CHUNKS_PER_FILE;
    const batchOf = this.read('SELECT id, page, section, text FROM search_chunk WHERE id >= ? AND id < ? ORDER BY id LIMIT ?');
    if (!query || !query.clauses.length) return batchOf.get(from, to, 1) as ChunkRow | undefined;
    const picker = new BestChunkPicker<ChunkRow>(query);
    let next = from;
    for (let size = 4; picker.wantsMore; size = Math.min(size * 4, 64)) {
      const batch = batchOf.all(next, to, size) as ChunkRow[];
      picker.add(batch);
      if (batch.length < size) break;
      next = batch[batch.length - 1].id + 1;
    }
    return picker.best();
  }

  async stats(): Promise<SearchIndexStats> {
    const row = this.read(
      'SELECT (SELECT count(DISTINCT document_id) FROM search_file) AS documents, (SELECT count(*) FROM search_file) AS files, (SELECT count(*) FROM search_chunk) AS chunks',
    ).get() as { documents: number; files: number; chunks: number };
    return { engine: 'sqlite', ...row };
  }

  async listFileIds(): Promise<string[]> {
    return (this.read('SELECT file_id FROM search_file ORDER BY file_id').all() as { file_id: string }[]).map((r) => r.file_id);
  }

  /** Merges the FTS segments into one (after a bulk load; searches get a little faster). */
  optimize(): void {
    this.db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
  }

  async close(): Promise<void> {
    for (const db of this.owned) if (db.open) db.close();
  }
}

/** The total and every facet, counted over `d` (one row per matching document). */
const FACETS_SELECT = `
    SELECT 'total', NULL, count(*) FROM d
    UNION ALL SELECT 'meetings', meeting_code, count(*) FROM d WHERE meeting_code IS NOT NULL GROUP BY meeting_code
    UNION ALL SELECT 'groups', group_code, count(*) FROM d WHERE group_code IS NOT NULL GROUP BY group_code
    UNION ALL SELECT 'types', type, count(*) FROM d WHERE type IS NOT NULL GROUP BY type
    UNION ALL SELECT 'years', year, count(*) FROM d WHERE year IS NOT NULL GROUP BY year
    UNION ALL SELECT 'economies', economies, count(*) FROM d WHERE economies <> '|' GROUP BY economies`;

/** Economy codes as stored: '|AUS|USA|' (sorted, no duplicates; '|' for none). */
function economiesKey(codes: string[]): string {
  const clean = [...new Set(codes.map((c) => String(c).replace(/\|/g, '')).filter(Boolean))].sort();
  return `|${clean.map((c) => `${c}|`).join('')}`;
}

/** The WHERE clause on search_file f: access first (restricted rows never leave SQL), then filters. */
function filterSql(filter: SearchFilter | null | undefined, includeRestricted: boolean): { where: string; params: unknown[] } {
  const clauses: string[] = [includeRestricted === true ? '1 = 1' : 'f.restricted = 0'];
  const params: unknown[] = [];
  const inList = (column: string, values: unknown[]) => {
    clauses.push(`${column} IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(values));
  };
  if (nonEmpty(filter?.meetingCodes)) inList('f.meeting_code', filter.meetingCodes);
  if (nonEmpty(filter?.groupCodes)) inList('f.group_code', filter.groupCodes);
  if (nonEmpty(filter?.types)) inList('f.type', filter.types);
  if (nonEmpty(filter?.years)) inList('f.year', filter.years.map(Number));
  if (nonEmpty(filter?.languages)) inList('f.language', filter.languages);
  if (nonEmpty(filter?.economies)) {
    const codes = [...new Set(filter.economies.map(String))].slice(0, 50);
    clauses.push(`(${codes.map(() => 'instr(f.economies, ?) > 0').join(' OR ')})`);
    params.push(...codes.map((c) => `|${c}|`));
  }
  return { where: clauses.join(' AND '), params };
}
