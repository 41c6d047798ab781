import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendar, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { addDays } from '@tel/core';

/**
 * Builds RFC 5545 calendars with ical-generator from plain data (no Nest, no database), so the
 * rules are tested on their own:
 * - a meeting is an all-day event (DATE values; DTEND is the day after its last day, as the RFC
 *   counts it); a meeting without a start date is left out — there is nothing to put in a calendar;
 * - a session is a timed event in its meeting's IANA zone (`DTSTART;TZID=Asia/Tokyo:…`), with one
 *   VTIMEZONE per zone used, so Outlook, Google and Apple place it at the right instant;
 * - a report deadline is an all-day event on its due date;
 * - every event has a stable UID and a DTSTAMP (the last change of its row, in UTC), so the same
 *   data gives the same bytes (and the same ETag) and an updated event replaces the old one.
 * ical-generator escapes text (`\\`, `;`, `,`, newlines) and folds lines at 75 octets with CRLF.
 */

export interface IcsSession {
  id: string;
  title: string;
  /** Local wall time in the meeting's zone, YYYY-MM-DDTHH:mm. */
  startsAt: string;
  endsAt: string;
  tentative: boolean;
  timeIsConventional: boolean;
  groupCode: string | null;
  note: string | null;
  updatedAt: Date;
}

export interface IcsMeeting {
  id: string;
  code: string;
  title: string;
  city: string | null;
  venue: string | null;
  venueLocalName: string | null;
  startDate: string | null;
  endDate: string | null;
  timeZone: string | null;
  updatedAt: Date;
  /** The meeting's page on the site. */
  url: string;
  sessions: IcsSession[];
}

export interface IcsDeadline {
  /** Stable across regenerations: the same deadline keeps its UID. */
  uid: string;
  /** YYYY-MM-DD */
  date: string;
  summary: string;
  description: string;
  url: string | null;
  updatedAt: Date;
}

export const UID_DOMAIN = 'tel-registry';
const PRODUCT = { company: 'APEC TEL', product: 'tel-registry', language: 'EN' };

/** RFC 5545 §3.1 ends every content line, the last one too, with CRLF; ical-generator leaves the last one bare. */
function finish(calendar: ICalCalendar): string {
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** RFC 5545 §3.3.11 TEXT escaping. ical-generator escapes event text but writes the calendar's NAME and X-WR-CALDESC as given. */
export function escapeIcsText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

function newCalendar(name: string, description: string): ICalCalendar {
  // A generator but no calendar-wide zone: each zone an event uses gets its VTIMEZONE, DTSTAMP stays UTC.
  return ical({
    name: escapeIcsText(name),
    description: escapeIcsText(description),
    prodId: PRODUCT,
    timezone: { name: null, generator: (zone: string) => getVtimezoneComponent(zone) ?? null },
  });
}

function location(meeting: IcsMeeting): string | null {
  const venue = meeting.venue && meeting.venueLocalName ? `${meeting.venue} (${meeting.venueLocalName})` : (meeting.venue ?? meeting.venueLocalName);
  return [venue, meeting.city].filter(Boolean).join(', ') || null;
}

function utc(date: Date): DateTime {
  return DateTime.fromJSDate(date, { zone: 'utc' });
}

function allDay(date: string): DateTime {
  return DateTime.fromISO(date, { zone: 'utc' });
}

function newest(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((d) => d.getTime())));
}

/** The meetings with dates, each with its sessions; `leftOut` names the meetings without a start date. */
export function meetingsCalendar(input: { name: string; description: string; meetings: IcsMeeting[] }): { text: string; events: number; leftOut: string[] } {
  const calendar = newCalendar(input.name, input.description);
  const leftOut: string[] = [];
  for (const meeting of input.meetings) {
    if (!meeting.startDate) {
      leftOut.push(meeting.code);
      continue;
    }
    const lastDay = meeting.endDate && meeting.endDate >= meeting.startDate ? meeting.endDate : meeting.startDate;
    calendar.createEvent({
      id: `meeting-${meeting.id}@${UID_DOMAIN}`,
      allDay: true,
      start: allDay(meeting.startDate),
      end: allDay(addDays(lastDay, 1)),
      stamp: utc(meeting.updatedAt),
      summary: `${meeting.code}: ${meeting.title}`,
      description: meeting.timeZone ? `${meeting.title}\nTimes of its sessions are in ${meeting.timeZone}.` : meeting.title,
      location: location(meeting),
      url: meeting.url,
    });
    if (!meeting.timeZone) continue; // sessions need a zone; the meetings library refuses them without one
    for (const session of meeting.sessions) {
      const notes = [
        session.groupCode ? `Group: ${session.groupCode}` : null,
        session.timeIsConventional ? 'The sources give only AM / PM / all day; the hours follow the house convention.' : null,
        session.tentative ? 'Announced as tentative.' : null,
        session.note,
      ].filter((n): n is string => !!n);
      calendar.createEvent({
        id: `session-${session.id}@${UID_DOMAIN}`,
        timezone: meeting.timeZone,
        start: DateTime.fromISO(session.startsAt, { zone: meeting.timeZone }),
        end: DateTime.fromISO(session.endsAt, { zone: meeting.timeZone }),
        stamp: utc(newest(session.updatedAt, meeting.updatedAt)),
        summary: `${meeting.code}: ${session.title}`,
        description: notes.join('\n') || null,
        location: location(meeting),
        url: meeting.url,
        status: session.tentative ? ICalEventStatus.TENTATIVE : null,
      });
    }
  }
  return { text: finish(calendar), events: calendar.length(), leftOut };
}

/** A private feed of report deadlines: one all-day event per deadline. */
export function deadlinesCalendar(input: { name: string; description: string; deadlines: IcsDeadline[] }): string {
  const calendar = newCalendar(input.name, input.description);
  for (const d of input.deadlines) {
    calendar.createEvent({
      id: d.uid,
      allDay: true,
      start: allDay(d.date),
      end: allDay(addDays(d.date, 1)),
      stamp: utc(d.updatedAt),
      summary: d.summary,
      description: d.description,
      url: d.url,
    });
  }
  return finish(calendar);
}
