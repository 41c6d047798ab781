import type { DataSource, EntityManager } from 'typeorm';
import type { SearchFilter } from '../search-index';
import { filterSql } from './postgres-filters';
import { candidateFilesSql, clauseTestsSql, exclusionSql, fileScoreSql, Params } from './postgres-scores';
import type { PostgresQuery } from './postgres-tokens';

/** How kept rankings are made and used (the defaults suit 100,000 pages; tests make them tiny). */
export interface KeptRankingOptions {
  /** A query that matches at least this many files gets a kept ranking (0: never). */
  keepFrom: number;
  /**
   * So does one that matches at least keepSlowFrom files when its search statement took
   * keepSlowerThanMs or more: a phrase of common words, found in a few hundred files, is tested in
   * every file that has all its words (PostgreSQL reads each candidate's positions).
   */
  keepSlowFrom: number;
  keepSlowerThanMs: number;
  /** How many of its best files a kept ranking holds after it is made or trimmed (it may grow to twice that). */
  keptFiles: number;
  /** At most this many kept rankings; making one more drops the one used least recently. */
  maxKept: number;
}

/** At most this many rankings wait to be made in one process. */
const MAX_WAITING = 16;

export const DEFAULT_KEPT_RANKING: KeptRankingOptions = { keepFrom: 2_000, keepSlowFrom: 50, keepSlowerThanMs: 50, keptFiles: 1_000, maxKept: 64 };

/** Count rows: a kind (total, a facet), a value and a count. */
export type CountRow = { kind: string; value: string | null; n: number };

/** A kept ranking: every file not in it scores at most `floor` for its query (-Infinity: it holds every match). */
export interface KeptRanking {
  id: number;
  floor: number;
  rows: number;
  usedSecondsAgo: number;
}

/** The documents of a page in rank order, each with its score and the file a hit shows. */
export interface RankedPage {
  ranked: { id: string; score: number }[];
  /** True when more documents follow the page. */
  more: boolean;
}

/** Settings of the statements that look for matching segments: the GIN index only, no JIT (see search()). */
export const BITMAP_ONLY = 'SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL jit = off';

/** The key of a query's kept ranking: its tsqueries, which decide every file's score and membership. */
export function keptRankingKey(tsq: PostgresQuery): string {
  return JSON.stringify([tsq.any, tsq.head, tsq.clauses, tsq.excluded]);
}

/**
 * Kept rankings (libs/search/README.md, "Kept rankings"): for a query that matches many files, its
 * best `keptFiles` files with their scores (the one formula, fileScoreSql), in search_ranking, and
 * a floor: every file not listed scores at most the floor. Made in the background after a search
 * that matched many files; kept up to date in each indexing transaction (a file indexed again is
 * scored again for every kept query, and listed when it scores above the floor; a file removed
 * leaves with its rows). A search whose page of documents all score above the floor is then exact
 * from the list alone: every document not listed scores at most the floor.
 *
 * Making a ranking (or trimming or dropping one) takes search_ranking_query in EXCLUSIVE mode, and
 * every index write takes it in ROW SHARE mode first: so a ranking is made from a snapshot that
 * every earlier write is in, and every later write sees the new ranking and scores its files for
 * it. Searches only read, and never wait for either.
 */
export class KeptRankings {
  /** Rankings this process is making or will make next, by key; made one at a time, in `queue`'s order. */
  private readonly making = new Set<string>();
  private queue: Promise<void> = Promise.resolve();
  private background: Promise<unknown> = Promise.resolve();
  /** What this process did with kept rankings (tests read it): pages ranked from one, pages it could not settle, rankings made, trims, counts from a complete one. */
  readonly localStats = { pages: 0, unsettled: 0, made: 0, trimmed: 0, listCounts: 0 };

  constructor(
    private readonly dataSource: DataSource,
    readonly options: KeptRankingOptions,
    private readonly onError: (error: unknown) => void,
  ) {}

  get enabled(): boolean {
    return this.options.keepFrom > 0;
  }

  /** Before an index write, in its transaction: a ranking is never made or trimmed while the write runs. */
  async lockForWrite(em: EntityManager): Promise<boolean> {
    if (!this.enabled) return false;
    await em.query('LOCK TABLE search_ranking_query IN ROW SHARE MODE');
    const [{ any }] = await em.query<{ any: boolean }[]>('SELECT EXISTS (SELECT 1 FROM search_ranking_query) AS any');
    return any;
  }

