/**
 * An access change and the indexing of one of the document's files, at the same moment, on the
 * application database. Both write the file's indexing state and the document's index entry;
 * they must take those rows in one order, or on PostgreSQL each waits for the other and the
 * deadlock detector aborts one (the secretariat's access change failed now and then, CI saw it).
 * On SQLite units of work take turns, so the same steps must simply both succeed.
 */
import { Role } from '@tel/core';
import { FileIndexEntry, FileIndexState } from '@tel/document-search';
import { Document } from '@tel/documents';
import { SEARCH_INDEX, SearchIndex } from '@tel/search';
import { createTestApp, errorCodes, TestApp, tokenFor, waitForJobs } from '@tel/testing';

describe('an access change while a file of the document is being indexed', () => {
  let t: TestApp;
  let secretariat: string;
  let index: SearchIndex;

  beforeAll(async () => {
    t = await createTestApp({ seed: true });
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    index = t.app.get<SearchIndex>(SEARCH_INDEX);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Until a PostgreSQL backend of this database waits for a row lock on file_index_state (a few seconds at most). */
  async function untilWaitingOnState(): Promise<boolean> {
    if (t.dialect !== 'postgres') {
      await new Promise((r) => setTimeout(r, 200));
      return false;
    }
    for (let i = 0; i < 100; i++) {
      const [{ n }] = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%file_index_state%'`,
      );
      if (n > 0) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return false;
  }

  it.each(['RESTRICTED', 'PUBLIC'] as const)('both commit, and the index keeps the new access (%s)', async (access) => {
    const reg = await t.gql(
      `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
      {
        input: {
          meetingCode: 'TEL37',
          groupCode: 'SPSG',
          type: 'REPORT',
          purpose: 'INFORMATION',
          access: access === 'PUBLIC' ? 'RESTRICTED' : 'PUBLIC',
          title: 'Lock order paper',
        },
      },
      secretariat,
    );
    expect(reg.errors).toBeUndefined();
    const symbol = reg.data.registerDocument.symbol as string;
    const form = new FormData();
    form.append('file', new Blob(['The lockorderwombat exercise.\n']), 'lock.txt');
    const res = await fetch(`${t.url}/api/documents/${encodeURIComponent(symbol)}/revisions/0/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretariat}` },
      body: form,
    });
    expect(res.status).toBe(201);
    const fileId = ((await res.json()) as { id: string }).id;
    await waitForJobs(t);
    const documentId = (await t.dataSource.manager.findOneByOrFail(Document, { symbol })).id;

    // The indexer's steps, held between them: its state row written, its index entry not yet.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const indexing = t.uow.write(async (em) => {
      await em.update(FileIndexEntry, { fileId }, { indexState: FileIndexState.INDEXED });
      holding();
      await gate;
      // Writes the document's index rows as the upsert does (the same rows, the same lock).
      await index.setDocumentAccess(documentId, access === 'PUBLIC' ? 'RESTRICTED' : 'PUBLIC', { em });
    });
    await held;
    const UPDATE = `mutation($s: String!, $a: DocumentAccess) { updateDocument(input: { symbol: $s, access: $a }) { access } }`;
    const change = t.gql(UPDATE, { s: symbol, a: access }, secretariat);
    const waited = await untilWaitingOnState();
    if (t.dialect === 'postgres') expect(waited).toBe(true);
    release();
    await expect(indexing).resolves.toBeUndefined();
    const changed = await change;
    expect(errorCodes(changed)).toEqual([]);
    expect(changed.data.updateDocument.access).toBe(access);
    await waitForJobs(t);

    // The index says what the document says: found by the public only when it is public.
    const found = await index.search({ query: 'lockorderwombat', includeRestricted: false, first: 5 });
    expect(found.hits.map((h) => h.documentId)).toEqual(access === 'PUBLIC' ? [documentId] : []);
  });
});
