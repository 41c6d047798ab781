import { useState } from 'react';
import { useQuery } from 'urql';
import type { DeskApprovalBoardQuery, DeskRequestFieldsFragment, DeskStepFieldsFragment } from '../../gql/graphql';
import { usePageTitle } from '../../shared/hooks';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { formatDate } from '../../shared/time';
import { waitingWords } from '../waiting';
import { ApprovalBoardQuery } from '../graphql/approvals';
import { DecideForm, OUTCOME_WORDS } from './DecideForm';
import { ActionOutcome } from './Outcome';

type Column = DeskApprovalBoardQuery['approvalBoard'][number];
type Entry = Column['entries'][number];

/** The bodies the board always shows, in the order a request climbs: steering groups, TEL, SOM, BMC. */
function columnsInOrder(data: DeskApprovalBoardQuery): { code: string; name: string; column: Column | null }[] {
  const bodies = [...data.steeringGroups.map((g) => ({ code: g.code, name: g.name })), { code: 'TEL', name: '' }, { code: 'SOM', name: '' }, { code: 'BMC', name: '' }];
  for (const c of data.approvalBoard) if (!bodies.some((b) => b.code === c.body.code)) bodies.push({ code: c.body.code, name: c.body.name });
  return bodies.map((b) => {
    const column = data.approvalBoard.find((c) => c.body.code === b.code) ?? null;
    return { code: b.code, name: column?.body.name ?? b.name, column };
  });
}

/** /desk/approvals — one column per body with the requests waiting on it; decide from the board. */
export function ApprovalBoardPage() {
  usePageTitle('Approvals board · Desk');
  const [{ data, error }, refetch] = useQuery({ query: ApprovalBoardQuery, requestPolicy: 'cache-and-network' });
  const [done, setDone] = useState<string | null>(null);
  const refresh = (message: string | null) => {
    setDone(message);
    refetch({ requestPolicy: 'network-only' });
  };

  if (error && !data) return <ErrorMessage error={error} what="the approvals board" />;
  if (!data) return <Loading what="the approvals board" />;
  const columns = columnsInOrder(data);

  return (
    <>
      <h1>Approvals board</h1>
      <p className="hint">Each request waits on one body at a time. Decide the step it waits on; a request that is approved moves to the next body.</p>
      <ActionOutcome done={done} />
      <div className="board">
        {columns.map(({ code, name, column }) => (
          <section key={code} className={column?.entries.length ? 'board-column' : 'board-column empty'} aria-labelledby={`col-${code}`}>
            <h2 id={`col-${code}`} className="board-title">
              {code} <span className="count">({column?.entries.length ?? 0})</span>
              {name && <span className="board-name">{name}</span>}
            </h2>
            {column?.nextMeeting && <p className="muted">Next meeting: {column.nextMeeting.code}</p>}
            {column?.entries.length ? (
              <ul className="plain-list board-entries">
                {column.entries.map((entry) => (
                  <BoardEntry key={entry.step.id} entry={entry} onDone={refresh} />
                ))}
              </ul>
            ) : (
              <p className="muted">Nothing waits on {code}.</p>
            )}
          </section>
        ))}
      </div>
    </>
  );
}

function stepLine(step: DeskStepFieldsFragment): string {
  const d = step.decision;
  if (!d) return `${step.body.code}: waiting`;
  return `${step.body.code}: ${OUTCOME_WORDS[d.outcome]}${d.decidedOn ? ` ${formatDate(d.decidedOn)}` : ''}${d.meeting ? ` at ${d.meeting.code}` : ''}`;
}

function BoardEntry({ entry, onDone }: { entry: Entry; onDone: (message: string | null) => void }) {
  const request: DeskRequestFieldsFragment = entry.request;
  const step = request.steps.find((s) => s.id === entry.step.id)!;
  const [open, setOpen] = useState<null | { step: DeskStepFieldsFragment; correcting: boolean }>(null);
  const where = step.mode === 'BY_CHAIR' ? `by the ${step.body.code} Chair, between meetings` : entry.nextMeeting ? `at ${entry.nextMeeting.code}` : 'not known yet';
  const headingId = `req-${request.id}-${step.body.code}`;

  return (
    <li className="board-entry" aria-labelledby={headingId}>
      <h3 id={headingId} className="h4">
        {request.subject}
      </h3>
      {request.project && <p className="muted">{request.project.title}</p>}
      <dl className="facts">
        <div>
          <dt>Waiting</dt>
          <dd>{waitingWords(entry.daysWaiting, entry.waitingSince)}</dd>
        </div>
        <div>
          <dt>Next decided</dt>
          <dd>{where}</dd>
        </div>
      </dl>
      <ol className="chain" aria-label="Steps">
        {request.steps.map((s) => (
          <li key={s.id} className={s.id === step.id ? 'chain-step current' : 'chain-step'}>
            {stepLine(s)}
          </li>
        ))}
      </ol>
      {open ? (
        <DecideForm
          request={request}
          step={open.step}
          correcting={open.correcting}
          suggestedMeeting={step.mode === 'BY_CHAIR' ? '' : (entry.nextMeeting?.code ?? '')}
          onDone={(message) => {
            setOpen(null);
            onDone(message);
          }}
          onCancel={() => setOpen(null)}
          onRefreshBoard={() => onDone(null)}
        />
      ) : (
        <div className="actions">
          <button type="button" className="button" onClick={() => setOpen({ step, correcting: false })}>
            Decide{' '}
            <span className="visually-hidden">
              for {step.body.code}: {request.subject}
            </span>
          </button>
          {request.steps
            .filter((s) => s.decision)
            .map((s) => (
              <button key={s.id} type="button" className="button button-secondary" onClick={() => setOpen({ step: s, correcting: true })}>
                Correct {s.body.code}&apos;s decision <span className="visually-hidden">on {request.subject}</span>
              </button>
            ))}
        </div>
      )}
    </li>
  );
}
