import { ApprovalOutcome, ApprovalRequestStatus, DecisionMode } from './approval-chain.rules';
import { ApprovalKind } from './chain-templates';

/** How people read the approvals' enums (CSV exports, mail): one table per enum, every value in it. */
export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = {
  EXTENSION: 'Extension',
  NEW_PROJECT: 'New project',
  REPORT_ENDORSEMENT: 'Report endorsement',
  REPROGRAMMING: 'Reprogramming',
};

export const DECISION_MODE_LABELS: Record<DecisionMode, string> = {
  IN_PLENARY: 'At a meeting of the body',
  BY_CHAIR: 'Through its chair, between meetings',
};

export const APPROVAL_OUTCOME_LABELS: Record<ApprovalOutcome, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  DEFERRED: 'Deferred',
};

export const APPROVAL_REQUEST_STATUS_LABELS: Record<ApprovalRequestStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
  WITHDRAWN: 'Withdrawn',
};
