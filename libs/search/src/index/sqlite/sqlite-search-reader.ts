import type { Database, Statement } from 'better-sqlite3';
import { ftsMatchExpression, ParsedQuery, parseSearchQuery } from '../../text/search-text';
import { MAX_RESULT_WINDOW, SearchFilter, SearchHit, SearchRequest, SearchResult } from '../search-index';
import { BestChunkPicker } from '../best-chunk';
import { byCountThenValue, emptyFacets, FACET_KINDS, nonEmpty, TITLE_BONUS } from '../engine-shared';
import { makeSnippet } from '../snippet';
import { BUCKET_SPAN, CHUNKS_PER_FILE, SAMPLE_BUCKETS } from './sqlite-schema';

/** Tuning of search(); the defaults suit 100,000 pages on two cores (bench/search). */
export interface SqliteRankingOptions {
  /** Up to this many matching files, one SQL statement ranks them all (default 1000); past it, FTS5's rank order (see rank()). */
  rankAllFiles?: number;
  /** Up to this many matching files counts and facets are exact (default 5000); past it, estimated from a sample of documents. */
  exactCountFiles?: number;
  /** A sample with fewer documents than this (a narrow filter) is not used: every match is counted (default 200). */
  minSampledDocuments?: number;
  /**
   * When FTS5's best files do not settle the page (the filters keep few of them), and at most this
   * many matching files pass the filters, every one of those is scored in one pass instead of
   * reading deeper into the rank order (default 20000). See rankInFts().
   */
  scoreFilteredFiles?: number;
  /**
   * Pages of results kept per reader, most recently used first, until the index next changes
   * (default 256; 0 keeps none). See SqliteSearchReader.search.
   */
  resultCacheEntries?: number;
}

export function rankingDefaults(options: SqliteRankingOptions = {}): Required<SqliteRankingOptions> {
  return { rankAllFiles: 1000, exactCountFiles: 5000, minSampledDocuments: 200, scoreFilteredFiles: 20_000, resultCacheEntries: 256, ...options };
}

/**
 * Page cache of a search connection, in KiB (SQLite's own default here is 16 MB). A filter is
 * tested on every row of search_file (about 19 MB for 100,000 one-page files): in 16 MB it never
 * stays cached, and each search read it from the OS again — 38.7 ms for the filtered pass of a
 * common word, 25.9 with 64 MB; bench/search, one page per file, "word + filters" mean 40 → 25 ms
 * at 32 MB. Per connection, so per search worker; it fills only as pages are read.
 */
export const READER_CACHE_KIB = 32_768;

