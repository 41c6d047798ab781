import { formatDate, humanize } from '../shared/time';

/** How the register writes its values: money with its qualifier, dates with their precision, due dates in days. */

export interface MoneyValue {
  amount: string;
  qualifier: string;
}

/** "US$400,000" or "at least US$400,000" (cents only when there are some). */
export function formatMoney(money: MoneyValue | null | undefined): string {
  if (!money) return 'not given';
  const [whole, cents] = money.amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `US$${grouped}${cents && cents !== '00' ? `.${cents}` : ''}`;
  return money.qualifier === 'AT_LEAST' ? `at least ${text}` : text;
}

export interface PartialDateValue {
  value: string;
  precision: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "November 2006" (known to the month), "2009" (to the year), "18 March 2008" (to the day). */
export function formatPartialDate(date: PartialDateValue | null | undefined): string {
  if (!date) return 'not given';
  const [y, m] = date.value.split('-');
  if (date.precision === 'YEAR') return y;
  if (date.precision === 'MONTH') return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
  return formatDate(date.value);
}

/** "(known to the month)" — said beside a date so a reader does not take the 1st for a real day. */
export function precisionNote(date: PartialDateValue | null | undefined): string {
  if (!date || date.precision === 'DAY') return '';
  return `known to the ${date.precision.toLowerCase()}`;
}

/** "due in 10 days", "due today", "3 days overdue", "no due date yet". */
export function dueText(daysLeft: number | null | undefined): string {
  if (daysLeft === null || daysLeft === undefined) return 'no due date yet (the meeting has no date)';
  if (daysLeft === 0) return 'due today';
  if (daysLeft > 0) return `due in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  return `${-daysLeft} day${daysLeft === -1 ? '' : 's'} overdue`;
}

const ENUM_WORDS: Record<string, string> = {
  IN_PROGRESS: 'In progress',
  NOT_APPLICABLE: 'N.A.',
  TILF_SPECIAL_ACCOUNT: 'TILF Special Account',
  APEC_SUPPORT_FUND: 'APEC Support Fund',
  OPERATIONAL_ACCOUNT: 'Operational Account',
  SELF_FUNDED: 'Self-funded',
  IN_PLENARY: 'At a meeting of the body',
  BY_CHAIR: 'Through its chair, between meetings',
  SEMINAR_SYMPOSIUM: 'Seminar / symposium',
  SHORT_TERM_TRAINING: 'Short-term training course',
  SURVEY_ANALYSIS_RESEARCH: 'Survey or analysis and research',
  DATABASE_WEBSITE: 'Database / website',
  OTHER: 'Others',
};

/** An enum value in words ("IN_PROGRESS" → "In progress", "TILF_SPECIAL_ACCOUNT" → "TILF Special Account"). */
export function words(value: string | null | undefined): string {
  if (!value) return 'not given';
  return ENUM_WORDS[value] ?? humanize(value);
}
