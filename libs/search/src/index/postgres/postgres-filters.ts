import { nonEmpty } from '../engine-shared';
import type { SearchFilter } from '../search-index';
import type { Params } from './postgres-scores';

/** PostgreSQL text cannot hold NUL; filter values with one can match nothing anyway. */
export function safe(values: unknown[]): string[] {
  return values.map((v) => String(v).split(String.fromCharCode(0)).join('\uFFFD'));
}

/** The WHERE clause on search_file f: access first (restricted rows never leave SQL), then filters. */
export function filterSql(filter: SearchFilter | null | undefined, includeRestricted: boolean, p: Params): string {
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

/** True when the filter narrows the result beyond access (some list of it is not empty). */
export function narrows(filter: SearchFilter | null | undefined): boolean {
  if (!filter) return false;
  return [filter.meetingCodes, filter.groupCodes, filter.types, filter.years, filter.languages, filter.economies].some((list) => (list?.length ?? 0) > 0);
}
