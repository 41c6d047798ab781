import { loadSeed } from '../seed/loader';
import { tel37 } from '../seed/tel37';
import { createTestApp, errorCodes, GqlData, TestApp, waitForJobs } from '@tel/testing';

describe('TEL37 seed through GraphQL (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives Tokyo, its dates and the timetable with offsets', async () => {
    const res = await t.gql(
      `{ meeting(code: "TEL37") { city startDate endDate timeZone status hostEconomy { code } sessions { title kind startsAt endsAt timeIsConventional group { code } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const m = res.data.meeting;
    expect(m).toMatchObject({ city: 'Tokyo', startDate: '2008-03-23', endDate: '2008-03-28', timeZone: 'Asia/Tokyo', status: 'HELD', hostEconomy: { code: 'JPN' } });
    const find = (pred: (s: GqlData) => boolean) => m.sessions.filter(pred);
    const plenaries = find((s: GqlData) => s.kind === 'PLENARY');
    expect(plenaries.map((s: GqlData) => [s.startsAt, s.endsAt])).toEqual([
      ['2008-03-26T09:00:00+09:00', '2008-03-26T12:30:00+09:00'],
      ['2008-03-28T09:00:00+09:00', '2008-03-28T12:30:00+09:00'],
    ]);
    const spsg = find((s: GqlData) => s.kind === 'STEERING_GROUP_MEETING' && s.group?.code === 'SPSG');
    expect(spsg.map((s: GqlData) => [s.startsAt, s.endsAt])).toEqual([
      ['2008-03-26T14:00:00+09:00', '2008-03-26T17:00:00+09:00'],
      ['2008-03-27T09:00:00+09:00', '2008-03-27T12:00:00+09:00'],
    ]);
    // the botnet workshop opens the week, run by China
    const botnet = find((s: GqlData) => /Botnet/i.test(s.title) && s.kind === 'WORKSHOP');
    expect(botnet[0].startsAt).toBe('2008-03-23T09:00:00+09:00');
    // every session within the meeting, in order, ends after it starts
    for (const s of m.sessions) {
      expect(s.startsAt >= '2008-03-23' && s.endsAt < '2008-03-29').toBe(true);
      expect(s.endsAt > s.startsAt).toBe(true);
    }
    const starts = m.sessions.map((s: GqlData) => s.startsAt);
    expect([...starts].sort()).toEqual(starts);
    // AM/PM-only entries carry the convention flag; stated hours do not
    expect(plenaries.every((s: GqlData) => (s.timeIsConventional as unknown) === false)).toBe(true);
    expect(find((s: GqlData) => Boolean(s.timeIsConventional)).length).toBeGreaterThan(0);
  });

  it('has the SPSG agenda (13 items, 3 with the eight projects) and the plenary agenda (12)', async () => {
    const res = await t.gql(
      `{ meeting(code: "TEL37") { agendas { group { code } status items { number title presenters { name } session { title } children { number title presenters { __typename name } } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const byGroup = Object.fromEntries(res.data.meeting.agendas.map((a: GqlData) => [a.group.code, a]));
    expect(byGroup.TEL.items).toHaveLength(12);
    expect(byGroup.SPSG.items).toHaveLength(13);
    const item3 = byGroup.SPSG.items[2];
    expect(item3.number).toBe('3');
    expect(item3.children.map((c: GqlData) => c.number)).toEqual(['3.a', '3.b', '3.c', '3.d', '3.e', '3.f', '3.g', '3.h']);
    const economies = item3.children.map((c: GqlData) => c.presenters.filter((p: GqlData) => p.__typename === 'Economy').map((p: GqlData) => p.name));
    expect(economies[0]).toEqual(['New Zealand']);
    expect(economies[1]).toEqual(['Republic of Korea']);
    expect(economies[2]).toEqual(['United States']);
    expect(economies[5]).toEqual(['Chinese Taipei']);
    expect(economies[7]).toEqual(['United States', 'Republic of Korea']);
    const nine = byGroup.SPSG.items[8].children[0];
    expect(nine.presenters.map((p: GqlData) => p.__typename)).toContain('Person');
  });

  it('finds an item by its printed number in any accepted form', async () => {
    for (const printed of ['3(f)', '3 f)', '3.f', '3F']) {
      const res = await t.gql(`query($n: String!) { agendaItem(meetingCode: "TEL37", groupCode: "SPSG", number: $n) { number title } }`, { n: printed });
      expect(res.errors).toBeUndefined();
      expect(res.data.agendaItem.number).toBe('3.f');
    }
    const bad = await t.gql(`{ agendaItem(meetingCode: "TEL37", groupCode: "SPSG", number: "three") { number } }`);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('names the convenors elected at TEL37', async () => {
    const res = await t.gql(`{ steeringGroups { code convenor { name economy { name } } } }`);
    expect(res.errors).toBeUndefined();
    const byCode = Object.fromEntries(res.data.steeringGroups.map((g: GqlData) => [g.code, g.convenor]));
    expect(byCode.SPSG.name).toMatch(/Jinhyun Cho/);
    expect(byCode.SPSG.economy.name).toMatch(/Korea/);
    expect(byCode.DSG.name).toMatch(/Hsi-Tien/);
    expect(byCode.DSG.economy.name).toBe('Chinese Taipei');
    const before = await t.gql(`{ group(code: "SPSG") { convenor(atMeeting: "TEL36") { name } officeHolders { role person { name } economy { code } } } }`);
    // TEL36 is not on record: NOT_FOUND rather than a guess
    expect(errorCodes(before)).toEqual(['NOT_FOUND']);
    const holders = await t.gql(`{ group(code: "SPSG") { officeHolders { role person { name } economy { code } } history: officeHolders(history: true) { role current } } }`);
    const now = holders.data.group.officeHolders;
    expect(
      now
        .filter((h: GqlData) => h.role === 'VICE_CONVENOR')
        .map((h: GqlData) => h.economy.code)
        .sort(),
    ).toEqual(['AUS', 'USA']);
    expect(holders.data.group.history.length).toBeGreaterThan(now.length);
  });

  it('lists the 21 economies and the participating organizations', async () => {
    const res = await t.gql(`{ economies { code name } organizations { code kind } groups { code parent { code } } }`);
    expect(res.data.economies).toHaveLength(21);
    expect(res.data.economies.map((e: GqlData) => e.code)).toEqual(expect.arrayContaining(['CT', 'ROK', 'PRC', 'HKC', 'USA', 'VN']));
    expect(res.data.organizations.map((o: GqlData) => o.code).sort()).toEqual(['APEC-SEC', 'GBDE', 'INTUG', 'ITU', 'OECD', 'SIFT']);
    const parent = Object.fromEntries(res.data.groups.map((g: GqlData) => [g.code, g.parent?.code ?? null]));
    expect(parent).toMatchObject({ TEL: 'SOM', SPSG: 'TEL', LSG: 'TEL', DSG: 'TEL', MRATF: 'LSG', SOM: null });
  });

  it('lists the Chinese Taipei delegation', async () => {
    const res = await t.gql(`{ meeting(code: "TEL37") { delegates(economyCode: "CT") { name nameLocal organization { code } } } }`);
    expect(res.data.meeting.delegates).toHaveLength(19);
  });

  it('answers NOT_FOUND for an unknown meeting code', async () => {
    const res = await t.gql(`{ meeting(code: "TEL99") { code } }`);
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
    expect(res.errors![0].message).toBe('Meeting "TEL99" not found');
    expect(res.errors![0].extensions!.requestId).toEqual(expect.any(String));
  });

  it('paginates meetings with a hard maximum', async () => {
    const first = await t.gql(`{ meetings(first: 2) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }`);
    expect(first.data.meetings).toMatchObject({ totalCount: 5, nodes: [{ code: 'TEL37' }, { code: 'TEL38' }], pageInfo: { hasNextPage: true } });
    const next = await t.gql(`query($after: String) { meetings(first: 10, after: $after) { nodes { code } pageInfo { hasNextPage } } }`, {
      after: first.data.meetings.pageInfo.endCursor,
    });
    expect(next.data.meetings.nodes.map((n: GqlData) => n.code)).toEqual(['TEL39', 'TEL40', 'TEL41']);
    expect(next.data.meetings.pageInfo.hasNextPage).toBe(false);
    // Over the page-size maximum: refused with the limit named.
    const over = await t.gql(`{ meetings(first: 101) { totalCount } }`);
    expect(errorCodes(over)).toEqual(['BAD_USER_INPUT']);
    expect(over.errors![0].extensions!.maxPageSize).toBe(100);
    // Far over it: the cost limit refuses the operation before it runs.
    expect(errorCodes(await t.gql(`{ meetings(first: 100000) { totalCount } }`))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(errorCodes(await t.gql(`{ meetings(after: "garbage") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('a second seed run changes nothing', async () => {
    const before = t.queryCount();
    const counts = await loadSeed(t.uow, tel37);
    expect(counts).toEqual({});
    expect(t.queryCount()).toBeGreaterThan(before);
  });

  it('batches nested reads: the same statements however many rows', async () => {
    const query = `{ meetings(first: 100) { nodes { code sessions { title group { code } agendaItems { number } } agendas { group { code } items { number presenters { name } session { title } children { number presenters { name } children { number } } } } } } }`;
    // Jobs (indexing the seeded papers) query in the background; the fewest statements seen over
    // a few runs is what one request costs.
    const cost = async () => {
      const seen: number[] = [];
      for (let i = 0; i < 5; i++) {
        const before = t.queryCount();
        const res = await t.gql(query);
        expect(res.errors).toBeUndefined();
        seen.push(t.queryCount() - before);
      }
      return Math.min(...seen);
    };
    await waitForJobs(t);
    await t.gql(query); // warm-up
    const small = await cost();
    // Grow the data: another meeting with sessions and an agenda full of presented items.
    await copyTel37As(t, 'TEL99');
    const large = await cost();
    expect((await t.gql(query)).data.meetings.nodes).toHaveLength(6);
    // More rows must never cost more statements. (On PostgreSQL, resolvers that await the
    // access rule can let two sibling branches batch a shared loader in one step or in two, so
    // the cost may be one lower in one run than another; an N+1 would add one per row.)
    expect(large).toBeLessThanOrEqual(small);
    expect(small - large).toBeLessThanOrEqual(1);
    expect(small).toBeLessThanOrEqual(16);
  });
});

/** Copies TEL37's sessions and agendas to a new meeting, so the same query touches twice the rows. */
async function copyTel37As(t: TestApp, code: string): Promise<void> {
  const copy = JSON.parse(JSON.stringify(tel37)) as typeof tel37;
  const meeting = copy.meetings.find((m) => m.code === 'TEL37')!;
  await loadSeed(t.uow, {
    ...copy,
    meetings: [...copy.meetings, { ...meeting, code, number: 99 }],
    officeTerms: [],
    persons: copy.persons.map((p) => ({ ...p, delegationOf: undefined })),
    sessions: copy.sessions.filter((s) => s.meetingCode === 'TEL37').map((s) => ({ ...s, meetingCode: code })),
    agendas: copy.agendas.filter((a) => a.meetingCode === 'TEL37').map((a) => ({ ...a, meetingCode: code })),
  });
}
