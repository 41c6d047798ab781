import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import type { ApprovalOutcome, DeskRequestFieldsFragment, DeskStepFieldsFragment } from '../../gql/graphql';
import { describeError, type ActionError } from '../action-errors';
import { ApprovalRequestQuery, DecideStepMutation } from '../graphql/approvals';
import { ActionOutcome, FieldError } from './Outcome';

export const OUTCOME_WORDS: Record<ApprovalOutcome, string> = { APPROVED: 'approved', REJECTED: 'rejected', DEFERRED: 'deferred', PENDING: 'waiting' };
const CHOICES: { value: ApprovalOutcome; label: string }[] = [
  { value: 'APPROVED', label: 'Approve' },
  { value: 'REJECTED', label: 'Reject' },
  { value: 'DEFERRED', label: 'Defer' },
];
const LABELS = { outcome: 'decision', decidedOn: 'date decided', meetingCode: 'meeting', documentSymbol: 'recording document', note: 'note' };
const STALE = new Set(['VERSION_STALE', 'CONCURRENT_UPDATE']);

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

interface Props {
  request: DeskRequestFieldsFragment;
  step: DeskStepFieldsFragment;
  correcting: boolean;
  suggestedMeeting: string;
  onDone: (message: string) => void;
  onCancel: () => void;
  onRefreshBoard: () => void;
}

/**
 * Decides (or corrects the decision of) one step. The step's version as it was read when the
 * form opened travels with it: if anyone decided the step since, the server answers CONFLICT,
 * nothing is recorded, and the form shows the step as it is now.
 */
