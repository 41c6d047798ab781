import type { DataSource, EntityManager } from 'typeorm';
import { AppError, pageWindow, toPage } from '@tel/core';
import type { ExtractedChunk } from '../../extraction/extraction.types';
import { cleanText, ParsedQuery, parseSearchQuery } from '../../text/search-text';
import { BestChunkPicker } from '../best-chunk';
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
import { byCountThenValue, emptyFacets, FACET_KINDS } from '../engine-shared';
import { makeSnippet } from '../snippet';
import { CHUNKS_PER_FILE, documentBucket, SAMPLE_BUCKETS, SEARCH_SCHEMA_VERSION } from '../sqlite/sqlite-schema';
import { filterSql, narrows, safe } from './postgres-filters';
import { BITMAP_ONLY, CountRow, DEFAULT_KEPT_RANKING, KeptRanking, KeptRankingOptions, KeptRankings } from './postgres-kept-rankings';
import { candidateFilesSql, clauseTestsSql, exclusionSql, fileScoreSql, filesWithEachClauseSql, Params } from './postgres-scores';
import { fileSegments, PostgresQuery, postgresQuery } from './postgres-tokens';

/**
 * The layout of this engine's tables within a tokenization version: 2 gives file ids by document
 * bucket (below). Stored as `4.p2`; an index of another layout is emptied and built again.
 */
const POSTGRES_LAYOUT_VERSION = 2;
export const POSTGRES_STORED_VERSION = `${SEARCH_SCHEMA_VERSION}.p${POSTGRES_LAYOUT_VERSION}`;

/**
 * A file's row id is bucket × 2^40 + n, the bucket (of SAMPLE_BUCKETS) the SQLite engine's hash of
 * its document id: all files of a document share a bucket, and the first b buckets are one range
 * of ids — a random sample of documents that the GIN index's matches are cut to by `file < b × 2^40`
 * (counts and facets of a large result, see count()). Ids stay below 2^53, exact in JavaScript.
 */
const BUCKET_SPAN = 2 ** 40;

/** How counts and facets of a large result are estimated (tests make them tiny). */
export interface PostgresCountOptions {
  /** Past this many matching segments, counts and facets come from a sample of documents. */
  exactCountFiles: number;
  /** A sample with fewer documents than this (a narrow filter) is counted exactly instead. */
  minSampledDocuments: number;
}

/**
 * A sample of about 2,000 files (SQLite's is 5,000): each file of the sample costs a lookup in
 * search_file, and 2,000 put the total within about 2 % (bench/search's index, one page per file,
 * in-process: the common word's count 45 → 32 ms).
 */
export const DEFAULT_COUNTING: PostgresCountOptions = { exactCountFiles: 2_000, minSampledDocuments: 200 };

export interface PostgresSearchIndexOptions {
  /** Work in the background that failed (statistics, kept rankings): reported, retried later. */
  onBackgroundError?: (error: unknown) => void;
  keptRanking?: Partial<KeptRankingOptions>;
  counting?: Partial<PostgresCountOptions>;
}

/** The chunks of each hit's file read with the page's files (the picker's first batch). */
const FIRST_CHUNKS = 4;

interface ChunkRow {
  n: number;
  page: number | null;
  section: string | null;
  text: string;
}

/**
 * PostgreSQL full-text search behind the SearchIndex port (SEARCH_ENGINE=postgres, the default
 * with DATABASE_URL): the index lives in the application database, in tables of this library
 * created by the PostgreSQL migrations, and writes given `{ em }` run in the caller's transaction,
 * so the index and the indexing state commit together.
 *
 * The tokenization is the SQLite engine's (see postgres-tokens.ts): a file is stored as tsvector
 * segments (GIN-indexed) of the very tokens FTS5 would index, and a query as tsqueries of the
 * same tokens, so both engines find the same documents; ranking is ts_rank_cd with the same
 * column weights and title bonus, one hit per document at its newest matching revision and best
 * file, the page to show chosen as the SQLite engine does (BestChunkPicker).
 */
export class PostgresSearchIndex implements SearchIndex {
  readonly engine = 'postgres' as const;
  readonly joinsTransactions = true;
  /** True when opening found an index of another tokenization version and emptied it. */
  rebuilt = false;

