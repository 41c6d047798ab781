import { daysBetween } from '@tel/core';

/** Reminders of a report due: 14, 7 and 1 days before its due date, and once it is overdue. */
export enum ReminderStage {
  DUE_IN_14 = 'DUE_IN_14',
  DUE_IN_7 = 'DUE_IN_7',
  DUE_IN_1 = 'DUE_IN_1',
  OVERDUE = 'OVERDUE',
}

/**
 * The reminder owed on `today` for a report due on `dueOn` (both YYYY-MM-DD, in the meeting's zone).
 * The latest stage reached: a pass that did not run for days sends the stage it finds, not every
 * stage it missed; each stage is sent once (the caller's dedupe key carries it).
 */
export function reminderStage(dueOn: string, today: string): ReminderStage | null {
  const days = daysBetween(today, dueOn);
  if (days < 0) return ReminderStage.OVERDUE;
  if (days <= 1) return ReminderStage.DUE_IN_1;
  if (days <= 7) return ReminderStage.DUE_IN_7;
  if (days <= 14) return ReminderStage.DUE_IN_14;
  return null;
}

/** The calendar date at `now` in an IANA zone (UTC when the meeting has none yet). */
export function dateInZone(now: Date, zone: string | null): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export interface DeadlineMeeting {
  id: string;
  number: number | null;
  startDate: string | null;
  timeZone: string | null;
  status: string;
}

/**
 * The meeting a project's next report is for: the next meeting of its forum not yet held. A
 * planned meeting without dates that comes before the next dated one (or when none is dated) is
 * the one — its report is "due: date not set", not invisible.
 */
export function nextReportMeeting(meetings: DeadlineMeeting[], now: Date): DeadlineMeeting | null {
  const open = meetings.filter((m) => m.status !== 'HELD').sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity));
  for (const m of open) {
    if (!m.startDate) return m;
    if (m.startDate >= dateInZone(now, m.timeZone)) return m;
  }
  return null;
}

export function reminderTitle(stage: ReminderStage, projectTitle: string): string {
  switch (stage) {
    case ReminderStage.DUE_IN_14:
      return `Progress report due in 14 days: ${projectTitle}`;
    case ReminderStage.DUE_IN_7:
      return `Progress report due in 7 days: ${projectTitle}`;
    case ReminderStage.DUE_IN_1:
      return `Progress report due tomorrow: ${projectTitle}`;
    case ReminderStage.OVERDUE:
      return `Progress report overdue: ${projectTitle}`;
  }
}
