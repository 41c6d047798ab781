import { In } from 'typeorm';
import { Role } from '@tel/core';
import { FileIndexEntry, FileIndexState } from '@tel/document-search';
import { Document, DocumentAccess, DocumentFile } from '@tel/documents';
import { SEARCH_INDEX, SearchIndex } from '@tel/search';
import { createTestApp, GqlResponse, TestApp, tokenFor, waitForJobs } from '@tel/testing';
import { reportDrill } from './drill-report';

/**
 * Drill: the secretariat's clients change the same few documents at once — access made public or
 * restricted, titles changed, papers uploaded, indexing retried, searches — while the indexing jobs
 * of those papers run. Every write takes its rows in one order (a file's indexing state before its
 * index entry), so on PostgreSQL none is stopped for a deadlock (WRITE_CONFLICT) and none fails; on
 * SQLite units of work take turns. Afterwards every acknowledged upload is there once and indexed,
 * and the index agrees with each document's access: the public finds a document only when it is public.
 */
const CLIENTS = 6;
const SECONDS = 8;
const ACCESS = `mutation($s: String!, $a: DocumentAccess) { updateDocument(input: { symbol: $s, access: $a }) { access } }`;
const TITLE = `mutation($s: String!, $ti: String) { updateDocument(input: { symbol: $s, title: $ti }) { title } }`;
const RETRY = `mutation($f: ID!) { retryIndexing(fileId: $f) { id } }`;
const SEARCH = `query($q: String!) { searchDocuments(query: $q, first: 5) { totalCount } }`;

describe('fault drill: concurrent writes to the same documents while their papers are indexed', () => {
  let t: TestApp;
  let secretariat: string;

  beforeAll(async () => {
    t = await createTestApp();
    await waitForJobs(t, 120_000);
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('no write fails or deadlocks, every acknowledged upload is indexed, and the index keeps each document’s access', async () => {
    type Doc = { symbol: string; word: string; files: string[] };
    const docs: Doc[] = [];
    let attempted = 0;
    const upload = async (d: Doc, n: number): Promise<string> => {
      attempted++;
      const form = new FormData();
      form.append('file', new Blob([`Paper ${n} on the ${d.word} exercise.\n`]), `paper-${n}.txt`);
      const res = await fetch(`${t.url}/api/documents/${encodeURIComponent(d.symbol)}/revisions/0/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretariat}` },
        body: form,
      });
      const body = (await res.json()) as { id?: string; reason?: string };
      if (res.status === 201 && body.id) d.files.push(body.id);
      return res.status === 201 ? 'OK' : `${res.status} ${body.reason}`;
    };
    for (const [i, word] of ['drillwombata', 'drillwombatb', 'drillwombatc', 'drillwombatd'].entries()) {
      const reg = await t.gql(
        `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
        { input: { meetingCode: 'TEL37', groupCode: 'SPSG', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC', title: `Drill paper ${i}` } },
        secretariat,
      );
      expect(reg.errors).toBeUndefined();
      const d: Doc = { symbol: reg.data.registerDocument.symbol, word, files: [] };
      docs.push(d);
      expect(await upload(d, 0)).toBe('OK');
    }

    // What each kind of request was answered, e.g. "access: OK" or "upload: 503 WRITE_CONFLICT".
    const answers = new Map<string, number>();
    /** A GraphQL answer as its error reasons (WRITE_CONFLICT), or OK. */
    const outcome = (res: GqlResponse) =>
      (res.errors ?? []).map((e) => (typeof e.extensions?.reason === 'string' ? e.extensions.reason : (e.extensions?.code ?? 'ERROR'))).join(',') || 'OK';
    const answered = (op: string, answer: string) => answers.set(`${op}: ${answer}`, (answers.get(`${op}: ${answer}`) ?? 0) + 1);
    const until = Date.now() + SECONDS * 1000;
    let n = 0;
    const client = async () => {
      while (Date.now() < until) {
        const d = docs[Math.floor(Math.random() * docs.length)];
        const op = Math.floor(Math.random() * 6);
        if (op <= 1) {
          const res = await t.gql(ACCESS, { s: d.symbol, a: Math.random() < 0.5 ? 'PUBLIC' : 'RESTRICTED' }, secretariat);
          answered('access', outcome(res));
        } else if (op === 2) {
          const res = await t.gql(TITLE, { s: d.symbol, ti: `Drill paper, version ${++n}` }, secretariat);
          answered('title', outcome(res));
        } else if (op === 3) {
          answered('upload', await upload(d, ++n));
        } else if (op === 4) {
          const res = await t.gql(RETRY, { f: d.files[Math.floor(Math.random() * d.files.length)] }, secretariat);
          answered('retry', outcome(res));
        } else {
          const res = await t.gql(SEARCH, { q: d.word });
          answered('search', outcome(res));
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    await waitForJobs(t, 60_000);

    const summary = [...answers].sort().map(([k, v]) => `${k} ×${v}`);
    const failed = summary.filter((s) => !/: OK ×/.test(s));
    const acknowledged = docs.flatMap((d) => d.files);
    const stored = await t.dataSource.manager.find(DocumentFile, { where: { id: In(acknowledged) }, select: { id: true } });
    reportDrill('concurrent document writes', t.dialect, { attempted, acknowledged: acknowledged.length, present: stored.length, duplicated: 0 }, summary.join(', '));
    expect(failed).toEqual([]);
    expect(stored).toHaveLength(acknowledged.length);
    const states = await t.dataSource.manager.find(FileIndexEntry, { where: { fileId: In(acknowledged) } });
    expect(states.filter((s) => s.indexState !== FileIndexState.INDEXED)).toEqual([]);
    expect(states).toHaveLength(acknowledged.length);

    const index = t.app.get<SearchIndex>(SEARCH_INDEX);
    for (const d of docs) {
      const doc = await t.dataSource.manager.findOneByOrFail(Document, { symbol: d.symbol });
      const publicly = await index.search({ query: d.word, includeRestricted: false, first: 5 });
      const all = await index.search({ query: d.word, includeRestricted: true, first: 5 });
      expect({ symbol: d.symbol, access: doc.access, public: publicly.hits.map((h) => h.documentId) }).toEqual({
        symbol: d.symbol,
        access: doc.access,
        public: doc.access === DocumentAccess.PUBLIC ? [doc.id] : [],
      });
      expect(all.hits.map((h) => h.documentId)).toEqual([doc.id]);
    }
  }, 120_000);
});
