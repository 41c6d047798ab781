import { dateInZone, nextReportMeeting, ReminderStage, reminderStage } from './report-reminder.rules';

describe('reminderStage', () => {
  it.each([
    ['2008-08-23', '2008-08-08', null],
    ['2008-08-23', '2008-08-09', ReminderStage.DUE_IN_14],
    ['2008-08-23', '2008-08-15', ReminderStage.DUE_IN_14],
    ['2008-08-23', '2008-08-16', ReminderStage.DUE_IN_7],
    ['2008-08-23', '2008-08-21', ReminderStage.DUE_IN_7],
    ['2008-08-23', '2008-08-22', ReminderStage.DUE_IN_1],
    ['2008-08-23', '2008-08-23', ReminderStage.DUE_IN_1],
    ['2008-08-23', '2008-08-24', ReminderStage.OVERDUE],
    ['2008-08-23', '2009-01-01', ReminderStage.OVERDUE],
  ])('due %s, today %s → %s', (dueOn, today, stage) => {
    expect(reminderStage(dueOn, today)).toBe(stage);
  });
});

describe('dateInZone', () => {
  it('counts the day where the meeting is', () => {
    const now = new Date('2008-08-09T03:00:00Z');
    expect(dateInZone(now, 'America/Lima')).toBe('2008-08-08');
    expect(dateInZone(now, 'Asia/Tokyo')).toBe('2008-08-09');
    expect(dateInZone(now, null)).toBe('2008-08-09');
  });
});

describe('nextReportMeeting', () => {
  const m = (id: string, number: number, startDate: string | null, status = 'PLANNED') => ({ id, number, startDate, timeZone: 'UTC', status });
  const now = new Date('2008-06-01T00:00:00Z');
  it.each([
    ['the next dated meeting', [m('37', 37, '2008-03-23', 'HELD'), m('38', 38, '2008-09-22')], '38'],
    ['a meeting without dates before the dated one ("date not set")', [m('38', 38, null), m('39', 39, '2009-04-01')], '38'],
    ['none when every meeting is held', [m('37', 37, '2008-03-23', 'HELD')], null],
    ['not a meeting whose start has passed', [m('38', 38, '2008-05-01'), m('39', 39, '2009-04-01')], '39'],
  ])('%s', (_what, meetings, expected) => {
    expect(nextReportMeeting(meetings, now)?.id ?? null).toBe(expected);
  });
});
