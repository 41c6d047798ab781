/** What the SQLite and PostgreSQL engines share, so their answers cannot drift apart. */
import type { FacetCount, SearchFacets } from './search-index';

/** Added to the score of files whose symbol and title match the whole query (both engines rank these first). */
export const TITLE_BONUS = 1000;

export const FACET_KINDS = ['meetings', 'groups', 'types', 'years', 'economies'] as const;

export function emptyFacets(): SearchFacets {
  return { meetings: [], groups: [], types: [], economies: [], years: [] };
}

/** Facet order: most documents first, then by value. */
export function byCountThenValue(a: FacetCount, b: FacetCount): number {
  return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
}

export function nonEmpty<T>(xs: T[] | null | undefined): xs is T[] {
  return Array.isArray(xs) && xs.length > 0;
}
