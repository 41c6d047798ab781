import BetterSqlite3, { Database, Statement } from 'better-sqlite3';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, pageWindow, toPage } from '@tel/core';
import type { ExtractedChunk } from '../../extraction/extraction.types';
import { cleanText, indexableText } from '../../text/search-text';
import { DocumentAccess, DocumentMeta, IndexWriteOptions, MAX_RESULT_WINDOW, SearchIndex, SearchIndexStats, SearchRequest, SearchResult } from '../search-index';
import { BUCKET_SPAN, CHUNKS_PER_FILE, documentBucket, ensureSearchSchema } from './sqlite-schema';
import { SqliteSearchPool } from './sqlite-search-pool';
import { prepareReaderConnection, SqliteRankingOptions, SqliteSearchReader } from './sqlite-search-reader';

export type { SqliteRankingOptions } from './sqlite-search-reader';

export interface SqliteSearchOptions extends SqliteRankingOptions {
  /**
   * Worker threads that run the searches, each with its own read-only connection (needs the
   * index in a file): 0 runs them in the calling thread — the default here; the application
   * starts as many as there are cores (SEARCH_WORKERS).
   */
  workers?: number;
}

/** Runs a unit of work alone on the main connection (UnitOfWork.write). */
export type ExclusiveWriter = <T>(work: (em: EntityManager) => Promise<T>) => Promise<T>;

/**
 * SQLite FTS5 behind the SearchIndex port. Two ways to open it:
 * - `SqliteSearchIndex.inMainDatabase(dataSource, uow.write)` when the application database is
 *   SQLite: the tables live in it, writes given `{ em }` run inside that transaction (they go
 *   through the same better-sqlite3 connection, as a SAVEPOINT), writes without one queue behind
 *   the UnitOfWork's lock, and searches use a second, read-only connection so they only ever see
 *   committed rows (WAL), never another unit of work's open transaction.
 * - `SqliteSearchIndex.openFile(path)` beside PostgreSQL (DATA_DIR/search.sqlite), in the
 *   benchmark and in tests: its own connection; every write is one synchronous transaction.
 * Searches run in SqliteSearchReader: on a pool of worker threads with read-only connections of
 * their own (`{ workers: n }`, SqliteSearchPool), or in this thread (`workers: 0`, or a database
 * in memory, which no other connection can open).
 */
export class SqliteSearchIndex implements SearchIndex {
  readonly engine = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  private readonly readStatements = new Map<string, Statement>();
  /** Searches in this thread (no pool, or a database in memory). */
  private readonly local: SqliteSearchReader;
  /** The worker threads that run searches, when there are any. */
  readonly pool: SqliteSearchPool | null;
  /** The searches answered in this thread: kept pages served, and pages computed. */
  get localCacheStats(): Readonly<{ hits: number; misses: number }> {
    return this.local.cacheStats;
  }
  /** How the searches answered in this thread ranked large result sets (see SqliteSearchReader.rankStats). */
  get localRankStats(): Readonly<{ rankOrderReads: number; filteredPasses: number; titlePages: number; titleReads: number }> {
    return this.local.rankStats;
  }
  /** True when opening found an index of an older version and emptied it (see SearchIndex.rebuilt). */
  rebuilt = false;

  private constructor(
    private readonly db: Database,
    private readonly reader: Database,
    readonly joinsTransactions: boolean,
    private readonly exclusive: ExclusiveWriter | null,
    private readonly owned: Database[],
    file: string | null,
    { workers = 0, ...ranking }: SqliteSearchOptions = {},
  ) {
    this.local = new SqliteSearchReader(reader, ranking);
    this.pool = file && workers > 0 ? new SqliteSearchPool(file, workers, ranking) : null;
  }

