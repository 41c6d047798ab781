import { dayInZone, formatBytes, formatDate, formatDateRange, formatTimeRange, humanize } from './time';

describe('time formatting', () => {
  it('shows a session in the meeting zone, with the zone', () => {
    // 01:00 UTC is 09:00 in Taipei, on the same day; 17:00 UTC is already the next day there.
    expect(formatTimeRange('2008-04-21T01:00:00.000Z', '2008-04-21T02:30:00.000Z', 'Asia/Taipei')).toBe('09:00–10:30 GMT+8');
    expect(dayInZone('2008-04-21T17:00:00.000Z', 'Asia/Taipei')).toBe('2008-04-22');
    expect(dayInZone('2008-04-21T17:00:00.000Z', 'UTC')).toBe('2008-04-21');
  });

  it('falls back to UTC, saying so, for a missing or unknown zone', () => {
    expect(formatTimeRange('2008-04-21T01:00:00Z', '2008-04-21T02:00:00Z', null)).toBe('01:00–02:00 UTC');
    expect(formatTimeRange('2008-04-21T01:00:00Z', '2008-04-21T02:00:00Z', 'Not/AZone')).toBe('01:00–02:00 UTC');
  });

  it('writes calendar dates without shifting them', () => {
    expect(formatDate('2008-04-21')).toBe('21 April 2008');
    expect(formatDateRange('2008-04-20', '2008-04-25')).toBe('20 April 2008 – 25 April 2008');
    expect(formatDateRange(null, null)).toBe('dates not set');
  });

  it('writes sizes and enum values for people', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(humanize('INFORMATION_PAPER')).toBe('Information paper');
  });
});
