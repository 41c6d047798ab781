import { diffSnapshots, FieldChange } from '../shared/field-diff';
import { describeMoney, moneyFromColumns } from '../shared/money';

/**
 * Progress reports ("Progress Report on APEC Projects", Annex G2): what may happen to one, what
 * must be filled in before it is submitted, and what changed since the project's previous report.
 *
 * Lifecycle: DRAFT → SUBMITTED (an overseer of the project) → RECEIVED (the Secretariat stamps
 * the date received) → ACCEPTED. The Secretariat may return a SUBMITTED or RECEIVED report with a
 * comment: it goes back to DRAFT with `returnComment` set, and the return stays in its history.
 */

export enum ProgressReportStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RECEIVED = 'RECEIVED',
  ACCEPTED = 'ACCEPTED',
}

/** The form's yes/no boxes. UNKNOWN is for records whose source lost the answer (a tick that did not survive). */
export enum FormAnswer {
  YES = 'YES',
  NO = 'NO',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
  UNKNOWN = 'UNKNOWN',
}

export type ReportAction = 'edit' | 'submit' | 'receive' | 'accept' | 'return' | 'table';

const ALLOWED: Record<ReportAction, ProgressReportStatus[]> = {
  edit: [ProgressReportStatus.DRAFT],
  submit: [ProgressReportStatus.DRAFT],
  receive: [ProgressReportStatus.SUBMITTED],
  accept: [ProgressReportStatus.RECEIVED],
  return: [ProgressReportStatus.SUBMITTED, ProgressReportStatus.RECEIVED],
  table: [ProgressReportStatus.SUBMITTED, ProgressReportStatus.RECEIVED, ProgressReportStatus.ACCEPTED],
};

export function reportActionAllowed(action: ReportAction, status: ProgressReportStatus): boolean {
  return ALLOWED[action].includes(status);
}

export const REPORT_STATUS_AFTER: Partial<Record<ReportAction, ProgressReportStatus>> = {
  submit: ProgressReportStatus.SUBMITTED,
  receive: ProgressReportStatus.RECEIVED,
  accept: ProgressReportStatus.ACCEPTED,
  return: ProgressReportStatus.DRAFT,
};

/** The fields of the form, as plain values (the entity implements this). */
export interface ReportForm {
  fundingAccount: string | null;
  projectNumber: string | null;
  committeeName: string | null;
  projectTitle: string | null;
  proposingEconomyCodes: string[];
  coSponsoringEconomyCodes: string[];
  overseerName: string | null;
  overseerTitle: string | null;
  overseerOrganization: string | null;
  overseerSex: string | null;
  overseerPostalAddress: string | null;
  overseerPhone: string | null;
  overseerFax: string | null;
  overseerEmail: string | null;
  totalCostAmount: string | null;
  totalCostQualifier: string | null;
  apecFundingAmount: string | null;
  apecFundingQualifier: string | null;
  projectType: string | null;
  projectTypeOther: string | null;
  startDate: string | null;
  endDate: string | null;
  description: string | null;
  onSchedule: FormAnswer | null;
  withinBudget: FormAnswer | null;
  objectivesResults: string | null;
  linkagesMethodologyBudget: string | null;
  genderImpactOnWomen: string | null;
  genderWomenConsulted: string | null;
  genderSexDisaggregatedData: string | null;
  progressSinceLastReport: string | null;
  overseerSignatureName: string | null;
  overseerSignatureDate: string | null;
}

/** The form's fields by name (ReportForm's keys), for code that copies or compares them. */
export const REPORT_FORM_KEYS: (keyof ReportForm)[] = [
  'fundingAccount',
  'projectNumber',
  'committeeName',
  'projectTitle',
  'proposingEconomyCodes',
  'coSponsoringEconomyCodes',
  'overseerName',
  'overseerTitle',
  'overseerOrganization',
  'overseerSex',
  'overseerPostalAddress',
  'overseerPhone',
  'overseerFax',
  'overseerEmail',
  'totalCostAmount',
  'totalCostQualifier',
  'apecFundingAmount',
  'apecFundingQualifier',
  'projectType',
  'projectTypeOther',
  'startDate',
  'endDate',
  'description',
  'onSchedule',
  'withinBudget',
  'objectivesResults',
  'linkagesMethodologyBudget',
  'genderImpactOnWomen',
  'genderWomenConsulted',
  'genderSexDisaggregatedData',
  'progressSinceLastReport',
  'overseerSignatureName',
  'overseerSignatureDate',
];

/**
 * What an overseer must give before submitting: the two status boxes (answered — UNKNOWN is only
 * for old records) and the date of the overseer's signature. The form itself accepts a separate
 * written confirmation for e-mail submissions, so the signature name may stay empty.
 */
export function missingForSubmit(form: ReportForm): string[] {
  const missing: string[] = [];
  if (!form.onSchedule || form.onSchedule === FormAnswer.UNKNOWN) missing.push('onSchedule');
  if (!form.withinBudget || form.withinBudget === FormAnswer.UNKNOWN) missing.push('withinBudget');
  if (!form.overseerSignatureDate) missing.push('overseerSignatureDate');
  return missing;
}