  /** An index in a file of its own (created if missing). */
  static openFile(file: string, options?: SqliteSearchOptions): SqliteSearchIndex {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new BetterSqlite3(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    const { rebuilt } = ensureSearchSchema(db);
    const index = new SqliteSearchIndex(db, db, false, null, [db], file === ':memory:' ? null : path.resolve(file), options);
    index.rebuilt = rebuilt;
    return index;
  }

  /** The index inside the application's SQLite database (see the class comment). */
  static async inMainDatabase(dataSource: DataSource, exclusive: ExclusiveWriter, options?: SqliteSearchOptions): Promise<SqliteSearchIndex> {
    if (dataSource.options.type !== 'better-sqlite3') throw new Error('SqliteSearchIndex.inMainDatabase needs a better-sqlite3 DataSource');
    const db = (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
    const { rebuilt } = await exclusive(async () => ensureSearchSchema(db));
    const file = dataSource.options.database;
    let reader = db;
    const owned: Database[] = [];
    if (typeof file === 'string' && file !== ':memory:' && file !== '') {
      reader = prepareReaderConnection(new BetterSqlite3(file, { readonly: true, fileMustExist: true }));
      owned.push(reader);
    }
    const index = new SqliteSearchIndex(db, reader, true, exclusive, owned, reader === db ? null : path.resolve(file), options);
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

  /**
   * Runs synchronous writes in the caller's transaction, or alone in one of their own, and bumps
   * the index's generation with them (what tells readers their kept pages are out of date; it
   * starts at a random number, so an index emptied and rebuilt never repeats one).
   */
  private async write(options: IndexWriteOptions | undefined, work: () => void): Promise<void> {
    const inTransaction = this.db.transaction(() => {
      work();
      this.stmt(
        `INSERT INTO search_meta (key, value) VALUES ('generation', CAST(abs(random() % 1000000000000) AS TEXT))
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)`,
      ).run();
    });
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
      // A file given twice is indexed as given last (as one upsert after another would leave it).
      const latest = [...new Map(prepared.map((p) => [p.meta.fileId, p])).values()];
      for (const p of latest) this.deleteFile(p.meta.fileId);
      const rows = latest.map((p) => ({ id: this.insertFile(p.meta, p.chunks), p }));
      // FTS5 flushes what it holds in memory to a new segment whenever a row's id is not above the
      // last one written; ids are by document bucket, so in the order given, a batch of files of
      // different documents would be a segment of a file or two each, merged again and again.
      // In id order it is one segment per batch (bench/search, one page per file: build 1,000 → 1,216 pages/s).
      rows.sort((a, b) => a.id - b.id);
      const fts = this.stmt('INSERT INTO search_fts (rowid, symbol, title, body) VALUES (?, ?, ?, ?)');
      const titles = this.stmt('INSERT INTO search_title_fts (rowid, symbol, title) VALUES (?, ?, ?)');
      for (const { id, p } of rows) fts.run(id, p.symbol, p.title, p.body);
      for (const { id, p } of rows) titles.run(id, p.symbol, p.title);
    });
  }

  /** The file's row and its chunks, under a new id in its document's bucket (returned); its FTS rows are the caller's. */
  private insertFile(meta: DocumentMeta, chunks: ExtractedChunk[]): number {
    // The next id in the document's bucket (a new bucket starts at 1 past its base; never 0).
    const base = documentBucket(meta.documentId) * BUCKET_SPAN;
    const { id } = this.stmt('SELECT coalesce(max(id), ?) + 1 AS id FROM search_file WHERE id >= ? AND id < ?').get(base, base, base + BUCKET_SPAN) as { id: number };
    this.stmt(
      `INSERT INTO search_file (id, file_id, document_id, revision_id, symbol, title, meeting_code, group_code, type, year, language, economies, restricted, published_at, seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM search_file))`,
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
    return id;
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
    const page = this.pool ? await this.pool.search(request, window.offset, window.limit) : this.local.search(request, window.offset, window.limit);
    const { pageInfo } = toPage(page.hits, Math.min(page.totalCount, MAX_RESULT_WINDOW), window);
    return { ...page, pageInfo };
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
    await this.pool?.close();
    for (const db of this.owned) if (db.open) db.close();
  }
}

/** Economy codes as stored: '|AUS|USA|' (sorted, no duplicates; '|' for none). */
function economiesKey(codes: string[]): string {
  const clean = [...new Set(codes.map((c) => String(c).replace(/\|/g, '')).filter(Boolean))].sort();
  return `|${clean.map((c) => `${c}|`).join('')}`;
}