  /**
   * Scores files just written (search_file row ids) for every kept query, in the writing
   * transaction: their old rows go, and each file that matches a query and scores above its floor
   * is listed. Call after lockForWrite returned true.
   */
  async scoreFiles(em: EntityManager, fileRowIds: string[]): Promise<void> {
    if (!fileRowIds.length) return;
    await em.query('DELETE FROM search_ranking WHERE file = ANY($1::bigint[])', [fileRowIds]);
    // A file matches when each clause is in one of its segments and no segment has an excluded
    // term: the search statement's test, with the kept query's own tsqueries.
    await em.query(
      `INSERT INTO search_ranking (query, file, score)
       SELECT q.id, f.file, x.score FROM search_ranking_query q CROSS JOIN unnest($1::bigint[]) AS f(file)
       CROSS JOIN LATERAL (SELECT ${fileScoreSql('q.any_q', 'q.head_q')} AS score
                           FROM search_segment s WHERE s.file = f.file AND s.tsv @@ q.any_q HAVING count(*) > 0) x
       WHERE x.score > q.floor
         AND (cardinality(q.clauses) = 1 OR NOT EXISTS (SELECT 1 FROM unnest(q.clauses) AS c(q)
               WHERE NOT EXISTS (SELECT 1 FROM search_segment c2 WHERE c2.file = f.file AND c2.tsv @@ c.q)))
         AND (q.excluded_q IS NULL OR NOT EXISTS (SELECT 1 FROM search_segment e WHERE e.file = f.file AND e.tsv @@ q.excluded_q))`,
      [fileRowIds],
    );
  }

  /** The kept ranking of a query, if there is one. */
  async find(tsq: PostgresQuery): Promise<KeptRanking | null> {
    if (!this.enabled) return null;
    const rows = await this.dataSource.query<{ id: number; floor: number; rows: string; ago: number }[]>(
      `SELECT q.id, q.floor, (SELECT count(*) FROM search_ranking r WHERE r.query = q.id)::text AS rows, extract(epoch FROM now() - q.used_at)::float8 AS ago
       FROM search_ranking_query q WHERE q.key = $1`,
      [keptRankingKey(tsq)],
    );
    if (!rows.length) return null;
    return { id: Number(rows[0].id), floor: Number(rows[0].floor), rows: Number(rows[0].rows), usedSecondsAgo: Number(rows[0].ago) };
  }

