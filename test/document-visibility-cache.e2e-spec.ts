import { Role } from '@tel/core';
import { createTestApp, expectedLogs, GqlData, TestApp, tokenFor } from '@tel/testing';
import { tel37Documents } from '../seed/documents/tel37-documents';

/**
 * DocumentVisibility keeps the list of papers an anonymous caller may not see while
 * document_generation is unchanged; triggers change it with every change to a document's access,
 * symbol or title. These tests change papers between two anonymous requests — through the API and
 * behind its back in SQL — and expect the very next request to redact by the new state; without the
 * triggers the list is loaded for every request.
 */

const R = '[restricted document]';
const paper = tel37Documents.find((d) => d.access === 'PUBLIC' && d.title.length >= 20 && d.symbol.includes('-SPSG-'))!;
const AGENDA = `{ agenda(meetingCode: "TEL37", groupCode: "SPSG") { items { children { id number outcome } } } }`;

async function outcomeItem(t: TestApp, token?: string): Promise<GqlData> {
  const res = await t.gql(AGENDA, {}, token);
  expect(res.errors).toBeUndefined();
  const item = res.data.agenda.items.flatMap((i: GqlData): GqlData[] => i.children).find((c: GqlData) => c.number === '3.f');
  if (!item) throw new Error('TEL37 SPSG agenda item 3.f is not in the seed');
  return item;
}

async function setAccessInSql(t: TestApp, access: 'PUBLIC' | 'RESTRICTED'): Promise<void> {
  const [a, s] = t.dialect === 'postgres' ? ['$1', '$2'] : ['?', '?'];
  await t.dataSource.query(`UPDATE document SET access = ${a} WHERE symbol = ${s}`, [access, paper.symbol]);
}

describe('the kept list of hidden papers follows every change at once', () => {
  let t: TestApp;
  let secretariat: string;
  let text: string;

  const anonymousOutcome = async () => (await outcomeItem(t)).outcome as string;
  const update = async (input: Record<string, unknown>) => {
    const res = await t.gql(
      `mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { symbol access title } }`,
      { input: { symbol: paper.symbol, ...input } },
      secretariat,
    );
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    const item = await outcomeItem(t, secretariat);
    text = `Noted ${paper.symbol} ("${paper.title}").`;
    const res = await t.gql(
      `mutation($id: ID!, $outcome: String!) { recordAgendaOutcome(input: { itemId: $id, outcome: $outcome }) { id } }`,
      { id: item.id, outcome: text },
      secretariat,
    );
    expect(res.errors).toBeUndefined();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('redacts a paper made restricted through the API from the next request on, and stops when it is public again', async () => {
    expect(await anonymousOutcome()).toBe(text); // the list is now kept
    await update({ access: 'RESTRICTED' });
    expect(await anonymousOutcome()).toBe(`Noted ${R} ("${R}").`);
    await update({ access: 'PUBLIC' });
    expect(await anonymousOutcome()).toBe(text);
  });

  it('follows a restricted paper renamed: its new title is redacted, the old one no longer', async () => {
    await update({ access: 'RESTRICTED' });
    expect(await anonymousOutcome()).toBe(`Noted ${R} ("${R}").`);
    await update({ title: `${paper.title} (revised)` });
    expect(await anonymousOutcome()).toBe(`Noted ${R} ("${paper.title}").`);
    await update({ title: paper.title, access: 'PUBLIC' });
    expect(await anonymousOutcome()).toBe(text);
  });

  it('follows a change made in SQL behind the application', async () => {
    expect(await anonymousOutcome()).toBe(text);
    await setAccessInSql(t, 'RESTRICTED');
    expect(await anonymousOutcome()).toBe(`Noted ${R} ("${R}").`);
    await setAccessInSql(t, 'PUBLIC');
    expect(await anonymousOutcome()).toBe(text);
  });

  it('reads one row per anonymous request while nothing changes, and loads the list again only after a change', async () => {
    // The statements of the visibility rule, by what they read (other statements run in the background).
    const seen: string[] = [];
    const spy = jest.spyOn(t.dataSource.logger, 'logQuery').mockImplementation((query: string) => {
      if (/document_generation/.test(query)) seen.push('generation');
      else if (/FROM "document" "d"/.test(query) && /NOT IN/.test(query)) seen.push('list');
    });
    try {
      const statements = async () => {
        seen.length = 0;
        await anonymousOutcome();
        return [...seen];
      };
      await anonymousOutcome();
      expect(await statements()).toEqual(['generation']);
      expect(await statements()).toEqual(['generation']);
      await setAccessInSql(t, 'PUBLIC'); // a change, even to the same value: the list is loaded again
      expect(await statements()).toEqual(['generation', 'list']);
      expect(await statements()).toEqual(['generation']);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('without the triggers (a later migration rebuilt the table)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('loads the list for every request, says so once, and still redacts a change made in SQL', async () => {
    if (t.dialect === 'postgres') await t.dataSource.query('ALTER TABLE document DISABLE TRIGGER document_generation_change');
    else for (const name of ['insert', 'update', 'delete']) await t.dataSource.query(`DROP TRIGGER document_generation_${name}`);
    const logs = expectedLogs(/document_generation triggers are missing/);
    try {
      const secretariat = await tokenFor(t, [Role.SECRETARIAT]);
      const item = await outcomeItem(t, secretariat);
      const text = `See ${paper.symbol}.`;
      expect(
        (
          await t.gql(
            `mutation($id: ID!, $outcome: String!) { recordAgendaOutcome(input: { itemId: $id, outcome: $outcome }) { id } }`,
            { id: item.id, outcome: text },
            secretariat,
          )
        ).errors,
      ).toBeUndefined();
      expect((await outcomeItem(t)).outcome).toBe(text);
      await setAccessInSql(t, 'RESTRICTED');
      expect((await outcomeItem(t)).outcome).toBe(`See ${R}.`);
      expect(logs.held).toHaveLength(1);
    } finally {
      logs.restore();
    }
  });
});
