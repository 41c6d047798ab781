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

export interface UpcomingMeeting {
  id: string;
  number: number | null;
  startDate: string | null;
  held: boolean;
}

/**
 * The meeting a project's next report is for: the first of its forum's meetings not yet held
 * that has not started by `asOf` (a meeting with no date yet counts as ahead). Meetings are taken
 * in number order (TEL38 before TEL39), then by date.
 */
export function upcomingReportMeeting<M extends UpcomingMeeting>(meetings: M[], asOf: string): M | null {
  const ahead = meetings.filter((m) => !m.held && (m.startDate === null || m.startDate >= asOf));
  ahead.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999'));
  return ahead[0] ?? null;
}

/** Days from `asOf` to the due date: positive while time is left, negative once overdue; null without a date. */
export function daysUntilDue(meetingStartDate: string | null, daysBefore: number, asOf: string): { dueOn: string | null; daysLeft: number | null } {
  if (!meetingStartDate) return { dueOn: null, daysLeft: null };
  const dueOn = reportDueOn(meetingStartDate, daysBefore);
  return { dueOn, daysLeft: daysBetween(asOf, dueOn) };
}