/** Sets up a read-only connection for searches (a search worker's, or the API's own reader). */
export function prepareReaderConnection(db: Database): Database {
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${READER_CACHE_KIB}`);
  return db;
}

/** A page of results before its cursor: what a reader (in this thread or a worker) answers. */
export type SearchPage = Omit<SearchResult, 'pageInfo'>;

/**
 * bm25 column weights: a word in the symbol or title counts 2× one in the text — enough to break
 * ties, never enough to lift a title that matches part of the query over a body that is about it.
 */
const BM25 = 'bm25(search_fts, 2.0, 2.0, 1.0)';
/** The same as FTS5's rank function (`rank MATCH`), so FTS5 can sort by it itself. */
const RANK = 'bm25(2.0, 2.0, 1.0)';

/** A scored file in ranking: id, document, published, score (bm25, less the title bonus), seq. */
type Row = [number, string, string, number, number];
const byScore = (a: Row, b: Row) => a[3] - b[3] || a[0] - b[0];

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
 * The read side of the SQLite index: one search on one connection (read-only), as a plain
 * synchronous call, so that it runs the same in the API's thread and in a search worker
 * (sqlite-search.worker.ts). No transaction stays open between searches: each search reads one
 * snapshot (a deferred read transaction) and lets it go, so a commit is seen by the next search.
 */
export class SqliteSearchReader {
  private readonly statements = new Map<string, Statement>();
  private readonly ranking: Required<SqliteRankingOptions>;
  /** Pages answered at index generation `cachedAt`, least recently used first (Map order). */
  private readonly cache = new Map<string, SearchPage>();
  private cachedAt: string | null = null;
  /** How searches were answered: from the cache, or computed (diagnostics, tests, the benchmark). */
  readonly cacheStats = { hits: 0, misses: 0 };
  /** How large result sets were ranked: reads of FTS5's rank order, passes over the filtered files, pages of title matches alone, reads of the best title matches (diagnostics, tests). */
  readonly rankStats = { rankOrderReads: 0, filteredPasses: 0, titlePages: 0, titleReads: 0 };

  constructor(
    private readonly db: Database,
    ranking: SqliteRankingOptions = {},
  ) {
    this.ranking = rankingDefaults(ranking);
  }

  private read(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  /**
   * The documents `offset` … `offset + first` of a search, with its counts and facets.
   *
   * A page once computed is kept (up to resultCacheEntries, least recently used dropped first) and
   * answered again while the index is unchanged: every write of the index bumps its generation in
   * search_meta in the same transaction, and each search reads the generation in the snapshot it
   * searches, so a kept page is only ever served from the same data it was computed from — exact,
   * never stale, restricted rows included (the caller's access is part of the key). A word on most
   * pages costs a full bm25 pass when first searched after a change, a map lookup afterwards.
   *
   * `parsed` is parseSearchQuery(request.query) when the caller has already read it (a search
   * worker is given it by SqliteSearchPool, so that it never builds the regional-form tables).
   */
  search(request: SearchRequest, offset: number, first: number, parsed?: ParsedQuery): SearchPage {
    // One snapshot for the statements of a search; a connection that is already inside a
    // transaction (the writer's, when the index shares the application's in-memory database) reads in it.
    // Nothing is kept from inside one: what it has written may yet be rolled back.
    const query = parsed ?? parseSearchQuery(request.query);
    if (this.db.inTransaction) return this.run(request, offset, first, query);
    return this.db.transaction(() => this.cached(request, offset, first, query))();
  }

  private cached(request: SearchRequest, offset: number, first: number, parsed: ParsedQuery): SearchPage {
    const capacity = this.ranking.resultCacheEntries;
    if (capacity <= 0) return this.run(request, offset, first, parsed);
    const generation = (this.read("SELECT value FROM search_meta WHERE key = 'generation'").pluck().get() as string | undefined) ?? '';
    if (generation !== this.cachedAt) {
      this.cache.clear();
      this.cachedAt = generation;
    }
    const key = JSON.stringify([request.query, request.filter ?? null, request.includeRestricted === true, offset, first]);
    const kept = this.cache.get(key);
    if (kept) {
      this.cacheStats.hits++;
      this.cache.delete(key); // to the most recently used end
      this.cache.set(key, kept);
      return structuredClone(kept); // callers may change what they are given
    }
    this.cacheStats.misses++;
    const page = this.run(request, offset, first, parsed);
    this.cache.set(key, structuredClone(page));
    if (this.cache.size > capacity) this.cache.delete(this.cache.keys().next().value!);
    return page;
  }

  private run(request: SearchRequest, offset: number, first: number, parsed: ParsedQuery): SearchPage {
    const window = { offset, limit: first };
    if (!parsed.blank && !parsed.clauses.length) return { totalCount: 0, totalCountIsEstimate: false, hits: [], facets: emptyFacets(), orderedBy: 'RELEVANCE' };

    const { where, params } = filterSql(request.filter, request.includeRestricted);
    const limit = Math.max(0, Math.min(window.limit, MAX_RESULT_WINDOW - window.offset));
    let counted: [string, string | number | null, number][];
    let ranked: { id: number; key: number | string }[];
    let buckets = SAMPLE_BUCKETS;
    if (parsed.blank) {
      // Newest documents first; hits and facets in one statement.
      counted = this.read(
        `WITH d AS MATERIALIZED (
           SELECT id, document_id, meeting_code, group_code, type, year, economies,
             max(coalesce(published_at, '') || '#' || printf('%015d', seq)) AS rank_key
           FROM search_file f WHERE ${where} GROUP BY document_id)
         SELECT 'hit', id, rank_key FROM (SELECT id, rank_key FROM d ORDER BY rank_key DESC LIMIT ? OFFSET ?)
         UNION ALL ${FACETS_SELECT}`,
      )
        .raw()
        .all(...params, limit, window.offset) as [string, string | number | null, number][];
      ranked = counted.filter((r) => r[0] === 'hit').map(([, id, key]) => ({ id: Number(id), key }));
      // UNION ALL does not promise the order of the hit rows.
      ranked.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
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
    return { totalCount, totalCountIsEstimate, hits, facets, orderedBy: parsed.blank ? 'NEWEST' : 'RELEVANCE' };
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
         SELECT f.id AS id, f.seq AS seq, f.document_id AS doc, coalesce(f.published_at, '') AS pub,
           ${BM25} - CASE WHEN f.id IN (SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH ?) THEN ${TITLE_BONUS} ELSE 0 END AS score
         FROM search_fts CROSS JOIN search_file f ON f.id = search_fts.rowid WHERE search_fts MATCH ? AND ${where}),
       r AS (SELECT id, row_number() OVER (PARTITION BY doc ORDER BY pub DESC, score, seq DESC) AS rn, min(score) OVER (PARTITION BY doc) AS s FROM c)
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
   *    bm25 only for those rows) and come first; when they are documents enough for the page, the
   *    page is theirs and step 2 is skipped (no other match can come before them);
   * 2. then the n best files by bm25, joined to search_file for access and filters; n starts at
   *    what the filters' share of the matches suggests and grows until the page's documents are
   *    settled: a document is settled when its best file scores below the n-th (every file not
   *    read scores at least that), so the page is exact, not a sample; when at most
   *    scoreFilteredFiles matching files pass the filters and they are an eighth of the matches or
   *    less, or the first n do not settle the page, those files are all scored in one pass
   *    instead (exact too: every candidate is scored);
   * 3. for the page's documents only, every matching file is scored, to show each at its newest
   *    matching revision's best file — in one more pass, unless every file of those documents
   *    was already scored in 1 or 2 (a document of one file).
   */
  private rankInFts(query: ParsedQuery, where: string, params: unknown[], files: number, matching: number, limit: number, offset: number): { id: number; key: number }[] {
    const need = offset + limit;
    const match = ftsMatchExpression(query);
    const whole = ftsMatchExpression({ clauses: query.clauses, excluded: [] });
    // Files known to match the whole query in symbol and title (they carry TITLE_BONUS).
    const titleIds = new Set<number>();
    // `rowid + 0`: a plain rowid IN (…) makes FTS5 run the query once per id (and bm25 read the
    // whole doclist each time); this way it is one pass with a Bloom filter.
    const scoreOf = (ids: string) =>
      this.read(`SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? AND rank MATCH '${RANK}' AND rowid + 0 IN (SELECT value FROM json_each(?))`).raw().all(match, ids) as [
        number,
        number,
      ][];
    const meta = (scored: [number, number][]): Row[] => this.rowsOf(scored, where, params, (id) => titleIds.has(id));

    let first: Row[];
    // Every title match is known (titleIds), or only the best of them (then the page is theirs).
    let allTitles = false;
    if (!params.length) {
      // No filter but access: the best title matches by bm25, read in one statement that never
      // leaves SQLite for the others (thousands, for a character in many titles), as deep as
      // the page needs. A filter would have to be tested on every title match first: then below.
      const titled = this.bestTitleMatches(match, whole, where, need);
      for (const id of titled.ids) titleIds.add(id);
      first = titled.rows;
      allTitles = titled.complete;
    } else {
      // The title matches that pass the filters, scored in one pass over the doclist.
      const ids = this.read(`SELECT f.id FROM search_title_fts CROSS JOIN search_file f ON f.id = search_title_fts.rowid WHERE search_title_fts MATCH ? AND ${where}`)
        .pluck()
        .all(whole, ...params) as number[];
      for (const id of ids) titleIds.add(id);
      first = meta(ids.length ? scoreOf(JSON.stringify(ids)) : []).sort(byScore);
      allTitles = true;
    }

    const best = new Map<string, number>(); // document → its best score, in rank order
    let settled: string[] = [];
    // The filters' share of the matching files says how far down the rank order a page lies.
    let n = Math.min(matching, Math.max(64, Math.ceil((need * 2 * matching) / Math.max(1, files))));
    let scored: Row[] = first;
    const reads = this.rankStats.rankOrderReads;
    // Title matches come first (TITLE_BONUS outweighs any bm25), so when they are documents enough
    // for the page, the page is theirs, in their order: no other match need be scored.
    for (const r of first) if (!best.has(r[1])) best.set(r[1], r[3]);
    const titlesSuffice = best.size >= need;
    if (titlesSuffice) {
      this.rankStats.titlePages++;
      settled = [...best.keys()];
    }
    while (!titlesSuffice) {
      best.clear();
      for (const r of first) if (!best.has(r[1])) best.set(r[1], r[3]);
      if (files <= this.ranking.scoreFilteredFiles && (files * 8 <= matching || (files < matching && (this.rankStats.rankOrderReads > reads || n >= matching)))) {
        // The filters keep an eighth of the matches or less, or the best n did not settle the page
        // (or n is every match): reading FTS5's rank order (4× deeper each time) scores every match,
        // each time; scoring just the files that pass the filters — every one of them — settles
        // the page in one pass.
        this.rankStats.filteredPasses++;
        const rows = meta(
          this.read(`SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? AND rank MATCH '${RANK}' AND rowid + 0 IN (SELECT f.id FROM search_file f WHERE ${where})`)
            .raw()
            .all(match, ...params) as [number, number][],
        ).sort(byScore);
        best.clear();
        for (const r of rows) if (!best.has(r[1])) best.set(r[1], r[3]);
        settled = [...best.keys()];
        scored = rows;
        break;
      }
      this.rankStats.rankOrderReads++;
      const top = this.read(`SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? AND rank MATCH '${RANK}' ORDER BY rank LIMIT ?`).raw().all(match, n) as [number, number][];
      const complete = top.length < n || n >= matching;
      const boundary = complete ? Infinity : top[top.length - 1][1];
      const ranked = meta(top.filter(([id]) => !titleIds.has(id))).sort(byScore);
      scored = [...first, ...ranked];
      for (const r of ranked) if (!best.has(r[1])) best.set(r[1], r[3]);
      settled = [...best].filter(([, score]) => score < boundary).map(([doc]) => doc);
      if (complete || settled.length >= need) break;
      n = Math.min(matching, n * 4);
    }
    const page = settled.slice(offset, need);
    if (!page.length) return [];

    // Every matching file of the page's documents: the one to show is the newest revision's best.
    // A document whose every file was scored above (one file, as agendas and notes often are)
    // needs no more; the others' files are scored in one more pass over the doclists.
    const seen = new Map<string, Row[]>(page.map((doc) => [doc, []]));
    for (const r of scored) seen.get(r[1])?.push(r);
    const fileCounts = this.read('SELECT document_id, count(*) FROM search_file WHERE document_id IN (SELECT value FROM json_each(?)) GROUP BY document_id')
      .raw()
      .all(JSON.stringify(page)) as [string, number][];
    const unseen = fileCounts.filter(([doc, count]) => seen.get(doc)!.length < count).map(([doc]) => doc);
    // Only the best title matches were read: which of these documents' other files match in the title too.
    if (unseen.length && !allTitles) {
      const more = this.read(
        `SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH ?
           AND rowid + 0 IN (SELECT id FROM search_file WHERE document_id IN (SELECT value FROM json_each(?)))`,
      )
        .pluck()
        .all(whole, JSON.stringify(unseen)) as number[];
      for (const id of more) titleIds.add(id);
    }
    const rescored = new Set(unseen);
    const all = [
      ...page.filter((doc) => !rescored.has(doc)).flatMap((doc) => seen.get(doc)!),
      ...(unseen.length
        ? meta(
            this.read(
              `SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? AND rank MATCH '${RANK}'
                 AND rowid + 0 IN (SELECT id FROM search_file WHERE document_id IN (SELECT value FROM json_each(?)))`,
            )
              .raw()
              .all(match, JSON.stringify(unseen)) as [number, number][],
          )
        : []),
    ];
    const shown = new Map<string, Row>();
    for (const r of all) {
      const cur = shown.get(r[1]);
      if (!cur || r[2] > cur[2] || (r[2] === cur[2] && (r[3] < cur[3] || (r[3] === cur[3] && r[4] > cur[4])))) shown.set(r[1], r);
    }
    return page.map((doc) => ({ id: shown.get(doc)![0], key: best.get(doc)! })).sort((a, b) => a.key - b.key || a.id - b.id);
  }

  /**
   * The best files by bm25 among the title matches (symbol and title match the whole query), as
   * rows that pass `where` (access only: it takes no parameters), read as deep as `need`
   * documents take: the first 2 × need files, then, if they are fewer documents (restricted
   * ones left out, or files of one document) and more are left, all of them. One statement:
   * FTS5 scores only the title matches (`rowid + 0 IN` the title doclist, a Bloom filter),
   * SQLite keeps the best (`ORDER BY rank + 0`: a plain `rank` would let FTS5 sort, scoring
   * every match of the text), and only those are read from search_file.
   * `complete` when every title match was read; `ids` are the title matches read, passing
   * `where` or not.
   */
  private bestTitleMatches(match: string, whole: string, where: string, need: number): { ids: number[]; rows: Row[]; complete: boolean } {
    // No title match at all (a common word often is in no title): the read below would still go
    // through the whole doclist of the text, testing each file against the empty set.
    if (!this.read('SELECT count(*) FROM search_title_fts WHERE search_title_fts MATCH ?').pluck().get(whole)) return { ids: [], rows: [], complete: true };
    // A second read, when needed, reads them all (LIMIT -1): every read scores every title match.
    for (let limit = Math.max(16, need * 2); ; limit = -1) {
      const top = this.read(
        `SELECT rowid, rank FROM search_fts WHERE search_fts MATCH ? AND rank MATCH '${RANK}'
           AND rowid + 0 IN (SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH ?) ORDER BY rank + 0, rowid LIMIT ?`,
      )
        .raw()
        .all(match, whole, limit) as [number, number][];
      const complete = limit < 0 || top.length < limit;
      const rows = this.rowsOf(top, where, [], () => true);
      if (complete || new Set(rows.map((r) => r[1])).size >= need) {
        this.rankStats.titleReads++;
        return { ids: top.map(([id]) => id), rows: rows.sort(byScore), complete };
      }
    }
  }

  /** Scored files as ranking rows, those that pass `where` only; `titled(id)`: the file carries TITLE_BONUS. */
  private rowsOf(scored: [number, number][], where: string, params: unknown[], titled: (id: number) => boolean): Row[] {
    if (!scored.length) return [];
    const score = new Map(scored);
    const rows = this.read(`SELECT f.id, f.document_id, coalesce(f.published_at, ''), f.seq FROM search_file f WHERE f.id IN (SELECT value FROM json_each(?)) AND ${where}`)
      .raw()
      .all(JSON.stringify(scored.map(([id]) => id)), ...params) as [number, string, string, number][];
    return rows.map(([id, doc, pub, seq]) => [id, doc, pub, score.get(id)! - (titled(id) ? TITLE_BONUS : 0), seq]);
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
}
/** The total and every facet, counted over `d` (one row per matching document). */
const FACETS_SELECT = `
    SELECT 'total', NULL, count(*) FROM d
    UNION ALL SELECT 'meetings', meeting_code, count(*) FROM d WHERE meeting_code IS NOT NULL GROUP BY meeting_code
    UNION ALL SELECT 'groups', group_code, count(*) FROM d WHERE group_code IS NOT NULL GROUP BY group_code
    UNION ALL SELECT 'types', type, count(*) FROM d WHERE type IS NOT NULL GROUP BY type
    UNION ALL SELECT 'years', year, count(*) FROM d WHERE year IS NOT NULL GROUP BY year
    UNION ALL SELECT 'economies', economies, count(*) FROM d WHERE economies <> '|' GROUP BY economies`;

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
