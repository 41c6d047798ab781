import { TITLE_BONUS } from '../engine-shared';

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
