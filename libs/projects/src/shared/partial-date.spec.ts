import { DatePrecision, parsePartialDate, partialDatesInOrder, partialDateSpan } from './partial-date';

describe('partial dates', () => {
  it.each([
    ['2006-11', DatePrecision.MONTH],
    ['2009', DatePrecision.YEAR],
    ['2008-03-18', DatePrecision.DAY],
    [' 2008-02-29 ', DatePrecision.DAY],
  ])('reads %j with precision %s', (input, precision) => {
    expect(parsePartialDate(input)).toEqual({ value: input.trim(), precision });
  });

  it.each(['', 'November 2006', '2006-13', '2006-00', '2007-02-29', '2006-11-31', '06-11', '2006/11', '1800', '2006-1', '2006-11-1'])('refuses %j', (input) => {
    expect(parsePartialDate(input)).toBeNull();
  });

  it.each([
    ['2006-11', '2006-11-01', '2006-11-30'],
    ['2008-02', '2008-02-01', '2008-02-29'],
    ['2009', '2009-01-01', '2009-12-31'],
    ['2008-03-18', '2008-03-18', '2008-03-18'],
  ])('spans %s from %s to %s', (value, first, last) => {
    expect(partialDateSpan(value)).toEqual({ first, last });
  });

  it.each([
    ['2006-11', '2009-10', true],
    ['2009-10', '2006-11', false],
    ['2008', '2008-05', true],
    ['2008-05-31', '2008-05', true],
    ['2008-06-01', '2008-05', false],
  ])('%s → %s in order: %s', (start, end, ok) => {
    expect(partialDatesInOrder(start, end)).toBe(ok);
  });
});
