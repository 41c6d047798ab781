import { FundingAccount, ProjectType } from '../projects/project.enums';
import { ProjectStatus } from '../projects/project-status.rules';
import { FormAnswer, ProgressReportStatus } from '../reports/progress-report.rules';
import { MoneyQualifier, MoneyValue } from './money';

/** How people read the projects' enums (CSV exports, mail): one table per enum, every value in it. */
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  PROPOSED: 'Proposed',
  APPROVED: 'Approved',
  IN_PROGRESS: 'In progress',
  COMPLETED: 'Completed',
  CLOSED: 'Closed',
  WITHDRAWN: 'Withdrawn',
};

export const FUNDING_ACCOUNT_LABELS: Record<FundingAccount, string> = {
  OPERATIONAL_ACCOUNT: 'Operational Account',
  TILF_SPECIAL_ACCOUNT: 'TILF Special Account',
  APEC_SUPPORT_FUND: 'APEC Support Fund',
  SELF_FUNDED: 'Self-funded',
};

export const PROJECT_TYPE_LABELS: Record<ProjectType, string> = {
  SEMINAR_SYMPOSIUM: 'Seminar / symposium',
  SHORT_TERM_TRAINING: 'Short-term training course',
  SURVEY_ANALYSIS_RESEARCH: 'Survey or analysis and research',
  DATABASE_WEBSITE: 'Database / website',
  OTHER: 'Others',
};

export const PROGRESS_REPORT_STATUS_LABELS: Record<ProgressReportStatus, string> = {
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  RECEIVED: 'Received',
  ACCEPTED: 'Accepted',
};

/** The form's boxes: "N.A." as the APEC form prints it. */
export const FORM_ANSWER_LABELS: Record<FormAnswer, string> = {
  YES: 'Yes',
  NO: 'No',
  NOT_APPLICABLE: 'N.A.',
  UNKNOWN: 'Unknown',
};

/** A sum as a head of delegation reads it: `US$400,000.00`, `at least US$400,000.00`; null stays null. */
export function formatMoney(value: MoneyValue | null): string | null {
  if (!value) return null;
  const [whole, cents = '00'] = value.amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value.qualifier === MoneyQualifier.AT_LEAST ? 'at least ' : ''}US$${grouped}.${cents.padEnd(2, '0')}`;
}
