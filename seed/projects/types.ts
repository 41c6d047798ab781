/**
 * The shape of the projects seed: the TEL projects, progress reports and approval requests as the
 * TEL37 report leaves them. Like the TEL37 seed, every record carries `source` (where in the
 * report it comes from) and natural keys, so a second run changes nothing.
 */
import type { Source } from '../types';

export type FundingAccount = 'OPERATIONAL_ACCOUNT' | 'TILF_SPECIAL_ACCOUNT' | 'APEC_SUPPORT_FUND' | 'SELF_FUNDED';
export type ProjectStatus = 'PROPOSED' | 'APPROVED' | 'IN_PROGRESS' | 'COMPLETED' | 'CLOSED' | 'WITHDRAWN';
export type ProjectType = 'SEMINAR_SYMPOSIUM' | 'SHORT_TERM_TRAINING' | 'SURVEY_ANALYSIS_RESEARCH' | 'DATABASE_WEBSITE' | 'OTHER';
export type FormAnswer = 'YES' | 'NO' | 'NOT_APPLICABLE' | 'UNKNOWN';

export interface SeedMoney {
  amount: string; // canonical decimal, e.g. "400000.00"
  qualifier: 'EXACT' | 'AT_LEAST';
}

export interface SeedContact {
  postalAddress?: string;
  phone?: string;
  fax?: string;
  email?: string;
}

/** An agenda item by meeting, group and canonical number ("3.f"). */
export interface SeedAgendaItemRef {
  meetingCode: string;
  groupCode: string;
  number: string;
}

export interface SeedProject {
  key: string; // e.g. "spsg-3f"
  number?: string; // the report gives none
  title: string;
  forumCode: string; // TEL
  steeringGroupCode?: string;
  proposingEconomyCodes: string[];
  coSponsoringEconomyCodes?: string[];
  overseerPersonKey?: string;
  overseerContact?: SeedContact;
  fundingAccount?: FundingAccount;
  totalCost?: SeedMoney;
  apecFundingSought?: SeedMoney;
  projectType?: ProjectType;
  projectTypeOther?: string;
  startDate?: string; // partial: 2006-11
  endDate?: string;
  completionMeetingCode?: string;
  description: string; // our own summary
  status: ProjectStatus;
  agendaItems: SeedAgendaItemRef[];
  /** Canonical symbols; linked to the registered document when the documents seed has it. */
  documentSymbols?: string[];
  source: Source;
}

export interface SeedProgressReport {
  projectKey: string;
  meetingCode: string; // the reporting period
  status: 'DRAFT' | 'SUBMITTED' | 'RECEIVED' | 'ACCEPTED';
  fundingAccount?: FundingAccount;
  projectNumber?: string;
  committeeName?: string;
  projectTitle?: string;
  proposingEconomyCodes: string[];
  coSponsoringEconomyCodes: string[];
  overseerName?: string;
  overseerTitle?: string;
  overseerOrganization?: string;
  overseerSex?: 'FEMALE' | 'MALE';
  overseerContact?: SeedContact;
  totalCost?: SeedMoney;
  apecFundingSought?: SeedMoney;
  projectType?: ProjectType;
  projectTypeOther?: string;
  startDate?: string;
  endDate?: string;
  description?: string;
  onSchedule?: FormAnswer;
  withinBudget?: FormAnswer;
  objectivesResults?: string;
  linkagesMethodologyBudget?: string;
  genderImpactOnWomen?: string;
  genderWomenConsulted?: string;
  genderSexDisaggregatedData?: string;
  progressSinceLastReport?: string;
  overseerSignatureName?: string;
  overseerSignatureDate?: string;
  dateReceivedBySecretariat?: string;
  tabledAtMeetingCode?: string;
  documentSymbol?: string;
  source: Source;
}

export interface SeedDecision {
  outcome: 'APPROVED' | 'REJECTED' | 'DEFERRED';
  decidedOn?: string; // YYYY-MM-DD; absent where the report does not say
  meetingCode?: string;
  note?: string;
  source: Source;
}

export interface SeedApprovalStep {
  groupCode: string;
  mode: 'IN_PLENARY' | 'BY_CHAIR';
  /** Absent: still pending. */
  decision?: SeedDecision;
}

export interface SeedApprovalRequest {
  key: string;
  kind: 'EXTENSION' | 'NEW_PROJECT' | 'REPORT_ENDORSEMENT' | 'REPROGRAMMING';
  projectKey?: string;
  documentSymbol?: string;
  subject: string;
  reason?: string;
  requestedEndDate?: string;
  requestedCompletionMeetingCode?: string;
  filedOn?: string;
  steps: SeedApprovalStep[];
  source: Source;
}

export interface SeedProjectsDataSet {
  projects: SeedProject[];
  progressReports: SeedProgressReport[];
  approvalRequests: SeedApprovalRequest[];
}
