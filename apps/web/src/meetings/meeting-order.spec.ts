import { newestFirst, nextAndLast } from './meeting-order';

const m = (code: string, startDate: string | null, endDate: string | null, status = 'HELD', number: number | null = null) => ({ code, startDate, endDate, status, number });

describe('meeting order', () => {
  const meetings = [
    m('TEL36', '2007-09-24', '2007-09-28'),
    m('TEL38', '2008-10-06', '2008-10-10', 'PLANNED'),
    m('TEL37', '2008-04-20', '2008-04-25'),
    m('TEL39', null, null, 'PLANNED', 39),
  ];

  it('lists newest first, undated last', () => {
    expect(newestFirst(meetings).map((x) => x.code)).toEqual(['TEL38', 'TEL37', 'TEL36', 'TEL39']);
  });

  it('finds the next and the last meeting around a day', () => {
    const { next, last } = nextAndLast(meetings, '2008-05-01');
    expect(next?.code).toBe('TEL38');
    expect(last?.code).toBe('TEL37');
    // During a meeting it is still the next one; the one before it is the last.
    expect(nextAndLast(meetings, '2008-04-22')).toMatchObject({ next: { code: 'TEL37' }, last: { code: 'TEL36' } });
  });

  it('takes the lowest number when no coming meeting has dates yet', () => {
    const undated = [m('TEL37', '2008-03-23', '2008-03-28'), m('TEL41', null, null, 'PLANNED', 41), m('TEL38', null, null, 'PLANNED', 38), m('TEL40', null, null, 'PLANNED', 40)];
    expect(nextAndLast(undated, '2026-12-02')).toMatchObject({ next: { code: 'TEL38' }, last: { code: 'TEL37' } });
  });
});
