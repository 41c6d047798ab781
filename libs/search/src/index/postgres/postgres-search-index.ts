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
import { byCountThenValue, emptyFacets, FACET_KINDS, nonEmpty, TITLE_BONUS } from '../engine-shared';
import { makeSnippet } from '../snippet';
import { CHUNKS_PER_FILE, SEARCH_SCHEMA_VERSION } from '../sqlite/sqlite-schema';
import { fileSegments, postgresQuery } from './postgres-tokens';

/**
 * ts_rank_cd weights {D, C, B, A}: a word in the symbol (A) or title (B) counts 2× one in the
 * text (D), as the SQLite engine's bm25 weights.
 */
const RANK_WEIGHTS = `'{0.5, 0.5, 1, 1}'::float4[]`;

interface ChunkRow {
  n: number;
  page: number | null;
  section: string | null;
  text: string;
}

/** PostgreSQL text cannot hold NUL; filter values with one can match nothing anyway. */
function safe(values: unknown[]): string[] {
  return values.map((v) => String(v).split(String.fromCharCode(0)).join('\uFFFD'));
}

/** Query parameters, numbered as they are added. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
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

  private constructor(
    private readonly dataSource: DataSource,
    private readonly onStatisticsError: (error: unknown) => void = () => undefined,
  ) {}

  /** Opens the index in `dataSource` (PostgreSQL, migrated); empties it when it was built by another tokenization. */
  static async open(dataSource: DataSource, options: { onStatisticsError?: (error: unknown) => void } = {}): Promise<PostgresSearchIndex> {
    if (dataSource.options.type !== 'postgres') throw new Error('PostgresSearchIndex needs a PostgreSQL DataSource (SEARCH_ENGINE=postgres needs DATABASE_URL)');
    const index = new PostgresSearchIndex(dataSource, options.onStatisticsError);
    const [{ exists }] = await dataSource.query<{ exists: boolean }[]>(`SELECT to_regclass('search_meta') IS NOT NULL AS exists`);
    if (!exists) throw new Error('the PostgreSQL search tables are missing: run `npm run migrate` (or start the API) first');
    await dataSource.transaction(async (em) => {
      // One process at a time decides (the API and a worker may start together).
      await em.query('LOCK TABLE search_meta IN EXCLUSIVE MODE');
      const rows = await em.query<{ value: string }[]>(`SELECT value FROM search_meta WHERE key = 'schema_version'`);
      if (rows[0]?.value === String(SEARCH_SCHEMA_VERSION)) return;
      const [{ any }] = await em.query<{ any: boolean }[]>('SELECT EXISTS (SELECT 1 FROM search_file) AS any');
      if (any) {
        await em.query('TRUNCATE search_chunk, search_segment, search_file');
        index.rebuilt = true;
      }
      await em.query(`INSERT INTO search_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [String(SEARCH_SCHEMA_VERSION)]);
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
      for (const p of prepared) await this.insertFile(em, p.meta, p.chunks, p.segments);
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
        this.onStatisticsError(error);
      } finally {
        this.analyzing = null;
      }
    })();
  }

  /** Waits for an ANALYZE started by gatherStatistics, if one is running (tests, shutdown). */
  async statisticsSettled(): Promise<void> {
    await this.analyzing;
  }

  private async insertFile(em: EntityManager, meta: DocumentMeta, chunks: ExtractedChunk[], segments: string[]): Promise<void> {
    // ON CONFLICT locks the file's row: two writers of one file take turns.
    const [{ id }] = await em.query<{ id: string }[]>(
      `INSERT INTO search_file (file_id, document_id, revision_id, symbol, title, meeting_code, group_code, type, year, language, economies, restricted, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text[], $12, $13)
       ON CONFLICT (file_id) DO UPDATE SET document_id = excluded.document_id, revision_id = excluded.revision_id, symbol = excluded.symbol, title = excluded.title,
         meeting_code = excluded.meeting_code, group_code = excluded.group_code, type = excluded.type, year = excluded.year, language = excluded.language,
         economies = excluded.economies, restricted = excluded.restricted, published_at = excluded.published_at
       RETURNING id`,
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
  }

  async removeFile(fileId: string, options?: IndexWriteOptions): Promise<void> {
    await this.write(options, async (em) => {
      await em.query('DELETE FROM search_file WHERE file_id = $1', [fileId]);
    });
  }

  async removeDocument(documentId: string, options?: IndexWriteOptions): Promise<void> {
    await this.write(options, async (em) => {
      await em.query('DELETE FROM search_file WHERE document_id = $1', [documentId]);
    });
  }

  async setDocumentAccess(documentId: string, access: DocumentAccess, options?: IndexWriteOptions): Promise<void> {
    await this.write(options, async (em) => {
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

    const p = new Params();
    const where = filterSql(request.filter, request.includeRestricted, p);
    const limit = Math.max(0, Math.min(window.limit, MAX_RESULT_WINDOW - window.offset));
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
      const clauses = tsq.clauses.length === 1 ? '' : tsq.clauses.map((q) => `bool_or(s.tsv @@ ${p.add(q, '::tsquery')}) AND`).join(' ');
      const head = p.add(tsq.head, '::tsquery');
      const excluded = tsq.excluded ? `AND NOT EXISTS (SELECT 1 FROM search_segment x WHERE x.file = f.id AND x.tsv @@ ${p.add(tsq.excluded, '::tsquery')})` : '';
      // A file matches when each clause is in one of its segments (the file is one FTS5 row to
      // the SQLite engine); its score is the sum of its segments' ts_rank_cd, plus the title bonus.
      // The matching files' scores are computed once (MATERIALIZED): left to the planner, a join
      // it misjudges (statistics not yet gathered after a bulk load) re-ran this aggregate over
      // every matching segment once per file that passes the filters — 55 s instead of 0.4 s for
      // a common word with filters on 100,000 pages (bench/search).
      segments = `s AS MATERIALIZED (SELECT s.file, sum(ts_rank_cd(${RANK_WEIGHTS}, s.tsv, ${any}, 1))::float8 AS rank, bool_or(s.n = 0 AND s.tsv @@ ${head}) AS head
              FROM search_segment s WHERE s.tsv @@ ${any} GROUP BY s.file HAVING ${clauses} true),`;
      matched = `SELECT f.id, f.document_id, f.meeting_code, f.group_code, f.type, f.year, f.economies, coalesce(f.published_at, '') AS pub,
          s.rank + CASE WHEN s.head THEN ${TITLE_BONUS} ELSE 0 END AS score
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
       UNION ALL SELECT 'total', NULL, count(*)::float8, NULL FROM d
       UNION ALL SELECT 'meetings', meeting_code, count(*)::float8, NULL FROM d WHERE meeting_code IS NOT NULL GROUP BY meeting_code
       UNION ALL SELECT 'groups', group_code, count(*)::float8, NULL FROM d WHERE group_code IS NOT NULL GROUP BY group_code
       UNION ALL SELECT 'types', type, count(*)::float8, NULL FROM d WHERE type IS NOT NULL GROUP BY type
       UNION ALL SELECT 'years', year::text, count(*)::float8, NULL FROM d WHERE year IS NOT NULL GROUP BY year
       UNION ALL SELECT 'economies', e, count(*)::float8, NULL FROM d, unnest(d.economies) AS e GROUP BY e`;
    type Row = { kind: string; value: string | null; n: number; pub: string | null };
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
          await em.query('SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL jit = off');
          return em.query<Row[]>(statement, p.values);
        })
      : await this.dataSource.query<Row[]>(statement, p.values);

    let totalCount = 0;
    const facets = emptyFacets();
    const ranked: { id: string; score: number; pub: string }[] = [];
    for (const row of rows) {
      if (row.kind === 'hit') ranked.push({ id: row.value!, score: Number(row.n), pub: row.pub ?? '' });
      else if (row.kind === 'total') totalCount = Number(row.n);
      else if ((FACET_KINDS as readonly string[]).includes(row.kind)) facets[row.kind as (typeof FACET_KINDS)[number]].push({ value: String(row.value), count: Number(row.n) });
    }
    for (const k of FACET_KINDS) facets[k].sort(byCountThenValue);
    // UNION ALL does not promise the order of the hit rows.
    const byId = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
    ranked.sort(tsq ? (a, b) => b.score - a.score || byId(a.id, b.id) : (a, b) => (a.pub < b.pub ? 1 : a.pub > b.pub ? -1 : byId(b.id, a.id)));

    const hits = await this.hitsFor(ranked, tsq ? parsed : null);
    const page = toPage(hits, Math.min(totalCount, MAX_RESULT_WINDOW), window);
    // Counts and facets are exact here (every match is counted in the same statement).
    return { totalCount, totalCountIsEstimate: false, hits, facets, pageInfo: page.pageInfo, orderedBy: tsq ? 'RELEVANCE' : 'NEWEST' };
  }

  private async hitsFor(ranked: { id: string; score: number }[], query: ParsedQuery | null): Promise<SearchHit[]> {
    if (!ranked.length) return [];
    const files = await this.dataSource.query<
      {
        id: string;
        document_id: string;
        revision_id: string;
        file_id: string;
      }[]
    >('SELECT id::text AS id, document_id, revision_id, file_id FROM search_file WHERE id = ANY($1::bigint[])', [ranked.map((r) => r.id)]);
    const byId = new Map(files.map((f) => [f.id, f]));
    const hits: SearchHit[] = [];
    for (const r of ranked) {
      const file = byId.get(r.id);
      if (!file) continue; // removed since
      const chunk = await this.bestChunk(file.id, query);
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

  /** The chunk to show (BestChunkPicker), reading the file's chunks in order, in growing batches. */
  private async bestChunk(fileRowId: string, query: ParsedQuery | null): Promise<ChunkRow | undefined> {
    const batchOf = async (from: number, size: number) =>
      (await this.dataSource.query<ChunkRow[]>('SELECT n, page, section, text FROM search_chunk WHERE file = $1 AND n >= $2 ORDER BY n LIMIT $3', [fileRowId, from, size])).map(
        (c) => ({ ...c, n: Number(c.n) }),
      );
    if (!query || !query.clauses.length) return (await batchOf(0, 1))[0];
    const picker = new BestChunkPicker<ChunkRow>(query);
    let next = 0;
    for (let size = 4; picker.wantsMore; size = Math.min(size * 4, 64)) {
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
    // The DataSource is the application's; DatabaseModule closes it — after an ANALYZE still running.
    await this.analyzing;
  }
}

/** Economy codes as stored: sorted, no duplicates. */
function economyList(codes: string[]): string[] {
  return [...new Set(safe(codes).filter(Boolean))].sort();
}

/** The WHERE clause on search_file f: access first (restricted rows never leave SQL), then filters. */
function filterSql(filter: SearchFilter | null | undefined, includeRestricted: boolean, p: Params): string {
  const clauses: string[] = [includeRestricted === true ? 'true' : 'NOT f.restricted'];
  if (nonEmpty(filter?.meetingCodes)) clauses.push(`f.meeting_code = ANY(${p.add(safe(filter.meetingCodes), '::text[]')})`);
  if (nonEmpty(filter?.groupCodes)) clauses.push(`f.group_code = ANY(${p.add(safe(filter.groupCodes), '::text[]')})`);
  if (nonEmpty(filter?.types)) clauses.push(`f.type = ANY(${p.add(safe(filter.types), '::text[]')})`);
  if (nonEmpty(filter?.years)) {
    const years = filter.years.map(Number).filter((y) => Number.isInteger(y) && Math.abs(y) < 2 ** 31);
    clauses.push(`f.year = ANY(${p.add(years, '::int[]')})`);
  }
  if (nonEmpty(filter?.languages)) clauses.push(`f.language = ANY(${p.add(safe(filter.languages), '::text[]')})`);
  if (nonEmpty(filter?.economies)) clauses.push(`f.economies && ${p.add([...new Set(safe(filter.economies))].slice(0, 50), '::text[]')}`);
  return clauses.join(' AND ');
}
