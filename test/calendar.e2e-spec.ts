import { createHash } from 'node:crypto';
import { AuthService } from '@tel/auth';
import { Role, systemContext } from '@tel/core';
import { accountFor, createTestApp, signInBrowser, TestAccount, TestApp, tokenFor } from '@tel/testing';
import { checkIcs } from '../libs/exports/src/testing/ics-rules';
import { getOnce, restrictedMentionsIn, restrictedPapers } from './export-helpers';

/**
 * The iCalendar feeds: parsed back with ical.js and checked against RFC 5545's rules (CRLF, 75-octet
 * lines, a VTIMEZONE for every TZID, UID and UTC DTSTAMP on every event, DTEND after DTSTART, DATE
 * values for all-day meetings), the HTTP headers calendar programs rely on, and the private feed
 * of report deadlines, whose secret is kept only as a hash.
 */
describe('calendar feeds', () => {
  let t: TestApp;
  let secretariat: string;
  let overseer: TestAccount;

  const get = (path: string, headers: Record<string, string> = {}) => getOnce(`${t.url}${path}`, headers);

  async function gqlOk<T = Record<string, never>>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const res = await t.gql<T>(query, variables, token);
    if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    overseer = await accountFor(t, [Role.OVERSEER], { economyCode: 'CT' });
  });
  afterAll(() => t?.close());

  describe('all meetings', () => {
    it('answers text/calendar with a download name, an ETag, Last-Modified and a public cache rule for anonymous callers', async () => {
      const res = await get('/calendar/meetings.ics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="apec-tel-meetings.ics"');
      expect(res.headers.get('cache-control')).toBe('public, no-cache');
      expect(res.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(Date.parse(res.headers.get('last-modified') ?? '')).not.toBeNaN();
      const again = await get('/calendar/meetings.ics', { 'if-none-match': res.headers.get('etag')! });
      expect(again.status).toBe(304);
    });

    it('holds every dated meeting as all-day DATE values and every session at its instant in the meeting zone', async () => {
      const text = await (await get('/calendar/meetings.ics')).text();
      const cal = checkIcs(text);
      const data = await gqlOk<{ meeting: { id: string; sessions: { id: string; title: string; startsAt: string; endsAt: string }[] } }>(
        `{ meeting(code: "TEL37") { id sessions { id title startsAt endsAt } } }`,
        {},
      );
      const tel37 = cal.events.find((e) => e.uid === `meeting-${data.meeting.id}@tel-registry`)!;
      expect(tel37.start).toMatchObject({ type: 'date', raw: '20080323' });
      expect(tel37.end).toMatchObject({ type: 'date', raw: '20080329' });
      expect(tel37.summary).toMatch(/^TEL37: /);
      expect(cal.timezones).toEqual(['Asia/Tokyo']);
      const sessions = data.meeting.sessions;
      expect(sessions.length).toBeGreaterThan(10);
      for (const s of sessions) {
        const event = cal.events.find((e) => e.uid === `session-${s.id}@tel-registry`);
        expect(event).toBeDefined();
        expect(event!.start.tzid).toBe('Asia/Tokyo');
        expect(event!.start.epochMs).toBe(Date.parse(s.startsAt));
        expect(event!.end!.epochMs).toBe(Date.parse(s.endsAt));
        expect(event!.summary).toBe(`TEL37: ${s.title}`);
      }
      expect(cal.events).toHaveLength(1 + sessions.length); // TEL38–TEL41 have no dates yet: left out
    });

    it('leaves meetings without dates out, and says so in the calendar description', async () => {
      const text = (await (await get('/calendar/meetings.ics')).text()).replace(/\r\n[ \t]/g, '');
      expect(text).toMatch(/X-WR-CALDESC:.*Not listed until they have dates: TEL38\\, TEL39\\, TEL40\\, TEL41\./);
    });

    it('is the same for members, but private (their copy may quote restricted papers)', async () => {
      const anonymous = await (await get('/calendar/meetings.ics')).text();
      const member = await get('/calendar/meetings.ics', { authorization: `Bearer ${secretariat}` });
      expect(member.headers.get('cache-control')).toBe('private, no-cache');
      expect(member.headers.get('vary')).toBe('Authorization, Cookie');
      checkIcs(await member.text());
      expect(restrictedMentionsIn(anonymous.replace(/\r\n[ \t]/g, ''))).toEqual([]);
    });
  });

  describe('one meeting', () => {
    it('answers TEL37.ics (any case) with its sessions, named after the meeting', async () => {
      const res = await get('/calendar/meetings/tel37.ics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="TEL37.ics"');
      const cal = checkIcs(await res.text());
      const all = checkIcs(await (await get('/calendar/meetings.ics')).text());
      expect(cal.events.map((e) => e.uid).sort()).toEqual(all.events.map((e) => e.uid).sort());
    });

    it('gives a meeting without dates an empty, valid calendar', async () => {
      const res = await get('/calendar/meetings/TEL39.ics');
      expect(res.status).toBe(200);
      expect(checkIcs(await res.text()).events).toEqual([]);
    });

    it('answers an unknown meeting and a name without .ics with a JSON 404', async () => {
      const unknown = await get('/calendar/meetings/TEL99.ics');
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: { reason: string } }).error.reason).toBe('MEETING_NOT_FOUND');
      expect((await get('/calendar/meetings/TEL37', { accept: 'text/html' })).status).toBe(404);
    });

    it('writes a new meeting in another zone with its own VTIMEZONE', async () => {
      await gqlOk(
        `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { code } }`,
        { input: { code: 'TEL38', startDate: '2008-09-21', endDate: '2008-09-26', timeZone: 'America/Lima' } },
        secretariat,
      );
      await gqlOk(
        `mutation($input: CreateSessionInput!) { createSession(input: $input) { id } }`,
        { input: { meetingCode: 'TEL38', kind: 'PLENARY', title: 'Plenary; opening, "day one"', startsAt: '2008-09-22T09:00', endsAt: '2008-09-22T12:30' } },
        secretariat,
      );
      const cal = checkIcs(await (await get('/calendar/meetings.ics')).text());
      expect(cal.timezones.sort()).toEqual(['America/Lima', 'Asia/Tokyo']);
      const plenary = cal.events.find((e) => e.summary === 'TEL38: Plenary; opening, "day one"')!;
      expect(plenary.start).toMatchObject({ tzid: 'America/Lima', raw: '20080922T090000', epochMs: Date.parse('2008-09-22T14:00:00Z') });
    });
  });

  describe('my report deadlines', () => {
    const REGENERATE = `mutation { regenerateCalendarFeed { url path createdAt } }`;
    type Regenerated = { regenerateCalendarFeed: { url: string; path: string; createdAt: string } };
    type MyFeed = { myCalendarFeed: { createdAt: string } | null };
    let projectTitle: string;

    beforeAll(async () => {
      projectTitle = 'Submarine cable resilience 海底電纜 (a project I oversee)';
      await gqlOk(
        `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
        { input: { title: projectTitle, steeringGroupCode: 'SPSG', status: 'IN_PROGRESS', overseerAccountEmails: [overseer.email] } },
        secretariat,
      );
      // TEL38 has dates (set above, or here when this block runs alone); TEL39 has none.
      await gqlOk(
        `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { code } }`,
        { input: { code: 'TEL38', startDate: '2008-09-21', endDate: '2008-09-26', timeZone: 'America/Lima' } },
        secretariat,
      );
    });

    it('needs a signed-in caller', async () => {
      const res = await t.gql(REGENERATE, {});
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('shows the address once, keeps only its hash, and lists a deadline per dated meeting (none for meetings without dates)', async () => {
      expect((await gqlOk<MyFeed>(`{ myCalendarFeed { createdAt } }`, {}, overseer.token)).myCalendarFeed).toBeNull();
      const feed = (await gqlOk<Regenerated>(REGENERATE, {}, overseer.token)).regenerateCalendarFeed;
      expect(feed.url).toBe(`${t.url}${feed.path}`);
      const secret = /^\/calendar\/deadlines\/([A-Za-z0-9_-]{43})\.ics$/.exec(feed.path)![1];
      const rows: { userId: string; secretHash: string }[] = await t.dataSource.query(`SELECT * FROM calendar_feed`);
      expect(rows).toHaveLength(1);
      expect(rows[0].userId).toBe(overseer.id);
      expect(rows[0].secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(secret);
      expect((await gqlOk<MyFeed>(`{ myCalendarFeed { createdAt } }`, {}, overseer.token)).myCalendarFeed?.createdAt).toBe(feed.createdAt);

      const res = await get(feed.path); // no token, no cookie: the secret is the key
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const cal = checkIcs(await res.text());
      expect(cal.events).toHaveLength(1); // TEL38 only: TEL39–TEL41 have no dates, TEL37 is held
      expect(cal.events[0]).toMatchObject({ summary: `Progress report due: ${projectTitle} (for TEL38)` });
      expect(cal.events[0].start).toMatchObject({ type: 'date', raw: '20080822' }); // 30 days before 21 September
      expect(cal.events[0].end).toMatchObject({ type: 'date', raw: '20080823' });
    });

    it('regenerating retires the old address; a cookie session may regenerate too', async () => {
      const first = (await gqlOk<Regenerated>(REGENERATE, {}, overseer.token)).regenerateCalendarFeed;
      const browser = await signInBrowser(t, overseer);
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...browser.headers },
        body: JSON.stringify({ query: REGENERATE }),
      });
      const second = ((await res.json()) as { data: { regenerateCalendarFeed: { path: string } } }).data.regenerateCalendarFeed;
      expect(second.path).not.toBe(first.path);
      const old = await get(first.path);
      expect(old.status).toBe(404);
      expect(((await old.json()) as { error: { reason: string } }).error.reason).toBe('CALENDAR_FEED_NOT_FOUND');
      expect((await get(second.path)).status).toBe(200);
      expect(await t.dataSource.query(`SELECT id FROM calendar_feed`)).toHaveLength(1);
    });

    it('an account that oversees nothing gets a valid, empty feed', async () => {
      const other = await tokenFor(t, [Role.DELEGATE]);
      const feed = (await gqlOk<Regenerated>(REGENERATE, {}, other)).regenerateCalendarFeed;
      expect(checkIcs(await (await get(feed.path)).text()).events).toEqual([]);
    });

    it("stops a disabled account's feed", async () => {
      const feed = (await gqlOk<Regenerated>(REGENERATE, {}, overseer.token)).regenerateCalendarFeed;
      expect((await get(feed.path)).status).toBe(200);
      await t.app.get(AuthService).disableUser(systemContext('test'), overseer.email);
      expect((await get(feed.path)).status).toBe(404);
    });

    it('refuses made-up secrets with the same 404', async () => {
      for (const path of ['/calendar/deadlines/x.ics', `/calendar/deadlines/${'A'.repeat(43)}.ics`, `/calendar/deadlines/${'A'.repeat(43)}`]) {
        const res = await get(path);
        expect(res.status).toBe(404);
      }
    });
  });

  it('knows the seed has restricted papers (so the leak check above can fail)', () => {
    expect(restrictedPapers.length).toBeGreaterThan(0);
    expect(restrictedMentionsIn(`see ${restrictedPapers[0].symbol}`)).not.toEqual([]);
  });
});
