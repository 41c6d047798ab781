import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import type { DeskReportsQuery as DeskReportsData } from '../../gql/graphql';
import { usePageTitle } from '../../shared/hooks';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { describeError, type ActionError } from '../action-errors';
import { AcceptReportMutation, DeskReportsQuery, ReceiveReportMutation, ReturnReportMutation } from '../graphql/reports';
import { ActionOutcome, FieldError } from './Outcome';

type Report = DeskReportsData['progressReports'][number];

const LABELS = { dateReceived: 'date received', comment: 'comment for the overseer' };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** /desk/reports — progress reports to receive, to accept, and those overdue. */
export function DeskReportsPage() {
  usePageTitle('Progress reports · Desk');
  const [{ data, fetching, error }, refetch] = useQuery({ query: DeskReportsQuery, requestPolicy: 'cache-and-network' });
  const [done, setDone] = useState<string | null>(null);
  const refresh = (message: string) => {
    setDone(message);
    refetch({ requestPolicy: 'network-only' });
  };

  if (error && !data) return <ErrorMessage error={error} what="the reports" />;
  if (!data) return <Loading what="the reports" />;
  const toReceive = data.progressReports.filter((r) => r.status === 'SUBMITTED');
  const toAccept = data.progressReports.filter((r) => r.status === 'RECEIVED');

  return (
    <>
      <h1>Progress reports</h1>
      <ActionOutcome done={done} />
      {fetching && <p className="visually-hidden">Updating…</p>}
      <section aria-labelledby="to-receive">
        <h2 id="to-receive">Submitted, to receive ({toReceive.length})</h2>
        {toReceive.length ? (
          <ul className="work-list">
            {toReceive.map((r) => (
              <ReportItem key={r.id} report={r} onDone={refresh} />
            ))}
          </ul>
        ) : (
          <p className="muted">No report is waiting to be received.</p>
        )}
      </section>
      <section aria-labelledby="to-accept">
        <h2 id="to-accept">Received, to accept ({toAccept.length})</h2>
        {toAccept.length ? (
          <ul className="work-list">
            {toAccept.map((r) => (
              <ReportItem key={r.id} report={r} onDone={refresh} />
            ))}
          </ul>
        ) : (
          <p className="muted">No received report is waiting to be accepted.</p>
        )}
      </section>
      <section aria-labelledby="overdue">
        <h2 id="overdue">Overdue ({data.overdueReports.length})</h2>
        {data.overdueReports.length ? (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Project</th>
                  <th scope="col">For</th>
                  <th scope="col">Due</th>
                  <th scope="col">Overdue</th>
                </tr>
              </thead>
              <tbody>
                {data.overdueReports.map((o) => (
                  <tr key={o.project.id + o.meeting.code}>
                    <td>
                      {o.project.title}
                      {o.project.number && <span className="muted"> ({o.project.number})</span>}
                    </td>
                    <td>{o.meeting.code}</td>
                    <td className="nowrap">{o.dueOn}</td>
                    <td className="nowrap">
                      {o.daysOverdue} {o.daysOverdue === 1 ? 'day' : 'days'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">No report is overdue.</p>
        )}
      </section>
    </>
  );
}

function ReportItem({ report, onDone }: { report: Report; onDone: (message: string) => void }) {
  const [date, setDate] = useState(today());
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [receive, doReceive] = useMutation(ReceiveReportMutation);
  const [accept, doAccept] = useMutation(AcceptReportMutation);
  const [back, doReturn] = useMutation(ReturnReportMutation);
  const busy = receive.fetching || accept.fetching || back.fetching;
  const name = `${report.project.title} (${report.period})`;
  const ids = { dateReceived: `received-${report.id}`, comment: `comment-${report.id}` };

  const run = async (action: () => Promise<{ error?: import('urql').CombinedError }>, message: string) => {
    setFailure(null);
    const result = await action();
    if (result.error) setFailure(describeError(result.error, LABELS));
    else onDone(message);
  };
  const onReceive = (e: FormEvent) => {
    e.preventDefault();
    void run(() => doReceive({ input: { id: report.id, dateReceived: date || null } }), `Received: ${name}, on ${date || today()}.`);
  };
  const onReturn = (e: FormEvent) => {
    e.preventDefault();
    if (!comment.trim()) {
      setFailure({ field: 'comment', reason: 'FIELD_REQUIRED', message: 'Say what the overseer should change' });
      return;
    }
    void run(() => doReturn({ input: { id: report.id, comment } }), `Returned to the overseer: ${name}.`);
  };

  return (
    <li className="work-item">
      <h3 className="h3">{name}</h3>
      <p className="meta-line">
        {report.project.steeringGroup?.code && <span>{report.project.steeringGroup.code}</span>}
        {report.project.number && <span>{report.project.number}</span>}
        {report.overseerName && <span>Overseer: {report.overseerName}</span>}
        {report.overseerSignatureDate && <span>Signed {report.overseerSignatureDate}</span>}
        {report.dateReceivedBySecretariat && <span>Received {report.dateReceivedBySecretariat}</span>}
      </p>
      {failure && !returning && <ActionOutcome error={failure} fieldIds={ids} />}
      <div className="actions">
        {report.status === 'SUBMITTED' ? (
          <form onSubmit={onReceive} className="inline-form" noValidate>
            <div className={failure?.field === 'dateReceived' ? 'field field-error' : 'field'}>
              <label className="label" htmlFor={ids.dateReceived}>
                Date received
              </label>
              <FieldError id={`${ids.dateReceived}-error`} error={failure} field="dateReceived" />
              <input
                id={ids.dateReceived}
                type="date"
                className="input input-date"
                value={date}
                onChange={(e) => setDate(e.target.value)}
                aria-invalid={failure?.field === 'dateReceived' ? true : undefined}
                aria-describedby={failure?.field === 'dateReceived' ? `${ids.dateReceived}-error` : undefined}
              />
            </div>
            <button type="submit" className="button" disabled={busy}>
              Receive <span className="visually-hidden">{name}</span>
            </button>
          </form>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={() => void run(() => doAccept({ input: { id: report.id } }), `Accepted: ${name}.`)}>
            Accept <span className="visually-hidden">{name}</span>
          </button>
        )}
        <button type="button" className="button button-secondary" aria-expanded={returning} onClick={() => setReturning(!returning)}>
          Return with a comment <span className="visually-hidden">({name})</span>
        </button>
      </div>
      {returning && (
        <form onSubmit={onReturn} className="return-form" noValidate>
          {failure && failure.field !== 'comment' && <ActionOutcome error={failure} />}
          <div className={failure?.field === 'comment' ? 'field field-error' : 'field'}>
            <label className="label" htmlFor={ids.comment}>
              Comment for the overseer
            </label>
            <p className="hint" id={`${ids.comment}-hint`}>
              What should they change? The report goes back to them as a draft.
            </p>
            <FieldError id={`${ids.comment}-error`} error={failure} field="comment" />
            <textarea
              id={ids.comment}
              className="input"
              rows={3}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-invalid={failure?.field === 'comment' ? true : undefined}
              aria-describedby={`${ids.comment}-hint${failure?.field === 'comment' ? ` ${ids.comment}-error` : ''}`}
            />
          </div>
          <button type="submit" className="button" disabled={busy}>
            Return to the overseer
          </button>
        </form>
      )}
    </li>
  );
}
