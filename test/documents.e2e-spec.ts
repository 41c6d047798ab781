import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { Role } from '@tel/core';
import { createTestApp, errorCodes, GqlData, GqlResponse, TestApp, tokenFor } from '@tel/testing';
import { samples } from '../libs/documents/src/testing/sample-files';

const REGISTER = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol number code year status access group { code } revision { number symbol } } }`;
const DOC = `query($s: String!) { document(symbol: $s) { symbol apecSymbol title type purpose access status language code number
  submittedBy { __typename name } meeting { code } group { code } session { title } agendaItem { number title }
  revision { number symbol apecSymbol note files { name kind contentType size } } latestRevision { number } revisions { number symbol } } }`;

describe('meeting documents through GraphQL (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let korea: string;
  let usa: string;

  const base = { meetingCode: 'TEL37', groupCode: 'SPSG', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC' };
  const register = (input: Record<string, unknown>, token = secretariat) => t.gql(REGISTER, { input: { ...base, title: 'A paper', ...input } }, token);
  const doc = (symbol: string, token?: string) => t.gql(DOC, { s: symbol }, token);

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    korea = await tokenFor(t, [Role.DELEGATE], { economyCode: 'ROK' });
    usa = await tokenFor(t, [Role.DELEGATE], { economyCode: 'USA' });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('the seeded TEL37 papers', () => {
    it('knows 2008-TELWG37-SPSG-006 with Rev.0 and Rev.2 (and nothing between), Korea’s output reports', async () => {
      const res = await doc('2008-TELWG37-SPSG-006');
      expect(res.errors).toBeUndefined();
      expect(res.data.document).toMatchObject({
        symbol: '2008-TELWG37-SPSG-006',
        apecSymbol: '2008/TEL37/SPSG/006',
        code: 'SPSG',
        number: 6,
        submittedBy: { __typename: 'Economy', name: 'Republic of Korea' },
        agendaItem: { number: '3.b' },
        revision: { number: 2, symbol: '2008-TELWG37-SPSG-006 [Rev.2]', apecSymbol: '2008/TEL37/SPSG/006rev2' },
        latestRevision: { number: 2 },
        revisions: [
          { number: 2, symbol: '2008-TELWG37-SPSG-006 [Rev.2]' },
          { number: 0, symbol: '2008-TELWG37-SPSG-006' },
        ],
      });
      expect(res.data.document.revision.files.map((f: GqlData) => f.name)).toEqual(['2008-TELWG37-SPSG-006 [Rev.2].pdf', '2008-TELWG37-SPSG-006 [Rev.2].txt']);
    });

    it.each<[string, number]>([
      ['2008-TELWG37-SPSG-006.doc [Rev.2]', 2],
      ['2008-TELWG37-SPSG-006.doc', 2], // no revision named: the latest
      ['2008/TEL37/SPSG/006rev2', 2],
      ['2008-TEL37-SPSG-6 (Rev.0)', 0],
      ['2008/TEL37/SPSG/006rev0', 0],
    ])('resolves %j to Rev.%d', async (spelling, revision) => {
      const res = await doc(spelling);
      expect(res.errors).toBeUndefined();
      expect(res.data.document.symbol).toBe('2008-TELWG37-SPSG-006');
      expect(res.data.document.revision.number).toBe(revision);
    });

    it('answers NOT_FOUND for a revision in the gap', async () => {
      const res = await doc('2008-TELWG37-SPSG-006 [Rev.1]');
      expect(errorCodes(res)).toEqual(['NOT_FOUND']);
      expect(res.errors![0].message).toBe('Document "2008-TELWG37-SPSG-006 [Rev.1]" not found');
    });

    it('knows 2008-TELWG37-PTAB-WS-016, the botnet workshop’s research report from China, with an English and a Chinese file', async () => {
      const res = await doc('2008-TELWG37-PTAB-WS-016');
      expect(res.data.document).toMatchObject({
        code: 'PTAB-WS',
        apecSymbol: '2008/TEL37/PTAB-WS/016',
        submittedBy: { name: expect.stringMatching(/China/) },
        group: { code: 'SPSG' },
        session: { title: 'Workshop on Policy and Technical Approaches against Botnet' },
        agendaItem: { number: '2.b' },
      });
      expect(res.data.document.revision.files).toEqual([
        expect.objectContaining({ name: 'botnet-workshop-research-report.pdf', kind: 'PDF' }),
        expect.objectContaining({ name: '殭屍網路研討會研究報告摘要.txt', kind: 'TXT' }),
      ]);
    });

    it('answers BAD_USER_INPUT naming the expected form for garbage', async () => {
      for (const garbage of ['hello', '2008-TELWG37', '../../etc/passwd', '2008-TEL37-SPSG-006r2', 'x'.repeat(300)]) {
        const res = await doc(garbage);
        expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.errors![0].message).toMatch(/Expected YEAR-MEETING-CODE-NNN, e\.g\. 2008-TELWG37-SPSG-006/);
        expect(res.errors![0].extensions).toMatchObject({ field: 'symbol', expected: expect.stringContaining('YEAR-MEETING-CODE-NNN') });
      }
    });

    it('downloads a seeded file', async () => {
      const res = await t.gql(`{ document(symbol: "2008-TELWG37-SPSG-012") { revision { files { url kind size } } } }`);
      const [file] = res.data.document.revision.files;
      const got = await fetch(`${t.url}${file.url}`);
      expect(got.status).toBe(200);
      const bytes = Buffer.from(await got.arrayBuffer());
      expect(bytes.length).toBe(file.size);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.toString('latin1')).toContain('2008-TELWG37-SPSG-012');
    });
  });

  describe('registering', () => {
    it('gives the next free number per meeting and code', async () => {
      const spsg = await register({ title: 'Next SPSG paper' });
      expect(spsg.errors).toBeUndefined();
      expect(spsg.data.registerDocument).toMatchObject({
        symbol: '2008-TELWG37-SPSG-017',
        number: 17,
        code: 'SPSG',
        year: 2008,
        status: 'REGISTERED',
        group: { code: 'SPSG' },
        revision: { number: 0, symbol: '2008-TELWG37-SPSG-017' },
      });
      const workshop = await register({ code: 'ptab/ws', title: 'Another workshop paper' });
      expect(workshop.data.registerDocument).toMatchObject({ symbol: '2008-TELWG37-PTAB-WS-017', code: 'PTAB-WS', group: { code: 'SPSG' } });
      const dsg = await register({ groupCode: 'DSG', title: 'First DSG paper' });
      expect(dsg.data.registerDocument.symbol).toBe('2008-TELWG37-DSG-001');
      const again = await register({ groupCode: 'DSG', title: 'Second DSG paper' });
      expect(again.data.registerDocument.symbol).toBe('2008-TELWG37-DSG-002');
    });

    it('registers an older paper under its explicit symbol, and the numbering moves past it', async () => {
      const imported = await register({ meetingCode: null, groupCode: null, symbol: '2008/TEL37/LSG/040rev1.doc', title: 'Imported LSG paper' });
      expect(imported.errors).toBeUndefined();
      expect(imported.data.registerDocument).toMatchObject({
        symbol: '2008-TELWG37-LSG-040',
        group: { code: 'LSG' },
        revision: { number: 1, symbol: '2008-TELWG37-LSG-040 [Rev.1]' },
      });
      const next = await register({ groupCode: 'LSG', title: 'Next LSG paper' });
      expect(next.data.registerDocument.symbol).toBe('2008-TELWG37-LSG-041');
      const lower = await register({ meetingCode: null, groupCode: null, symbol: '2008-TELWG37-LSG-003', title: 'Older, lower number' });
      expect(lower.data.registerDocument.symbol).toBe('2008-TELWG37-LSG-003');
      expect((await register({ groupCode: 'LSG', title: 'Still after 041' })).data.registerDocument.symbol).toBe('2008-TELWG37-LSG-042');
    });

    it.each<[string, Record<string, unknown>, string, RegExp]>([
      ['an existing symbol', { symbol: '2008-TELWG37-SPSG-006' }, 'CONFLICT', /already registered/],
      ['a garbage symbol', { symbol: 'SPSG six' }, 'BAD_USER_INPUT', /Expected YEAR-MEETING-CODE-NNN/],
      ['a symbol of another meeting', { symbol: '2008-TELWG38-SPSG-001' }, 'BAD_USER_INPUT', /belongs to meeting TEL38/],
      ['a year that does not fit the meeting', { year: 2011 }, 'BAD_USER_INPUT', /2011 does not fit TEL37/],
      ['no group or code', { groupCode: null }, 'BAD_USER_INPUT', /groupCode or code/],
      ['a code that cannot be in a symbol', { groupCode: null, code: 'SP SG' }, 'BAD_USER_INPUT', /do not make a document symbol/],
      ['an unknown meeting', { meetingCode: 'TEL99' }, 'NOT_FOUND', /Meeting "TEL99" not found/],
      ['an unknown group', { groupCode: 'NOPE' }, 'NOT_FOUND', /Group "NOPE" not found/],
      ['a person as submitter', { submittedBy: { personId: randomUUID() } }, 'BAD_USER_INPUT', /economy or an organization/],
      ['two submitters', { submittedBy: { economyCode: 'CT', organizationCode: 'OECD' } }, 'BAD_USER_INPUT', /exactly one/],
      ['a bad language tag', { language: 'Chinese' }, 'BAD_USER_INPUT', /not a language tag/],
      ['an empty title', { title: '   ' }, 'BAD_USER_INPUT', /title must not be empty/],
      ['a session of another meeting', { sessionId: 'SESSION_OF_TEL42' }, 'BAD_USER_INPUT', /not part of TEL37/],
      ['an unknown agenda item', { agendaItemId: randomUUID() }, 'NOT_FOUND', /Agenda item/],
    ])('refuses %s and takes no number', async (_label, input, code, message) => {
      if (input.sessionId === 'SESSION_OF_TEL42') input.sessionId = await sessionOfAnotherMeeting();
      const before = await t.dataSource.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM document`);
      const res = await register(input);
      expect(errorCodes(res)).toEqual([code]);
      expect(res.errors![0].message).toMatch(message);
      expect(await t.dataSource.query(`SELECT COUNT(*) AS n FROM document`)).toEqual(before);
    });

    async function sessionOfAnotherMeeting(): Promise<string> {
      await t.gql(
        `mutation { createMeeting(input: { code: "TEL42", number: 42, title: "TEL42", startDate: "2010-09-12", endDate: "2010-09-17", timeZone: "Asia/Taipei" }) { code } }`,
        undefined,
        secretariat,
      );
      const res = await t.gql(
        `mutation { createSession(input: { meetingCode: "TEL42", kind: PLENARY, title: "Plenary", startsAt: "2010-09-15T09:00", endsAt: "2010-09-15T12:00" }) { id } }`,
        undefined,
        secretariat,
      );
      return res.data.createSession.id;
    }

    it('requires an explicit access level', async () => {
      const res = await t.gql(
        `mutation { registerDocument(input: { meetingCode: "TEL37", groupCode: "SPSG", title: "x", type: REPORT, purpose: INFORMATION }) { symbol } }`,
        undefined,
        secretariat,
      );
      expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    });

    it('is for the secretariat only', async () => {
      expect(errorCodes(await t.gql(REGISTER, { input: { ...base, title: 'Anonymous' } }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await register({}, korea))).toEqual(['FORBIDDEN']);
    });

    it('hands 20 concurrent registrations in one meeting and group 20 distinct, consecutive numbers', async () => {
      await t.gql(
        `mutation { createMeeting(input: { code: "TEL50", number: 50, title: "TEL50", startDate: "2014-03-10", endDate: "2014-03-14", timeZone: "Asia/Tokyo" }) { code } }`,
        undefined,
        secretariat,
      );
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => register({ meetingCode: 'TEL50', title: `Concurrent paper ${i}` })));
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const numbers = results.map((r) => r.data.registerDocument.number).sort((a, b) => Number(a) - Number(b));
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(new Set(results.map((r) => r.data.registerDocument.symbol)).size).toBe(20);
      expect((await register({ meetingCode: 'TEL50', title: 'After the rush' })).data.registerDocument.symbol).toBe('2014-TELWG50-SPSG-021');
    });

    it('records who registered what', async () => {
      const res = await register({ title: 'Audited paper' });
      const rows = await t.dataSource.query<{ action: string; summary: string; actorEmail: string | null }[]>(
        `SELECT action, summary, "actorEmail" FROM audit_event WHERE action = 'document.register' AND summary LIKE '%Audited paper%'`,
      );
      expect(rows).toEqual([{ action: 'document.register', summary: `registered ${res.data.registerDocument.symbol}: Audited paper`, actorEmail: expect.stringContaining('@') }]);
    });
  });

  describe('revisions', () => {
    const ADD = `mutation($input: AddRevisionInput!) { addRevision(input: $input) { number symbol note document { symbol } } }`;
    let symbol: string;
    beforeAll(async () => {
      symbol = (await register({ title: 'Paper with revisions', submittedBy: { economyCode: 'ROK' } })).data.registerDocument.symbol;
    });

    it('adds Rev.1 after Rev.0, skips ahead when asked, never goes back', async () => {
      expect((await t.gql(ADD, { input: { symbol, note: 'comments from Canada' } }, secretariat)).data.addRevision).toMatchObject({
        number: 1,
        symbol: `${symbol} [Rev.1]`,
        note: 'comments from Canada',
      });
      expect((await t.gql(ADD, { input: { symbol: `${symbol} [Rev.4]` } }, secretariat)).data.addRevision.number).toBe(4);
      const back = await t.gql(ADD, { input: { symbol, number: 3 } }, secretariat);
      expect(errorCodes(back)).toEqual(['CONFLICT']);
      expect(back.errors![0].message).toMatch(/only go forward: .* is at Rev\.4/);
      expect(errorCodes(await t.gql(ADD, { input: { symbol, number: 4 } }, secretariat))).toEqual(['CONFLICT']);
      expect(errorCodes(await t.gql(ADD, { input: { symbol: `${symbol} [Rev.6]`, number: 5 } }, secretariat))).toEqual(['BAD_USER_INPUT']);
      const history = await doc(symbol);
      expect(history.data.document.revisions.map((r: GqlData) => r.number)).toEqual([4, 1, 0]);
    });

    it('lets delegates of the submitting economy add revisions, and nobody else', async () => {
      expect((await t.gql(ADD, { input: { symbol } }, korea)).data.addRevision.number).toBe(5);
      expect(errorCodes(await t.gql(ADD, { input: { symbol } }, usa))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await t.gql(ADD, { input: { symbol } }))).toEqual(['UNAUTHENTICATED']);
    });

    it('withdraws a document: it keeps its history but takes no new revisions', async () => {
      const res = await t.gql(`mutation($s: String!) { withdrawDocument(input: { symbol: $s, reason: "tabled by mistake" }) { status statusNote } }`, { s: symbol }, secretariat);
      expect(res.data.withdrawDocument).toEqual({ status: 'WITHDRAWN', statusNote: 'tabled by mistake' });
      const add = await t.gql(ADD, { input: { symbol } }, secretariat);
      expect(errorCodes(add)).toEqual(['INVALID_STATE']);
      expect(errorCodes(await t.gql(`mutation($s: String!) { withdrawDocument(input: { symbol: $s }) { status } }`, { s: symbol }, secretariat))).toEqual(['INVALID_STATE']);
      expect((await doc(symbol)).data.document.revisions).toHaveLength(4);
    });

    it('marks a document superseded by another', async () => {
      const older = (await register({ title: 'Old draft' })).data.registerDocument.symbol;
      const newer = (await register({ title: 'New draft' })).data.registerDocument.symbol;
      const res = await t.gql(
        `mutation($s: String!, $by: String!) { withdrawDocument(input: { symbol: $s, supersededBy: $by }) { status supersededBy { symbol } } }`,
        { s: older, by: newer },
        secretariat,
      );
      expect(res.data.withdrawDocument).toEqual({ status: 'SUPERSEDED', supersededBy: { symbol: newer } });
    });
  });

  describe('links and lists', () => {
    it('links a document to a session and an agenda item, and unlinks it', async () => {
      const symbol = (await register({ title: 'Linked paper' })).data.registerDocument.symbol;
      const spsg = await t.gql(`{ meeting(code: "TEL37") { sessions { id title } } agendaItem(meetingCode: "TEL37", groupCode: "SPSG", number: "10(a)") { id } }`);
      const session = spsg.data.meeting.sessions.find((s: GqlData) => s.title === 'SPSG meeting (session 2 of 2)');
      const itemId = spsg.data.agendaItem.id;
      const LINK = `mutation($input: LinkDocumentInput!) { linkDocument(input: $input) { session { title } agendaItem { number } } }`;
      const linked = await t.gql(LINK, { input: { symbol, sessionId: session.id, agendaItemId: itemId } }, secretariat);
      expect(linked.data.linkDocument).toEqual({ session: { title: 'SPSG meeting (session 2 of 2)' }, agendaItem: { number: '10.a' } });
      const item = await t.gql(`query($id: ID!) { agendaItem(id: $id) { documents { symbol } session { title } } }`, { id: itemId });
      expect(item.data.agendaItem.documents).toEqual([{ symbol }]);
      const ses = await t.gql(`query($id: ID!) { session(id: $id) { documents { symbol } } }`, { id: session.id });
      expect(ses.data.session.documents.map((d: GqlData) => d.symbol)).toContain(symbol);
      const unlinked = await t.gql(LINK, { input: { symbol, agendaItemId: null } }, secretariat);
      expect(unlinked.data.linkDocument).toEqual({ session: { title: 'SPSG meeting (session 2 of 2)' }, agendaItem: null });
      expect(errorCodes(await t.gql(LINK, { input: { symbol } }, secretariat))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await t.gql(LINK, { input: { symbol, agendaItemId: itemId } }, korea))).toEqual(['FORBIDDEN']);
    });

    it('filters documents by meeting, group, type, submitter, agenda item, access and status, and pages through them', async () => {
      const list = (filter: Record<string, unknown>, token = secretariat, first = 100) =>
        t.gql(
          `query($f: DocumentFilter, $first: Int) { documents(filter: $f, first: $first) { totalCount nodes { symbol type access status } pageInfo { hasNextPage endCursor } } }`,
          { f: filter, first },
          token,
        );
      const progress = await list({ meetingCode: 'TEL37', type: 'PROGRESS_REPORT' });
      expect(progress.data.documents.nodes.every((d: GqlData) => d.type === 'PROGRESS_REPORT')).toBe(true);
      expect(progress.data.documents.nodes.map((d: GqlData) => d.symbol)).toEqual(expect.arrayContaining(['2008-TELWG37-SPSG-004', '2008-TELWG37-SPSG-009']));
      const byKorea = await list({ submittedBy: { economyCode: 'ROK' }, meetingCode: 'TEL37' });
      expect(byKorea.data.documents.nodes.map((d: GqlData) => d.symbol)).toEqual(expect.arrayContaining(['2008-TELWG37-SPSG-005', '2008-TELWG37-SPSG-006']));
      const byOecd = await list({ submittedBy: { organizationCode: 'OECD' } });
      expect(byOecd.data.documents.nodes.map((d: GqlData) => d.symbol)).toEqual(['2008-TELWG37-SPSG-012']);
      const item = await t.gql(`{ agendaItem(meetingCode: "TEL37", groupCode: "SPSG", number: "3(b)") { id } }`);
      const onItem = await list({ agendaItem: item.data.agendaItem.id });
      expect(onItem.data.documents.nodes.map((d: GqlData) => d.symbol)).toEqual(['2008-TELWG37-SPSG-005', '2008-TELWG37-SPSG-006']);
      const plenary = await list({ meetingCode: 'TEL37', groupCode: 'TEL' });
      expect(plenary.data.documents.nodes.map((d: GqlData) => d.symbol)).toEqual(['2008-TELWG37-PLEN-001', '2008-TELWG37-PLEN-002', '2008-TELWG37-PLEN-003']);
      const restricted = await list({ meetingCode: 'TEL37', access: 'RESTRICTED' });
      expect(restricted.data.documents.nodes.every((d: GqlData) => d.access === 'RESTRICTED')).toBe(true);
      expect(restricted.data.documents.totalCount).toBeGreaterThanOrEqual(5);
      const withdrawn = await list({ status: 'WITHDRAWN' });
      expect(withdrawn.data.documents.nodes.every((d: GqlData) => d.status === 'WITHDRAWN')).toBe(true);

      const all = await list({ meetingCode: 'TEL37' });
      const first = await list({ meetingCode: 'TEL37' }, secretariat, 5);
      expect(first.data.documents.nodes).toEqual(all.data.documents.nodes.slice(0, 5));
      expect(first.data.documents.pageInfo.hasNextPage).toBe(true);
      const second = await t.gql(
        `query($after: String) { documents(filter: { meetingCode: "TEL37" }, first: 5, after: $after) { nodes { symbol } } }`,
        { after: first.data.documents.pageInfo.endCursor },
        secretariat,
      );
      expect(second.data.documents.nodes.map((d: GqlData) => d.symbol)).toEqual(all.data.documents.nodes.slice(5, 10).map((d: GqlData) => d.symbol));
      expect(errorCodes(await list({ agendaItem: 'not-an-id' }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await list({}, secretariat, 1000))).toEqual(['BAD_USER_INPUT']);
    });

    it('lists papers in the order of their meetings (number, then code); a meeting or group code that names none matches no paper', async () => {
      const MEETING = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { code } }`;
      for (const [code, number] of [
        ['TEL36', 36],
        ['TEL35', 35],
      ] as const) {
        expect((await t.gql(MEETING, { input: { code, number, title: `${code} (list order)`, groupCode: 'TEL' } }, secretariat)).errors).toBeUndefined();
        expect((await register({ meetingCode: code, groupCode: 'TEL', year: 2008 })).errors).toBeUndefined();
      }
      const QUERY = `query($f: DocumentFilter) { documents(filter: $f, first: 100) { totalCount nodes { symbol meeting { code number } } } }`;
      type Listed = { documents: { totalCount: number; nodes: { symbol: string; meeting: { code: string; number: number } }[] } };
      const listed = async (f: Record<string, string | undefined> | null): Promise<Listed['documents']> => {
        const res = await t.gql<Listed>(QUERY, { f }, secretariat);
        expect(res.errors).toBeUndefined();
        return res.data.documents;
      };
      const all = await listed(null);
      const numbers = all.nodes.map((d) => d.meeting.number);
      expect(all.nodes[0].meeting.code).toBe('TEL35');
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      for (const f of [{ meetingCode: 'TEL99' }, { groupCode: 'NOSUCH' }, { meetingCode: 'TEL37', groupCode: 'NOSUCH' }]) expect((await listed(f)).totalCount).toBe(0);
    });

    /** Statements a query costs. */
    const statements = async (query: string) => {
      const before = t.queryCount();
      const res = await t.gql(query);
      expect(res.errors).toBeUndefined();
      return { res, count: t.queryCount() - before };
    };

    it('lists a meeting’s documents, paged, and batches the reads however many rows there are', async () => {
      const q = (first: number) => `{ meetings(first: 5) { nodes { code documents(first: ${first}) { totalCount nodes { symbol revision { files { name } } } } } } }`;
      const small = await statements(q(1));
      const large = await statements(q(50));
      const tel37 = (r: GqlResponse) => r.data.meetings.nodes.find((m: GqlData) => m.code === 'TEL37').documents;
      expect(tel37(small.res).nodes).toHaveLength(1);
      expect(tel37(large.res).nodes.length).toBeGreaterThan(20);
      expect(tel37(large.res).totalCount).toBe(tel37(small.res).totalCount);
      expect(large.count).toBe(small.count);
    });

    it('batches the documents of agenda items and sessions too: more linked papers cost no more statements', async () => {
      const q = `{ agenda(meetingCode: "TEL37", groupCode: "SPSG") { items { id documents { symbol } children { id documents { symbol submittedBy { name } revisions { number files { name } } } } } } meeting(code: "TEL37") { sessions { documents { symbol } } } }`;
      const before = await statements(q);
      const linked = (r: GqlResponse) => r.data.agenda.items.flatMap((i: GqlData) => [...i.documents, ...i.children.flatMap((c: GqlData) => c.documents)]);
      const items = before.res.data.agenda.items.flatMap((i: GqlData) => [i, ...i.children]);
      for (const item of items.slice(0, 8)) {
        await register({ title: `Extra paper for ${item.id}`, agendaItemId: item.id, submittedBy: { organizationCode: 'ITU' } });
      }
      const after = await statements(q);
      expect(linked(after.res).length).toBe(linked(before.res).length + 8);
      expect(after.count).toBe(before.count);
    });
  });

  describe('restricted documents', () => {
    const RESTRICTED = '2008-TELWG37-SPSG-004';

    it('do not exist for anonymous callers: the same NOT_FOUND as a missing symbol', async () => {
      const hidden = await doc(RESTRICTED);
      const missing = await doc('2008-TELWG37-SPSG-099');
      expect(errorCodes(hidden)).toEqual(['NOT_FOUND']);
      expect(hidden.errors![0].message).toBe(`Document "${RESTRICTED}" not found`);
      expect(missing.errors![0].message).toBe('Document "2008-TELWG37-SPSG-099" not found');
      expect(Object.keys(hidden.errors![0].extensions!).sort()).toEqual(Object.keys(missing.errors![0].extensions!).sort());
      expect(errorCodes(await doc(`${RESTRICTED} [Rev.0]`))).toEqual(['NOT_FOUND']);
    });

    it('leave no trace for anonymous callers in lists, counts, agenda links or sessions; signed-in delegates see them', async () => {
      const view = (token?: string) =>
        t.gql(
          `{ documents(filter: { meetingCode: "TEL37" }, first: 100) { totalCount nodes { symbol access } }
             restricted: documents(filter: { access: RESTRICTED }) { totalCount nodes { symbol } }
             meeting(code: "TEL37") { documents(first: 100) { totalCount nodes { symbol } } sessions { title documents { symbol } } }
             agendaItem(meetingCode: "TEL37", groupCode: "SPSG", number: "3(c)") { documents { symbol } } }`,
          undefined,
          token,
        );
      const anonymous = await view();
      const delegate = await view(usa);
      expect(anonymous.errors).toBeUndefined();
      const symbols = (r: GqlResponse) => r.data.documents.nodes.map((d: GqlData) => d.symbol);
      expect(JSON.stringify(anonymous.data)).not.toContain(RESTRICTED);
      expect(anonymous.data.documents.nodes.every((d: GqlData) => d.access === 'PUBLIC')).toBe(true);
      expect(anonymous.data.restricted).toEqual({ totalCount: 0, nodes: [] });
      expect(anonymous.data.agendaItem.documents).toEqual([]);
      expect(symbols(delegate)).toContain(RESTRICTED);
      expect(delegate.data.agendaItem.documents).toEqual([{ symbol: RESTRICTED }]);
      const hiddenCount = Number(delegate.data.documents.totalCount) - Number(anonymous.data.documents.totalCount);
      expect(hiddenCount).toBeGreaterThanOrEqual(5);
      expect(Number(delegate.data.meeting.documents.totalCount) - Number(anonymous.data.meeting.documents.totalCount)).toBe(hiddenCount);
      expect(anonymous.data.meeting.documents.totalCount).toBe(anonymous.data.documents.totalCount);
      const sessionDocs = (r: GqlResponse) => r.data.meeting.sessions.flatMap((s: GqlData) => s.documents.map((d: GqlData) => d.symbol));
      expect(sessionDocs(delegate)).toContain('2008-TELWG37-SPSG-016');
      expect(sessionDocs(anonymous)).not.toContain('2008-TELWG37-SPSG-016');
    });

    it('hide with the document once the secretariat restricts it, and reappear when it is public again', async () => {
      const symbol = (await register({ title: 'Soon restricted' })).data.registerDocument.symbol;
      const upload = new FormData();
      upload.append('file', new Blob([new Uint8Array(samples.txt('soon restricted\n'))]), 'soon.txt');
      const file = (await (
        await fetch(`${t.url}/api/documents/${symbol}/revisions/0/files`, { method: 'POST', headers: { authorization: `Bearer ${secretariat}` }, body: upload })
      ).json()) as { id: string };
      expect((await fetch(`${t.url}/files/${file.id}`)).status).toBe(200);
      const UPDATE = `mutation($s: String!, $a: DocumentAccess) { updateDocument(input: { symbol: $s, access: $a }) { access } }`;
      expect((await t.gql(UPDATE, { s: symbol, a: 'RESTRICTED' }, secretariat)).data.updateDocument.access).toBe('RESTRICTED');
      expect(errorCodes(await doc(symbol))).toEqual(['NOT_FOUND']);
      expect((await fetch(`${t.url}/files/${file.id}`)).status).toBe(404);
      expect((await fetch(`${t.url}/files/${file.id}`, { headers: { authorization: `Bearer ${korea}` } })).status).toBe(200);
      await t.gql(UPDATE, { s: symbol, a: 'PUBLIC' }, secretariat);
      expect((await fetch(`${t.url}/files/${file.id}`)).status).toBe(200);
      const audit = await t.dataSource.query<{ summary: string }[]>(`SELECT summary FROM audit_event WHERE action = 'document.update'`);
      expect(audit.map((r) => r.summary)).toContain(`updated access of ${symbol}`);
    });

    it('a superseding document the caller may not read is not shown', async () => {
      const hidden = (await register({ title: 'Restricted successor', access: 'RESTRICTED' })).data.registerDocument.symbol;
      const visible = (await register({ title: 'Public predecessor' })).data.registerDocument.symbol;
      await t.gql(`mutation($s: String!, $by: String!) { withdrawDocument(input: { symbol: $s, supersededBy: $by }) { status } }`, { s: visible, by: hidden }, secretariat);
      const anonymous = await t.gql(`query($s: String!) { document(symbol: $s) { status supersededBy { symbol } } }`, { s: visible });
      expect(anonymous.data.document).toEqual({ status: 'SUPERSEDED', supersededBy: null });
      const member = await t.gql(`query($s: String!) { document(symbol: $s) { supersededBy { symbol } } }`, { s: visible }, korea);
      expect(member.data.document.supersededBy).toEqual({ symbol: hidden });
    });
  });
});
