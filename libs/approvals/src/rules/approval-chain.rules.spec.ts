import {
  applyDecision,
  ApprovalOutcome as O,
  ApprovalRequestStatus as R,
  awaitingStepIndex,
  chainStatus,
  ChainStep,
  checkDecision,
  DecisionMode,
  waitingSince,
} from './approval-chain.rules';
import { ApprovalKind, chainTemplate, TemplateStep } from './chain-templates';

/** Steps written compactly: "A" approved, "P" pending, "R" rejected, "D" deferred; lower case = never decided. */
function chain(spec: string): ChainStep[] {
  return [...spec].map((c) => {
    const outcome = { a: O.APPROVED, p: O.PENDING, r: O.REJECTED, d: O.DEFERRED }[c.toLowerCase()]!;
    return { outcome, decided: c === c.toUpperCase() };
  });
}
const NAMES = ['SPSG', 'TEL', 'SOM', 'BMC'];

describe('approval chain', () => {
  it.each([
    ['Appp', R.PENDING, 1],
    ['pppp', R.PENDING, 0],
    ['ADpp', R.PENDING, 1],
    ['AAAA', R.APPROVED, null],
    ['ARpp', R.REJECTED, null],
    ['AAAp', R.PENDING, 3],
    ['AP', R.PENDING, 1], // a decision corrected back to PENDING
    ['', R.PENDING, null],
  ])('%s is %s and waits on step %s', (spec, status, awaiting) => {
    expect(chainStatus(chain(spec))).toBe(status);
    expect(awaitingStepIndex(chain(spec))).toBe(awaiting);
  });

  it.each([
    // spec, step, outcome, correction, stored status, expected refusal (null = allowed)
    ['Appp', 1, O.APPROVED, false, R.PENDING, null],
    ['Appp', 1, O.DEFERRED, false, R.PENDING, null],
    ['Appp', 1, O.REJECTED, false, R.PENDING, null],
    ['ADpp', 1, O.APPROVED, false, R.PENDING, null], // a deferral keeps it waiting on the same body
    ['Appp', 2, O.APPROVED, false, R.PENDING, 'SOM cannot decide before TEL approves'],
    ['Appp', 3, O.APPROVED, false, R.PENDING, 'BMC cannot decide before TEL approves'],
    ['ADpp', 2, O.APPROVED, false, R.PENDING, 'SOM cannot decide before TEL approves'],
    ['Appp', 0, O.APPROVED, false, R.PENDING, 'SPSG has already approved; to change that, record a correction of its decision'],
    ['Appp', 1, O.PENDING, false, R.PENDING, 'a decision approves, rejects or defers; PENDING only retracts a decision, as a correction'],
    ['ARpp', 2, O.APPROVED, false, R.REJECTED, 'the request is already rejected'],
    ['AAAA', 3, O.APPROVED, false, R.APPROVED, 'the request is already approved'],
    ['Appp', 1, O.APPROVED, false, R.WITHDRAWN, 'the request was withdrawn'],
    ['Appp', 7, O.APPROVED, false, R.PENDING, 'no such step'],
    // corrections
    ['Appp', 0, O.REJECTED, true, R.PENDING, null],
    ['Appp', 0, O.PENDING, true, R.PENDING, null],
    ['ARpp', 1, O.APPROVED, true, R.REJECTED, null], // reopens a rejected request
    ['AApp', 0, O.APPROVED, true, R.PENDING, 'TEL has decided since; a decision that later steps relied on cannot be corrected'],
    ['Appp', 1, O.APPROVED, true, R.PENDING, 'TEL has no decision to correct'],
    ['AAAA', 3, O.REJECTED, true, R.APPROVED, 'the final approval has taken effect on the project; file a new request instead'],
    ['AAAA', 3, O.APPROVED, true, R.APPROVED, null], // same outcome, e.g. fixing the date or the document
  ])('%s: step %i → %s (correction %s, %s): %s', (spec, step, outcome, correction, requestStatus, refusal) => {
    const check = checkDecision(chain(spec), { stepIndex: step, outcome, correction, requestStatus }, NAMES);
    if (refusal === null) expect(check).toEqual({ ok: true });
    else expect(check).toMatchObject({ ok: false, reason: refusal });
  });

  it.each([
    ['Appp', 1, O.APPROVED, R.PENDING, false, [O.APPROVED, O.APPROVED, O.PENDING, O.PENDING]],
    ['Appp', 1, O.DEFERRED, R.PENDING, false, [O.APPROVED, O.DEFERRED, O.PENDING, O.PENDING]],
    ['Appp', 1, O.REJECTED, R.REJECTED, false, [O.APPROVED, O.REJECTED, O.PENDING, O.PENDING]],
    ['AAAp', 3, O.APPROVED, R.APPROVED, true, [O.APPROVED, O.APPROVED, O.APPROVED, O.APPROVED]],
    ['AAAA', 3, O.APPROVED, R.APPROVED, false, [O.APPROVED, O.APPROVED, O.APPROVED, O.APPROVED]],
    ['ARpp', 1, O.APPROVED, R.PENDING, false, [O.APPROVED, O.APPROVED, O.PENDING, O.PENDING]],
  ])('%s: step %i %s → %s (completed %s)', (spec, step, outcome, status, completed, outcomes) => {
    expect(applyDecision(chain(spec), step, outcome)).toEqual({ outcomes, status, completed });
  });

  it.each([
    [['2008-03-27', null, null], 1, '2008-03-20', '2008-03-27'],
    [[null, null], 1, '2008-03-20', '2008-03-20'],
    [[null, null], 0, '2008-03-20', '2008-03-20'],
    [['2008-03-27', '2008-04-10', null], 2, '2008-03-20', '2008-04-10'],
  ])('decided %j, waiting on %i, filed %s → waiting since %s', (dates, index, filed, since) => {
    expect(waitingSince(dates, index, filed)).toBe(since);
  });
});

describe('chain templates', () => {
  const show = (steps: TemplateStep[]) => steps.map((s) => ('steeringGroup' in s.body ? 'SG' : s.body.groupCode) + (s.mode === DecisionMode.BY_CHAIR ? ' (chair)' : ''));
  it.each([
    [ApprovalKind.EXTENSION, true, ['SG', 'TEL (chair)', 'SOM', 'BMC']],
    [ApprovalKind.EXTENSION, false, ['SG', 'TEL', 'SOM']],
    [ApprovalKind.NEW_PROJECT, false, ['SG', 'TEL', 'SOM']],
    [ApprovalKind.NEW_PROJECT, true, ['SG', 'TEL', 'SOM', 'BMC']],
    [ApprovalKind.REPORT_ENDORSEMENT, false, ['SG', 'TEL', 'SOM']],
    [ApprovalKind.REPROGRAMMING, true, ['SG', 'BMC']],
  ])('%s (APEC-funded %s): %j', (kind, funded, expected) => {
    expect(show(chainTemplate(kind, funded))).toEqual(expected);
  });
});
