import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import type { ReportPageQuery as ReportPageData } from '../../gql/graphql';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { errorCode, errorReason, usePageTitle } from '../../shared/hooks';
import { formatDate } from '../../shared/time';
import { ReportPageQuery, SubmitReportMutation, UpdateReportMutation } from '../graphql/reports';
import { formFieldOf, formFromReport, inputFromForm, validateReport, type FieldError, type FormField, type ReportFormState } from '../report-form';
import { EconomyChecks, Radios, TextArea, TextField } from './FormFields';
import { NoSuchReport } from './ReportPage';

type Report = NonNullable<ReportPageData['progressReport']>;

const YES_NO: [string, string][] = [
  ['YES', 'Yes'],
  ['NO', 'No'],
];
const YES_NO_NA: [string, string][] = [...YES_NO, ['NOT_APPLICABLE', 'N.A.']];
const ACCOUNTS: [string, string][] = [
  ['OPERATIONAL_ACCOUNT', 'Operational Account'],
  ['TILF_SPECIAL_ACCOUNT', 'TILF Special Account'],
  ['APEC_SUPPORT_FUND', 'APEC Support Fund'],
  ['SELF_FUNDED', 'Self-funded'],
];
const TYPES: [string, string][] = [
  ['SEMINAR_SYMPOSIUM', 'Seminar / symposium'],
  ['SHORT_TERM_TRAINING', 'Short-term training course'],
  ['SURVEY_ANALYSIS_RESEARCH', 'Survey or analysis and research'],
  ['DATABASE_WEBSITE', 'Database / website'],
  ['OTHER', 'Others (specify)'],
];

/** The server's refusal as errors beside fields where it names one, else as a problem for the summary. */
function serverErrors(error: CombinedError, state: ReportFormState): { errors: FieldError[]; problem: string | null } {
  const first = error.graphQLErrors[0];
  const reason = errorReason(error);
  if (reason === 'REPORT_INCOMPLETE') {
    const missing = Array.isArray(first?.extensions?.missing) ? (first.extensions.missing as string[]) : [];
    const messages = validateReport({ ...state, onSchedule: '', withinBudget: '', overseerSignatureDate: '' }, true);
    return { errors: messages.filter((m) => missing.includes(m.field)), problem: null };
  }
  const field = formFieldOf(typeof first?.extensions?.field === 'string' ? first.extensions.field : undefined, state);
  if (field) return { errors: [{ field, message: first?.message ?? 'This value was refused' }], problem: null };
  const code = errorCode(error);
  if (code === 'CONFLICT') return { errors: [], problem: 'The report was changed elsewhere since you opened it. Copy anything you typed, then reload the page.' };
  if (code === 'INVALID_STATE') return { errors: [], problem: `${first?.message ?? 'The report cannot be changed now'}. Reload the page to see it as it is.` };
  if (error.networkError) return { errors: [], problem: 'The server could not be reached: nothing was saved. Check your connection and try again.' };
  return { errors: [], problem: first?.message ?? 'Something went wrong; nothing was saved.' };
}

