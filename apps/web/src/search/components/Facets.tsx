import { Link } from 'react-router';
import { humanize } from '../../shared/time';
import type { SearchDocumentsQuery } from '../../gql/graphql';
import { searchHref, toggleFilter, type Facet, type SearchState } from '../search-url';

type FacetCounts = SearchDocumentsQuery['searchDocuments']['facets'];

const FACET_SOURCES: { facet: Facet; key: keyof Omit<FacetCounts, '__typename'>; title: string }[] = [
  { facet: 'meeting', key: 'meetings', title: 'Meeting' },
  { facet: 'group', key: 'groups', title: 'Group' },
  { facet: 'type', key: 'types', title: 'Type' },
  { facet: 'year', key: 'years', title: 'Year' },
  { facet: 'economy', key: 'economies', title: 'Economy' },
];

export const FACET_TITLES: Record<Facet, string> = { meeting: 'Meeting', group: 'Group', type: 'Type', year: 'Year', economy: 'Economy' };

export function facetValueLabel(facet: Facet, value: string): string {
  return facet === 'type' ? humanize(value) : value;
}

/** Narrowing links with counts; each one adds its value to the URL (or takes it away). */
export function Facets({ state, facets }: { state: SearchState; facets: FacetCounts }) {
  if (FACET_SOURCES.every(({ key }) => facets[key].length === 0)) return null;
  return (
    <nav className="facets" aria-label="Narrow the results">
      <h2 className="h3">Narrow the results</h2>
      {FACET_SOURCES.map(({ facet, key, title }) => {
        const values = facets[key];
        if (!values.length) return null;
        return (
          <section key={facet} className="facet" aria-labelledby={`facet-${facet}`}>
            <h3 className="h4" id={`facet-${facet}`}>
              {title}
            </h3>
            <ul className="facet-list">
              {values.map((v) => {
                const selected = state.filters[facet].includes(v.value);
                return (
                  <li key={v.value}>
                    <Link
                      to={searchHref(toggleFilter(state, facet, v.value))}
                      className={selected ? 'facet-link selected' : 'facet-link'}
                      aria-current={selected ? 'true' : undefined}
                    >
                      <span>
                        {selected && <span className="visually-hidden">Remove filter: </span>}
                        {facetValueLabel(facet, v.value)}
                      </span>
                      <span className="count">
                        {v.count}
                        <span className="visually-hidden"> papers</span>
                      </span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}