  /**
   * Rows written since the planner's statistics were last gathered here, the segment rows there
   * were then, and the ANALYZE running (see gatherStatistics).
   */
  private writtenSinceAnalyze = 0;
  private segmentsAtAnalyze = 0;
  private analyzing: Promise<void> | null = null;

  private readonly onBackgroundError: (error: unknown) => void;
  private readonly counting: PostgresCountOptions;
  /** Kept rankings of queries that match many files (postgres-kept-rankings.ts). */
  readonly kept: KeptRankings;

  private constructor(
    private readonly dataSource: DataSource,
    options: PostgresSearchIndexOptions,
  ) {
    this.onBackgroundError = options.onBackgroundError ?? (() => undefined);
    this.counting = { ...DEFAULT_COUNTING, ...options.counting };
    this.kept = new KeptRankings(dataSource, { ...DEFAULT_KEPT_RANKING, ...options.keptRanking }, this.onBackgroundError);
  }

  /** Opens the index in `dataSource` (PostgreSQL, migrated); empties it when it was built by another tokenization or layout. */
  static async open(dataSource: DataSource, options: PostgresSearchIndexOptions = {}): Promise<PostgresSearchIndex> {
    if (dataSource.options.type !== 'postgres') throw new Error('PostgresSearchIndex needs a PostgreSQL DataSource (SEARCH_ENGINE=postgres needs DATABASE_URL)');
    const index = new PostgresSearchIndex(dataSource, options);
    const [{ exists }] = await dataSource.query<{ exists: boolean }[]>(`SELECT to_regclass('search_meta') IS NOT NULL AS exists`);
    if (!exists) throw new Error('the PostgreSQL search tables are missing: run `npm run migrate` (or start the API) first');
    await dataSource.transaction(async (em) => {
      // One process at a time decides (the API and a worker may start together).
      await em.query('LOCK TABLE search_meta IN EXCLUSIVE MODE');
      const rows = await em.query<{ value: string }[]>(`SELECT value FROM search_meta WHERE key = 'schema_version'`);
      if (rows[0]?.value === POSTGRES_STORED_VERSION) return;
      const [{ any }] = await em.query<{ any: boolean }[]>('SELECT EXISTS (SELECT 1 FROM search_file) AS any');
      if (any) index.rebuilt = true;
      await em.query('TRUNCATE search_ranking, search_ranking_query, search_chunk, search_segment, search_file');
      await em.query(`INSERT INTO search_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [POSTGRES_STORED_VERSION]);
    });
    return index;
  }

  /** Runs `work` in the caller's transaction, or in one of its own. */
  private async write(options: IndexWriteOptions | undefined, work: (em: EntityManager) => Promise<void>): Promise<void> {
    const em = options?.em;
    if (em) {
      if (em.connection !== this.dataSource || !em.queryRunner?.isTransactionActive) {
        throw new Error('SearchIndex writes with { em } must run inside uow.write(em => …) on the database the index lives in');
      }
      await work(em);
      return;
    }
    await this.dataSource.transaction(work);
  }

  async upsertDocumentChunks(meta: DocumentMeta, chunks: ExtractedChunk[], options?: IndexWriteOptions): Promise<void> {
    await this.upsertMany([{ meta, chunks }], options);
  }

  async upsertMany(files: { meta: DocumentMeta; chunks: ExtractedChunk[] }[], options?: IndexWriteOptions): Promise<void> {
    for (const f of files) if (f.chunks.length > CHUNKS_PER_FILE) throw AppError.badInput('SEARCH_REQUEST_INVALID', `A file may have at most ${CHUNKS_PER_FILE} chunks`);
    // Tokenizing is the costly part: before the transaction.
    const prepared = files.map(({ meta, chunks }) => ({ meta, chunks, segments: fileSegments(meta.symbol, meta.title, chunks) }));
    await this.write(options, async (em) => {
      const kept = await this.kept.lockForWrite(em);
      const ids: string[] = [];
      for (const p of prepared) ids.push(await this.insertFile(em, p.meta, p.chunks, p.segments));
      if (kept) await this.kept.scoreFiles(em, ids);
    });
    this.gatherStatistics(prepared.reduce((n, p) => n + p.segments.length, 0));
  }

  /**
   * Keeps the planner's statistics up with bulk loads: after a fifth of the segment rows (and at
   * least 1,000) have been written since the last ANALYZE here, runs ANALYZE on the index's tables,
   * in the background (one at a time; a failure is reported and retried after the next writes).
   * Autovacuum would do it too, but it can be off (it is on the CI machine) or a minute late, and
   * without statistics the planner plans a freshly loaded table blind (bench/search: every search
   * on 100,000 pages took 200 ms or more, even one that finds nothing).
   * Rows written in a transaction still open are counted now and seen by the next ANALYZE.
   */
  private gatherStatistics(rows: number): void {
    this.writtenSinceAnalyze += rows;
    if (this.analyzing || this.writtenSinceAnalyze < Math.max(1_000, this.segmentsAtAnalyze / 5)) return;
    const written = this.writtenSinceAnalyze;
    this.writtenSinceAnalyze = 0;
    this.analyzing = (async () => {
      try {
        await this.dataSource.query('ANALYZE search_file, search_segment, search_chunk');
        const [row] = await this.dataSource.query<{ n: string }[]>(`SELECT greatest(reltuples, 0)::bigint::text AS n FROM pg_class WHERE oid = to_regclass('search_segment')`);
        this.segmentsAtAnalyze = Number(row?.n ?? 0);
      } catch (error) {
        this.writtenSinceAnalyze += written;
        this.onBackgroundError(error);
      } finally {
        this.analyzing = null;
      }
    })();
  }

  /** Waits for an ANALYZE started by gatherStatistics, if one is running (tests, shutdown). */
  async statisticsSettled(): Promise<void> {
    await this.analyzing;
  }

  /** Waits for the work this index does in the background: ANALYZE, kept rankings (tests, shutdown). */
  async settled(): Promise<void> {
    await this.analyzing;
    await this.kept.settled();
  }

  /** Writes one file's rows; returns its search_file row id. */
  private async insertFile(em: EntityManager, meta: DocumentMeta, chunks: ExtractedChunk[], segments: string[]): Promise<string> {
    // ON CONFLICT locks the file's row: two writers of one file take turns. A new file's id is in
    // its document's bucket (BUCKET_SPAN); a file written again keeps its id.
    const [{ id }] = await em.query<{ id: string }[]>(
      `INSERT INTO search_file (id, file_id, document_id, revision_id, symbol, title, meeting_code, group_code, type, year, language, economies, restricted, published_at)
       VALUES ($14::bigint * ${BUCKET_SPAN} + nextval('search_file_id_seq'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12, $13)
       ON CONFLICT (file_id) DO UPDATE SET document_id = excluded.document_id, revision_id = excluded.revision_id, symbol = excluded.symbol, title = excluded.title,
         meeting_code = excluded.meeting_code, group_code = excluded.group_code, type = excluded.type, year = excluded.year, language = excluded.language,
         economies = excluded.economies, restricted = excluded.restricted, published_at = excluded.published_at
       RETURNING id::text AS id`,
      [
        meta.fileId,
        meta.documentId,
        meta.revisionId,
        cleanText(meta.symbol),
        cleanText(meta.title),
        meta.meetingCode,
        meta.groupCode,
        meta.type,
        meta.year,
        meta.language,
        economyList(meta.economyCodes),
        meta.access === 'RESTRICTED',
        meta.publishedAt,
        documentBucket(meta.documentId),
      ],
    );
    await em.query('DELETE FROM search_segment WHERE file = $1', [id]);
    await em.query('DELETE FROM search_chunk WHERE file = $1', [id]);
    await em.query('INSERT INTO search_segment (file, n, tsv) SELECT $1, s.n - 1, s.tsv::tsvector FROM unnest($2::text[]) WITH ORDINALITY AS s(tsv, n)', [id, segments]);
    // In batches: one statement's parameters stay small whatever the file's size.
    for (let from = 0; from < chunks.length; from += 500) {
      const batch = chunks.slice(from, from + 500);
      await em.query(
        `INSERT INTO search_chunk (file, n, page, section, language, text)
         SELECT $1, $2::int + c.n - 1, c.page, c.section, c.language, c.text FROM unnest($3::int[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS c(page, section, language, text, n)`,
        [
          id,
          from,
          batch.map((c) => c.page),
          batch.map((c) => (c.section === null ? null : cleanText(c.section))),
          batch.map((c) => c.language),
          batch.map((c) => cleanText(c.text)),
        ],
      );
    }
    return id;
  }

  async removeFile(fileId: string, options?: IndexWriteOptions): Promise<void> {
    await this.write(options, async (em) => {
      // Its kept-ranking rows go with it: not while a ranking is being made from a snapshot that holds them.
      await this.kept.lockForWrite(em);
      await em.query('DELETE FROM search_file WHERE file_id = $1', [fileId]);
    });
  }

  async removeDocument(documentId: string, options?: IndexWriteOptions): Promise<void> {
    await this.write(options, async (em) => {
      await this.kept.lockForWrite(em);
      await em.query('DELETE FROM search_file WHERE document_id = $1', [documentId]);
    });
  }

  async setDocumentAccess(documentId: string, access: DocumentAccess, options?: IndexWriteOptions): Promise<void> {
    await this.write(options, async (em) => {
      // Every index write takes this lock before any row of the index (kept rankings need nothing
      // here): a transaction that writes twice never holds an index row while it waits for the lock.
      await this.kept.lockForWrite(em);
      await em.query('UPDATE search_file SET restricted = $1 WHERE document_id = $2', [access === 'RESTRICTED', documentId]);
    });
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const window = pageWindow({ first: request.first, after: request.after });
    const parsed = parseSearchQuery(request.query);
    const empty: SearchResult = {
      totalCount: 0,
      totalCountIsEstimate: false,
      hits: [],
      facets: emptyFacets(),
      pageInfo: { hasNextPage: false, endCursor: null },
      orderedBy: 'RELEVANCE',
    };
    const tsq = parsed.blank ? null : postgresQuery(parsed);
    if (!parsed.blank && !tsq) return empty;
    const limit = Math.max(0, Math.min(window.limit, MAX_RESULT_WINDOW - window.offset));

    // A query with a kept ranking whose page it settles: ranked from the ranking, counted from a
    // sample when it matches many files. Otherwise one statement ranks and counts every match.
    const kept = tsq ? await this.kept.find(tsq) : null;
    if (tsq && kept) {
      // Ranked and counted side by side (two connections) — but after each other with a filter,
      // which the ranking may not settle: the statement then counts, and a count here is wasted.
      const ranking = this.kept.rank(kept, tsq, request.filter, request.includeRestricted, window.offset, limit);
      const counting = narrows(request.filter) ? null : this.count(tsq, request.filter, request.includeRestricted, kept);
      // Both are waited for, whatever either does: neither outlives the search.
      const [ranked, countedEarly] = await Promise.allSettled([ranking, counting]);
      if (ranked.status === 'rejected') throw ranked.reason;
      if (countedEarly.status === 'rejected') throw countedEarly.reason;
      const [page, early] = [ranked.value, countedEarly.value];
      if (page) {
        const counted = early ?? (await this.count(tsq, request.filter, request.includeRestricted, kept));
        const hits = await this.hitsFor(page.ranked, parsed);
        // An estimate never says fewer documents than the pages served so far, nor that none follow.
        const totalCount = counted.estimate ? Math.max(counted.totalCount, window.offset + hits.length + (page.more ? 1 : 0)) : counted.totalCount;
        const { pageInfo } = toPage(hits, Math.min(totalCount, MAX_RESULT_WINDOW), window);
        return { totalCount, totalCountIsEstimate: counted.estimate, hits, facets: counted.facets, pageInfo, orderedBy: 'RELEVANCE' };
      }
    }

    const p = new Params();
    const where = filterSql(request.filter, request.includeRestricted, p);
    let matched: string;
    let segments = '';
    if (!tsq) {
      // A blank query: every file the filters allow, the newest first.
      matched = `SELECT f.id, f.document_id, f.meeting_code, f.group_code, f.type, f.year, f.economies, coalesce(f.published_at, '') AS pub, 0::float8 AS score
        FROM search_file f WHERE ${where}`;
    } else {
      const any = p.add(tsq.any, '::tsquery');
      // Every segment read matches `any`; with one clause that is the clause itself, so testing it
      // again would only read every matching tsvector once more (bench/search: a common word on
      // 30,000 one-page files, 280 → 245 ms for the statement).
      const clauses = clauseTestsSql(tsq, p);
      const head = p.add(tsq.head, '::tsquery');
      const excluded = exclusionSql(tsq, p, 'f.id');
      // A file matches when each clause is in one of its segments (the file is one FTS5 row to
      // the SQLite engine); its score is fileScoreSql: the sum of its segments' ts_rank_cd, plus
      // the title bonus. The matching files' scores are computed once (MATERIALIZED): left to the
      // planner, a join it misjudges (statistics not yet gathered after a bulk load) re-ran this
      // aggregate over every matching segment once per file that passes the filters — 55 s
      // instead of 0.4 s for a common word with filters on 100,000 pages (bench/search).
      // With a filter, only the files that pass it are scored: a filter that keeps a few thousand
      // of a common word's matches no longer reads and ranks every one (bench/search, one page per
      // file: "network" in Chinese reports, 1,010 → 200 ms; 94 ms since search_file has an index
      // per filter column, so that the planner joins the passing files by hash).
      const passing = narrows(request.filter) ? `AND s.file IN (SELECT f.id FROM search_file f WHERE ${where})` : '';
      segments = `s AS MATERIALIZED (SELECT s.file, ${fileScoreSql(any, head)} AS score
              FROM search_segment s WHERE s.tsv @@ ${any} ${passing} ${candidateFilesSql(tsq, p)} GROUP BY s.file HAVING true ${clauses}),`;
      matched = `SELECT f.id, f.document_id, f.meeting_code, f.group_code, f.type, f.year, f.economies, coalesce(f.published_at, '') AS pub, s.score
        FROM s JOIN search_file f ON f.id = s.file
        WHERE ${where} ${excluded}`;
    }
    // One hit per document: its best file's score, shown at its newest matching revision (an older
    // one only when it alone matches) and, within that, its best-scoring file.
    const order = tsq ? 'score DESC, id' : 'pub DESC, id DESC';
    const statement = `WITH ${segments} m AS MATERIALIZED (${matched}),
         r AS (SELECT id, pub, max(score) OVER (PARTITION BY document_id) AS score,
                 row_number() OVER (PARTITION BY document_id ORDER BY pub DESC, score DESC, id DESC) AS rn FROM m),
         hits AS (SELECT id, pub, score FROM r WHERE rn = 1 ORDER BY ${order} LIMIT ${p.add(limit)} OFFSET ${p.add(window.offset)}),
         d AS MATERIALIZED (SELECT DISTINCT ON (document_id) document_id, meeting_code, group_code, type, year, economies FROM m ORDER BY document_id)
       SELECT 'hit' AS kind, id::text AS value, score AS n, pub FROM hits
       ${tsq ? `UNION ALL SELECT 'matched', NULL, count(*)::float8, NULL FROM s` : ''}
       UNION ALL ${COUNTS_SQL}`;
    type Row = { kind: string; value: string | null; n: number; pub: string | null };
    const started = performance.now();
    const rows = tsq
      ? await this.dataSource.transaction(async (em) => {
          // The segments' tsvectors live out of line (TOAST), so search_segment looks a few pages
          // long to the planner and matching a tsvector looks cheap: statistics or not, it reads
          // every segment (a sequential scan, or the primary key in file order for the GROUP BY)
          // and decompresses each to test it, rather than ask the GIN index. For this statement
          // only, plain and index scans are off, which leaves bitmap scans: the GIN index for the
          // segments, and the primary key for search_file. On 100,000 pages (bench/search's files
          // layout, median of 2 runs of each query): a word found nowhere 165 → 2.3 ms, a symbol
          // 156 → 3.2, an English word 271 → 161, a phrase 165 → 50, a common word 460 → 355.
          // JIT off too: a word on many segments costs the planner more than jit_above_cost, and
          // PostgreSQL then compiles the statement's expressions on every run (EXPLAIN ANALYZE on
          // bench/search's one-page files: 46 ms of compiling for the common word on 66,740 pages).
          // The statement is run once per search, so the compiling is never paid back.
          await em.query(BITMAP_ONLY);
          return em.query<Row[]>(statement, p.values);
        })
      : await this.dataSource.query<Row[]>(statement, p.values);

    const { totalCount, facets } = countsOf(rows);
    const ranked: { id: string; score: number; pub: string }[] = [];
    for (const row of rows) if (row.kind === 'hit') ranked.push({ id: row.value!, score: Number(row.n), pub: row.pub ?? '' });
    // UNION ALL does not promise the order of the hit rows.
    ranked.sort(tsq ? (a, b) => b.score - a.score || byId(a.id, b.id) : (a, b) => (a.pub < b.pub ? 1 : a.pub > b.pub ? -1 : byId(b.id, a.id)));
    // Many files matched and no kept ranking: one is made in the background for the next search.
    if (tsq && !kept) this.kept.consider(tsq, Number(rows.find((r) => r.kind === 'matched')?.n ?? 0), performance.now() - started);

    const hits = await this.hitsFor(ranked, tsq ? parsed : null);
    const page = toPage(hits, Math.min(totalCount, MAX_RESULT_WINDOW), window);
    // Counts and facets are exact here (every match is counted in the same statement).
    return { totalCount, totalCountIsEstimate: false, hits, facets, pageInfo: page.pageInfo, orderedBy: tsq ? 'RELEVANCE' : 'NEWEST' };
  }

  /**
   * The total and the facets of a query, per document, for the kept-ranking path: exact up to
   * exactCountFiles matching segments; past that, over the documents of the first few buckets of
   * file ids (a random sample of documents, see BUCKET_SPAN), scaled up — and then an estimate. A
   * sample with fewer than minSampledDocuments documents (a narrow filter) is counted exactly.
   */
  private async count(
    tsq: PostgresQuery,
    filter: SearchFilter | null | undefined,
    includeRestricted: boolean,
    kept: KeptRanking,
  ): Promise<{ totalCount: number; facets: SearchResult['facets']; estimate: boolean }> {
    // A ranking that holds every match counts them exactly, from its own rows.
    const listed = kept.floor === -Infinity ? await this.kept.countFromList(kept, filter, includeRestricted, COUNTS_SQL) : null;
    if (listed) return { ...countsOf(listed), estimate: false };
    return this.dataSource.transaction(async (em) => {
      await em.query(BITMAP_ONLY);
      let rows = await this.countRows(em, tsq, filter, includeRestricted, null);
      let buckets = Number(rows.find((r) => r.kind === 'buckets')?.n ?? SAMPLE_BUCKETS);
      let counts = countsOf(rows);
      if (buckets < SAMPLE_BUCKETS && counts.totalCount < this.counting.minSampledDocuments) {
        rows = await this.countRows(em, tsq, filter, includeRestricted, SAMPLE_BUCKETS);
        buckets = SAMPLE_BUCKETS;
        counts = countsOf(rows);
      }
      if (buckets >= SAMPLE_BUCKETS) return { ...counts, estimate: false };
      const scale = SAMPLE_BUCKETS / buckets;
      const facets = emptyFacets();
      for (const k of FACET_KINDS) facets[k] = counts.facets[k].map((f) => ({ value: f.value, count: Math.round(f.count * scale) }));
      return { totalCount: Math.round(counts.totalCount * scale), facets, estimate: true };
    });
  }

  /**
   * The count rows (COUNTS_SQL, and the buckets counted) of the matching files in the first
   * `buckets` buckets — or, when null, in as many as hold about exactCountFiles of the
   * candidates (the segments that may match; with several clauses, the files; all of them up to that). The segments are found by `loose` alone, which the GIN
   * index answers without reading a tsvector; only the sample's files are read, to test the
   * phrases (a phrase tested over every candidate read each one: "國際電信" on 100,000 one-page
   * files, 340 ms). With several clauses, the candidates are the files that have each clause's
   * part of `loose` in some segment, one GIN lookup per clause; without a phrase that is exactly
   * the files that match, and none is read ("network security" on the same pages: the files
   * with either word were 73,404, each sampled one read and tested, 50 ms for the count).
   */
  private countRows(em: EntityManager, tsq: PostgresQuery, filter: SearchFilter | null | undefined, includeRestricted: boolean, buckets: number | null): Promise<CountRow[]> {
    const p = new Params();
    const where = filterSql(filter, includeRestricted, p);
    const all = p.add(SAMPLE_BUCKETS, '::int');
    // With a filter, the matches that pass it (the sample is then of those).
    const passing = narrows(filter) ? `AND s.file IN (SELECT f.id FROM search_file f WHERE ${where})` : '';
    const chosen =
      buckets === null
        ? `CASE WHEN count(*) > ${p.add(this.counting.exactCountFiles, '::int')} THEN greatest(1, ceil(${all} * ${p.add(this.counting.exactCountFiles, '::float8')} / count(*))) ELSE ${all} END::int`
        : `${p.add(buckets, '::int')}`;
    const several = tsq.clauses.length > 1;
    // One clause: the segments that may hold it (n kept, see below). Several: the files that may hold each.
    const candidates = several
      ? `SELECT file, NULL::int AS n FROM (${filesWithEachClauseSql(tsq, p, passing)}) i`
      : `SELECT s.file, s.n FROM search_segment s WHERE s.tsv @@ ${p.add(tsq.loose, '::tsquery')} ${passing}`;
    let matching = 'SELECT c.file FROM c';
    // A phrase's words AND-ed may be apart: the sample's files are tested for it.
    if (tsq.loose !== tsq.any) {
      const any = p.add(tsq.any, '::tsquery');
      // Per file (the primary key), never the GIN index again: that would read every candidate.
      // With one clause, only the segments that have all of a phrase's words can hold it, and one
      // that does is enough: a file of 80 pages has a few dozen segments, of which "殭屍網路"'s
      // words are in one or two (bench/search's files layout, warm: the count 68–83 → 22–26 ms).
      matching = several
        ? `SELECT c.file FROM c CROSS JOIN LATERAL (SELECT 1 FROM search_segment s WHERE s.file = c.file AND s.tsv @@ ${any} HAVING count(*) > 0 ${clauseTestsSql(tsq, p)}) x`
        : // CASE: the segment's number is tested before its tsvector is read (PostgreSQL orders plain ANDs by cost).
          `SELECT c.file FROM c WHERE EXISTS (SELECT 1 FROM search_segment s WHERE s.file = c.file AND CASE WHEN s.n = ANY(c.ns) THEN s.tsv @@ ${any} ELSE false END)`;
    }
    const excluded = exclusionSql(tsq, p, 'f.id');
    return em.query<CountRow[]>(
      `WITH g AS MATERIALIZED (${candidates}),
         b AS MATERIALIZED (SELECT ${chosen} AS buckets ${buckets === null ? 'FROM g' : ''}),
         c AS MATERIALIZED (SELECT g.file, array_agg(g.n) AS ns FROM g, b WHERE b.buckets >= ${all} OR g.file < b.buckets * ${BUCKET_SPAN}::bigint GROUP BY g.file),
         s AS MATERIALIZED (${matching}),
         d AS MATERIALIZED (SELECT DISTINCT ON (f.document_id) f.document_id, f.meeting_code, f.group_code, f.type, f.year, f.economies
                            FROM s JOIN search_file f ON f.id = s.file WHERE ${where} ${excluded} ORDER BY f.document_id)
       ${COUNTS_SQL}
       UNION ALL SELECT 'buckets', NULL, buckets::float8, NULL FROM b`,
      p.values,
    );
  }

  private async hitsFor(ranked: { id: string; score: number }[], query: ParsedQuery | null): Promise<SearchHit[]> {
    if (!ranked.length) return [];
    const ids = ranked.map((r) => r.id);
    const picking = query !== null && query.clauses.length > 0;
    // Each file's row and its first pages, in one statement for the page's hits (a page of one
    // search was ten round trips); the rest of a long file only when the picker wants more.
    const rows = await this.dataSource.query<({ id: string; document_id: string; revision_id: string; file_id: string } & Partial<ChunkRow>)[]>(
      `SELECT f.id::text AS id, f.document_id, f.revision_id, f.file_id, c.n, c.page, c.section, c.text
       FROM search_file f LEFT JOIN LATERAL (SELECT n, page, section, text FROM search_chunk WHERE file = f.id ORDER BY n LIMIT $2) c ON true
       WHERE f.id = ANY($1::bigint[]) ORDER BY f.id, c.n`,
      [ids, picking ? FIRST_CHUNKS : 1],
    );
    const byId = new Map<string, { document_id: string; revision_id: string; file_id: string; chunks: ChunkRow[] }>();
    for (const row of rows) {
      const file = byId.get(row.id) ?? { document_id: row.document_id, revision_id: row.revision_id, file_id: row.file_id, chunks: [] };
      byId.set(row.id, file);
      if (row.n !== null && row.n !== undefined) file.chunks.push({ n: Number(row.n), page: row.page ?? null, section: row.section ?? null, text: row.text ?? '' });
    }
    const hits: SearchHit[] = [];
    for (const r of ranked) {
      const file = byId.get(r.id);
      if (!file) continue; // removed since
      const chunk = picking ? await this.bestChunk(r.id, query, file.chunks) : file.chunks[0];
      hits.push({
        documentId: file.document_id,
        revisionId: file.revision_id,
        fileId: file.file_id,
        page: chunk?.page ?? null,
        section: chunk?.section ?? null,
        snippet: chunk ? makeSnippet(chunk.text, query ?? { clauses: [] }) : '',
        score: query ? Math.round(r.score * 1e6) / 1e6 : 0,
      });
    }
    return hits;
  }

  /**
   * The chunk to show (BestChunkPicker): the file's first FIRST_CHUNKS chunks (read with the
   * page's files), then the rest in order, in growing batches, while the picker wants more.
   */
  private async bestChunk(fileRowId: string, query: ParsedQuery, first: ChunkRow[]): Promise<ChunkRow | undefined> {
    const batchOf = async (from: number, size: number) =>
      (await this.dataSource.query<ChunkRow[]>('SELECT n, page, section, text FROM search_chunk WHERE file = $1 AND n >= $2 ORDER BY n LIMIT $3', [fileRowId, from, size])).map(
        (c) => ({ ...c, n: Number(c.n) }),
      );
    const picker = new BestChunkPicker<ChunkRow>(query);
    picker.add(first);
    if (first.length < FIRST_CHUNKS) return picker.best();
    let next = first[first.length - 1].n + 1;
    for (let size = FIRST_CHUNKS * 4; picker.wantsMore; size = Math.min(size * 4, 64)) {
      const batch = await batchOf(next, size);
      picker.add(batch);
      if (batch.length < size) break;
      next = batch[batch.length - 1].n + 1;
    }
    return picker.best();
  }

  async stats(): Promise<SearchIndexStats> {
    const [row] = await this.dataSource.query<{ documents: number; files: number; chunks: number }[]>(
      'SELECT (SELECT count(DISTINCT document_id) FROM search_file)::int AS documents, (SELECT count(*) FROM search_file)::int AS files, (SELECT count(*) FROM search_chunk)::int AS chunks',
    );
    return { engine: 'postgres', documents: Number(row.documents), files: Number(row.files), chunks: Number(row.chunks) };
  }

  async listFileIds(): Promise<string[]> {
    // COLLATE "C": sorted by code point, as JavaScript sorts.
    return (await this.dataSource.query<{ file_id: string }[]>('SELECT file_id FROM search_file ORDER BY file_id COLLATE "C"')).map((r) => r.file_id);
  }

  async close(): Promise<void> {
    // The DataSource is the application's; DatabaseModule closes it — after the background work still running.
    await this.settled();
  }
}

/** Economy codes as stored: sorted, no duplicates. */
function economyList(codes: string[]): string[] {
  return [...new Set(safe(codes).filter(Boolean))].sort();
}

/** The total and the facets of the matching documents `d`, as rows of kind, value and count. */
const COUNTS_SQL = `SELECT 'total' AS kind, NULL AS value, count(*)::float8 AS n, NULL AS pub FROM d
       UNION ALL SELECT 'meetings', meeting_code, count(*)::float8, NULL FROM d WHERE meeting_code IS NOT NULL GROUP BY meeting_code
       UNION ALL SELECT 'groups', group_code, count(*)::float8, NULL FROM d WHERE group_code IS NOT NULL GROUP BY group_code
       UNION ALL SELECT 'types', type, count(*)::float8, NULL FROM d WHERE type IS NOT NULL GROUP BY type
       UNION ALL SELECT 'years', year::text, count(*)::float8, NULL FROM d WHERE year IS NOT NULL GROUP BY year
       UNION ALL SELECT 'economies', e, count(*)::float8, NULL FROM d, unnest(d.economies) AS e GROUP BY e`;

/** The total and the facets (each sorted) from count rows. */
function countsOf(rows: CountRow[]): { totalCount: number; facets: SearchResult['facets'] } {
  let totalCount = 0;
  const facets = emptyFacets();
  for (const row of rows) {
    if (row.kind === 'total') totalCount = Number(row.n);
    else if ((FACET_KINDS as readonly string[]).includes(row.kind)) facets[row.kind as (typeof FACET_KINDS)[number]].push({ value: String(row.value), count: Number(row.n) });
  }
  for (const k of FACET_KINDS) facets[k].sort(byCountThenValue);
  return { totalCount, facets };
}

/** Row ids in numeric order (they are bigint text). */
function byId(a: string, b: string): number {
  return BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
}
