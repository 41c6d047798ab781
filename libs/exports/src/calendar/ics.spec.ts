import { checkIcs } from '../testing/ics-rules';
import { deadlinesCalendar, IcsMeeting, meetingsCalendar } from './ics';

const updatedAt = new Date('2026-01-02T03:04:05.678Z');

function meeting(overrides: Partial<IcsMeeting> = {}): IcsMeeting {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    code: 'TEL37',
    title: 'The 37th APEC TEL Meeting',
    city: 'Tokyo',
    venue: 'Keio Plaza Hotel',
    venueLocalName: '京王飯店',
    startDate: '2008-03-23',
    endDate: '2008-03-28',
    timeZone: 'Asia/Tokyo',
    updatedAt,
    url: 'http://example.test/meetings/TEL37',
    sessions: [
      {
        id: '22222222-2222-4222-8222-222222222222',
        title: 'SPSG meeting; day 1, with "quotes", a backslash \\ and a very long title that must be folded over several lines of the file',
        startsAt: '2008-03-26T14:00',
        endsAt: '2008-03-26T17:00',
        tentative: false,
        timeIsConventional: false,
        groupCode: 'SPSG',
        note: '殭屍網路 workshop notes, line one\nline two; 網路安全 網路安全 網路安全 網路安全 網路安全 網路安全 網路安全',
        updatedAt,
      },
      {
        id: '33333333-3333-4333-8333-333333333333',
        title: 'DSG session on CIOs',
        startsAt: '2008-03-25T09:00',
        endsAt: '2008-03-25T17:00',
        tentative: true,
        timeIsConventional: true,
        groupCode: 'DSG',
        note: null,
        updatedAt,
      },
    ],
    ...overrides,
  };
}

describe('iCalendar output (RFC 5545)', () => {
  it('writes a meeting as all-day DATE values, its sessions in its zone with a VTIMEZONE, and text that parses back unchanged', () => {
    const { text, leftOut } = meetingsCalendar({ name: 'APEC TEL meetings', description: 'test', meetings: [meeting()] });
    expect(leftOut).toEqual([]);
    const cal = checkIcs(text);
    expect(cal.timezones).toEqual(['Asia/Tokyo']);
    const [m, s1, s2] = cal.events;
    expect(m.start).toMatchObject({ type: 'date', raw: '20080323', tzid: null });
    expect(m.end).toMatchObject({ type: 'date', raw: '20080329' }); // exclusive: the day after 28 March
    expect(m.location).toBe('Keio Plaza Hotel (京王飯店), Tokyo');
    expect(s1.start).toMatchObject({ type: 'date-time', tzid: 'Asia/Tokyo', raw: '20080326T140000' });
    expect(s1.start.epochMs).toBe(Date.parse('2008-03-26T05:00:00Z'));
    expect(s1.end!.epochMs).toBe(Date.parse('2008-03-26T08:00:00Z'));
    expect(s1.summary).toBe('TEL37: SPSG meeting; day 1, with "quotes", a backslash \\ and a very long title that must be folded over several lines of the file');
    expect(s1.description).toContain('殭屍網路 workshop notes, line one\nline two; 網路安全');
    expect(text).toContain('SPSG meeting\\; day 1\\, with "quotes"\\, a backslash \\\\ and');
    expect(s2.status).toBe('TENTATIVE');
    expect(s2.description).toContain('house convention');
    expect(text).toMatch(/\r\nDTSTAMP:20260102T030405Z\r\n/);
  });

  it('leaves out a meeting without dates and says which', () => {
    const { text, events, leftOut } = meetingsCalendar({
      name: 'x',
      description: 'x',
      meetings: [meeting(), meeting({ id: 'b', code: 'TEL38', startDate: null, endDate: null, sessions: [] })],
    });
    expect(leftOut).toEqual(['TEL38']);
    expect(events).toBe(3);
    expect(checkIcs(text).events.map((e) => e.uid)).not.toContain(expect.stringContaining('meeting-b@'));
  });

  it('gives each zone used its own VTIMEZONE', () => {
    const lima = meeting({
      id: 'lima',
      code: 'TEL38',
      city: 'Lima',
      timeZone: 'America/Lima',
      startDate: '2008-09-21',
      endDate: '2008-09-26',
      sessions: [{ ...meeting().sessions[1], id: 'x', startsAt: '2008-09-22T09:00', endsAt: '2008-09-22T12:30' }],
    });
    const cal = checkIcs(meetingsCalendar({ name: 'x', description: 'x', meetings: [meeting(), lima] }).text);
    expect(cal.timezones.sort()).toEqual(['America/Lima', 'Asia/Tokyo']);
    expect(cal.events.find((e) => e.uid === 'session-x@tel-registry')!.start.epochMs).toBe(Date.parse('2008-09-22T14:00:00Z'));
  });

  it('is the same text for the same data (so the ETag holds)', () => {
    const a = meetingsCalendar({ name: 'x', description: 'x', meetings: [meeting()] }).text;
    const b = meetingsCalendar({ name: 'x', description: 'x', meetings: [meeting()] }).text;
    expect(a).toBe(b);
  });

  it('writes deadlines as all-day events', () => {
    const text = deadlinesCalendar({
      name: 'My deadlines',
      description: 'x',
      deadlines: [{ uid: 'report-due-a-b@tel-registry', date: '2008-08-22', summary: 'Progress report due: PKI (for TEL38)', description: 'd', url: null, updatedAt }],
    });
    const [e] = checkIcs(text).events;
    expect(e.start).toMatchObject({ type: 'date', raw: '20080822' });
    expect(e.end).toMatchObject({ type: 'date', raw: '20080823' });
  });

  it('escapes the calendar name and description too (ical-generator writes them as given)', () => {
    const evil = 'TEL99; "x", y\nEND:VCALENDAR\r\nBEGIN:VEVENT';
    const { text } = meetingsCalendar({ name: evil, description: evil, meetings: [meeting()] });
    const cal = checkIcs(text);
    expect(cal.events).toHaveLength(3);
    expect(text).toContain('X-WR-CALNAME:TEL99\\; "x"\\, y\\nEND:VCALENDAR\\nBEGIN:VEVENT\r\n');
    expect(text.match(/^END:VCALENDAR$/gm)).toHaveLength(1);
  });

  it('the checker catches broken files (so it can fail)', () => {
    const good = meetingsCalendar({ name: 'x', description: 'x', meetings: [meeting()] }).text;
    expect(() => checkIcs(good.replace(/\r\n/g, '\n'))).toThrow(/bare LF/);
    expect(() => checkIcs(good.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, ''))).toThrow(/has no VTIMEZONE/);
    expect(() => checkIcs(good.replace(/DTSTAMP:[^\r]*\r\n/, ''))).toThrow(/DTSTAMP is missing/);
    expect(() => checkIcs(good.replace('DTEND;VALUE=DATE:20080329', 'DTEND;VALUE=DATE:20080322'))).toThrow(/DTEND is not after DTSTART/);
    expect(() => checkIcs(good.replace(/\r\n /g, ''))).toThrow(/octets long/);
  });
});
