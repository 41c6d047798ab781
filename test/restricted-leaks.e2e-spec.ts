import { getNamedType, GraphQLField } from 'graphql';
import { Role } from '@tel/core';
import { formatDocumentSymbol, parseDocumentSymbol } from '@tel/documents';
import { ArgSet, CollectedString, createTestApp, Known, spread, TestApp, tokenFor, walkSchema, WalkResult } from '@tel/testing';
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
  const values = (type: string, key: string) => distinct(records(type).map((r) => r[key]).filter((v): v is string => typeof v === 'string'));
  const required = field.args.filter((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined).map((a) => a.name);
  const has = (name: string) => field.args.some((a) => a.name === name);

  switch (field.name) {
    case 'agenda':
      return distinct(records('Agenda').filter((r) => r['meeting.code'] && r['group.code']).map((r) => ({ meetingCode: r['meeting.code'], groupCode: r['group.code'] })));
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
  if (has('id') && field.args.find((a) => a.name === 'id')!.type.toString().startsWith('ID')) {
    // Lists reach every row already; by id, a spread of them is enough to walk the root itself.
    return spread([...(known.ids.get(returns) ?? [])], 6).map((id) => ({ id }));
  }
  if (required.length === 1 && required[0] === 'code') return spread(values(returns, 'code'), 6).map((code) => ({ code }));
  if (required.length === 1 && required[0] === 'symbol') return values('Document', 'symbol').map((symbol) => ({ symbol }));
  return [];
}

describe('restricted papers leave no trace (schema walk)', () => {
  let t: TestApp;
  const walks = new Map<string, WalkResult>();

  beforeAll(async () => {
    t = await createTestApp();
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
    console.log(`[walk, anonymous] ${result.queries} queries, ${result.strings.length} strings, ${result.visited.size} fields; not walked: ${JSON.stringify([...result.notWalked])}`);
    expect([...result.notWalked.keys()]).toEqual([]);
    for (const field of ['Project.documents', 'ProjectDocument.documentSymbol', 'ProgressReport.documentSymbol', 'ProgressReport.document', 'ApprovalRequest.documentSymbol', 'ApprovalDecision.documentSymbol', 'ApprovalDecision.document', 'AgendaItem.documents', 'Session.documents', 'HistoryEvent.note', 'FieldChange.after', 'Document.supersededBy']) {
      expect(result.visited).toContain(field);
    }
  }, 300_000);

  it.each([
    ['a DELEGATE of an economy that submitted none of them', [Role.DELEGATE], 'PE'],
    ['an OVERSEER', [Role.OVERSEER], undefined],
  ])('signed in as %s (a member: every account is), the walk finds every restricted paper — so it would see a leak', async (who, roles, economyCode) => {
    const token = await tokenFor(t, roles as Role[], economyCode ? { economyCode } : {});
    const result = await walk(who, token);
    const found = new Set(leaksIn(result.strings).map((l) => l.document));
    expect([...found].sort()).toEqual(restricted.map((d) => d.symbol).sort());
  }, 300_000);
});
