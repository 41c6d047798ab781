import { dueText, formatMoney, formatPartialDate, precisionNote, words } from './project-format';

describe('project values in words', () => {
  it('writes money with its qualifier, cents only when there are some', () => {
    expect(formatMoney({ amount: '400000.00', qualifier: 'AT_LEAST' })).toBe('at least US$400,000');
    expect(formatMoney({ amount: '55000.50', qualifier: 'EXACT' })).toBe('US$55,000.50');
    expect(formatMoney({ amount: '0.00', qualifier: 'EXACT' })).toBe('US$0');
    expect(formatMoney(null)).toBe('not given');
  });

  it('writes a date as precisely as it is known', () => {
    expect(formatPartialDate({ value: '2006-11', precision: 'MONTH' })).toBe('November 2006');
    expect(formatPartialDate({ value: '2009', precision: 'YEAR' })).toBe('2009');
    expect(formatPartialDate({ value: '2008-03-18', precision: 'DAY' })).toBe('18 March 2008');
    expect(precisionNote({ value: '2006-11', precision: 'MONTH' })).toBe('known to the month');
    expect(precisionNote({ value: '2008-03-18', precision: 'DAY' })).toBe('');
  });

  it('counts the days to a due date, and past it', () => {
    expect([dueText(10), dueText(1), dueText(0), dueText(-1), dueText(-3)]).toEqual(['due in 10 days', 'due in 1 day', 'due today', '1 day overdue', '3 days overdue']);
    expect(dueText(null)).toMatch(/no due date/);
  });

  it('names enum values in words', () => {
    expect([words('IN_PROGRESS'), words('NOT_APPLICABLE'), words('COMPLETED'), words(null)]).toEqual(['In progress', 'N.A.', 'Completed', 'not given']);
  });
});