  /**
   * The page's documents from the kept ranking, or null when it cannot settle them: a document's
   * score is its best file's that passes the filters (as in the search statement), and a page is
   * settled when every document on it scores above the floor. Ties at the page's edges are ordered
   * as the search statement orders them, by the file each hit shows.
   */
  async rank(
    kept: KeptRanking,
    tsq: PostgresQuery,
    filter: SearchFilter | null | undefined,
    includeRestricted: boolean,
    offset: number,
    limit: number,
  ): Promise<RankedPage | null> {
    this.upkeep(kept, tsq);
    const p = new Params();
    const where = filterSql(filter, includeRestricted, p);
    const id = p.add(kept.id);
    // The floor in the same snapshot as the rows (a trim may have raised it since find()); no
    // floor row: the ranking was dropped since.
    const rows = await this.dataSource.query<{ document_id: string | null; score: number }[]>(
      `SELECT f.document_id, max(r.score) AS score FROM search_ranking_query q JOIN search_ranking r ON r.query = q.id JOIN search_file f ON f.id = r.file
       WHERE q.id = ${id} AND r.score > q.floor AND ${where}
       GROUP BY f.document_id
       UNION ALL SELECT NULL, floor FROM search_ranking_query WHERE id = ${id}`,
      p.values,
    );
    const floorRow = rows.find((r) => r.document_id === null);
    if (!floorRow) return null;
    const floor = Number(floorRow.score);
    const docs = rows
      .filter((r) => r.document_id !== null)
      .map((d) => ({ documentId: d.document_id!, score: Number(d.score) }))
      .sort((a, b) => b.score - a.score);
    const complete = floor === -Infinity;
    const need = offset + limit;
    if (docs.length < need && !complete) {
      this.localStats.unsettled++;
      return null;
    }
    const more = docs.length > need;
    if (limit === 0 || docs.length <= offset) {
      this.localStats.pages++;
      return { ranked: [], more };
    }
    // The page holds docs[offset, need): fetch the shown file of those and of every document tied
    // with the page's first or last score, and order ties by it.
    const high = docs[offset].score;
    const low = docs[Math.min(need, docs.length) - 1].score;
    const before = docs.filter((d) => d.score > high).length;
    const middle = docs.filter((d) => d.score <= high && d.score >= low);
    const shown = await this.shownFiles(
      middle.map((d) => d.documentId),
      tsq,
      filter,
      includeRestricted,
    );
    const ranked: { id: string; score: number }[] = [];
    for (const d of middle) {
      const id = shown.get(d.documentId);
      if (id === undefined) {
        // Changed since the ranking was read: the search statement answers.
        this.localStats.unsettled++;
        return null;
      }
      ranked.push({ id, score: d.score });
    }
    const byId = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);
    ranked.sort((a, b) => b.score - a.score || byId(a.id, b.id));
    this.localStats.pages++;
    return { ranked: ranked.slice(offset - before, offset - before + limit), more };
  }

  /**
   * The file each document's hit shows: at its newest matching revision, the best-scoring file
   * there (the search statement's rule), among the files that pass the filters.
   */
  private async shownFiles(documentIds: string[], tsq: PostgresQuery, filter: SearchFilter | null | undefined, includeRestricted: boolean): Promise<Map<string, string>> {
    const p = new Params();
    const where = filterSql(filter, includeRestricted, p);
    const docs = p.add(documentIds, '::text[]');
    const any = p.add(tsq.any, '::tsquery');
    const head = p.add(tsq.head, '::tsquery');
    const clauses = clauseTestsSql(tsq, p);
    const excluded = exclusionSql(tsq, p, 'f.id');
    const rows = await this.dataSource.query<{ id: string; document_id: string }[]>(
      `SELECT DISTINCT ON (f.document_id) f.id::text AS id, f.document_id
       FROM search_file f CROSS JOIN LATERAL (SELECT ${fileScoreSql(any, head)} AS score FROM search_segment s
                                              WHERE s.file = f.id AND s.tsv @@ ${any} HAVING count(*) > 0 ${clauses}) x
       WHERE f.document_id = ANY(${docs}) AND ${where} ${excluded}
       ORDER BY f.document_id, coalesce(f.published_at, '') DESC, x.score DESC, f.id DESC`,
      p.values,
    );
    return new Map(rows.map((r) => [r.document_id, r.id]));
  }

  /**
   * The total and facets of a query from its kept ranking, when the ranking holds every matching
   * file (floor -Infinity, read in the same snapshot): exact, and only the listed files are read.
   * Null when it no longer holds every match (a trim raised its floor, or it was dropped).
   */
  async countFromList(kept: KeptRanking, filter: SearchFilter | null | undefined, includeRestricted: boolean, countsSql: string): Promise<CountRow[] | null> {
    const p = new Params();
    const where = filterSql(filter, includeRestricted, p);
    const id = p.add(kept.id);
    const rows = await this.dataSource.query<CountRow[]>(
      `WITH q AS MATERIALIZED (SELECT id FROM search_ranking_query WHERE id = ${id} AND floor = '-Infinity'::float8),
         d AS MATERIALIZED (SELECT DISTINCT ON (f.document_id) f.document_id, f.meeting_code, f.group_code, f.type, f.year, f.economies
                            FROM q JOIN search_ranking r ON r.query = q.id JOIN search_file f ON f.id = r.file WHERE ${where} ORDER BY f.document_id)
       ${countsSql}
       UNION ALL SELECT 'complete', NULL, count(*)::float8, NULL FROM q`,
      p.values,
    );
    if (!rows.some((r) => r.kind === 'complete' && Number(r.n) === 1)) return null;
    this.localStats.listCounts++;
    return rows;
  }

  /**
   * After a search without a kept ranking that matched `matchedFiles` files in `elapsedMs`: when
   * it matched many, or enough and was slow, makes one, in the background, one at a time (a query
   * waits its turn; at most MAX_WAITING wait, more are considered again at their next search).
   */
  consider(tsq: PostgresQuery, matchedFiles: number, elapsedMs: number): void {
    if (!this.enabled) return;
    const { keepFrom, keepSlowFrom, keepSlowerThanMs } = this.options;
    if (matchedFiles < keepFrom && (matchedFiles < keepSlowFrom || elapsedMs < keepSlowerThanMs)) return;
    const key = keptRankingKey(tsq);
    if (this.making.has(key) || this.making.size >= MAX_WAITING) return;
    this.making.add(key);
    const turn = this.queue.then(() => this.inBackground(() => this.make(key, tsq)).finally(() => this.making.delete(key)));
    this.queue = turn;
  }

  /** Waits for the background work started so far (tests, shutdown). */
  async settled(): Promise<void> {
    for (;;) {
      const [queue, background] = [this.queue, this.background];
      await Promise.all([queue, background]);
      if (queue === this.queue && background === this.background) return;
    }
  }

  private inBackground(work: () => Promise<void>): Promise<void> {
    const run = work().catch((error: unknown) => this.onError(error));
    this.background = Promise.all([this.background, run]);
    return run;
  }

  /** The used-at time (for dropping the least used) and a trim when writes have doubled the list. */
  private upkeep(kept: KeptRanking, tsq: PostgresQuery): void {
    if (kept.usedSecondsAgo > 60) {
      // Its failure is reported by inBackground; nothing waits for it.
      void this.inBackground(async () => {
        await this.dataSource.query('UPDATE search_ranking_query SET used_at = now() WHERE id = $1', [kept.id]);
      });
    }
    const key = keptRankingKey(tsq);
    if (kept.rows > 2 * this.options.keptFiles && !this.making.has(key)) {
      this.making.add(key);
      this.queue = this.queue.then(() => this.inBackground(() => this.trim(kept.id)).finally(() => this.making.delete(key)));
    }
  }

  /**
   * Makes a query's kept ranking: scores every matching file (as a search does), lists the best
   * keptFiles, and sets the floor to the best score left out (every file left out scores at most
   * that). Drops the least recently used ranking past maxKept.
   */
  private async make(key: string, tsq: PostgresQuery): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query(BITMAP_ONLY);
      await em.query('LOCK TABLE search_ranking_query IN EXCLUSIVE MODE');
      const [{ exists }] = await em.query<{ exists: boolean }[]>('SELECT EXISTS (SELECT 1 FROM search_ranking_query WHERE key = $1) AS exists', [key]);
      if (exists) return;
      await em.query('DELETE FROM search_ranking_query WHERE id IN (SELECT id FROM search_ranking_query ORDER BY used_at DESC, id DESC OFFSET $1)', [this.options.maxKept - 1]);
      const [{ id }] = await em.query<{ id: number }[]>(
        `INSERT INTO search_ranking_query (key, any_q, head_q, clauses, excluded_q, floor) VALUES ($1, $2::tsquery, $3::tsquery, $4::tsquery[], $5::tsquery, '-Infinity') RETURNING id`,
        [key, tsq.any, tsq.head, tsq.clauses, tsq.excluded],
      );
      const p = new Params();
      const query = p.add(id);
      const any = p.add(tsq.any, '::tsquery');
      const head = p.add(tsq.head, '::tsquery');
      const clauses = clauseTestsSql(tsq, p);
      const excluded = exclusionSql(tsq, p, 's.file', 'WHERE');
      // One more than kept: if it exists, its score is the floor.
      await em.query(
        `WITH s AS MATERIALIZED (SELECT s.file, ${fileScoreSql(any, head)} AS score FROM search_segment s WHERE s.tsv @@ ${any} ${candidateFilesSql(tsq, p)} GROUP BY s.file HAVING true ${clauses})
         INSERT INTO search_ranking (query, file, score) SELECT ${query}, s.file, s.score FROM s ${excluded} ORDER BY s.score DESC, s.file LIMIT ${p.add(this.options.keptFiles + 1)}`,
        p.values,
      );
      await this.cut(em, id);
      this.localStats.made++;
    });
  }

  /** Trims a ranking that writes have grown back to keptFiles, raising its floor. */
  private async trim(id: number): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query('LOCK TABLE search_ranking_query IN EXCLUSIVE MODE');
      await this.cut(em, id);
      this.localStats.trimmed++;
    });
  }

  /** Keeps the best keptFiles rows of a ranking: the floor becomes the best score dropped, and every row at or below it goes. */
  private async cut(em: EntityManager, id: number): Promise<void> {
    const [next] = await em.query<{ score: number }[]>('SELECT score FROM search_ranking WHERE query = $1 ORDER BY score DESC, file OFFSET $2 LIMIT 1', [
      id,
      this.options.keptFiles,
    ]);
    if (!next) return;
    await em.query('UPDATE search_ranking_query SET floor = greatest(floor, $2::float8) WHERE id = $1', [id, next.score]);
    await em.query('DELETE FROM search_ranking WHERE query = $1 AND score <= $2::float8', [id, next.score]);
  }
}