function ReportForm({ report, economies }: { report: Report; economies: { code: string; name: string }[] }) {
  const navigate = useNavigate();
  const [initial] = useState(() => formFromReport(report));
  const [state, setState] = useState<ReportFormState>(initial);
  const [version, setVersion] = useState(report.version);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [, update] = useMutation(UpdateReportMutation);
  const [submitState, submit] = useMutation(SubmitReportMutation);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  usePageTitle(`${errors.length || problem ? 'Error: ' : ''}${report.period} progress report`);

  useEffect(() => {
    if (errors.length || problem) summary.current?.focus();
  }, [errors, problem]);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  const set =
    <K extends FormField>(key: K) =>
    (value: ReportFormState[K]) => {
      setState((s) => ({ ...s, [key]: value }));
      setSaved(null);
    };
  const errorOf = (field: FormField) => errors.find((e) => e.field === field);
  const carried = (field: FormField) => (report.carriedOver.includes(field) && state[field] === initial[field] ? (report.previousReport?.period ?? 'previous') : null);
  const common = (name: FormField) => ({ name, error: errorOf(name), carriedFrom: carried(name) });

  /** Saves every field; true when saved. */
  const save = async (forSubmit: boolean): Promise<boolean> => {
    const found = validateReport(state, forSubmit);
    setErrors(found);
    setProblem(null);
    if (found.length) return false;
    setBusy(true);
    const res = await update({ input: inputFromForm(report.id, version, state) });
    setBusy(false);
    if (res.error || !res.data) {
      const answer = res.error ? serverErrors(res.error, state) : { errors: [], problem: 'Nothing was saved.' };
      setErrors(answer.errors);
      setProblem(answer.problem);
      return false;
    }
    setVersion(res.data.updateProgressReport.version);
    setSaved(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date()));
    return true;
  };

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    await save(false);
  };
  const onReview = async () => {
    if (await save(true)) setConfirming(true);
  };
  const onConfirm = async () => {
    const res = await submit({ input: { id: report.id } });
    if (res.data) {
      void navigate(`/reports/${report.id}?submitted=1`);
      return;
    }
    setConfirming(false);
    const answer = res.error ? serverErrors(res.error, state) : { errors: [], problem: 'The report was not submitted.' };
    setErrors(answer.errors);
    setProblem(answer.problem);
  };

  const group = report.project.steeringGroup;
  return (
    <>
      {(errors.length > 0 || problem) && (
        <div className="error-summary" ref={summary} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            {errors.map((e) => (
              <li key={e.field + e.message}>
                <a href={`#${e.field}`}>{e.message}</a>
              </li>
            ))}
            {problem && <li>{problem}</li>}
          </ul>
        </div>
      )}
      <p className="breadcrumb">
        <Link to={`/projects/${report.project.id}`}>{report.project.title}</Link>
      </p>
      <h1>
        <span className="caption">Progress Report on APEC Projects</span>
        {report.period} progress report
      </h1>
      {report.returnComment && (
        <div className="notice notice-warning" role="note" aria-labelledby="returned-title">
          <h2 id="returned-title" className="h3">
            Returned by the APEC Secretariat
          </h2>
          <p className="pre-line">{report.returnComment}</p>
          <p>Change what it asks, then submit the report again.</p>
        </div>
      )}
      {report.carriedOver.length > 0 && report.previousReport && (
        <p className="notice">
          This draft started from your {report.previousReport.period} report. Answers marked <span className="carried-tag">Carried over</span> still say what that report said:
          check each one.
        </p>
      )}
      <form onSubmit={(e) => void onSave(e)} noValidate className="report-form">
        <section aria-labelledby="part-project" className="form-part">
          <h2 id="part-project">Project</h2>
          <Radios {...common('fundingAccount')} label="Account" value={state.fundingAccount} onChange={set('fundingAccount')} options={ACCOUNTS} />
          <div className="form-grid">
            <TextField
              {...common('projectNumber')}
              label="Project number"
              hint="As assigned by the Secretariat, e.g. TEL 01/2007S. Leave blank if none."
              value={state.projectNumber}
              onChange={set('projectNumber')}
              width="medium"
            />
            <div className="field">
              <p className="label">Date received by Secretariat</p>
              <p>{report.dateReceivedBySecretariat ? formatDate(report.dateReceivedBySecretariat) : <span className="muted">Filled in by the Secretariat</span>}</p>
            </div>
          </div>
          <TextField {...common('committeeName')} label="Name of Committee / Working Group" value={state.committeeName} onChange={set('committeeName')} />
          <TextField {...common('projectTitle')} label="Title of project" value={state.projectTitle} onChange={set('projectTitle')} />
          <EconomyChecks
            {...common('proposingEconomyCodes')}
            label="Proposing APEC economy"
            value={state.proposingEconomyCodes}
            onChange={set('proposingEconomyCodes')}
            economies={economies}
          />
          <EconomyChecks
            {...common('coSponsoringEconomyCodes')}
            label="Co-sponsoring economies"
            value={state.coSponsoringEconomyCodes}
            onChange={set('coSponsoringEconomyCodes')}
            economies={economies}
          />
        </section>

        <section aria-labelledby="part-overseer" className="form-part">
          <h2 id="part-overseer">Project overseer</h2>
          <div className="form-grid">
            <TextField {...common('overseerName')} label="Name" value={state.overseerName} onChange={set('overseerName')} autoComplete="name" />
            <TextField {...common('overseerTitle')} label="Title" value={state.overseerTitle} onChange={set('overseerTitle')} />
            <TextField {...common('overseerOrganization')} label="Organization" value={state.overseerOrganization} onChange={set('overseerOrganization')} />
            <Radios
              {...common('overseerSex')}
              label="M/F"
              value={state.overseerSex}
              onChange={set('overseerSex')}
              inline
              options={[
                ['MALE', 'M'],
                ['FEMALE', 'F'],
              ]}
            />
          </div>
          <TextArea {...common('postalAddress')} label="Postal address" value={state.postalAddress} onChange={set('postalAddress')} rows={3} />
          <div className="form-grid">
            <TextField {...common('phone')} label="Tel" type="tel" value={state.phone} onChange={set('phone')} width="medium" />
            <TextField {...common('fax')} label="Fax" type="tel" value={state.fax} onChange={set('fax')} width="medium" />
            <TextField {...common('email')} label="Email" type="email" value={state.email} onChange={set('email')} />
          </div>
        </section>

        <section aria-labelledby="part-money" className="form-part">
          <h2 id="part-money">Financial information</h2>
          <div className="form-grid">
            <div>
              <TextField
                {...common('totalCostAmount')}
                label="Total cost of proposal (US$)"
                hint="e.g. 400,000"
                value={state.totalCostAmount}
                onChange={set('totalCostAmount')}
                width="medium"
              />
              <div className="choice choice-small">
                <input id="totalCostAtLeast" type="checkbox" checked={state.totalCostAtLeast} onChange={(e) => set('totalCostAtLeast')(e.target.checked)} />
                <label htmlFor="totalCostAtLeast">At least this sum (a lower bound, not an exact sum)</label>
              </div>
            </div>
            <div>
              <TextField
                {...common('apecFundingAmount')}
                label="Amount sought from APEC central fund (US$)"
                hint="0 for a self-funded project"
                value={state.apecFundingAmount}
                onChange={set('apecFundingAmount')}
                width="medium"
              />
              <div className="choice choice-small">
                <input id="apecFundingAtLeast" type="checkbox" checked={state.apecFundingAtLeast} onChange={(e) => set('apecFundingAtLeast')(e.target.checked)} />
                <label htmlFor="apecFundingAtLeast">At least this sum</label>
              </div>
            </div>
          </div>
        </section>

        <section aria-labelledby="part-type" className="form-part">
          <h2 id="part-type">Type of project and dates</h2>
          <Radios {...common('projectType')} label="Type of project" value={state.projectType} onChange={set('projectType')} options={TYPES}>
            {state.projectType === 'OTHER' && (
              <TextField {...common('projectTypeOther')} label="Others: please specify" value={state.projectTypeOther} onChange={set('projectTypeOther')} />
            )}
          </Radios>
          <div className="form-grid">
            <TextField
              {...common('startDate')}
              label="Project start date"
              hint="A year, month or day: 2006, 2006-11 or 2006-11-15"
              value={state.startDate}
              onChange={set('startDate')}
              width="short"
            />
            <TextField
              {...common('endDate')}
              label="Project end date"
              hint="A year, month or day: 2009, 2009-10 or 2009-10-31"
              value={state.endDate}
              onChange={set('endDate')}
              width="short"
            />
          </div>
          <TextArea
            {...common('description')}
            label="Brief description of project"
            hint="Its purpose and principal activities."
            value={state.description}
            onChange={set('description')}
          />
        </section>

        <section aria-labelledby="part-1" className="form-part">
          <h2 id="part-1">1. Current status</h2>
          <div className="form-grid">
            <Radios {...common('onSchedule')} label="Is the project on schedule?" value={state.onSchedule} onChange={set('onSchedule')} options={YES_NO} inline />
            <Radios {...common('withinBudget')} label="Is the project within budget?" value={state.withinBudget} onChange={set('withinBudget')} options={YES_NO_NA} inline />
          </div>
        </section>

        <section aria-labelledby="part-2" className="form-part">
          <h2 id="part-2">2. Objectives</h2>
          <TextArea
            {...common('objectivesResults')}
            label="Results so far against the expected results"
            value={state.objectivesResults}
            onChange={set('objectivesResults')}
            rows={8}
          />
        </section>

        <section aria-labelledby="part-3" className="form-part">
          <h2 id="part-3">3. Linkages, methodology, budget</h2>
          <TextArea
            {...common('linkagesMethodologyBudget')}
            label="Problems met and how they were resolved"
            hint="Say also whether the schedule, the budget or the participation changed, and why."
            value={state.linkagesMethodologyBudget}
            onChange={set('linkagesMethodologyBudget')}
          />
        </section>

        <section aria-labelledby="part-4" className="form-part">
          <h2 id="part-4">4. Gender considerations</h2>
          <TextArea
            {...common('genderImpactOnWomen')}
            label="The impact of the project on women to date"
            value={state.genderImpactOnWomen}
            onChange={set('genderImpactOnWomen')}
            rows={3}
          />
          <TextArea
            {...common('genderWomenConsulted')}
            label="How women were consulted on the delivery of the project"
            value={state.genderWomenConsulted}
            onChange={set('genderWomenConsulted')}
            rows={3}
          />
          <TextArea
            {...common('genderSexDisaggregatedData')}
            label="Sex-disaggregated data collected and used"
            value={state.genderSexDisaggregatedData}
            onChange={set('genderSexDisaggregatedData')}
            rows={3}
          />
        </section>

        <section aria-labelledby="part-5" className="form-part">
          <h2 id="part-5">5. Progress since last report</h2>
          <TextArea
            {...common('progressSinceLastReport')}
            label="What has happened since the last report"
            value={state.progressSinceLastReport}
            onChange={set('progressSinceLastReport')}
            rows={8}
          />
        </section>

        <section aria-labelledby="part-sign" className="form-part">
          <h2 id="part-sign">Signature of project overseer</h2>
          <div className="form-grid">
            <TextField
              {...common('overseerSignatureName')}
              label="Signed by"
              hint="Your name as overseer."
              value={state.overseerSignatureName}
              onChange={set('overseerSignatureName')}
            />
            <TextField
              {...common('overseerSignatureDate')}
              label="Date"
              hint="For example 2008-03-18"
              value={state.overseerSignatureDate}
              onChange={set('overseerSignatureDate')}
              width="short"
            />
          </div>
        </section>

        {confirming ? (
          <div className="confirm" role="region" aria-labelledby="confirm-title">
            <h2 id="confirm-title" ref={confirmHeading} tabIndex={-1}>
              Submit the {report.period} report?
            </h2>
            <p>
              It goes to the <strong>APEC Secretariat</strong>, who receives it{group ? ` for the ${group.name} (${group.code})` : ''} and tables it at {report.period}.
            </p>
            <p>Once it is submitted you cannot change it, unless the Secretariat returns it to you with a comment.</p>
            <div className="actions">
              <button type="button" className="button" onClick={() => void onConfirm()} disabled={submitState.fetching}>
                Yes, submit it to the APEC Secretariat
              </button>
              <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
                Go back to the form
              </button>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button type="button" className="button" onClick={() => void onReview()} disabled={busy}>
              Submit the report…
            </button>
            <button type="submit" className="button button-secondary" disabled={busy}>
              {busy ? 'Saving…' : 'Save draft'}
            </button>
            <p className="status-line" role="status" aria-live="polite">
              {saved ? `Draft saved at ${saved}.` : ''}
            </p>
          </div>
        )}
      </form>
    </>
  );
}

