import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { ReportPageQuery as ReportPageData } from '../../gql/graphql';
import { History } from '../../projects/components/History';
import { formatMoney, formatPartialDate, precisionNote, words } from '../../projects/project-format';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { errorCode, usePageTitle } from '../../shared/hooks';
import { formatDate } from '../../shared/time';
import { ReportPageQuery } from '../graphql/reports';
import { diffValue, fieldLabel } from '../report-fields';

type Report = NonNullable<ReportPageData['progressReport']>;

export function NoSuchReport() {
  usePageTitle('No such report');
  return (
    <>
      <h1>No such report</h1>
      <p>There is no progress report at this address that you may see. A draft is seen only by the overseers of its project and by the APEC Secretariat.</p>
      <p>
        <Link to="/projects">See the project register</Link>
      </p>
    </>
  );
}

function Row({ field, label, children }: { field: string; label?: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label ?? fieldLabel(field)}</dt>
      <dd className="pre-line">{children}</dd>
    </div>
  );
}

const text = (value: string | null | undefined) => value ?? <span className="muted">not given</span>;

function Changes({ report }: { report: Report }) {
  if (!report.previousReport) return <p className="muted">This is the project’s first report: there is nothing to compare it with.</p>;
  const previous = report.previousReport;
  return (
    <>
      <p>
        Compared with the <Link to={`/reports/${previous.id}`}>{previous.period} report</Link>, field by field.
      </p>
      {report.changesSincePrevious.length === 0 ? (
        <p className="muted">No field differs.</p>
      ) : (
        <div className="table-scroll">
          <table className="table diff table-stack">
            <caption className="visually-hidden">Changes since the {previous.period} report</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">In the {previous.period} report</th>
                <th scope="col">In this report</th>
              </tr>
            </thead>
            <tbody>
              {report.changesSincePrevious.map((c) => (
                <tr key={c.field}>
                  <th scope="row">{fieldLabel(c.field)}</th>
                  <td className="pre-line" data-label={`In the ${previous.period} report`}>
                    {c.before === null ? <span className="muted">(empty)</span> : <del>{diffValue(c.field, c.before)}</del>}
                  </td>
                  <td className="pre-line" data-label="In this report">
                    {c.after === null ? <span className="muted">(empty)</span> : <ins>{diffValue(c.field, c.after)}</ins>}
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

/** /reports/{id} — a progress report as filed, its differences from the previous one, and its history. */
export function ReportPage() {
  const id = useParams().id ?? '';
  const [params] = useSearchParams();
  const [result] = useQuery({ query: ReportPageQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const report = result.data?.progressReport;
  usePageTitle(report ? `${report.period} progress report: ${report.project.title}` : 'Progress report');
  if (result.fetching && !report) return <Loading what="the report" />;
  if (!report) {
    const code = errorCode(result.error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return <NoSuchReport />;
    return result.error ? <ErrorMessage error={result.error} what="the report" /> : null;
  }
  const c = report.overseerContact;
  const editable = report.status === 'DRAFT' && report.project.viewerIsOverseer;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/projects/${report.project.id}`}>{report.project.title}</Link>
      </p>
      {params.get('submitted') === '1' && report.status === 'SUBMITTED' && (
        <div className="notice notice-success" role="status">
          <h2 className="h3">Report submitted</h2>
          <p>The APEC Secretariat has it now. You will see here when they receive it.</p>
        </div>
      )}
      <h1>
        <span className="caption">Progress Report on APEC Projects</span>
        {report.period} progress report
      </h1>
      <p className="lede">
        <span className="tag">{words(report.status)}</span>
        {report.tabledAtMeeting && ` Tabled at ${report.tabledAtMeeting.code}`}
        {report.documentSymbol && (
          <>
            {' as '}
            <Link to={`/documents/${report.documentSymbol}`}>{report.documentSymbol}</Link>
          </>
        )}
      </p>
      {report.returnComment && (
        <div className="notice notice-warning" role="note" aria-labelledby="returned-title">
          <h2 id="returned-title" className="h3">
            Returned by the APEC Secretariat
          </h2>
          <p className="pre-line">{report.returnComment}</p>
        </div>
      )}
      {editable && (
        <p>
          <Link className="button" to={`/reports/${report.id}/edit`}>
            {report.returnComment ? 'Edit and submit again' : 'Continue the draft'}
          </Link>
        </p>
      )}
      {!editable && report.status !== 'DRAFT' && report.project.viewerIsOverseer && (
        <p className="muted">Submitted reports are read-only; the Secretariat may return one to you for changes.</p>
      )}

      <h2>The form</h2>
      <dl className="summary-list summary-wide">
        <Row field="fundingAccount">{words(report.fundingAccount)}</Row>
        <Row field="projectNumber">{text(report.projectNumber)}</Row>
        <Row field="dateReceivedBySecretariat">{report.dateReceivedBySecretariat ? formatDate(report.dateReceivedBySecretariat) : text(null)}</Row>
        <Row field="committeeName">{text(report.committeeName)}</Row>
        <Row field="projectTitle">{text(report.projectTitle)}</Row>
        <Row field="proposingEconomies">{report.proposingEconomies.map((e) => e.name).join(', ') || text(null)}</Row>
        <Row field="coSponsoringEconomies">{report.coSponsoringEconomies.map((e) => e.name).join(', ') || text(null)}</Row>
        <Row field="overseer" label="Project overseer">
          {[report.overseerName, report.overseerTitle, report.overseerOrganization].filter(Boolean).join(', ') || text(null)}
          {report.overseerSex && ` (${report.overseerSex === 'MALE' ? 'M' : 'F'})`}
          {(c.postalAddress || c.phone || c.fax || c.email) && (
            <span className="muted block">{[c.postalAddress, c.phone && `tel ${c.phone}`, c.fax && `fax ${c.fax}`, c.email].filter(Boolean).join(' · ')}</span>
          )}
        </Row>
        <Row field="totalCost">{formatMoney(report.totalCost)}</Row>
        <Row field="apecFundingSought">{formatMoney(report.apecFundingSought)}</Row>
        <Row field="projectType">
          {words(report.projectType)}
          {report.projectTypeOther ? `: ${report.projectTypeOther}` : ''}
        </Row>
        <Row field="startDate">
          {formatPartialDate(report.startDate)}
          {precisionNote(report.startDate) && <span className="muted"> ({precisionNote(report.startDate)})</span>}
        </Row>
        <Row field="endDate">
          {formatPartialDate(report.endDate)}
          {precisionNote(report.endDate) && <span className="muted"> ({precisionNote(report.endDate)})</span>}
        </Row>
        <Row field="description">{text(report.description)}</Row>
        <Row field="onSchedule">{words(report.onSchedule)}</Row>
        <Row field="withinBudget">{words(report.withinBudget)}</Row>
        <Row field="objectivesResults">{text(report.objectivesResults)}</Row>
        <Row field="linkagesMethodologyBudget">{text(report.linkagesMethodologyBudget)}</Row>
        <Row field="genderImpactOnWomen">{text(report.genderImpactOnWomen)}</Row>
        <Row field="genderWomenConsulted">{text(report.genderWomenConsulted)}</Row>
        <Row field="genderSexDisaggregatedData">{text(report.genderSexDisaggregatedData)}</Row>
        <Row field="progressSinceLastReport">{text(report.progressSinceLastReport)}</Row>
        <Row field="overseerSignatureName">{text(report.overseerSignatureName)}</Row>
        <Row field="overseerSignatureDate">{report.overseerSignatureDate ? formatDate(report.overseerSignatureDate) : text(null)}</Row>
      </dl>

      <h2>Changes since the previous report</h2>
      <Changes report={report} />

      <h2>History</h2>
      <History events={report.history} />
    </>
  );
}
