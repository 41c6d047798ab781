import { addDays, daysBetween } from '@tel/core';
import { daysUntilDue, nextDueMeeting, overdueReports, reportDueOn, upcomingReportMeeting } from './report-due.rules';

const TEL38 = { id: 'tel38', startDate: '2008-09-21' };
const TEL39 = { id: 'tel39', startDate: '2009-04-19' };

describe('report due dates', () => {
  it.each([
    ['2008-09-21', 30, '2008-08-22'],
    ['2008-03-23', 30, '2008-02-22'],
    ['2008-03-23', 0, '2008-03-23'],
    ['2009-03-01', 1, '2009-02-28'],
  ])('a meeting on %s with %i days → due %s', (start, days, due) => {
    expect(reportDueOn(start, days)).toBe(due);
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2008-02-28', '2008-03-01')).toBe(2);
    expect(daysBetween('2008-03-27', '2008-03-27')).toBe(0);
    expect(addDays('2008-12-31', 1)).toBe('2009-01-01');
  });

  it.each([
    ['2008-05-01', 'tel38'],
    ['2008-09-21', 'tel38'],
    ['2008-09-22', 'tel39'],
    ['2009-05-01', null],
  ])('on %s the next meeting is %s', (asOf, id) => {
    expect(nextDueMeeting([TEL39, TEL38], asOf)?.id ?? null).toBe(id);
  });

  const projects = [
    { id: 'running', status: 'IN_PROGRESS' },
    { id: 'reported', status: 'IN_PROGRESS' },
    { id: 'drafted', status: 'IN_PROGRESS' },
    { id: 'done', status: 'COMPLETED' },
    { id: 'proposed', status: 'PROPOSED' },
  ];
  const reports = [
    { projectId: 'reported', meetingId: 'tel38', status: 'SUBMITTED' },
    { projectId: 'drafted', meetingId: 'tel38', status: 'DRAFT' },
    { projectId: 'running', meetingId: 'tel37', status: 'ACCEPTED' },
  ];

  it.each([
    ['2008-08-22', []],
    [
      '2008-08-23',
      [
        ['running', 1],
        ['drafted', 1],
      ],
    ],
    [
      '2008-09-01',
      [
        ['running', 10],
        ['drafted', 10],
      ],
    ],
  ])('on %s lists in-progress projects without a submitted report for the meeting: %j', (asOf, expected) => {
    const rows = overdueReports({ asOf, daysBefore: 30, meeting: TEL38, projects, reports });
    expect(rows.map((r) => [r.projectId, r.daysOverdue])).toEqual(expected);
    for (const r of rows) expect(r).toMatchObject({ meetingId: 'tel38', dueOn: '2008-08-22' });
  });

  it('owes nothing without a next meeting', () => {
    expect(overdueReports({ asOf: '2030-01-01', daysBefore: 30, meeting: null, projects, reports })).toEqual([]);
  });
});

describe('the next report of a project', () => {
  const held = { id: 'tel37', number: 37, startDate: '2008-03-23', held: true };
  const tel38 = { id: 'tel38', number: 38, startDate: null, held: false };
  const tel39 = { id: 'tel39', number: 39, startDate: '2009-04-19', held: false };

  it('is for the first meeting not held, in number order, a meeting without a date counting as ahead', () => {
    expect(upcomingReportMeeting([tel39, held, tel38], '2008-04-01')?.id).toBe('tel38');
    expect(upcomingReportMeeting([tel39, held, { ...tel38, startDate: '2008-09-21' }], '2008-09-22')?.id).toBe('tel39');
    expect(upcomingReportMeeting([held], '2008-04-01')).toBeNull();
  });

  it('counts the days left, negative once overdue, and none without a date', () => {
    expect(daysUntilDue('2008-09-21', 30, '2008-08-12')).toEqual({ dueOn: '2008-08-22', daysLeft: 10 });
    expect(daysUntilDue('2008-09-21', 30, '2008-08-25')).toEqual({ dueOn: '2008-08-22', daysLeft: -3 });
    expect(daysUntilDue(null, 30, '2008-08-25')).toEqual({ dueOn: null, daysLeft: null });
  });
});