/** /reports/{id}/edit — the overseer's form for a draft (or a report returned to them). */
export function ReportFormPage() {
  const id = useParams().id ?? '';
  const [result] = useQuery({ query: ReportPageQuery, variables: { id }, requestPolicy: 'network-only' });
  const report = result.data?.progressReport;
  usePageTitle(report ? `${report.period} progress report` : 'Progress report');
  if (result.fetching && !report) return <Loading what="the report" />;
  if (!report) {
    const code = errorCode(result.error);
    if (code === 'NOT_FOUND' || code === 'BAD_USER_INPUT') return <NoSuchReport />;
    return result.error ? <ErrorMessage error={result.error} what="the report" /> : null;
  }
  if (report.status !== 'DRAFT' || !report.project.viewerIsOverseer) {
    return (
      <>
        <h1>{report.period} progress report</h1>
        <p>
          {report.status !== 'DRAFT'
            ? `This report is ${report.status.toLowerCase()}: it can no longer be changed, unless the Secretariat returns it.`
            : 'Only an overseer of this project can edit its report.'}
        </p>
        <p>
          <Link to={`/reports/${report.id}`}>See the report</Link>
        </p>
      </>
    );
  }
  return <ReportForm key={report.id} report={report} economies={result.data?.economies ?? []} />;
}
