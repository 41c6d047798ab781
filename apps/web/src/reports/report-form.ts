import type { FormAnswer, FundingAccount, MoneyQualifier, OverseerSex, ProjectType, ReportFormFieldsFragment, UpdateProgressReportInput } from '../gql/graphql';

/**
 * The progress-report form's state (every field as the person typed it), its conversion to and
 * from the API, and the checks made before saving and before submitting. The server checks again
 * and names the field it refuses; `fieldOfServerError` puts that error beside the same input.
 */
export interface ReportFormState {
  fundingAccount: string;
  projectNumber: string;
  committeeName: string;
  projectTitle: string;
  proposingEconomyCodes: string[];
  coSponsoringEconomyCodes: string[];
  overseerName: string;
  overseerTitle: string;
  overseerOrganization: string;
  overseerSex: string;
  postalAddress: string;
  phone: string;
  fax: string;
  email: string;
  totalCostAmount: string;
  totalCostAtLeast: boolean;
  apecFundingAmount: string;
  apecFundingAtLeast: boolean;
  projectType: string;
  projectTypeOther: string;
  startDate: string;
  endDate: string;
  description: string;
  overseerSignatureName: string;
  overseerSignatureDate: string;
  onSchedule: string;
  withinBudget: string;
  objectivesResults: string;
  linkagesMethodologyBudget: string;
  genderImpactOnWomen: string;
  genderWomenConsulted: string;
  genderSexDisaggregatedData: string;
  progressSinceLastReport: string;
}

export type FormField = keyof ReportFormState;

export interface FieldError {
  field: FormField;
  message: string;
}

