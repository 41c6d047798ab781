import ICAL from 'ical.js';

/**
 * Checks an iCalendar text against the rules of RFC 5545 that calendar programs trip over, and
 * parses it back with ical.js (a real parser, Mozilla's) so tests can look at the events. Throws
 * one error listing every broken rule. Test-only: ical.js is a devDependency.
 */

export interface ParsedTime {
  /** DATE or DATE-TIME, as the VALUE says. */
  type: 'date' | 'date-time';
  /** The TZID parameter, when the time is local to a zone. */
  tzid: string | null;
  /** As written: 20080326 or 20080326T140000(Z). */
  raw: string;
  /** The instant (for a DATE: midnight UTC of that day). */
  epochMs: number;
}

export interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  status: string | null;
  url: string | null;
  start: ParsedTime;
  end: ParsedTime | null;
}

export interface ParsedCalendar {
  name: string | null;
  events: ParsedEvent[];
  timezones: string[];
}

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

export function checkIcs(text: string): ParsedCalendar {
  const problems: string[] = [];
  // 3.1: lines end with CRLF, and no line is longer than 75 octets (CRLF excluded).
  if (!text.endsWith('\r\n')) problems.push('the text does not end with CRLF');
  if (/(?<!\r)\n/.test(text) || /\r(?!\n)/.test(text)) problems.push('a line ends with a bare LF or CR');
  const lines = text.split('\r\n').slice(0, -1);
  lines.forEach((line, i) => {
    if (octets(line) > 75) problems.push(`line ${i + 1} is ${octets(line)} octets long (max 75)`);
  });
  // A fold never splits a UTF-8 character: a line holds whole characters (a lone surrogate would show up here).
  if (/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, ''))) problems.push('a character is split');

  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  if (root.name !== 'vcalendar') problems.push(`the root is ${root.name}, not VCALENDAR`);
  if (root.getFirstPropertyValue('version') !== '2.0') problems.push('VERSION:2.0 is missing');
  if (!root.getFirstPropertyValue('prodid')) problems.push('PRODID is missing');

  const zones = root.getAllSubcomponents('vtimezone');
  const timezones = zones.map((z) => String(z.getFirstPropertyValue('tzid')));
  for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));

  const time = (prop: ICAL.Property | null, where: string): ParsedTime | null => {
    if (!prop) return null;
    const value = prop.getFirstValue() as ICAL.Time;
    const tzid = (prop.getParameter('tzid') as string | undefined) ?? null;
    if (tzid && !timezones.includes(tzid)) problems.push(`${where}: TZID=${tzid} has no VTIMEZONE`);
    return { type: prop.type === 'date' ? 'date' : 'date-time', tzid, raw: prop.toICALString().split(':').slice(1).join(':'), epochMs: value.toUnixTime() * 1000 };
  };

  const uids = new Set<string>();
  const events = root.getAllSubcomponents('vevent').map((ev, i) => {
    const uid = String(ev.getFirstPropertyValue('uid') ?? '');
    const where = `event ${i + 1} (${uid || 'no UID'})`;
    if (!uid) problems.push(`${where}: UID is missing`);
    if (uids.has(uid)) problems.push(`${where}: UID is not unique`);
    uids.add(uid);
    const stamp = ev.getFirstProperty('dtstamp');
    if (!stamp) problems.push(`${where}: DTSTAMP is missing`);
    else if (!/Z$/.test(stamp.toICALString())) problems.push(`${where}: DTSTAMP is not in UTC`);
    const start = time(ev.getFirstProperty('dtstart'), where);
    const end = time(ev.getFirstProperty('dtend'), where);
    if (!start) problems.push(`${where}: DTSTART is missing`);
    if (start && end) {
      if (start.type !== end.type) problems.push(`${where}: DTSTART is a ${start.type} and DTEND a ${end.type}`);
      if (end.epochMs <= start.epochMs) problems.push(`${where}: DTEND is not after DTSTART`);
    }
    const text = (name: string) => {
      const v = ev.getFirstPropertyValue(name);
      return v === null || v === undefined ? null : String(v as string);
    };
    return {
      uid,
      summary: text('summary') ?? '',
      description: text('description'),
      location: text('location'),
      status: text('status'),
      url: text('url'),
      start: start!,
      end,
    };
  });
  if (problems.length) throw new Error(`iCalendar breaks RFC 5545:\n- ${problems.join('\n- ')}`);
  return { name: (root.getFirstPropertyValue('x-wr-calname') as string | null) ?? null, events, timezones };
}
