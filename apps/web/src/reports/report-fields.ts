import { formatMoney, formatPartialDate, words } from '../projects/project-format';

/**
 * The fields of "Progress Report on APEC Projects" (APEC's Annex G2 form) by their API names, with
 * the form's own words, so the form, the diff and the history all say the same thing.
 */
export const FIELD_LABELS: Record<string, string> = {
  fundingAccount: 'Account',
  projectNumber: 'Project number',
  number: 'Project number',
  dateReceivedBySecretariat: 'Date received by Secretariat',
  committeeName: 'Name of Committee / Working Group',
  projectTitle: 'Title of project',
  title: 'Title of project',
  proposingEconomies: 'Proposing APEC economy',
  proposingEconomyCodes: 'Proposing APEC economy',
  coSponsoringEconomies: 'Co-sponsoring economies',
  coSponsoringEconomyCodes: 'Co-sponsoring economies',
  overseer: 'Project overseer',
  overseerName: 'Project overseer: name',
  overseerTitle: 'Project overseer: title',
  overseerOrganization: 'Project overseer: organization',
  overseerSex: 'Project overseer: M/F',
  overseerPostalAddress: 'Postal address',
  overseerPhone: 'Tel',
  overseerFax: 'Fax',
  overseerEmail: 'Email',
  overseerContact: 'Contact details',
  totalCost: 'Total cost of proposal (US$)',
  apecFundingSought: 'Amount sought from APEC central fund (US$)',
  projectType: 'Type of project',
  projectTypeOther: 'Type of project: others (specify)',
  startDate: 'Project start date',
  endDate: 'Project end date',
  description: 'Brief description of project',
  overseerSignatureName: 'Signature of project overseer',
  overseerSignatureDate: 'Date signed',
  onSchedule: 'Is the project on schedule?',
  withinBudget: 'Is the project within budget?',
  objectivesResults: 'Objectives: results so far against the expected results',
  linkagesMethodologyBudget: 'Linkages, methodology, budget: problems, how they were resolved, changes',
  genderImpactOnWomen: 'Gender: impact of the project on women to date',
  genderWomenConsulted: 'Gender: how women were consulted on its delivery',
  genderSexDisaggregatedData: 'Gender: sex-disaggregated data collected',
  progressSinceLastReport: 'Progress since last report',
  forum: 'Forum',
  steeringGroup: 'Steering group',
  completionMeeting: 'Completion by meeting',
  status: 'Status',
  documents: 'Documents',
  agendaItems: 'Agenda items',
  overseerAccounts: 'Overseer accounts',
  documentSymbol: 'Document symbol',
  comment: 'Comment',
};

/** The form's words for a field; a name we do not know is spelt out ("someField" → "Some field"). */
export function fieldLabel(field: string): string {
  const name = field.replace(/^input\./, '');
  if (FIELD_LABELS[name]) return FIELD_LABELS[name];
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

const ENUM_FIELDS = new Set(['fundingAccount', 'overseerSex', 'projectType', 'onSchedule', 'withinBudget']);

/** A compared value as the page writes it elsewhere: enums in words, money as US$, dates with their precision. */
export function diffValue(field: string, value: string): string {
  if (ENUM_FIELDS.has(field)) return field === 'overseerSex' ? (value === 'MALE' ? 'M' : 'F') : words(value);
  if (field === 'totalCost' || field === 'apecFundingSought') {
    const m = /^(at least )?([\d.]+) USD$/.exec(value);
    return m ? formatMoney({ amount: m[2], qualifier: m[1] ? 'AT_LEAST' : 'EXACT' }) : value;
  }
  if (field === 'startDate' || field === 'endDate') {
    const precision = value.length === 4 ? 'YEAR' : value.length === 7 ? 'MONTH' : 'DAY';
    return formatPartialDate({ value, precision });
  }
  return value;
}
