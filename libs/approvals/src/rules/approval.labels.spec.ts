import { ApprovalOutcome, ApprovalRequestStatus, DecisionMode } from './approval-chain.rules';
import { APPROVAL_KIND_LABELS, APPROVAL_OUTCOME_LABELS, APPROVAL_REQUEST_STATUS_LABELS, DECISION_MODE_LABELS } from './approval.labels';
import { ApprovalKind } from './chain-templates';

describe('approval labels', () => {
  it.each([
    ['ApprovalKind', ApprovalKind, APPROVAL_KIND_LABELS],
    ['DecisionMode', DecisionMode, DECISION_MODE_LABELS],
    ['ApprovalOutcome', ApprovalOutcome, APPROVAL_OUTCOME_LABELS],
    ['ApprovalRequestStatus', ApprovalRequestStatus, APPROVAL_REQUEST_STATUS_LABELS],
  ] as [string, Record<string, string>, Record<string, string>][])('label every %s value once, in words', (_, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(values).sort());
    const words = Object.values(labels);
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(word).toMatch(/^[A-Z][a-z]+[a-z ,]*$/);
  });

  it('reads as a head of delegation reads them', () => {
    expect(APPROVAL_KIND_LABELS[ApprovalKind.EXTENSION]).toBe('Extension');
    expect(DECISION_MODE_LABELS[DecisionMode.BY_CHAIR]).toBe('Through its chair, between meetings');
  });
});