/**
 * The form's fields compared between two reports, in the form's order. Signatures and the date
 * received differ on every report by nature and are left out.
 */
const COMPARED: [string, (f: ReportForm) => string | null][] = [
  ['fundingAccount', (f) => f.fundingAccount],
  ['projectNumber', (f) => f.projectNumber],
  ['committeeName', (f) => f.committeeName],
  ['projectTitle', (f) => f.projectTitle],
  ['proposingEconomies', (f) => f.proposingEconomyCodes.join(', ') || null],
  ['coSponsoringEconomies', (f) => f.coSponsoringEconomyCodes.join(', ') || null],
  ['overseerName', (f) => f.overseerName],
  ['overseerTitle', (f) => f.overseerTitle],
  ['overseerOrganization', (f) => f.overseerOrganization],
  ['overseerSex', (f) => f.overseerSex],
  ['overseerPostalAddress', (f) => f.overseerPostalAddress],
  ['overseerPhone', (f) => f.overseerPhone],
  ['overseerFax', (f) => f.overseerFax],
  ['overseerEmail', (f) => f.overseerEmail],
  ['totalCost', (f) => describeMoney(moneyFromColumns(f.totalCostAmount, f.totalCostQualifier))],
  ['apecFundingSought', (f) => describeMoney(moneyFromColumns(f.apecFundingAmount, f.apecFundingQualifier))],
  ['projectType', (f) => f.projectType],
  ['projectTypeOther', (f) => f.projectTypeOther],
  ['startDate', (f) => f.startDate],
  ['endDate', (f) => f.endDate],
  ['description', (f) => f.description],
  ['onSchedule', (f) => f.onSchedule],
  ['withinBudget', (f) => f.withinBudget],
  ['objectivesResults', (f) => f.objectivesResults],
  ['linkagesMethodologyBudget', (f) => f.linkagesMethodologyBudget],
  ['genderImpactOnWomen', (f) => f.genderImpactOnWomen],
  ['genderWomenConsulted', (f) => f.genderWomenConsulted],
  ['genderSexDisaggregatedData', (f) => f.genderSexDisaggregatedData],
  ['progressSinceLastReport', (f) => f.progressSinceLastReport],
];

export const COMPARED_REPORT_FIELDS = COMPARED.map(([field]) => field);

/** Field by field, what differs from `before` to `after` (in the form's order); empty when nothing does. */
export function diffReports(before: ReportForm, after: ReportForm): FieldChange[] {
  return diffSnapshots(reportSnapshot(before), reportSnapshot(after), COMPARED_REPORT_FIELDS);
}

/** The compared fields rendered as text (money as "at least 400000.00 USD", economies as "CT, THA"). */
export function reportSnapshot(form: ReportForm): Record<string, string | null> {
  return Object.fromEntries(COMPARED.map(([field, read]) => [field, read(form)]));
}

/** A reporting period is the TEL meeting the report is due for; earlier periods sort first. */
export interface Period {
  meetingNumber: number | null;
  meetingStartDate: string | null;
  createdAt: number;
}

export function comparePeriods(a: Period, b: Period): number {
  if (a.meetingNumber !== null && b.meetingNumber !== null && a.meetingNumber !== b.meetingNumber) return a.meetingNumber - b.meetingNumber;
  if (a.meetingStartDate && b.meetingStartDate && a.meetingStartDate !== b.meetingStartDate) return a.meetingStartDate < b.meetingStartDate ? -1 : 1;
  return a.createdAt - b.createdAt;
}

/**
 * What a new draft takes from the project's previous report: the overseer's answers, so they start
 * from what they said last time and change what moved on. The header comes from the register
 * (the Secretariat keeps it current); "progress since last report" is new by nature and starts
 * empty; signatures are given anew.
 */
export const CARRIED_OVER_KEYS = [
  'overseerSex',
  'onSchedule',
  'withinBudget',
  'objectivesResults',
  'linkagesMethodologyBudget',
  'genderImpactOnWomen',
  'genderWomenConsulted',
  'genderSexDisaggregatedData',
] as const satisfies readonly (keyof ReportForm)[];

export type CarriedOverKey = (typeof CARRIED_OVER_KEYS)[number];

/** The previous report's answers to copy into a new draft (only those it gave; UNKNOWN answers are not carried). */
export function carryOver(previous: ReportForm): Partial<Pick<ReportForm, CarriedOverKey>> {
  const carried: Partial<Record<CarriedOverKey, unknown>> = {};
  for (const key of CARRIED_OVER_KEYS) {
    const value = previous[key];
    if (value !== null && value !== (FormAnswer.UNKNOWN as string)) carried[key] = value;
  }
  return carried as Partial<Pick<ReportForm, CarriedOverKey>>;
}

/** The carried-over fields of a draft that still say what the previous report said (so the overseer sees what to review). */
export function stillCarriedOver(previous: ReportForm, draft: ReportForm): CarriedOverKey[] {
  return CARRIED_OVER_KEYS.filter((key) => draft[key] !== null && draft[key] !== (FormAnswer.UNKNOWN as string) && draft[key] === previous[key]);
}
