import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { MyProjectsQuery as MyProjectsData } from '../../gql/graphql';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { usePageTitle } from '../../shared/hooks';
import { formatDate } from '../../shared/time';
import { MyProjectsQuery } from '../graphql/projects';
import { dueText, formatPartialDate, words } from '../project-format';
import { AccessAnswer, isAccessError } from './AccessAnswer';

type Project = MyProjectsData['myProjects'][number];

function NextReport({ project }: { project: Project }) {
  const due = project.nextReportDue;
  if (!due) return <span className="muted">None owed</span>;
  const overdue = due.daysLeft !== null && due.daysLeft !== undefined && due.daysLeft < 0 && !(due.report && due.report.status !== 'DRAFT');
  return (
    <>
      <span>
        For {due.meeting.code}
        {due.dueOn ? `, by ${formatDate(due.dueOn)}` : ''}
      </span>
      <br />
      {due.report && due.report.status !== 'DRAFT' ? (
        <span className="tag">{words(due.report.status)}</span>
      ) : (
        <strong className={overdue ? 'overdue' : undefined}>{dueText(due.daysLeft)}</strong>
      )}
      {due.report?.status === 'DRAFT' && (
        <>
          <br />
          <Link to={`/reports/${due.report.id}/edit`}>{due.report.returnComment ? 'Returned: see the comment and edit' : 'Continue the draft'}</Link>
        </>
      )}
    </>
  );
}

function Waiting({ project }: { project: Project }) {
  const waiting = project.approvalRequests.filter((r) => r.status === 'PENDING' && r.awaitingStep);
  if (!waiting.length) return <span className="muted">None</span>;
  return (
    <ul className="compact-list">
      {waiting.map((r) => (
        <li key={r.id}>
          {r.subject} — waits on <abbr title={r.awaitingStep!.body.name}>{r.awaitingStep!.body.code}</abbr>
          {r.awaitingStep!.mode === 'BY_CHAIR' ? ' (its chair)' : ''}
        </li>
      ))}
    </ul>
  );
}

/** /my/projects — the projects the signed-in overseer oversees, with what each owes next. */
export function MyProjectsPage() {
  usePageTitle('My projects');
  const [result] = useQuery({ query: MyProjectsQuery, requestPolicy: 'cache-and-network' });
  const projects = result.data?.myProjects;
  if (isAccessError(result.error)) return <AccessAnswer error={result.error} what="the projects you oversee" />;
  return (
    <>
      <h1>My projects</h1>
      {result.fetching && !projects && <Loading what="your projects" />}
      {result.error && !projects && <ErrorMessage error={result.error} what="your projects" />}
      {projects && !projects.length && <p>Your account oversees no project yet. The APEC Secretariat links overseers to their projects.</p>}
      {projects && projects.length > 0 && (
        <div className="table-scroll">
          <table className="table table-stack">
            <caption className="visually-hidden">Projects you oversee</caption>
            <thead>
              <tr>
                <th scope="col">Project</th>
                <th scope="col">Status</th>
                <th scope="col">Ends</th>
                <th scope="col">Next report</th>
                <th scope="col">Requests waiting on a body</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((p) => (
                <tr key={p.id}>
                  <td data-label="Project">
                    <Link to={`/projects/${p.id}`}>{p.title}</Link>
                    {p.number && <div className="muted">{p.number}</div>}
                  </td>
                  <td data-label="Status">{words(p.status)}</td>
                  <td data-label="Ends" className="nowrap">
                    {formatPartialDate(p.endDate)}
                    {p.completionMeeting && <div className="muted">completion by {p.completionMeeting.code}</div>}
                  </td>
                  <td data-label="Next report">
                    <NextReport project={p} />
                  </td>
                  <td data-label="Waiting on a body">
                    <Waiting project={p} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