/** Money as the form shows it: "400000.00" → "400,000" (cents only when there are some). */
function moneyText(amount: string | undefined): string {
  if (!amount) return '';
  const [whole, cents] = amount.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${cents && cents !== '00' ? `.${cents}` : ''}`;
}

export function formFromReport(r: ReportFormFieldsFragment): ReportFormState {
  return {
    fundingAccount: r.fundingAccount ?? '',
    projectNumber: r.projectNumber ?? '',
    committeeName: r.committeeName ?? '',
    projectTitle: r.projectTitle ?? '',
    proposingEconomyCodes: r.proposingEconomies.map((e) => e.code),
    coSponsoringEconomyCodes: r.coSponsoringEconomies.map((e) => e.code),
    overseerName: r.overseerName ?? '',
    overseerTitle: r.overseerTitle ?? '',
    overseerOrganization: r.overseerOrganization ?? '',
    overseerSex: r.overseerSex ?? '',
    postalAddress: r.overseerContact.postalAddress ?? '',
    phone: r.overseerContact.phone ?? '',
    fax: r.overseerContact.fax ?? '',
    email: r.overseerContact.email ?? '',
    totalCostAmount: moneyText(r.totalCost?.amount),
    totalCostAtLeast: r.totalCost?.qualifier === 'AT_LEAST',
    apecFundingAmount: moneyText(r.apecFundingSought?.amount),
    apecFundingAtLeast: r.apecFundingSought?.qualifier === 'AT_LEAST',
    projectType: r.projectType ?? '',
    projectTypeOther: r.projectTypeOther ?? '',
    startDate: r.startDate?.value ?? '',
    endDate: r.endDate?.value ?? '',
    description: r.description ?? '',
    overseerSignatureName: r.overseerSignatureName ?? '',
    overseerSignatureDate: r.overseerSignatureDate ?? '',
    onSchedule: r.onSchedule ?? '',
    withinBudget: r.withinBudget ?? '',
    objectivesResults: r.objectivesResults ?? '',
    linkagesMethodologyBudget: r.linkagesMethodologyBudget ?? '',
    genderImpactOnWomen: r.genderImpactOnWomen ?? '',
    genderWomenConsulted: r.genderWomenConsulted ?? '',
    genderSexDisaggregatedData: r.genderSexDisaggregatedData ?? '',
    progressSinceLastReport: r.progressSinceLastReport ?? '',
  };
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

function money(amount: string, atLeast: boolean): { amount: string; qualifier: MoneyQualifier } | null {
  const text = amount.trim();
  return text ? { amount: text, qualifier: atLeast ? 'AT_LEAST' : 'EXACT' } : null;
}

/** Every field of the form, for updateProgressReport (empty means cleared). */
export function inputFromForm(id: string, version: number, s: ReportFormState): UpdateProgressReportInput {
  return {
    id,
    expectedVersion: version,
    fundingAccount: (s.fundingAccount || null) as FundingAccount | null,
    projectNumber: orNull(s.projectNumber),
    committeeName: orNull(s.committeeName),
    projectTitle: orNull(s.projectTitle),
    proposingEconomyCodes: s.proposingEconomyCodes,
    coSponsoringEconomyCodes: s.coSponsoringEconomyCodes,
    overseerName: orNull(s.overseerName),
    overseerTitle: orNull(s.overseerTitle),
    overseerOrganization: orNull(s.overseerOrganization),
    overseerSex: (s.overseerSex || null) as OverseerSex | null,
    overseerContact: { postalAddress: orNull(s.postalAddress), phone: orNull(s.phone), fax: orNull(s.fax), email: orNull(s.email) },
    totalCost: money(s.totalCostAmount, s.totalCostAtLeast),
    apecFundingSought: money(s.apecFundingAmount, s.apecFundingAtLeast),
    projectType: (s.projectType || null) as ProjectType | null,
    projectTypeOther: orNull(s.projectTypeOther),
    startDate: orNull(s.startDate),
    endDate: orNull(s.endDate),
    description: orNull(s.description),
    overseerSignatureName: orNull(s.overseerSignatureName),
    overseerSignatureDate: orNull(s.overseerSignatureDate),
    onSchedule: (s.onSchedule || null) as FormAnswer | null,
    withinBudget: (s.withinBudget || null) as FormAnswer | null,
    objectivesResults: orNull(s.objectivesResults),
    linkagesMethodologyBudget: orNull(s.linkagesMethodologyBudget),
    genderImpactOnWomen: orNull(s.genderImpactOnWomen),
    genderWomenConsulted: orNull(s.genderWomenConsulted),
    genderSexDisaggregatedData: orNull(s.genderSexDisaggregatedData),
    progressSinceLastReport: orNull(s.progressSinceLastReport),
  };
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONEY = /^(\d+|\d{1,3}(,\d{3})+)(\.\d{1,2})?$/;

function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isPartialDate(text: string): boolean {
  const m = PARTIAL_DATE.exec(text.trim());
  if (!m) return false;
  if (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 12)) return false;
  return !m[3] || realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isDay(text: string): boolean {
  const m = DAY.exec(text.trim());
  return !!m && realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The last day a partial date may mean, and the first ("2006-11" → 2006-11-30, 2006-11-01). */
function span(text: string): [string, string] {
  const [y, m, d] = text.split('-');
  if (d) return [text, text];
  if (m) return [`${y}-${m}-01`, `${y}-${m}-31`];
  return [`${y}-01-01`, `${y}-12-31`];
}

/** What is wrong with the form, in the form's order. `forSubmit` adds what a submitted report must say. */
export function validateReport(s: ReportFormState, forSubmit: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (forSubmit && (!s.onSchedule || s.onSchedule === 'UNKNOWN')) errors.push({ field: 'onSchedule', message: 'Say whether the project is on schedule' });
  if (forSubmit && (!s.withinBudget || s.withinBudget === 'UNKNOWN')) errors.push({ field: 'withinBudget', message: 'Say whether the project is within budget' });
  if (s.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.email.trim())) errors.push({ field: 'email', message: 'Enter the email address like name@example.org' });
  if (s.totalCostAmount.trim() && !MONEY.test(s.totalCostAmount.trim()))
    errors.push({ field: 'totalCostAmount', message: 'Enter the total cost in US dollars, like 400000 or 400,000.00' });
  if (s.apecFundingAmount.trim() && !MONEY.test(s.apecFundingAmount.trim()))
    errors.push({ field: 'apecFundingAmount', message: 'Enter the amount sought in US dollars, like 0 or 150,000.00' });
  if (s.projectType === 'OTHER' && forSubmit && !s.projectTypeOther.trim()) errors.push({ field: 'projectTypeOther', message: 'Say what other type of project it is' });
  const startOk = !s.startDate.trim() || isPartialDate(s.startDate);
  const endOk = !s.endDate.trim() || isPartialDate(s.endDate);
  if (!startOk) errors.push({ field: 'startDate', message: 'Enter the start date as a year, a month or a day, like 2006, 2006-11 or 2006-11-15' });
  if (!endOk) errors.push({ field: 'endDate', message: 'Enter the end date as a year, a month or a day, like 2009, 2009-10 or 2009-10-31' });
  if (startOk && endOk && s.startDate.trim() && s.endDate.trim() && span(s.endDate.trim())[1] < span(s.startDate.trim())[0])
    errors.push({ field: 'endDate', message: 'The end date must be the same as or after the start date' });
  if (s.overseerSignatureDate.trim() && !isDay(s.overseerSignatureDate))
    errors.push({ field: 'overseerSignatureDate', message: 'Enter the date signed as a day, like 2008-03-18' });
  else if (forSubmit && !s.overseerSignatureDate.trim()) errors.push({ field: 'overseerSignatureDate', message: 'Enter the date you signed the report' });
  return errors;
}

const SERVER_FIELDS: Record<string, FormField> = {
  totalCost: 'totalCostAmount',
  apecFundingSought: 'apecFundingAmount',
  overseerContact: 'email',
  'overseerContact.email': 'email',
  'overseerContact.phone': 'phone',
  'overseerContact.fax': 'fax',
  'overseerContact.postalAddress': 'postalAddress',
};

/** The form's field for a field the server named ("input.totalCost" → totalCostAmount); null when it is not one of the form's. */
export function formFieldOf(serverField: string | undefined, state: ReportFormState): FormField | null {
  if (!serverField) return null;
  const name = serverField.replace(/^input\./, '').replace(/\.\d+$/, '');
  if (SERVER_FIELDS[name]) return SERVER_FIELDS[name];
  return name in state ? (name as FormField) : null;
}
