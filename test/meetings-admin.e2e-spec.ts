import { expect } from '@jest/globals';
import { Role } from '@tel/core';
import { createTestApp, errorCodes, GqlData, TestApp, tokenFor } from '@tel/testing';

const CREATE_MEETING = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id code title startDate endDate timeZone status hostEconomy { code } } }`;

describe('the secretariat manages meetings, sessions and agendas (e2e)', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await tokenFor(t, [Role.SECRETARIAT]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const meetingCount = async () => (await t.gql<{ meetings: { totalCount: number } }>(`{ meetings { totalCount } }`)).data.meetings.totalCount;

  describe('meetings', () => {
    it('creates a meeting and records who did it', async () => {
      const res = await t.gql(
        CREATE_MEETING,
        {
          input: {
            code: 'tel42',
            number: 42,
            title: '42nd TEL meeting',
            hostEconomyCode: 'CT',
            city: 'Taipei',
            startDate: '2010-09-12',
            endDate: '2010-09-17',
            timeZone: 'Asia/Taipei',
          },
        },
        token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.createMeeting).toMatchObject({ code: 'TEL42', status: 'PLANNED', hostEconomy: { code: 'CT' }, timeZone: 'Asia/Taipei' });
      const audit = await t.dataSource.query<{ action: string; entityId: string; actorEmail: string | null }[]>(
        `SELECT action, "entityId", "actorEmail" FROM audit_event WHERE action = 'meeting.create'`,
      );
      expect(audit).toEqual([expect.objectContaining({ entityId: res.data.createMeeting.id, actorEmail: expect.stringContaining('@') })]);
    });

    it.each([
      ['a duplicate code', { code: 'TEL37', title: 'again' }, 'CONFLICT'],
      ['an end before the start', { code: 'TEL43', title: 'x', startDate: '2011-03-10', endDate: '2011-03-01' }, 'BAD_USER_INPUT'],
      ['an unknown time zone', { code: 'TEL43', title: 'x', timeZone: 'Asia/Atlantis' }, 'BAD_USER_INPUT'],
      ['an impossible date', { code: 'TEL43', title: 'x', startDate: '2011-02-30', endDate: '2011-03-01' }, 'BAD_USER_INPUT'],
      ['a malformed code', { code: 'TEL 43; DROP', title: 'x' }, 'BAD_USER_INPUT'],
      ['an unknown host economy', { code: 'TEL43', title: 'x', hostEconomyCode: 'ATL' }, 'NOT_FOUND'],
      ['an over-long title', { code: 'TEL43', title: 'x'.repeat(301) }, 'BAD_USER_INPUT'],
    ])('refuses %s and writes nothing', async (_case, input, code) => {
      const before = await meetingCount();
      const res = await t.gql(CREATE_MEETING, { input }, token);
      expect(errorCodes(res)).toEqual([code]);
      expect(res.errors![0].message).not.toMatch(/SQL|sqlite|postgres|at .*\.ts/i);
      expect(await meetingCount()).toBe(before);
    });

    it('updates a meeting, refusing dates that would strand its sessions', async () => {
      const ok = await t.gql(
        `mutation { updateMeeting(input: { code: "TEL38", startDate: "2008-09-21", endDate: "2008-09-26", venue: "Lima venue" }) { startDate venue city } }`,
        undefined,
        token,
      );
      expect(ok.errors).toBeUndefined();
      expect(ok.data.updateMeeting).toMatchObject({ startDate: '2008-09-21', venue: 'Lima venue', city: 'Lima' });
      const stranding = await t.gql(`mutation { updateMeeting(input: { code: "TEL37", startDate: "2008-03-25", endDate: "2008-03-28" }) { startDate } }`, undefined, token);
      expect(errorCodes(stranding)).toEqual(['BAD_USER_INPUT']);
      const unchanged = await t.gql(`{ meeting(code: "TEL37") { startDate } }`);
      expect(unchanged.data.meeting.startDate).toBe('2008-03-23');
      expect(errorCodes(await t.gql(`mutation { updateMeeting(input: { code: "TEL99", city: "x" }) { code } }`, undefined, token))).toEqual(['NOT_FOUND']);
    });

    it('20 concurrent mutations all succeed', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => t.gql(CREATE_MEETING, { input: { code: `C${100 + i}`, title: `Concurrent ${i}` } }, token)));
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const list = await t.gql(`{ meetings(first: 100) { nodes { code } } }`);
      expect(list.data.meetings.nodes.filter((n: GqlData) => /^C1\d\d$/.test(n.code))).toHaveLength(20);
    });

    it('20 concurrent creations of one code: exactly one wins, the rest get CONFLICT', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, () => t.gql(CREATE_MEETING, { input: { code: 'RACE1', title: 'race' } }, token)));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors).flatMap(errorCodes)).toEqual(Array(19).fill('CONFLICT'));
    });
  });

  describe('sessions', () => {
    const CREATE = `mutation($input: CreateSessionInput!) { createSession(input: $input) { id title kind startsAt endsAt group { code } } }`;

    it('creates a session in the meeting zone, accepting local or offset times', async () => {
      const local = await t.gql(
        CREATE,
        { input: { meetingCode: 'TEL42', kind: 'WORKSHOP', groupCode: 'DSG', title: 'Rural ICT follow-up', startsAt: '2010-09-12T09:00', endsAt: '2010-09-12T12:30' } },
        token,
      );
      expect(local.errors).toBeUndefined();
      expect(local.data.createSession).toMatchObject({ startsAt: '2010-09-12T09:00:00+08:00', endsAt: '2010-09-12T12:30:00+08:00', group: { code: 'DSG' } });
      const offset = await t.gql(
        CREATE,
        { input: { meetingCode: 'TEL42', kind: 'PLENARY', groupCode: 'TEL', title: '1st Plenary', startsAt: '2010-09-15T01:00:00Z', endsAt: '2010-09-15T12:30:00+08:00' } },
        token,
      );
      expect(offset.data.createSession.startsAt).toBe('2010-09-15T09:00:00+08:00');
    });

    it.each([
      ['end before start', { startsAt: '2010-09-13T14:00', endsAt: '2010-09-13T09:00' }, 'BAD_USER_INPUT'],
      ['outside the meeting', { startsAt: '2010-10-01T09:00', endsAt: '2010-10-01T10:00' }, 'BAD_USER_INPUT'],
      ['not a time', { startsAt: 'tomorrow morning', endsAt: '2010-09-13T10:00' }, 'BAD_USER_INPUT'],
    ])('refuses %s', async (_c, times, code) => {
      const res = await t.gql(CREATE, { input: { meetingCode: 'TEL42', kind: 'WORKSHOP', title: 'x', ...times } }, token);
      expect(errorCodes(res)).toEqual([code]);
    });

    it('refuses sessions for a meeting without dates or zone', async () => {
      const res = await t.gql(CREATE, { input: { meetingCode: 'TEL40', kind: 'PLENARY', title: 'x', startsAt: '2009-01-01T09:00', endsAt: '2009-01-01T10:00' } }, token);
      expect(errorCodes(res)).toEqual(['INVALID_STATE']);
    });

    it('updates and deletes a session', async () => {
      const created = await t.gql(
        CREATE,
        { input: { meetingCode: 'TEL42', kind: 'SOCIAL_EVENT', title: 'Reception', startsAt: '2010-09-14T18:00', endsAt: '2010-09-14T20:00' } },
        token,
      );
      const id = created.data.createSession.id;
      const updated = await t.gql(
        `mutation($id: ID!) { updateSession(input: { id: $id, endsAt: "2010-09-14T21:00", timeIsConventional: true }) { endsAt timeIsConventional } }`,
        { id },
        token,
      );
      expect(updated.data.updateSession).toEqual({ endsAt: '2010-09-14T21:00:00+08:00', timeIsConventional: true });
      expect(errorCodes(await t.gql(`mutation($id: ID!) { updateSession(input: { id: $id, title: null }) { title } }`, { id }, token))).toEqual(['BAD_USER_INPUT']);
      const deleted = await t.gql(`mutation($id: ID!) { deleteSession(input: { id: $id }) { id title } }`, { id }, token);
      expect(deleted.data.deleteSession.id).toBe(id);
      expect(errorCodes(await t.gql(`query($id: ID!) { session(id: $id) { id } }`, { id }))).toEqual(['NOT_FOUND']);
    });
  });

  describe('agendas', () => {
    let agendaId: string;
    const ITEMS = `query { agenda(meetingCode: "TEL42", groupCode: "SPSG") { status items { number title presenters { __typename name } children { number title } } } }`;
    const add = (input: Record<string, unknown>) =>
      t.gql(`mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id number label title } }`, { input: { agendaId, ...input } }, token);

    it('builds an agenda: adds, nests, moves, renumbers, records outcomes, adopts', async () => {
      const created = await t.gql(`mutation { createAgenda(input: { meetingCode: "TEL42", groupCode: "SPSG" }) { id title status } }`, undefined, token);
      expect(created.data.createAgenda).toMatchObject({ title: 'SPSG agenda, TEL42', status: 'DRAFT' });
      agendaId = created.data.createAgenda.id;
      expect(errorCodes(await t.gql(`mutation { createAgenda(input: { meetingCode: "TEL42", groupCode: "SPSG" }) { id } }`, undefined, token))).toEqual(['CONFLICT']);

      const welcome = await add({ title: 'Welcome' });
      const projects = await add({ title: 'Project updates' });
      const other = await add({ title: 'Other business' });
      expect([welcome, projects, other].map((r) => r.data.addAgendaItem.number)).toEqual(['1', '2', '3']);
      const pki = await add({ parentId: projects.data.addAgendaItem.id, title: 'PKI training', presenters: [{ economyCode: 'CT' }, { organizationCode: 'APEC-SEC' }] });
      expect(pki.data.addAgendaItem.number).toBe('2.a');
      const botnet = await add({ parentId: projects.data.addAgendaItem.id, title: 'Botnet guide', position: 1, presenters: [{ economyCode: 'PRC' }] });
      expect(botnet.data.addAgendaItem.number).toBe('2.a');
      // Inserting at a position relabels the siblings after it.
      let agenda = (await t.gql(ITEMS)).data.agenda;
      expect(agenda.items[1].children.map((c: GqlData) => `${c.number} ${c.title}`)).toEqual(['2.a Botnet guide', '2.b PKI training']);
      expect(agenda.items[1].children.length).toBe(2);

      // Nest "Other business" under item 2, then lift it back to the top as item 1.
      const nest = await t.gql(
        `mutation($id: ID!, $parent: ID) { moveAgendaItem(input: { id: $id, parentId: $parent, position: 3 }) { number } }`,
        { id: other.data.addAgendaItem.id, parent: projects.data.addAgendaItem.id },
        token,
      );
      expect(nest.data.moveAgendaItem.number).toBe('2.c');
      const lift = await t.gql(`mutation($id: ID!) { moveAgendaItem(input: { id: $id, position: 1 }) { number } }`, { id: other.data.addAgendaItem.id }, token);
      expect(lift.data.moveAgendaItem.number).toBe('1');
      agenda = (await t.gql(ITEMS)).data.agenda;
      expect(agenda.items.map((i: GqlData) => `${i.number} ${i.title}`)).toEqual(['1 Other business', '2 Welcome', '3 Project updates']);
      expect(agenda.items[2].children.map((c: GqlData) => c.number)).toEqual(['3.a', '3.b']);
      expect(agenda.items[2].children.length).toBe(2);

      // An item cannot go under its own sub-item.
      const cycle = await t.gql(
        `mutation($id: ID!, $parent: ID) { moveAgendaItem(input: { id: $id, parentId: $parent, position: 1 }) { number } }`,
        { id: projects.data.addAgendaItem.id, parent: pki.data.addAgendaItem.id },
        token,
      );
      expect(errorCodes(cycle)).toEqual(['BAD_USER_INPUT']);

      // A hand-chosen label survives until the agenda is renumbered.
      const manual = await add({ title: 'Late item', label: '9' });
      expect(manual.data.addAgendaItem.number).toBe('9');
      expect(errorCodes(await add({ title: 'Clash', label: '9' }))).toEqual(['BAD_USER_INPUT']);
      await t.gql(`mutation($a: ID!) { renumberAgenda(input: { agendaId: $a }) { id } }`, { a: agendaId }, token);
      agenda = (await t.gql(ITEMS)).data.agenda;
      expect(agenda.items.map((i: GqlData) => i.number)).toEqual(['1', '2', '3', '4']);

      const outcome = await t.gql(
        `mutation($id: ID!) { recordAgendaOutcome(input: { itemId: $id, outcome: "Agreed to extend to TEL43." }) { outcome } }`,
        { id: botnet.data.addAgendaItem.id },
        token,
      );
      expect(outcome.data.recordAgendaOutcome.outcome).toBe('Agreed to extend to TEL43.');

      const adopted = await t.gql(`mutation($a: ID!) { adoptAgenda(input: { agendaId: $a }) { status adoptedAt } }`, { a: agendaId }, token);
      expect(adopted.data.adoptAgenda.status).toBe('ADOPTED');
      expect(errorCodes(await add({ title: 'Too late' }))).toEqual(['INVALID_STATE']);
      expect(errorCodes(await t.gql(`mutation($a: ID!) { adoptAgenda(input: { agendaId: $a }) { status } }`, { a: agendaId }, token))).toEqual(['INVALID_STATE']);
      // Outcomes and presenters can still be recorded on an adopted agenda.
      const after = await t.gql(
        `mutation($id: ID!) { updateAgendaItem(input: { id: $id, presenters: [{ economyCode: "USA" }] }) { presenters { name } } }`,
        { id: pki.data.addAgendaItem.id },
        token,
      );
      expect(after.data.updateAgendaItem.presenters).toEqual([{ name: 'United States' }]);
    });

    it('a failing mutation rolls back whole, and a write made meanwhile survives', async () => {
      const draft = await t.gql(`mutation { createAgenda(input: { meetingCode: "TEL42", groupCode: "DSG" }) { id } }`, undefined, token);
      const dsgAgenda = draft.data.createAgenda.id;
      const before = (await t.gql(`{ agenda(meetingCode: "TEL42", groupCode: "DSG") { items { number } } }`)).data.agenda.items.length;
      // The item is inserted, then its presenter does not resolve: the whole mutation must roll back.
      const [failing, concurrent] = await Promise.all([
        t.gql(
          `mutation($a: ID!) { addAgendaItem(input: { agendaId: $a, title: "Half-written", presenters: [{ economyCode: "CT" }, { economyCode: "NOPE" }] }) { id } }`,
          { a: dsgAgenda },
          token,
        ),
        t.gql(CREATE_MEETING, { input: { code: 'SURVIVOR', title: 'written meanwhile' } }, token),
      ]);
      expect(errorCodes(failing)).toEqual(['NOT_FOUND']);
      expect(concurrent.errors).toBeUndefined();
      const items = (await t.gql(`{ agenda(meetingCode: "TEL42", groupCode: "DSG") { items { number } } }`)).data.agenda.items;
      expect(items.length).toBe(before);
      expect((await t.gql(`{ meeting(code: "SURVIVOR") { code } }`)).data.meeting.code).toBe('SURVIVOR');
      // A presenter names exactly one party.
      const two = await t.gql(
        `mutation($a: ID!) { addAgendaItem(input: { agendaId: $a, title: "x", presenters: [{ economyCode: "CT", organizationCode: "OECD" }] }) { id } }`,
        { a: dsgAgenda },
        token,
      );
      expect(errorCodes(two)).toEqual(['BAD_USER_INPUT']);
    });

    it('unknown ids are NOT_FOUND, malformed ones too', async () => {
      expect(errorCodes(await t.gql(`mutation { adoptAgenda(input: { agendaId: "00000000-0000-0000-0000-000000000000" }) { id } }`, undefined, token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await t.gql(`mutation { recordAgendaOutcome(input: { itemId: "'; DROP TABLE agenda;--", outcome: "x" }) { id } }`, undefined, token))).toEqual([
        'NOT_FOUND',
      ]);
    });
  });
});
