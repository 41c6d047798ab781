/**
 * The approval chain: an ordered list of steps, each a body (SPSG, TEL, SOM, BMC …) deciding in
 * plenary or through its chair between meetings. Plain functions, no Nest, no database.
 *
 * - A step can be decided only when every step before it is approved.
 * - A rejection ends the request. A deferral keeps it waiting on the same body.
 * - When the last step approves, the request is approved (and its effect lands on the project).
 * - Decisions are never edited: a correction is a new decision that names the one it corrects.
 *   Only a step's current (latest) decision may be corrected, and only while no later step has
 *   been decided; a correction may not undo the final approval once its effect has landed.
 */
import type { ErrorCode, ReasonOf } from '@tel/core';

export enum ApprovalOutcome {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  DEFERRED = 'DEFERRED',
}

export enum ApprovalRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum DecisionMode {
  /** The body decides at one of its meetings. */
  IN_PLENARY = 'IN_PLENARY',
  /** The body decides through its chair between meetings ("TEL Chair"). */
  BY_CHAIR = 'BY_CHAIR',
}

export interface ChainStep {
  outcome: ApprovalOutcome;
  /** True once any decision (even one later corrected) was recorded on the step. */
  decided: boolean;
}

/** PENDING, APPROVED or REJECTED as the steps say (WITHDRAWN is set by hand, never derived). */
export function chainStatus(steps: Pick<ChainStep, 'outcome'>[]): ApprovalRequestStatus {
  if (steps.some((s) => s.outcome === ApprovalOutcome.REJECTED)) return ApprovalRequestStatus.REJECTED;
  if (steps.length && steps.every((s) => s.outcome === ApprovalOutcome.APPROVED)) return ApprovalRequestStatus.APPROVED;
  return ApprovalRequestStatus.PENDING;
}

/** The index of the step the request waits on, or null when it waits on nobody. */
export function awaitingStepIndex(steps: Pick<ChainStep, 'outcome'>[]): number | null {
  if (chainStatus(steps) !== ApprovalRequestStatus.PENDING) return null;
  const index = steps.findIndex((s) => s.outcome !== ApprovalOutcome.APPROVED);
  return index < 0 ? null : index;
}

export interface DecisionAttempt {
  stepIndex: number;
  outcome: ApprovalOutcome;
  /** The attempt corrects the step's current decision. */
  correction: boolean;
  /** The request's stored status (it may be WITHDRAWN, which the steps do not show). */
  requestStatus: ApprovalRequestStatus;
}

/** `errorReason` is what the client is told (ERROR_REASONS); `reason` is the message. */
export type DecisionCheck = { ok: true } | { ok: false; code: 'INVALID_STATE' | 'BAD_USER_INPUT'; reason: string; errorReason: DecisionRefusal };

export type DecisionRefusal = ReasonOf<ErrorCode.INVALID_STATE> | ReasonOf<ErrorCode.BAD_USER_INPUT>;

const refuse = (code: 'INVALID_STATE' | 'BAD_USER_INPUT', reason: string, errorReason: DecisionRefusal): DecisionCheck => ({ ok: false, code, reason, errorReason });

/** Whether the attempt may be recorded; `names[i]` names step i in messages (e.g. "TEL"). */
export function checkDecision(steps: ChainStep[], attempt: DecisionAttempt, names: string[] = steps.map((_, i) => `step ${i + 1}`)): DecisionCheck {
  const { stepIndex: i, outcome, correction, requestStatus } = attempt;
  if (i < 0 || i >= steps.length) return refuse('BAD_USER_INPUT', 'no such step', 'APPROVAL_OUTCOME_INVALID');
  if (requestStatus === ApprovalRequestStatus.WITHDRAWN) return refuse('INVALID_STATE', 'the request was withdrawn', 'APPROVAL_NOT_PENDING');
  if (!correction) {
    if (outcome === ApprovalOutcome.PENDING)
      return refuse('BAD_USER_INPUT', 'a decision approves, rejects or defers; PENDING only retracts a decision, as a correction', 'APPROVAL_OUTCOME_INVALID');
    if (requestStatus !== ApprovalRequestStatus.PENDING) return refuse('INVALID_STATE', `the request is already ${requestStatus.toLowerCase()}`, 'APPROVAL_NOT_PENDING');
    const awaiting = awaitingStepIndex(steps);
    if (awaiting === null) return refuse('INVALID_STATE', 'the request waits on no one', 'STEP_NOT_NEXT');
    if (i < awaiting) return refuse('INVALID_STATE', `${names[i]} has already approved; to change that, record a correction of its decision`, 'STEP_NOT_NEXT');
    if (i > awaiting) return refuse('INVALID_STATE', `${names[i]} cannot decide before ${names[awaiting]} approves`, 'STEP_NOT_NEXT');
    return { ok: true };
  }
  if (!steps[i].decided) return refuse('INVALID_STATE', `${names[i]} has no decision to correct`, 'STEP_DECISION_NOT_CURRENT');
  const later = steps.findIndex((s, j) => j > i && s.decided);
  if (later >= 0) return refuse('INVALID_STATE', `${names[later]} has decided since; a decision that later steps relied on cannot be corrected`, 'DECISION_LOCKED');
  const last = i === steps.length - 1;
  if (last && requestStatus === ApprovalRequestStatus.APPROVED && outcome !== ApprovalOutcome.APPROVED) {
    return refuse('INVALID_STATE', 'the final approval has taken effect on the project; file a new request instead', 'DECISION_LOCKED');
  }
  return { ok: true };
}

export interface DecisionResult {
  outcomes: ApprovalOutcome[];
  status: ApprovalRequestStatus;
  /** The request became APPROVED with this decision: its effect must land now. */
  completed: boolean;
}

/** The chain after step `stepIndex` takes `outcome` (call checkDecision first). */
export function applyDecision(steps: ChainStep[], stepIndex: number, outcome: ApprovalOutcome): DecisionResult {
  const before = chainStatus(steps);
  const next = steps.map((s, j) => (j === stepIndex ? { outcome, decided: true } : s));
  const status = chainStatus(next);
  return { outcomes: next.map((s) => s.outcome), status, completed: before !== ApprovalRequestStatus.APPROVED && status === ApprovalRequestStatus.APPROVED };
}

/**
 * Since when the request has waited on its current step: the date the step before it was
 * decided, or, for the first step (or when that date is unknown), the date it was filed.
 */
export function waitingSince(stepDecidedOn: (string | null)[], awaitingIndex: number, filedOn: string | null): string | null {
  if (awaitingIndex > 0) return stepDecidedOn[awaitingIndex - 1] ?? filedOn;
  return filedOn;
}
