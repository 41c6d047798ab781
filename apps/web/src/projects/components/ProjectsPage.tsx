import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ProjectFilter, ProjectStatus } from '../../gql/graphql';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { usePageTitle } from '../../shared/hooks';
import { ProjectsRegisterQuery } from '../graphql/projects';
import { formatPartialDate, words } from '../project-format';

const STATUSES: ProjectStatus[] = ['PROPOSED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED', 'WITHDRAWN'];

/** The filter as the URL gives it (?group=SPSG&status=IN_PROGRESS&economy=CT&year=2008); bad values are dropped. */
export function filterFromParams(params: URLSearchParams): ProjectFilter {
  const filter: ProjectFilter = {};
  const group = params.get('group')?.trim();
  if (group) filter.steeringGroupCode = group.toUpperCase();
  const status = params.get('status')?.trim().toUpperCase();
  if (status && (STATUSES as string[]).includes(status)) filter.status = status as ProjectStatus;
  const economy = params.get('economy')?.trim();
  if (economy) filter.economyCode = economy.toUpperCase();
  const year = Number(params.get('year'));
  if (Number.isInteger(year) && year >= 1900 && year <= 2200) filter.year = year;
  return filter;
}

/** /projects — the register, filterable by steering group, status, economy and year; the filter lives in the URL. */
export function ProjectsPage() {
  usePageTitle('Projects');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filter = filterFromParams(params);
  const [result] = useQuery({ query: ProjectsRegisterQuery, variables: { filter, first: 100 } });
  const [year, setYear] = useState(params.get('year') ?? '');
  const data = result.data;

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['group', 'status', 'economy', 'year']) {
      const raw = form.get(key);
      const value = typeof raw === 'string' ? raw.trim() : '';
      if (value) next.set(key, value);
    }
    void navigate(`/projects${next.toString() ? `?${next.toString()}` : ''}`);
  };

  return (
    <>
      <h1>Projects</h1>
      <p>APEC TEL projects: proposed, running and finished, with their progress reports and the approvals they wait on.</p>
      <form className="filters register-filters" onSubmit={apply} aria-label="Filter the projects" key={params.toString()}>
        <div className="field">
          <label className="label" htmlFor="filter-group">
            Steering group
          </label>
          <select id="filter-group" name="group" className="select" defaultValue={filter.steeringGroupCode ?? ''}>
            <option value="">Any</option>
            {data?.groups.map((g) => (
              <option key={g.code} value={g.code}>
                {g.code} — {g.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="filter-status">
            Status
          </label>
          <select id="filter-status" name="status" className="select" defaultValue={filter.status ?? ''}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="filter-economy">
            Economy
          </label>
          <select id="filter-economy" name="economy" className="select" defaultValue={filter.economyCode ?? ''}>
            <option value="">Any</option>
            {data?.economies.map((e) => (
              <option key={e.code} value={e.code}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="filter-year">
            Running in year
          </label>
          <input id="filter-year" name="year" className="input input-year" inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} />
        </div>
        <div className="field">
          <button type="submit" className="button">
            Filter
          </button>
        </div>
      </form>
      {Object.keys(filter).length > 0 && (
        <p>
          <Link to="/projects">Clear the filters</Link>
        </p>
      )}
      {result.fetching && !data && <Loading what="the projects" />}
      {result.error && !data && <ErrorMessage error={result.error} what="the projects" />}
      {data && (
        <>
          <p className="result-count" role="status">
            {data.projects.totalCount} project{data.projects.totalCount === 1 ? '' : 's'}
          </p>
          {data.projects.nodes.length > 0 && (
            <div className="table-scroll">
              <table className="table table-stack">
                <caption className="visually-hidden">Projects</caption>
                <thead>
                  <tr>
                    <th scope="col">Project</th>
                    <th scope="col">Group</th>
                    <th scope="col">Proposed by</th>
                    <th scope="col">Status</th>
                    <th scope="col">Runs</th>
                  </tr>
                </thead>
                <tbody>
                  {data.projects.nodes.map((p) => (
                    <tr key={p.id}>
                      <td data-label="Project">
                        <Link to={`/projects/${p.id}`}>{p.title}</Link>
                        {p.number && <div className="muted">{p.number}</div>}
                      </td>
                      <td data-label="Group">{p.steeringGroup?.code ?? p.forum.code}</td>
                      <td data-label="Proposed by">{p.proposingEconomies.map((e) => e.name).join(', ') || '—'}</td>
                      <td data-label="Status">{words(p.status)}</td>
                      <td data-label="Runs">{p.startDate || p.endDate ? `${formatPartialDate(p.startDate)} – ${formatPartialDate(p.endDate)}` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
