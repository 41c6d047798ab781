import { isIsoDate, isValidTimeZone } from '@tel/core';

export interface MeetingFields {
  code: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  timeZone: string | null;
}

export const MEETING_CODE = /^[A-Z][A-Z0-9-]{1,19}$/;

/** Problems with a meeting's fields, as field → message; empty when it is valid. */
export function meetingProblems(m: MeetingFields): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!MEETING_CODE.test(m.code)) problems.code = 'code must be upper-case letters and digits, starting with a letter (e.g. TEL42)';
  if (!m.title.trim()) problems.title = 'title must not be empty';
  if (m.startDate !== null && !isIsoDate(m.startDate)) problems.startDate = 'startDate must be a date written YYYY-MM-DD';
  if (m.endDate !== null && !isIsoDate(m.endDate)) problems.endDate = 'endDate must be a date written YYYY-MM-DD';
  if (m.startDate && m.endDate && isIsoDate(m.startDate) && isIsoDate(m.endDate) && m.endDate < m.startDate) {
    problems.endDate = 'endDate is before startDate';
  }
  if ((m.startDate === null) !== (m.endDate === null)) problems.endDate ??= 'give both startDate and endDate, or neither';
  if (m.timeZone !== null && !isValidTimeZone(m.timeZone)) problems.timeZone = `unknown time zone "${m.timeZone}" (use an IANA name such as Asia/Tokyo)`;
  return problems;
}
