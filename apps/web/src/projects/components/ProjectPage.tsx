import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { ProjectPageQuery as ProjectPageData } from '../../gql/graphql';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { errorCode, usePageTitle } from '../../shared/hooks';
import { formatDate } from '../../shared/time';
import { DraftReportMutation, ProjectPageQuery } from '../graphql/projects';
import { dueText, formatMoney, formatPartialDate, precisionNote, words } from '../project-format';
import { History } from './History';

type Project = ProjectPageData['project'];

function DateWithPrecision({ date }: { date: Project['startDate'] }) {
  const note = precisionNote(date);
  return (
    <>
      {formatPartialDate(date)}
      {note && <span className="muted"> ({note})</span>}
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The report owed next, and for its overseer the button that starts it (from the last report). */
function NextReport({ project }: { project: Project }) {
  const due = project.nextReportDue;
  const navigate = useNavigate();
  const [state, draft] = useMutation(DraftReportMutation);
  const [problem, setProblem] = useState<string | null>(null);
  if (!due) return null;
  const start = async () => {
    setProblem(null);
    const res = await draft({ input: { projectId: project.id, meetingCode: due.meeting.code } });
    if (res.data) void navigate(`/reports/${res.data.draftProgressReport.id}/edit`);
    else setProblem(res.error?.graphQLErrors[0]?.message ?? 'The draft could not be started. Try again.');
  };
  return (
    <section aria-labelledby="next-report" className="panel">
      <h2 id="next-report">Next progress report</h2>
      <p>
        For {due.meeting.code}
        {due.dueOn ? `, due ${formatDate(due.dueOn)}` : ''}: {due.report && due.report.status !== 'DRAFT' ? words(due.report.status).toLowerCase() : dueText(due.daysLeft)}.
      </p>
      {project.viewerIsOverseer &&
        (due.report ? (
          due.report.status === 'DRAFT' && (
            <Link className="button" to={`/reports/${due.report.id}/edit`}>
              Continue the {due.meeting.code} report
            </Link>
          )
        ) : (
          <>
            <p className="hint">The new report starts from your last one: its answers are carried over and marked, for you to review.</p>
            <button type="button" className="button" onClick={() => void start()} disabled={state.fetching}>
              Start the {due.meeting.code} report
            </button>
          </>
        ))}
      {problem && (
        <p className="error-message" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

function Requests({ project }: { project: Project }) {
  if (!project.approvalRequests.length) return <p className="muted">No request about this project.</p>;
  return (
    <>
      {project.approvalRequests.map((r) => (
        <article key={r.id} className="request">
          <h3 className="h3">
            {r.subject} <span className="tag">{words(r.status)}</span>
          </h3>
          <p className="muted">
            {words(r.kind)}
            {r.filedOn ? `, filed ${formatDate(r.filedOn)}` : ''}
            {r.requestedEndDate ? `; new end date ${formatPartialDate(r.requestedEndDate)}` : ''}
            {r.requestedCompletionMeeting ? `; completion by ${r.requestedCompletionMeeting.code}` : ''}
          </p>
          {r.reason && <p>{r.reason}</p>}
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">The approval chain of “{r.subject}”</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Body</th>
                  <th scope="col">How it decides</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Date</th>
                  <th scope="col">Meeting</th>
                  <th scope="col">Recorded in</th>
                </tr>
              </thead>
              <tbody>
                {r.steps.map((s) => (
                  <tr key={s.id}>
                    <td>{s.position}</td>
                    <td>
                      <abbr title={s.body.name}>{s.body.code}</abbr>
                    </td>
                    <td>{words(s.mode)}</td>
                    <td>
                      {words(s.outcome)}
                      {s.decision?.note && <div className="muted">{s.decision.note}</div>}
                    </td>
                    <td className="nowrap">{s.decision?.decidedOn ? formatDate(s.decision.decidedOn) : '—'}</td>
                    <td>{s.decision?.meeting ? <Link to={`/meetings/${s.decision.meeting.code}`}>{s.decision.meeting.code}</Link> : '—'}</td>
                    <td>{s.decision?.documentSymbol ? <Link to={`/documents/${s.decision.documentSymbol}`}>{s.decision.documentSymbol}</Link> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </article>
      ))}
    </>
  );
}

/** /projects/{id} — every field of the register, its reports, its approval requests and its history. */
export function ProjectPage() {
  const id = useParams().id ?? '';
  const [result] = useQuery({ query: ProjectPageQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const project = result.data?.project;
  usePageTitle(project ? project.title : result.error ? 'No such project' : 'Project');
  if (result.fetching && !project) return <Loading what="the project" />;
  if (!project) {
    if (errorCode(result.error) === 'NOT_FOUND' || errorCode(result.error) === 'BAD_USER_INPUT') {
      return (
        <>
          <h1>No such project</h1>
          <p>
            There is no project at this address. <Link to="/projects">See the register</Link>.
          </p>
        </>
      );
    }
    return result.error ? <ErrorMessage error={result.error} what="the project" /> : null;
  }
  const c = project.overseerContact;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/projects">Projects</Link>
      </p>
      <h1>{project.title}</h1>
      <p className="lede">
        <span className="tag">{words(project.status)}</span> {project.number ?? 'No project number yet'}
        {project.viewerIsOverseer && <span className="muted"> — you oversee this project</span>}
      </p>
      <NextReport project={project} />
      <h2>The project</h2>
      <dl className="summary-list">
        <Row label="Project number">{project.number ?? <span className="muted">not assigned (the Secretariat assigns it)</span>}</Row>
        <Row label="Forum">
          {project.forum.code} — {project.forum.name}
        </Row>
        <Row label="Steering group">{project.steeringGroup ? <Link to={`/groups/${project.steeringGroup.code}`}>{project.steeringGroup.name}</Link> : 'none'}</Row>
        <Row label="Proposing economies">{project.proposingEconomies.map((e) => e.name).join(', ') || 'not given'}</Row>
        <Row label="Co-sponsoring economies">{project.coSponsoringEconomies.map((e) => e.name).join(', ') || 'none'}</Row>
        <Row label="Project overseer">
          {project.overseer ? [project.overseer.name, project.overseer.title, project.overseer.organization?.name].filter(Boolean).join(', ') : 'not given'}
          {(c.postalAddress || c.phone || c.fax || c.email) && (
            <div className="muted">{[c.postalAddress, c.phone && `tel ${c.phone}`, c.fax && `fax ${c.fax}`, c.email].filter(Boolean).join(' · ')}</div>
          )}
        </Row>
        <Row label="Account">{words(project.fundingAccount)}</Row>
        <Row label="Total cost">{formatMoney(project.totalCost)}</Row>
        <Row label="Sought from APEC">{formatMoney(project.apecFundingSought)}</Row>
        <Row label="Type of project">
          {words(project.projectType)}
          {project.projectTypeOther ? `: ${project.projectTypeOther}` : ''}
        </Row>
        <Row label="Start date">
          <DateWithPrecision date={project.startDate} />
        </Row>
        <Row label="End date">
          <DateWithPrecision date={project.endDate} />
          {project.completionMeeting && <div>Completion by {project.completionMeeting.code}</div>}
        </Row>
        <Row label="Description">{project.description ?? 'not given'}</Row>
        <Row label="Documents">
          {project.documents.length
            ? project.documents.map((d, i) => (
                <span key={d.documentSymbol}>
                  {i > 0 && ', '}
                  <Link to={`/documents/${d.documentSymbol}`}>{d.documentSymbol}</Link>
                </span>
              ))
            : 'none'}
        </Row>
        {project.source && <Row label="Source">{project.source}</Row>}
      </dl>

      <h2>Progress reports</h2>
      {project.progressReports.length ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Progress reports</caption>
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">Status</th>
                <th scope="col">Signed</th>
                <th scope="col">Received</th>
                <th scope="col">Document</th>
              </tr>
            </thead>
            <tbody>
              {project.progressReports.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/reports/${r.id}`}>{r.period} report</Link>
                  </td>
                  <td>
                    {words(r.status)}
                    {r.status === 'DRAFT' && r.returnComment && <div className="muted">returned by the Secretariat</div>}
                  </td>
                  <td className="nowrap">{r.overseerSignatureDate ? formatDate(r.overseerSignatureDate) : '—'}</td>
                  <td className="nowrap">{r.dateReceivedBySecretariat ? formatDate(r.dateReceivedBySecretariat) : '—'}</td>
                  <td>{r.documentSymbol ? <Link to={`/documents/${r.documentSymbol}`}>{r.documentSymbol}</Link> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">No progress report yet.</p>
      )}

      <h2>Approval requests</h2>
      <Requests project={project} />

      <h2>History</h2>
      <History events={project.history} />
    </>
  );
}
