import { FundingAccount, ProjectType } from '../projects/project.enums';
import { ProjectStatus } from '../projects/project-status.rules';
import { FormAnswer, ProgressReportStatus } from '../reports/progress-report.rules';
import { FORM_ANSWER_LABELS, formatMoney, FUNDING_ACCOUNT_LABELS, PROGRESS_REPORT_STATUS_LABELS, PROJECT_STATUS_LABELS, PROJECT_TYPE_LABELS } from './labels';
import { MoneyQualifier } from './money';

describe('project labels', () => {
  it.each([
    ['ProjectStatus', ProjectStatus, PROJECT_STATUS_LABELS],
    ['FundingAccount', FundingAccount, FUNDING_ACCOUNT_LABELS],
    ['ProjectType', ProjectType, PROJECT_TYPE_LABELS],
    ['ProgressReportStatus', ProgressReportStatus, PROGRESS_REPORT_STATUS_LABELS],
    ['FormAnswer', FormAnswer, FORM_ANSWER_LABELS],
  ] as [string, Record<string, string>, Record<string, string>][])('label every %s value once, never as a code', (_, values, labels) => {
    expect(Object.keys(labels).sort()).toEqual(Object.values(values).sort());
    const words = Object.values(labels);
    expect(new Set(words).size).toBe(words.length);
    for (const word of words) expect(word).not.toMatch(/_|^[A-Z]{2,}$/);
  });

  it('reads as a head of delegation reads them', () => {
    expect(PROJECT_STATUS_LABELS[ProjectStatus.IN_PROGRESS]).toBe('In progress');
    expect(FORM_ANSWER_LABELS[FormAnswer.NOT_APPLICABLE]).toBe('N.A.');
    expect(FUNDING_ACCOUNT_LABELS[FundingAccount.TILF_SPECIAL_ACCOUNT]).toBe('TILF Special Account');
  });

  it.each([
    [{ amount: '400000.00', qualifier: MoneyQualifier.AT_LEAST }, 'at least US$400,000.00'],
    [{ amount: '1234567.5', qualifier: MoneyQualifier.EXACT }, 'US$1,234,567.50'],
    [{ amount: '0', qualifier: MoneyQualifier.EXACT }, 'US$0.00'],
    [{ amount: '999.99', qualifier: MoneyQualifier.EXACT }, 'US$999.99'],
    [null, null],
  ])('formats %j as %j', (value, text) => {
    expect(formatMoney(value)).toBe(text);
  });
});
