import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { usePageTitle } from '../../shared/hooks';
import { SearchDocumentsQuery } from '../graphql/search-documents';
import { activeFilters, cursorForPage, PAGE_SIZE, parseSearchParams, searchHref, toggleFilter, toSearchFilter, withPage, type SearchState } from '../search-url';
import { Facets, FACET_TITLES, facetValueLabel } from './Facets';
import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';

function ActiveFilters({ state }: { state: SearchState }) {
  const active = activeFilters(state);
  if (!active.length) return null;
  return (
    <div className="active-filters">
      <h2 className="h4" id="active-filters">
        Filters in use
      </h2>
      <ul aria-labelledby="active-filters" className="chips">
        {active.map(({ facet, value }) => (
          <li key={`${facet}:${value}`}>
            <Link className="chip" to={searchHref(toggleFilter(state, facet, value))}>
              <span className="visually-hidden">Remove filter </span>
              {FACET_TITLES[facet]}: {facetValueLabel(facet, value)} <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function NoResults({ state }: { state: SearchState }) {
  const active = activeFilters(state);
  return (
    <div className="no-results">
      <h2>No papers match{state.q ? ` “${state.q}”` : ''}</h2>
      {active.length > 0 ? (
        <>
          <p>Try removing a filter:</p>
          <ul>
            {active.map(({ facet, value }) => (
              <li key={`${facet}:${value}`}>
                <Link to={searchHref(toggleFilter(state, facet, value))}>
                  Remove {FACET_TITLES[facet].toLowerCase()} {facetValueLabel(facet, value)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Check the spelling, use fewer words, or search for a symbol such as SPSG-006.</p>
      )}
    </div>
  );
}

function Pager({ state, total }: { state: SearchState; total: number }) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label="Result pages">
      {state.page > 1 && (
        <Link to={searchHref(withPage(state, state.page - 1))} rel="prev">
          ‹ Previous page
        </Link>
      )}
      <span>
        Page {state.page} of {pages}
      </span>
      {state.page < pages && (
        <Link to={searchHref(withPage(state, state.page + 1))} rel="next">
          Next page ›
        </Link>
      )}
    </nav>
  );
}

/** /search?q=…&meeting=…&page=N — the whole search lives in the URL. */
export function SearchPage() {
  const [params] = useSearchParams();
  const state = parseSearchParams(params);
  const [result] = useQuery({
    query: SearchDocumentsQuery,
    variables: { query: state.q, filter: toSearchFilter(state), first: PAGE_SIZE, after: cursorForPage(state.page) },
  });
  usePageTitle(state.q ? `Search: ${state.q}` : 'Search');
  const data = result.data?.searchDocuments;

  return (
    <>
      <h1>{state.q ? <>Search results for “{state.q}”</> : 'Search the papers'}</h1>
      <SearchForm state={state} />
      <ActiveFilters state={state} />
      {result.fetching && !data && <Loading what="the results" />}
      {result.error && !data && <ErrorMessage error={result.error} what="the results" />}
      {data && (
        <div className="search-layout">
          <div className="search-main">
            <p className="result-count" role="status">
              {data.totalCount === 1 ? '1 paper found' : `${data.totalCount} papers found`}
              {!state.q && ' (newest first)'}
              {result.fetching && ' — updating…'}
            </p>
            {data.nodes.length === 0 ? <NoResults state={state} /> : <SearchResults hits={data.nodes} firstNumber={(state.page - 1) * PAGE_SIZE + 1} />}
            <Pager state={state} total={data.totalCount} />
          </div>
          <Facets state={state} facets={data.facets} />
        </div>
      )}
    </>
  );
}
