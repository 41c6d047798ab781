import { formatInstant } from './format-instant';

describe('formatInstant', () => {
  it('names the day, the time and the zone', () => {
    expect(formatInstant('2008-03-26T05:00:00Z', 'Asia/Tokyo')).toBe('26 March 2008 at 14:00 GMT+9');
    expect(formatInstant('2008-03-26T05:00:00Z', 'UTC')).toBe('26 March 2008 at 05:00 UTC');
  });
  it('gives back what it cannot read', () => {
    expect(formatInstant('not a date')).toBe('not a date');
  });
});
