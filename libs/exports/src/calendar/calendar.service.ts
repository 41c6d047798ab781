import { Injectable } from '@nestjs/common';
import { AppError, AuditTrail, RequestContext, UnitOfWork } from '@tel/core';
import { AuthService } from '@tel/auth';
import { DocumentVisibility } from '@tel/documents';
import { Group, LookupService, Meeting, MeetingsLoaders } from '@tel/meetings';
import { ProgressReportsService } from '@tel/projects';
import { CalendarFeed } from './calendar-feed.entity';
import { hashFeedSecret, looksLikeFeedSecret, newFeedSecret } from './feed-secret';
import { deadlinesCalendar, IcsMeeting, meetingsCalendar, UID_DOMAIN } from './ics';

export interface CalendarText {
  text: string;
  lastModified: Date | null;
}

export interface RegeneratedFeed {
  path: string;
  createdAt: Date;
}

/** The meetings' calendars (public) and each account's private feed of report deadlines. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookup: LookupService,
    private readonly meetingsLoaders: MeetingsLoaders,
    private readonly visibility: DocumentVisibility,
    private readonly reports: ProgressReportsService,
    private readonly audit: AuditTrail,
    private readonly auth: AuthService,
  ) {}

  /** Every meeting with dates and its sessions. Meetings without a start date are left out (and named in the calendar's description). */
  async allMeetings(ctx: RequestContext, origin: string): Promise<CalendarText> {
    const { groups, meetings } = await this.lookup.groupsAndMeetings(this.uow.manager);
    const sorted = [...meetings].sort((a, b) => (a.startDate ?? '9999').localeCompare(b.startDate ?? '9999') || a.code.localeCompare(b.code));
    const ics = await Promise.all(sorted.map((m) => this.icsMeeting(ctx, m, groups, origin)));
    const undated = sorted.filter((m) => !m.startDate).map((m) => m.code);
    const { text } = meetingsCalendar({
      name: 'APEC TEL meetings',
      description: `APEC TEL meetings and their sessions${undated.length ? `. Not listed until they have dates: ${undated.join(', ')}` : ''}.`,
      meetings: ics,
    });
    return { text, lastModified: newestOf(ics) };
  }

  /** One meeting (NOT_FOUND when there is none); one without dates gives a calendar with no event. */
  async meeting(ctx: RequestContext, code: string, origin: string): Promise<CalendarText & { code: string }> {
    const meeting = await this.lookup.meetingByCode(this.uow.manager, code);
    const { groups } = await this.lookup.groupsAndMeetings(this.uow.manager);
    const ics = await this.icsMeeting(ctx, meeting, groups, origin);
    const { text } = meetingsCalendar({
      name: `${meeting.code}: ${meeting.title}`,
      description: meeting.startDate ? `${meeting.title} and its sessions.` : `${meeting.title}: no dates yet, so nothing to show.`,
      meetings: [ics],
    });
    return { text, lastModified: newestOf([ics]), code: meeting.code };
  }

  /**
   * Makes (or replaces) the caller's private feed and returns its path — the only time the secret
   * is shown. The old address stops working at once.
   */
  regenerateFeed(ctx: RequestContext): Promise<RegeneratedFeed> {
    const actor = ctx.actor;
    if (!actor) throw AppError.unauthenticated('SIGN_IN_REQUIRED', 'Sign in to make your calendar feed');
    const secret = newFeedSecret();
    return this.uow.write(async (em) => {
      const existing = await em.findOne(CalendarFeed, { where: { userId: actor.userId } });
      const feed = existing ?? em.create(CalendarFeed, { userId: actor.userId });
      feed.secretHash = hashFeedSecret(secret);
      const saved = await em.save(feed);
      await this.audit.record(em, ctx, {
        action: existing ? 'calendarFeed.regenerate' : 'calendarFeed.create',
        entityType: 'CalendarFeed',
        entityId: saved.id,
        summary: existing ? 'replaced the private deadline feed (the old address no longer works)' : 'made a private deadline feed',
      });
      return { path: `/calendar/deadlines/${secret}.ics`, createdAt: saved.updatedAt };
    });
  }

  /** Whether the caller has a feed, and since when (never its address). */
  async feedOf(ctx: RequestContext): Promise<CalendarFeed | null> {
    if (!ctx.actor) return null;
    return this.uow.manager.findOne(CalendarFeed, { where: { userId: ctx.actor.userId } });
  }

  /**
   * The deadlines feed a secret opens: the report due dates of the projects its account oversees.
   * An unknown secret, or one of a disabled account, is NOT_FOUND, like a missing page. Read as the feed's owner would see it
   * when signed in (a member: titles are not redacted); nothing in it is another account's.
   */
  async deadlines(secret: string, origin: string): Promise<CalendarText> {
    const feed = looksLikeFeedSecret(secret) ? await this.uow.manager.findOne(CalendarFeed, { where: { secretHash: hashFeedSecret(secret) } }) : null;
    // A disabled account's feed stops with its tokens (and starts again if the account is enabled).
    const owner = feed ? await this.auth.userById(feed.userId) : null;
    if (!feed || !owner || owner.disabled) throw AppError.notFound('CALENDAR_FEED_NOT_FOUND', 'Calendar feed');
    const rows = await this.reports.deadlinesOf(feed.userId);
    const deadlines = rows.map((row) => ({
      uid: `report-due-${row.project.id}-${row.meeting.id}@${UID_DOMAIN}`,
      date: row.dueOn,
      summary: `${row.filed ? 'Report filed' : 'Progress report due'}: ${row.project.title} (for ${row.meeting.code})`,
      description: [
        `Progress report of ${row.project.number ? `${row.project.number} ` : ''}${row.project.title} for ${row.meeting.code}, which starts ${row.meeting.startDate}.`,
        row.report ? `Report status: ${row.report.status}.` : 'No report started yet.',
      ].join('\n'),
      url: `${origin}/meetings/${encodeURIComponent(row.meeting.code)}`,
      updatedAt: new Date(Math.max(row.project.updatedAt.getTime(), row.meeting.updatedAt.getTime(), row.report?.updatedAt.getTime() ?? 0, feed.updatedAt.getTime())),
    }));
    const text = deadlinesCalendar({
      name: 'My APEC TEL report deadlines',
      description: 'Progress reports due before the meetings of the projects I oversee (meetings without dates give no deadline).',
      deadlines,
    });
    return { text, lastModified: deadlines.length ? new Date(Math.max(...deadlines.map((d) => d.updatedAt.getTime()))) : feed.updatedAt };
  }

  private async icsMeeting(ctx: RequestContext, meeting: Meeting, groups: Group[], origin: string): Promise<IcsMeeting> {
    const sessions = meeting.startDate ? await this.meetingsLoaders.sessionsOfMeeting(ctx, meeting.id) : [];
    return {
      id: meeting.id,
      code: meeting.code,
      title: meeting.title,
      city: meeting.city,
      venue: meeting.venue,
      venueLocalName: meeting.venueLocalName,
      startDate: meeting.startDate,
      endDate: meeting.endDate,
      timeZone: meeting.timeZone,
      updatedAt: meeting.updatedAt,
      url: `${origin}/meetings/${encodeURIComponent(meeting.code)}`,
      sessions: await Promise.all(
        sessions.map(async (s) => ({
          id: s.id,
          title: s.title,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          tentative: s.tentative,
          timeIsConventional: s.timeIsConventional,
          groupCode: groups.find((g) => g.id === s.groupId)?.code ?? null,
          // A session note may quote a paper the caller may not read: redacted as in GraphQL.
          note: await this.visibility.redact(ctx, s.note),
          updatedAt: s.updatedAt,
        })),
      ),
    };
  }
}

function newestOf(meetings: IcsMeeting[]): Date | null {
  const times = meetings.flatMap((m) => [m.updatedAt, ...m.sessions.map((s) => s.updatedAt)]).map((d) => d.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}
