import { formatZoned, isIsoDate, isValidTimeZone, toLocalWallTime } from './zoned-time';

describe('zoned time', () => {
  it.each([
    ['2008-03-26T14:00', 'Asia/Tokyo', '2008-03-26T14:00:00+09:00'],
    ['2008-03-26T09:00', 'America/Lima', '2008-03-26T09:00:00-05:00'],
    ['2024-07-01T10:30', 'America/New_York', '2024-07-01T10:30:00-04:00'],
    ['2024-01-01T10:30', 'America/New_York', '2024-01-01T10:30:00-05:00'],
    ['2024-01-01T10:30', 'Asia/Kolkata', '2024-01-01T10:30:00+05:30'],
    ['2024-01-01T00:00', 'UTC', '2024-01-01T00:00:00+00:00'],
  ])('formats %s in %s as %s', (local, zone, expected) => {
    expect(formatZoned(local, zone)).toBe(expected);
  });

  it.each([
    ['2008-03-26T14:00', '2008-03-26T14:00'],
    ['2008-03-26T14:00:00', '2008-03-26T14:00'],
    ['2008-03-26T14:00:00+09:00', '2008-03-26T14:00'],
    ['2008-03-26T05:00:00Z', '2008-03-26T14:00'],
    ['2008-03-26T06:00:00+01:00', '2008-03-26T14:00'],
  ])('reads %s in Asia/Tokyo as %s', (input, local) => {
    expect(toLocalWallTime(input, 'Asia/Tokyo')).toBe(local);
  });

  it.each(['', '2008-02-30T10:00', '2008-03-26 14:00', '2008-03-26T25:00', 'tomorrow', '2008-03-26T14:00+9'])('refuses %j', (input) => {
    expect(toLocalWallTime(input, 'Asia/Tokyo')).toBeNull();
  });

  it('knows IANA zones', () => {
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('checks calendar dates', () => {
    expect(isIsoDate('2008-03-23')).toBe(true);
    expect(isIsoDate('2008-02-30')).toBe(false);
    expect(isIsoDate('23/03/2008')).toBe(false);
  });
});
