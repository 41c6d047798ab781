import { addDays, daysBetween } from '@tel/core';

/**
 * When a progress report is owed. A project IN_PROGRESS reports before each meeting of its
 * steering group; steering groups meet at TEL meetings, so the meeting that counts is the next
 * TEL meeting with a start date. The report is due `daysBefore` days before that meeting starts
 * (REPORT_DUE_DAYS_BEFORE_MEETING) and overdue from the day after, until a report for that
 * meeting has been submitted.
 */

export interface DueMeeting {
  id: string;
  startDate: string; // YYYY-MM-DD
}

export interface DueProject {
  id: string;
  status: string;
}

export interface FiledReport {
  projectId: string;
  meetingId: string;
  status: string;
}

export interface OverdueEntry {
  projectId: string;
  meetingId: string;
  dueOn: string;
  daysOverdue: number;
}

export function reportDueOn(meetingStartDate: string, daysBefore: number): string {
  return addDays(meetingStartDate, -daysBefore);
}

/** The next meeting on or after `asOf` among those with a start date (earliest first). */
export function nextDueMeeting(meetings: DueMeeting[], asOf: string): DueMeeting | null {
  const ahead = meetings.filter((m) => m.startDate >= asOf).sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  return ahead[0] ?? null;
}

const COUNTS_AS_FILED = new Set(['SUBMITTED', 'RECEIVED', 'ACCEPTED']);

export function overdueReports(input: { asOf: string; daysBefore: number; meeting: DueMeeting | null; projects: DueProject[]; reports: FiledReport[] }): OverdueEntry[] {
  const { asOf, daysBefore, meeting } = input;
  if (!meeting) return [];
  const dueOn = reportDueOn(meeting.startDate, daysBefore);
  if (asOf <= dueOn) return [];
  const filed = new Set(input.reports.filter((r) => r.meetingId === meeting.id && COUNTS_AS_FILED.has(r.status)).map((r) => r.projectId));
  return input.projects
    .filter((p) => p.status === 'IN_PROGRESS' && !filed.has(p.id))
    .map((p) => ({ projectId: p.id, meetingId: meeting.id, dueOn, daysOverdue: daysBetween(dueOn, asOf) }));
}
