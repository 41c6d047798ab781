import { TITLE_BONUS } from '../engine-shared';
import type { PostgresQuery } from './postgres-tokens';

/**
 * ts_rank_cd weights {D, C, B, A}: a word in the symbol (A) or title (B) counts 2× one in the
 * text (D), as the SQLite engine's bm25 weights.
 */
export const RANK_WEIGHTS = `'{0.5, 0.5, 1, 1}'::float4[]`;

/**
 * A file's score, aggregated over its segments `s` that match `any` (SQL expressions for the
 * query's tsqueries: parameters, or a kept ranking's columns): the sum of their ts_rank_cd, plus
 * the title bonus when the first segment's symbol and title (weights A, B) match `head`. The one
 * formula every path uses (the search statement, the kept rankings and their upkeep), so a score
 * kept at index time is the very number a search would compute.
 */
export function fileScoreSql(any: string, head: string): string {
  return `sum(ts_rank_cd(${RANK_WEIGHTS}, s.tsv, ${any}, 1))::float8 + CASE WHEN bool_or(s.n = 0 AND s.tsv @@ ${head}) THEN ${TITLE_BONUS} ELSE 0 END`;
}

/** Query parameters, numbered as they are added. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/**
 * HAVING terms over a file's segments `s` that match `any`: each clause is in one of them (the
 * file is one FTS5 row to the SQLite engine). None for one clause: every segment read matches it,
 * so testing it again would only read each tsvector once more.
 */
export function clauseTestsSql(tsq: PostgresQuery, p: Params): string {
  return tsq.clauses.length === 1 ? '' : tsq.clauses.map((q) => `AND bool_or(s.tsv @@ ${p.add(q, '::tsquery')})`).join(' ');
}

/** `<keyword> NOT EXISTS …`: leaves out the file `file` (an SQL column) when one of its segments has an excluded term; '' without exclusions. */
export function exclusionSql(tsq: PostgresQuery, p: Params, file: string, keyword: 'AND' | 'WHERE' = 'AND'): string {
  return tsq.excluded ? `${keyword} NOT EXISTS (SELECT 1 FROM search_segment x WHERE x.file = ${file} AND x.tsv @@ ${p.add(tsq.excluded, '::tsquery')})` : '';
}

/**
 * The files that have each clause's loose form (`looseClauses`) in some segment: one GIN lookup
 * per clause, then INTERSECT. `first` (SQL on the segment `s`) narrows the first lookup.
 */
export function filesWithEachClauseSql(tsq: PostgresQuery, p: Params, first = ''): string {
  return tsq.looseClauses.map((q, i) => `SELECT s.file FROM search_segment s WHERE s.tsv @@ ${p.add(q, '::tsquery')} ${i === 0 ? first : ''}`).join(' INTERSECT ');
}

/**
 * `AND s.file IN (…)` for a query of several clauses, so that only the files that may match are
 * scored (filesWithEachClauseSql); '' for one clause (every segment read matches it). "network
 * security" on 100,000 one-page files: 73,404 files have either word, 13,185 both.
 */
export function candidateFilesSql(tsq: PostgresQuery, p: Params): string {
  return tsq.clauses.length === 1 ? '' : `AND s.file IN (${filesWithEachClauseSql(tsq, p)})`;
}
