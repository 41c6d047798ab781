import { waitingWords } from './waiting';

describe('waitingWords', () => {
  it.each<[number | null, string | null, string]>([
    [null, null, 'since a date not on record'],
    [null, '2008-03-27', 'since 27 March 2008'],
    [0, '2026-12-03', 'since today, 3 December 2026'],
    [1, '2026-12-02', '1 day, since 2 December 2026'],
    [59, '2026-10-05', '59 days, since 5 October 2026'],
    [60, '2026-10-04', '1 month, since 4 October 2026'],
    [400, '2025-10-29', '13 months, since 29 October 2025'],
    [730, '2024-12-03', '1 year, since 3 December 2024'],
    [6825, '2008-03-27', '18 years, since 27 March 2008'],
    [12, null, '12 days'],
  ])('%s days since %s: "%s"', (days, since, words) => {
    expect(waitingWords(days, since)).toBe(words);
  });
});
