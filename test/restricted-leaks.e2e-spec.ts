import { getNamedType, GraphQLField } from 'graphql';
import { Role } from '@tel/core';
import { formatDocumentSymbol, parseDocumentSymbol } from '@tel/documents';
import { ArgSet, CollectedString, createTestApp, GqlData, Known, spread, TestApp, tokenFor, waitForJobs, WalkResult, walkSchema } from '@tel/testing';
import { tel37Documents } from '../seed/documents/tel37-documents';

/**
 * Restricted papers leave no trace for callers who may not read them — not in a field that names a
 * document, not in a symbol, a title or a text that quotes one, not in an error message. The walker
 * asks everything the schema offers and this spec looks for every spelling of the seed's restricted
 * papers in every string that comes back.
 *
 * Who may not read them: the rule (libs/documents/src/documents/document-access.rules.ts) lets every
 * signed-in account read RESTRICTED papers, so the only caller without access is the anonymous one.
 * The signed-in walks are the control: a DELEGATE of an economy that submitted none of the papers,
 * and an OVERSEER, must find every restricted paper — proof that the walker reaches them and that
 * the search below would see a leak.
 */

const restricted = tel37Documents.filter((d) => d.access === 'RESTRICTED');

/** Every spelling the symbol parser accepts that a text could plausibly carry, as patterns. */
function spellings(symbol: string): { label: string; pattern: RegExp }[] {
  const s = parseDocumentSymbol(symbol);
  const nnn = String(s.number).padStart(3, '0');
  const meetingNo = s.meeting.replace(/^\D+/, '');
  const end = '(?![0-9])';
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [
    { label: 'canonical', pattern: new RegExp(esc(formatDocumentSymbol(s)) + end, 'i') },
    { label: 'apec-db', pattern: new RegExp(esc(formatDocumentSymbol(s, { style: 'apec-db' })) + end, 'i') },
    { label: 'meeting and number', pattern: new RegExp(`TEL(?:WG)?\\s*${meetingNo}\\s*[-/ ]\\s*${esc(s.code ?? '')}\\s*[-/ ]\\s*0*${s.number}${end}`, 'i') },
    { label: 'code and number', pattern: new RegExp(`${esc(s.code ?? '')}\\s*[-/]\\s*${nnn}${end}`, 'i') },
  ];
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').toLowerCase();

interface Leak {
  document: string;
  spelling: string;
  path: string;
  value: string;
}

function leaksIn(strings: CollectedString[]): Leak[] {
  const leaks: Leak[] = [];
  for (const doc of restricted) {
    const needles = [...spellings(doc.symbol), { label: 'title', pattern: null as RegExp | null, title: normalize(doc.title) }];
    for (const s of strings) {
      const text = normalize(s.value);
      for (const n of needles) {
        const hit = n.pattern ? n.pattern.test(s.value) : text.includes((n as { title: string }).title);
        if (hit) leaks.push({ document: doc.symbol, spelling: n.label, path: s.path, value: s.value.slice(0, 160) });
      }
    }
  }
  return leaks;
}

/** Argument values from the seed and from what the walk has seen so far. */
function fill(field: GraphQLField<unknown, unknown>, known: Known): ArgSet[] {
  const returns = getNamedType(field.type).name;
  const records = (type: string) => known.records.get(type) ?? [];
  const distinct = <T>(xs: T[]) => [...new Map(xs.map((x) => [JSON.stringify(x), x])).values()];
  const values = (type: string, key: string) =>
    distinct(
      records(type)
        .map((r) => r[key])
        .filter((v): v is string => typeof v === 'string'),
    );
  const required = field.args.filter((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined).map((a) => a.name);
  const has = (name: string) => field.args.some((a) => a.name === name);

  switch (field.name) {
    case 'agenda':
      return distinct(
        records('Agenda')
          .filter((r) => r['meeting.code'] && r['group.code'])
          .map((r) => ({ meetingCode: r['meeting.code'], groupCode: r['group.code'] })),
      );
    case 'searchDocuments':
      // The empty query lists the newest papers; the others ask for the restricted ones outright.
      return [
        { query: '' },
        ...restricted.flatMap((d) => {
          const s = parseDocumentSymbol(d.symbol);
          return [{ query: d.symbol }, { query: `${s.code} ${s.number}` }, { query: d.title }];
        }),
      ];
    case 'documents':
      return [{ filter: { access: 'RESTRICTED' } }, { filter: { meetingCode: 'TEL37', groupCode: 'SPSG' } }];
    case 'organizations':
      return [{ participantsOnly: false }];
    case 'projectByNumber':
      // The seed's projects have no APEC number yet: the documented example still walks the root.
      return [...spread(values('Project', 'number'), 6), 'TEL 01/2007S'].map((number) => ({ number }));
  }
  if (
    has('id') &&
    field.args
      .find((a) => a.name === 'id')!
      .type.toString()
      .startsWith('ID')
  ) {
    // Lists reach every row already; by id, a spread of them is enough to walk the root itself.
    return spread([...(known.ids.get(returns) ?? [])], 6).map((id) => ({ id }));
  }
  if (required.length === 1 && required[0] === 'code') return spread(values(returns, 'code'), 6).map((code) => ({ code }));
  if (required.length === 1 && required[0] === 'symbol') return values('Document', 'symbol').map((symbol) => ({ symbol }));
  return [];
}

/** Member-written data that names restricted papers in every place a text or a symbol can go. */
async function plantTraces(t: TestApp, secretariat: string): Promise<void> {
  const ok = async (query: string, variables: Record<string, unknown>) => {
    const res = await t.gql(query, variables, secretariat);
    if (res.errors) throw new Error(`planting failed: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const projects = await ok(`{ projects(filter: { steeringGroupCode: "SPSG" }, first: 50) { nodes { id title } } }`, {});
  const botnet = projects.projects.nodes.find((p: GqlData) => /Botnet/.test(p.title));
  // A project's links and description, and so its history (FieldChange before/after).
  await ok(`mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }`, {
    input: {
      id: botnet.id,
      documentSymbols: ['2008-TELWG37-SPSG-010', '2008/TEL37/SPSG/016'],
      description: "Builds on 2008/TEL37/SPSG/016 and on 'Draft SPSG elements for the TELMIN7 Ministerial Direction'.",
    },
  });
  // A request to endorse a restricted paper (its subject is made from the symbol), decided with a
  // restricted paper as the record and a note that names another.
  const filed = await ok(`mutation($input: FileApprovalRequestInput!) { fileApprovalRequest(input: $input) { id steps { id version } } }`, {
    input: { kind: 'REPORT_ENDORSEMENT', documentSymbol: '2008-TELWG37-SPSG-016', steeringGroupCode: 'SPSG', reason: 'Follows SPSG-011 of TEL37.' },
  });
  const step = filed.fileApprovalRequest.steps[0];
  await ok(`mutation($input: DecideApprovalStepInput!) { decideApprovalStep(input: $input) { id } }`, {
    input: {
      stepId: step.id,
      expectedVersion: step.version,
      outcome: 'APPROVED',
      decidedOn: '2008-03-27',
      meetingCode: 'TEL37',
      documentSymbol: '2008-TELWG37-SPSG-007',
      note: 'As recorded in TEL37 SPSG 4 [Rev.1].',
    },
  });
  // A public paper superseded by a restricted one, with a reason that names it.
  await ok(
    `mutation { withdrawDocument(input: { symbol: "2008-TELWG37-SPSG-014", supersededBy: "2008-TELWG37-SPSG-011", reason: "Replaced by 2008-TELWG37-SPSG-011.doc" }) { status } }`,
    {},
  );
  // An agenda outcome that quotes a restricted paper by symbol and title.
  const agenda = await ok(`{ agenda(meetingCode: "TEL37", groupCode: "SPSG") { items { number children { id number } } } }`, {});
  const item = agenda.agenda.items.flatMap((i: GqlData): GqlData[] => i.children).find((c: GqlData) => c.number === '3.f');
  await ok(`mutation($id: ID!, $outcome: String!) { recordAgendaOutcome(input: { itemId: $id, outcome: $outcome }) { id } }`, {
    id: item!.id,
    outcome: 'Noted 2008-TELWG37-SPSG-009 (Progress report: APEC TEL PKI/e-Authentication Training Program).',
  });
}

describe('restricted papers leave no trace (schema walk)', () => {
  let t: TestApp;
  let secretariat: string;
  const walks = new Map<string, WalkResult>();

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    await plantTraces(t, secretariat);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const walk = async (who: string, token?: string): Promise<WalkResult> => {
    const cached = walks.get(who);
    if (cached) return cached;
    const result = await walkSchema({ gql: (q, v) => t.gql(q, v, token), fill });
    walks.set(who, result);
    return result;
  };

  it('the seed has the five restricted TEL37 papers this spec looks for', () => {
    expect(restricted.map((d) => d.symbol)).toHaveLength(5);
  });

  it('anonymous: no restricted symbol, in any spelling, and no restricted title anywhere', async () => {
    const result = await walk('anonymous');
    const leaks = leaksIn(result.strings);
    if (leaks.length) console.log(`[leaks: ${leaks.length}]\n` + leaks.map((l) => `${l.document} (${l.spelling}) at ${l.path}: ${l.value}`).join('\n'));
    expect(leaks).toEqual([]);
  }, 300_000);

  it('the walker reaches every root query and the fields that name documents', async () => {
    const result = await walk('anonymous');
    console.log(
      `[walk, anonymous] ${result.queries} queries, ${result.strings.length} strings, ${result.visited.size} fields; not walked: ${JSON.stringify([...result.notWalked])}`,
    );
    expect([...result.notWalked.keys()]).toEqual([]);
    for (const field of [
      'Project.documents',
      'ProjectDocument.documentSymbol',
      'ProjectDocument.document',
      'Project.description',
      'ProgressReport.documentSymbol',
      'ProgressReport.document',
      'ProgressReport.objectivesResults',
      'ApprovalRequest.documentSymbol',
      'ApprovalRequest.document',
      'ApprovalRequest.subject',
      'ApprovalRequest.reason',
      'ApprovalDecision.documentSymbol',
      'ApprovalDecision.document',
      'ApprovalDecision.note',
      'AgendaItem.documents',
      'AgendaItem.outcome',
      'Session.documents',
      'Meeting.documents',
      'HistoryEvent.note',
      'FieldChange.before',
      'FieldChange.after',
      'Document.supersededBy',
      'Document.statusNote',
      'DocumentSearchResult.nodes',
    ]) {
      expect(result.visited).toContain(field);
    }
  }, 300_000);

  it('redacts, rather than drops, the texts that named a restricted paper', async () => {
    const strings = (await walk('anonymous')).strings.map((s) => s.value);
    expect(strings).toContain("Builds on [restricted document] and on '[restricted document]'.");
    expect(strings).toContain('As recorded in [restricted document].');
    expect(strings).toContain('Replaced by [restricted document]');
    expect(strings).toContain('Noted [restricted document] ([restricted document]).');
  }, 300_000);

  it('signed in as a DELEGATE of an economy that submitted none of them (a member: every account is), the walk finds every restricted paper — so it would see a leak', async () => {
    const token = await tokenFor(t, [Role.DELEGATE], { economyCode: 'PE' });
    const result = await walk('delegate', token);
    const found = new Set(leaksIn(result.strings).map((l) => l.document));
    expect([...found].sort()).toEqual(restricted.map((d) => d.symbol).sort());
  }, 300_000);

  it('counts and lists leave restricted papers out for anonymous callers, and keep them for members', async () => {
    const q = `{ meeting(code: "TEL37") { documents(first: 1) { totalCount } }
      documents(filter: { access: RESTRICTED }) { totalCount nodes { symbol } }
      projects(filter: { steeringGroupCode: "SPSG" }, first: 50) { nodes { title documents { documentSymbol document { symbol } } } } }`;
    const anonymous = (await t.gql(q)).data;
    const member = (await t.gql(q, {}, secretariat)).data;
    expect(Number(member.meeting.documents.totalCount) - Number(anonymous.meeting.documents.totalCount)).toBe(restricted.length);
    expect(anonymous.documents).toEqual({ totalCount: 0, nodes: [] });
    expect(member.documents.totalCount).toBe(restricted.length);
    const links = (d: GqlData) => d.projects.nodes.flatMap((p: GqlData) => p.documents.map((l: GqlData) => l.documentSymbol));
    expect(links(member)).toEqual(expect.arrayContaining(['2008-TELWG37-SPSG-004', '2008-TELWG37-SPSG-016']));
    expect(links(anonymous).filter((s: string) => restricted.some((r) => r.symbol === s))).toEqual([]);
    expect(links(anonymous).length).toBeGreaterThan(0);
  });

  it('asking for a restricted paper by any spelling answers NOT_FOUND exactly like a missing one', async () => {
    const ask = (symbol: string) => t.gql(`query($s: String!) { document(symbol: $s) { symbol } }`, { s: symbol });
    const missing = await ask('2008-TELWG37-SPSG-099');
    for (const d of restricted) {
      for (const spelling of [d.symbol, formatDocumentSymbol(parseDocumentSymbol(d.symbol), { style: 'apec-db' }), `${d.symbol}.doc [Rev.1]`]) {
        const res = await ask(spelling);
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
        expect(res.errors![0].message).toBe(missing.errors![0].message.replace('2008-TELWG37-SPSG-099', d.symbol));
      }
    }
  });

  it('costs the same statements for an anonymous caller however many links name restricted papers', async () => {
    // One branch per query: on PostgreSQL, sibling branches finish at different moments, and a
    // loader they share may then batch in two steps; within one branch the count is exact.
    const queries = [
      `{ projects(first: 50) { nodes { description documents { documentSymbol document { symbol title } } history { note changes { before after } } } } }`,
      `{ projects(first: 50) { nodes { progressReports { documentSymbol objectivesResults document { symbol } history { note changes { before after } } } } } }`,
      `{ projects(first: 50) { nodes { approvalRequests { subject reason documentSymbol document { symbol } steps { decision { documentSymbol note document { symbol } } } } } } }`,
    ];
    const statements = async () => {
      await waitForJobs(t); // background indexing must not count
      const counts: number[] = [];
      for (const q of queries) {
        const before = t.queryCount();
        const res = await t.gql(q);
        expect(res.errors).toBeUndefined();
        counts.push(t.queryCount() - before);
      }
      return counts;
    };
    const few = await statements();
    const { data } = await t.gql(`{ projects(first: 50) { nodes { id } } }`);
    for (const p of data.projects.nodes) {
      const res = await t.gql(
        `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }`,
        {
          input: {
            id: p.id,
            documentSymbols: ['2008-TELWG37-SPSG-006', '2008-TELWG37-SPSG-010', ...restricted.map((r) => r.symbol)],
            description: `Cites ${restricted.map((r) => r.symbol).join(', ')}.`,
          },
        },
        secretariat,
      );
      expect(res.errors).toBeUndefined();
    }
    const many = await statements();
    expect(many).toEqual(few);
  });
});
