import type { SearchDocumentsFilter } from '../gql/graphql';

/** The facets a search can be narrowed by, in the order the page shows them. */
export const FACETS = ['meeting', 'group', 'type', 'year', 'economy'] as const;
export type Facet = (typeof FACETS)[number];

/** Everything a search page shows, as it is written in its URL (/search?q=…&meeting=TEL37&page=2). */
export interface SearchState {
  q: string;
  filters: Record<Facet, string[]>;
  /** 1-based. */
  page: number;
}

export const PAGE_SIZE = 20;
const MAX_PAGE = 500;

export function emptyFilters(): Record<Facet, string[]> {
  return { meeting: [], group: [], type: [], year: [], economy: [] };
}

const VALID: Record<Facet, RegExp> = {
  meeting: /^[A-Za-z0-9-]{1,40}$/,
  group: /^[A-Za-z0-9-]{1,40}$/,
  type: /^[A-Z_]{1,40}$/,
  year: /^\d{4}$/,
  economy: /^[A-Za-z-]{1,10}$/,
};

/** Reads a search from its URL; values that cannot be a filter are dropped, not sent. */
export function parseSearchParams(params: URLSearchParams): SearchState {
  const filters = emptyFilters();
  for (const facet of FACETS) {
    const values = params
      .getAll(facet)
      .map((v) => v.trim())
      .filter((v) => VALID[facet].test(v));
    filters[facet] = [...new Set(values)].sort();
  }
  const page = Number(params.get('page') ?? '1');
  return {
    q: params.get('q') ?? '',
    filters,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
  };
}

/** Writes a search as URL parameters, in a stable order so equal searches have equal URLs. */
export function toSearchParams(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  params.set('q', state.q);
  for (const facet of FACETS) for (const value of [...state.filters[facet]].sort()) params.append(facet, value);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

export function searchHref(state: SearchState): string {
  return `/search?${toSearchParams(state).toString()}`;
}

/** The search with one facet value added (or removed when present); back to page 1. */
export function toggleFilter(state: SearchState, facet: Facet, value: string): SearchState {
  const current = state.filters[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, filters: { ...state.filters, [facet]: next }, page: 1 };
}

export function withPage(state: SearchState, page: number): SearchState {
  return { ...state, page };
}

export function activeFilters(state: SearchState): { facet: Facet; value: string }[] {
  return FACETS.flatMap((facet) => state.filters[facet].map((value) => ({ facet, value })));
}

/** The filter argument of searchDocuments; null when nothing is chosen. */
export function toSearchFilter(state: SearchState): SearchDocumentsFilter | null {
  const f = state.filters;
  const filter: SearchDocumentsFilter = {};
  if (f.meeting.length) filter.meetingCodes = f.meeting;
  if (f.group.length) filter.groupCodes = f.group;
  if (f.type.length) filter.types = f.type;
  if (f.year.length) filter.years = f.year.map(Number);
  if (f.economy.length) filter.economies = f.economy;
  return Object.keys(filter).length ? filter : null;
}

/**
 * The `after` cursor for a page. The API's cursors are offsets ("o:<index of the last row>",
 * base64url; libs/core pagination), so page N starts after row (N-1)·size-1 and a page number
 * can live in the URL instead of an opaque cursor.
 */
export function cursorForPage(page: number, size = PAGE_SIZE): string | null {
  if (page <= 1) return null;
  const raw = `o:${(page - 1) * size - 1}`;
  return btoa(raw).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