export function DecideForm({ request, step, correcting, suggestedMeeting, onDone, onCancel, onRefreshBoard }: Props) {
  const [readVersion] = useState(step.version);
  const [correctsId] = useState(correcting ? (step.decision?.id ?? null) : null);
  const [outcome, setOutcome] = useState<ApprovalOutcome | ''>('');
  const [decidedOn, setDecidedOn] = useState(today());
  const [meetingCode, setMeetingCode] = useState(correcting ? (step.decision?.meeting?.code ?? '') : suggestedMeeting);
  const [documentSymbol, setDocumentSymbol] = useState('');
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [now, setNow] = useState<DeskStepFieldsFragment | null>(null);
  const [decision, decide] = useMutation(DecideStepMutation);
  const client = useClient();
  const first = useRef<HTMLInputElement>(null);
  const confirmBox = useRef<HTMLDivElement>(null);
  const id = (name: string) => `${name}-${step.id}`;
  const ids = { outcome: id('outcome'), decidedOn: id('decided-on'), meetingCode: id('meeting'), documentSymbol: id('doc'), note: id('note') };

  useEffect(() => first.current?.focus(), []);
  useEffect(() => {
    if (confirming) confirmBox.current?.focus();
  }, [confirming]);

  const verb = correcting ? 'Correct' : 'Decide';
  const summary = () => {
    const parts = [`${step.body.code} ${outcome ? OUTCOME_WORDS[outcome] : ''} “${request.subject}”`, `on ${decidedOn || today()}`];
    if (meetingCode.trim()) parts.push(`at ${meetingCode.trim().toUpperCase()}`);
    if (documentSymbol.trim()) parts.push(`recorded in ${documentSymbol.trim()}`);
    return parts.join(' ');
  };

  const review = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!outcome) {
      setFailure({ field: 'outcome', reason: null, message: 'Choose the decision' });
      return;
    }
    setConfirming(true);
  };

  const record = async () => {
    if (!outcome) return;
    setFailure(null);
    const result = await decide({
      input: {
        stepId: step.id,
        expectedVersion: readVersion,
        outcome,
        decidedOn: decidedOn || null,
        meetingCode: meetingCode.trim() || null,
        documentSymbol: documentSymbol.trim() || null,
        note: note.trim() || null,
        correctsDecisionId: correctsId,
      },
    });
    setConfirming(false);
    if (result.error) {
      const described = describeError(result.error, LABELS);
      setFailure(described);
      if (described.reason && STALE.has(described.reason)) {
        const fresh = await client.query(ApprovalRequestQuery, { id: request.id }, { requestPolicy: 'network-only' }).toPromise();
        setNow(fresh.data?.approvalRequest.steps.find((s) => s.id === step.id) ?? null);
      }
      return;
    }
    const after = result.data!.decideApprovalStep;
    const next = after.steps.find((s) => s.id === after.awaitingStep?.id);
    const where = next ? `It now waits on ${next.body.code}.` : `The request is ${after.status.toLowerCase()}.`;
    onDone(`${correcting ? 'Corrected: ' : ''}${step.body.code} ${OUTCOME_WORDS[outcome]} “${request.subject}”. ${where}`);
  };

  const fieldClass = (name: string) => (failure?.field === name ? 'field field-error' : 'field');
  const describedBy = (name: string, hint?: string) => [hint, failure?.field === name ? `${id(name)}-error` : null].filter(Boolean).join(' ') || undefined;

  if (now) {
    const d = now.decision;
    return (
      <div className="decide-form">
        <ActionOutcome error={failure} />
        <h4 className="h4">{step.body.code} now</h4>
        <p>
          {d ? (
            <>
              {OUTCOME_WORDS[d.outcome]} on {d.decidedOn ?? 'a date not given'}
              {d.meeting ? ` at ${d.meeting.code}` : ''}
              {d.recordedByEmail ? `, recorded by ${d.recordedByEmail}` : ''}
              {d.note ? ` — ${d.note}` : ''}.
            </>
          ) : (
            'Still waiting: the other change did not record a decision.'
          )}
        </p>
        <div className="actions">
          <button type="button" className="button" onClick={onRefreshBoard}>
            Show the board as it is now
          </button>
        </div>
      </div>
    );
  }

  return (
    <form className="decide-form" onSubmit={review} noValidate aria-label={`${verb} for ${step.body.code}`}>
      {correcting && step.decisions.length > 0 && (
        <div className="on-record">
          <p className="label">On record for {step.body.code}</p>
          <ol>
            {step.decisions.map((d) => (
              <li key={d.id}>
                {OUTCOME_WORDS[d.outcome]} {d.decidedOn ?? ''}
                {d.meeting ? ` at ${d.meeting.code}` : ''}
                {d.corrects ? ` (corrects no. ${d.corrects.sequence})` : ''}
              </li>
            ))}
          </ol>
          <p className="hint">A correction adds a decision; the one it corrects stays on record.</p>
        </div>
      )}
      {failure && !failure.field && <ActionOutcome error={failure} />}
      <fieldset className={fieldClass('outcome')} aria-describedby={describedBy('outcome')}>
        <legend className="label">
          {verb}: {step.body.code}
        </legend>
        <FieldError id={`${id('outcome')}-error`} error={failure} field="outcome" />
        {[...CHOICES, ...(correcting ? [{ value: 'PENDING' as ApprovalOutcome, label: 'Retract (back to waiting)' }] : [])].map((c, i) => (
          <div key={c.value} className="radio">
            <input
              ref={i === 0 ? first : undefined}
              type="radio"
              id={`${ids.outcome}-${c.value}`}
              name={ids.outcome}
              value={c.value}
              checked={outcome === c.value}
              onChange={() => setOutcome(c.value)}
            />
            <label htmlFor={`${ids.outcome}-${c.value}`}>{c.label}</label>
          </div>
        ))}
      </fieldset>
      <div className={fieldClass('decidedOn')}>
        <label className="label" htmlFor={ids.decidedOn}>
          Date decided
        </label>
        <FieldError id={`${id('decidedOn')}-error`} error={failure} field="decidedOn" />
        <input
          id={ids.decidedOn}
          type="date"
          className="input input-date"
          value={decidedOn}
          onChange={(e) => setDecidedOn(e.target.value)}
          aria-describedby={describedBy('decidedOn')}
        />
      </div>
      <div className={fieldClass('meetingCode')}>
        <label className="label" htmlFor={ids.meetingCode}>
          Meeting
        </label>
        <p className="hint" id={`${ids.meetingCode}-hint`}>
          For example TEL38. Leave empty for a decision by the chair between meetings.
        </p>
        <FieldError id={`${id('meetingCode')}-error`} error={failure} field="meetingCode" />
        <input
          id={ids.meetingCode}
          className="input input-short"
          value={meetingCode}
          spellCheck={false}
          onChange={(e) => setMeetingCode(e.target.value)}
          aria-describedby={describedBy('meetingCode', `${ids.meetingCode}-hint`)}
        />
      </div>
      <div className={fieldClass('documentSymbol')}>
        <label className="label" htmlFor={ids.documentSymbol}>
          Recording document (symbol)
        </label>
        <p className="hint" id={`${ids.documentSymbol}-hint`}>
          The minutes or summary record, e.g. 2008-TELWG38-PLEN-004. Optional.
        </p>
        <FieldError id={`${id('documentSymbol')}-error`} error={failure} field="documentSymbol" />
        <input
          id={ids.documentSymbol}
          className="input"
          value={documentSymbol}
          spellCheck={false}
          onChange={(e) => setDocumentSymbol(e.target.value)}
          aria-describedby={describedBy('documentSymbol', `${ids.documentSymbol}-hint`)}
        />
      </div>
      <div className={fieldClass('note')}>
        <label className="label" htmlFor={ids.note}>
          Note
        </label>
        <FieldError id={`${id('note')}-error`} error={failure} field="note" />
        <textarea id={ids.note} className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={describedBy('note')} />
      </div>
      {confirming ? (
        <div className="confirm" ref={confirmBox} tabIndex={-1} role="group" aria-labelledby={`${id('confirm')}-text`}>
          <p id={`${id('confirm')}-text`}>
            <strong>Record this?</strong> {summary()}.
          </p>
          <div className="actions">
            <button type="button" className="button" disabled={decision.fetching} onClick={() => void record()}>
              {decision.fetching ? 'Recording…' : 'Confirm and record'}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Change
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button type="submit" className="button">
            {correcting ? 'Record the correction' : 'Record the decision'}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
