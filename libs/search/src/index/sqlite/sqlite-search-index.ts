import BetterSqlite3, { Database, Statement } from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, pageWindow, toPage } from '@tel/core';
import type { ExtractedChunk } from '../../extraction/extraction.types';
import { cleanText, ftsMatchExpression, indexableText, ParsedQuery, parseSearchQuery } from '../../text/search-text';
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
import { BUCKET_SPAN, CHUNKS_PER_FILE, documentBucket, ensureSearchSchema, SAMPLE_BUCKETS } from './sqlite-schema';

/**
 * bm25 column weights: a word in the symbol or title counts 2× one in the text — enough to break
 * ties, never enough to lift a title that matches part of the query over a body that is about it.
 */
const BM25 = 'bm25(search_fts, 2.0, 2.0, 1.0)';
/** The same as FTS5's rank function (`rank MATCH`), so FTS5 can sort by it itself. */
const RANK = 'bm25(2.0, 2.0, 1.0)';

/** Tuning of search(); the defaults suit 100,000 pages on two cores (bench/search). */
export interface SqliteRankingOptions {
  /** Up to this many matching files, one SQL statement ranks them all (default 1000); past it, FTS5's rank order (see rank()). */
  rankAllFiles?: number;
  /** Up to this many matching files counts and facets are exact (default 5000); past it, estimated from a sample of documents. */
  exactCountFiles?: number;
  /** A sample with fewer documents than this (a narrow filter) is not used: every match is counted (default 200). */
  minSampledDocuments?: number;
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
    this.ranking = { rankAllFiles: 1000, exactCountFiles: 5000, minSampledDocuments: 200, ...ranking };
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
    // The next id in the document's bucket (a new bucket starts at 1 past its base; never 0).
    const base = documentBucket(meta.documentId) * BUCKET_SPAN;
    const { id } = this.stmt('SELECT coalesce(max(id), ?) + 1 AS id FROM search_file WHERE id >= ? AND id < ?').get(base, base, base + BUCKET_SPAN) as { id: number };
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
      return { totalCount: 0, totalCountIsEstimate: false, hits: [], facets: emptyFacets(), pageInfo: { hasNextPage: false, endCursor: null }, orderedBy: 'RELEVANCE' };
    }

    const { where, params } = filterSql(request.filter, request.includeRestricted);
    const limit = Math.max(0, Math.min(window.limit, MAX_RESULT_WINDOW - window.offset));
    let counted: [string, string | number | null, number][];
    let ranked: { id: number; key: number | string }[];
    let buckets = SAMPLE_BUCKETS;
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
      // How many files match, from the doclists alone (no join): cheap even for a word on most pages.
      const matching = this.read('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck().get(match) as number;
      // Counts and facets per document: exact up to exactCountFiles matching files; past that,
      // over the documents of the first few buckets (a random sample of documents that is one
      // rowid range, see sqlite-schema), scaled up — and the result says it is an estimate.
      buckets = matching > this.ranking.exactCountFiles ? Math.max(1, Math.ceil((SAMPLE_BUCKETS * this.ranking.exactCountFiles) / matching)) : SAMPLE_BUCKETS;
      counted = this.countMatches(match, where, params, buckets);
      // A filter that leaves few documents in the sample: count them all (the estimate would be coarse).
      if (buckets < SAMPLE_BUCKETS && (counted.find((r) => r[0] === 'total')?.[2] ?? 0) < this.ranking.minSampledDocuments) {
        buckets = SAMPLE_BUCKETS;
        counted = this.countMatches(match, where, params, buckets);
      }
      const scale = SAMPLE_BUCKETS / buckets;
      if (scale !== 1) counted = counted.map(([kind, value, n]) => [kind, value, Math.round(n * scale)]);
      const files = counted.find((r) => r[0] === 'files')?.[2] ?? 0;
      ranked = files && limit ? this.rank(parsed, where, params, files, matching, limit, window.offset) : [];
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
    const totalCountIsEstimate = buckets < SAMPLE_BUCKETS;
    // An estimate never says fewer documents than the pages served so far.
    if (totalCountIsEstimate) totalCount = Math.max(totalCount, window.offset + ranked.length);

    const hits = this.hitsFor(ranked, parsed.blank ? null : parsed);
    const page = toPage(hits, Math.min(totalCount, MAX_RESULT_WINDOW), window);
    return { totalCount, totalCountIsEstimate, hits, facets, pageInfo: page.pageInfo, orderedBy: parsed.blank ? 'NEWEST' : 'RELEVANCE' };
  }

  /**
   * The total, the matching files and every facet, per document: over every match, or over the
   * files of the first `buckets` buckets only (rowid below buckets × 2^26: FTS5 stops reading a
   * doclist there). Without a ranking function, so cheap per row.
   */
  private countMatches(match: string, where: string, params: unknown[], buckets: number): [string, string | number | null, number][] {
    const sample = buckets < SAMPLE_BUCKETS ? 'AND search_fts.rowid < ?' : '';
    return this.read(
      `WITH d AS MATERIALIZED (
         SELECT f.document_id, f.meeting_code, f.group_code, f.type, f.year, f.economies, count(*) AS files
         FROM search_fts CROSS JOIN search_file f ON f.id = search_fts.rowid
         WHERE search_fts MATCH ? ${sample} AND ${where} GROUP BY f.document_id)
       SELECT 'files', NULL, sum(files) FROM d
       UNION ALL ${FACETS_SELECT}`,
    )
      .raw()
      .all(match, ...(sample ? [buckets * BUCKET_SPAN] : []), ...params) as [string, string | number | null, number][];
  }

  /**
   * The page of documents in rank order, exact for every query: bm25 (symbol and title 2, text 1)
   * over every matching file, with files whose symbol and title match the whole query first.
   *
   * Up to rankAllFiles matching files, one statement scores them all (bm25() per row in SQL, then
   * a window per document). Past that — a word on most pages — see rankInFts().
   *
   * A document is one hit: its best file's score, shown at its newest matching revision (an
   * older revision only when it alone matches) and, within that revision, at its best-scoring
   * file — never at whichever file happened to be indexed last.
   */
  private rank(query: ParsedQuery, where: string, params: unknown[], files: number, matching: number, limit: number, offset: number): { id: number; key: number }[] {
    if (files > this.ranking.rankAllFiles) return this.rankInFts(query, where, params, files, matching, limit, offset);
    const match = ftsMatchExpression(query);
    const whole = ftsMatchExpression({ clauses: query.clauses, excluded: [] });
    // MATERIALIZED: flattened into the window, bm25() would land where FTS5 refuses it.
    const rows = this.read(
      `WITH c AS MATERIALIZED (
         SELECT f.id AS id, f.document_id AS doc, coalesce(f.published_at, '') AS pub,
           ${BM25} - CASE WHEN f.id IN (SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH ?) THEN ${TITLE_BONUS} ELSE 0 END AS score
         FROM search_fts CROSS JOIN search_file f ON f.id = search_fts.rowid WHERE search_fts MATCH ? AND ${where}),
       r AS (SELECT id, row_number() OVER (PARTITION BY doc ORDER BY pub DESC, score, id DESC) AS rn, min(score) OVER (PARTITION BY doc) AS s FROM c)
       SELECT id, s FROM r WHERE rn = 1 ORDER BY s, id LIMIT ? OFFSET ?`,
    )
      .raw()
      .all(whole, match, ...params, limit, offset) as [number, number][];
    return rows.map(([id, key]) => ({ id, key }));
  }

  /**
   * Exact ranking of a large match set without a join or a window over all of it. FTS5 sorts by
   * its rank column itself (`rank MATCH 'bm25(…)' ORDER BY rank LIMIT n`: bm25 in C over the
   * doclists, no row leaves FTS5 but the n best), so:
   * 1. the title matches — files whose symbol and title match the whole query, found in
   *    search_title_fts (short doclists) — get their bm25 in search_fts (one pass over the doclist,
   *    bm25 only for those rows) and come first;
   * 2. then the n best files by bm25, joined to search_file for access and filters; n starts at
   *    what the filters' share of the matches suggests and grows until the page's documents are
   *    settled: a document is settled when its best file scores below the n-th (every file not
   *    read scores at least that), so the page is exact, not a sample;
   * 3. for the page's documents only, every matching file is scored, to show each at its newest
   *    matching revision's best file.
   */
  private rankInFts(query: ParsedQuery, where: string, params: unknown[], files: number, matching: number, limit: number, offset: number): { id: number; key: number }[] {
    const need = offset + limit;
    const match = ftsMatchExpression(query);
    const whole = ftsMatchExpression({ clauses: query.clauses, excluded: [] });
    const titled = new Set(
      this.read(`SELECT f.id FROM search_title_fts CROSS JOIN search_file f ON f.id = search_title_fts.rowid WHERE search_title_fts MATCH ? AND ${where}`)
        .pluck()
        .all(whole, ...params) as number[],
    );
    // `rowid + 0`: a plain rowid IN (…) makes FTS5 run the query once per id (and bm25 read the
    // whole doclist each time); this way it is one pass with a Bloom filter.
    const scoreOf = (ids: string) =>
      this.read(`SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? AND rank MATCH '${RANK}' AND rowid + 0 IN (SELECT value FROM json_each(?))`).raw().all(match, ids) as [
        number,
        number,
      ][];
    type Row = [number, string, string, number]; // id, document, published, score
    const meta = (scored: [number, number][]): Row[] => {
      if (!scored.length) return [];
      const score = new Map(scored);
      const rows = this.read(`SELECT f.id, f.document_id, coalesce(f.published_at, '') FROM search_file f WHERE f.id IN (SELECT value FROM json_each(?)) AND ${where}`)
        .raw()
        .all(JSON.stringify(scored.map(([id]) => id)), ...params) as [number, string, string][];
      return rows.map(([id, doc, pub]) => [id, doc, pub, score.get(id)! - (titled.has(id) ? TITLE_BONUS : 0)]);
    };
    const byScore = (a: Row, b: Row) => a[3] - b[3] || a[0] - b[0];
    const first = meta(titled.size ? scoreOf(JSON.stringify([...titled])) : []).sort(byScore);

    const best = new Map<string, number>(); // document → its best score, in rank order
    let settled: string[] = [];
    // The filters' share of the matching files says how far down the rank order a page lies.
    let n = Math.min(matching, Math.max(64, Math.ceil((need * 2 * matching) / Math.max(1, files))));
    for (;;) {
      best.clear();
      for (const r of first) if (!best.has(r[1])) best.set(r[1], r[3]);
      const top = this.read(`SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? AND rank MATCH '${RANK}' ORDER BY rank LIMIT ?`).raw().all(match, n) as [number, number][];
      const complete = top.length < n || n >= matching;
      const boundary = complete ? Infinity : top[top.length - 1][1];
      for (const r of meta(top.filter(([id]) => !titled.has(id))).sort(byScore)) if (!best.has(r[1])) best.set(r[1], r[3]);
      settled = [...best].filter(([, score]) => score < boundary).map(([doc]) => doc);
      if (complete || settled.length >= need) break;
      n = Math.min(matching, n * 4);
    }
    const page = settled.slice(offset, need);
    if (!page.length) return [];

    // Every matching file of the page's documents: the one to show is the newest revision's best.
    const all = meta(
      this.read(
        `SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? AND rank MATCH '${RANK}'
           AND rowid + 0 IN (SELECT id FROM search_file WHERE document_id IN (SELECT value FROM json_each(?)))`,
      )
        .raw()
        .all(match, JSON.stringify(page)) as [number, number][],
    );
    const shown = new Map<string, Row>();
    for (const r of all) {
      const cur = shown.get(r[1]);
      if (!cur || r[2] > cur[2] || (r[2] === cur[2] && (r[3] < cur[3] || (r[3] === cur[3] && r[0] > cur[0])))) shown.set(r[1], r);
    }
    return page.map((doc) => ({ id: shown.get(doc)![0], key: best.get(doc)! })).sort((a, b) => a.key - b.key || a.id - b.id);
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
