import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect } from '@jest/globals';
import { Role } from '@tel/core';
import { writeMinimalPdf } from '@tel/documents';
import { createTestApp, errorCodes, expectedLogs, GqlData, TestApp, tokenFor } from '@tel/testing';

const REPORT = path.resolve(__dirname, '../../shared/corpus/tel37-trip-report.zh.txt');

const SEARCH = `query($q: String!, $filter: SearchDocumentsFilter, $first: Int, $after: String) {
  searchDocuments(query: $q, filter: $filter, first: $first, after: $after) {
    totalCount
    totalCountIsEstimate
    nodes { document { symbol title access } revision page snippet score symbolMatch file { name } }
    facets { meetings { value count } groups { value count } types { value count } economies { value count } years { value count } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('full-text search over the papers (e2e, inline jobs)', () => {
  let t: TestApp;
  let secretariat: string;
  let delegate: string;

  const search = (q: string, vars: Record<string, unknown> = {}, token?: string) => t.gql(SEARCH, { q, ...vars }, token);
  const status = async () => (await t.gql(`{ indexStatus { files { state count } engine chunks queue outboxPending } }`, undefined, secretariat)).data.indexStatus;
  const waitForIndexing = async () => {
    for (let i = 0; i < 300; i++) {
      const s = await status();
      if (Number(s.files.find((f: GqlData) => f.state === 'PENDING').count) === 0 && Number(s.outboxPending) === 0) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('indexing did not finish');
  };
  const register = async (fields: Record<string, unknown>) => {
    const res = await t.gql(
      `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
      { input: { meetingCode: 'TEL37', groupCode: 'SPSG', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC', ...fields } },
      secretariat,
    );
    expect(res.errors).toBeUndefined();
    return res.data.registerDocument.symbol as string;
  };
  const upload = async (symbol: string, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(`${t.url}/api/documents/${encodeURIComponent(symbol)}/revisions/0/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretariat}` },
      body: form,
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  };

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    delegate = await tokenFor(t, [Role.DELEGATE], { economyCode: 'CT' });
    await waitForIndexing();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('indexes the seeded papers on start', async () => {
    const s = await status();
    // The index lives in the application database, whichever it is (SEARCH_ENGINE's default).
    expect(s.engine).toBe(t.dialect);
    expect(s.queue).toBe('inline');
    expect(s.files.find((f: GqlData) => f.state === 'INDEXED').count).toBeGreaterThan(10);
    expect(s.chunks).toBeGreaterThan(10);
  });

  it('finds the delegation report by 2- and 4-character Chinese words, English words and its symbol', async () => {
    if (!fs.existsSync(REPORT)) {
      console.log(`Left out: the real-report search test needs ${REPORT}, which is not there.`);
      return;
    }
    const symbol = await register({ code: 'INFO', title: 'Delegation report on TEL37 (Chinese Taipei)', language: 'zh-Hant', submittedBy: { economyCode: 'CT' } });
    await upload(symbol, fs.readFileSync(REPORT), 'tel37-report.zh.txt');
    await waitForIndexing();
    for (const word of ['網路', '殭屍網路', '電子認證', 'PKI', 'Botnet']) {
      const res = await search(word);
      expect(res.errors).toBeUndefined();
      const symbols = res.data.searchDocuments.nodes.map((n: GqlData) => n.document.symbol);
      expect([word, symbols]).toEqual([word, expect.arrayContaining([symbol])]);
      const hit = res.data.searchDocuments.nodes.find((n: GqlData) => n.document.symbol === symbol);
      expect(hit.snippet).toContain('<mark>');
    }
    const bySymbol = await search(symbol.replace(/-/g, ' ').replace('TELWG', 'TEL'));
    expect(bySymbol.data.searchDocuments.nodes[0]).toMatchObject({ document: { symbol }, symbolMatch: true });
  });

  it('finds a PDF word on the right page, with a marked, escaped snippet', async () => {
    const filler = Array.from({ length: 70 }, (_, i) => `Paragraph ${i} on regional cooperation in telecommunications policy and regulation.`);
    const pdf = writeMinimalPdf({ title: 'Paged paper', paragraphs: [...filler, 'The zeppelinfield exercise <tested> response teams.'] });
    const symbol = await register({ code: 'PAGED', title: 'A paper with pages' });
    await upload(symbol, pdf, 'paged.pdf');
    await waitForIndexing();
    const res = await search('zeppelinfield');
    const [hit] = res.data.searchDocuments.nodes;
    expect(hit.document.symbol).toBe(symbol);
    expect(hit.page).toBeGreaterThan(1);
    expect(hit.snippet).toContain('<mark>zeppelinfield</mark>');
    expect(hit.snippet).toContain('&lt;tested&gt;');
    expect(hit.snippet).not.toContain('<tested>');
  });

  it('puts the document a symbol names first, in every accepted form', async () => {
    for (const q of ['2008-TELWG37-SPSG-006', 'SPSG-006', '2008/TELWG37/SPSG/6', 'TEL37 SPSG 6']) {
      const res = await search(q);
      expect(res.errors).toBeUndefined();
      expect([q, res.data.searchDocuments.nodes[0]?.document.symbol]).toEqual([q, '2008-TELWG37-SPSG-006']);
    }
  });

  it('never shows restricted papers to anonymous callers: not as hits, counts, facets or snippets', async () => {
    const secret = await register({ code: 'SECRET', title: 'Quarantined incident handling notes', access: 'RESTRICTED' });
    await upload(secret, Buffer.from('Members only: the xylophonic incident playbook for CSIRT teams.\n'), 'notes.txt');
    await waitForIndexing();
    const anon = await search('xylophonic');
    expect(anon.data.searchDocuments).toMatchObject({ totalCount: 0, nodes: [] });
    expect(JSON.stringify(anon.data.searchDocuments.facets)).not.toContain('SECRET');
    const member = await search('xylophonic', {}, delegate);
    expect(member.data.searchDocuments.nodes.map((n: GqlData) => n.document.symbol)).toEqual([secret]);
    // by symbol too
    expect((await search(secret)).data.searchDocuments.nodes.map((n: GqlData) => n.document.symbol)).not.toContain(secret);
    // Made public: visible at once; made restricted again: gone at once.
    await t.gql(`mutation($s: String!) { updateDocument(input: { symbol: $s, access: PUBLIC }) { access } }`, { s: secret }, secretariat);
    expect((await search('xylophonic')).data.searchDocuments.totalCount).toBe(1);
    await t.gql(`mutation($s: String!) { updateDocument(input: { symbol: $s, access: RESTRICTED }) { access } }`, { s: secret }, secretariat);
    expect((await search('xylophonic')).data.searchDocuments.totalCount).toBe(0);
    await waitForIndexing();
    expect((await search('xylophonic')).data.searchDocuments.totalCount).toBe(0);
  });

  it('filters and counts facets', async () => {
    const all = await search('security');
    const { totalCount, facets, totalCountIsEstimate } = all.data.searchDocuments;
    expect(totalCount).toBeGreaterThan(0);
    // A few papers: counted exactly, and the result says so.
    expect(totalCountIsEstimate).toBe(false);
    expect(facets.meetings.find((f: GqlData) => f.value === 'TEL37').count).toBe(totalCount);
    const spsg = await search('security', { filter: { groupCodes: ['SPSG'], years: [2008] } });
    expect(spsg.data.searchDocuments.totalCount).toBeLessThanOrEqual(Number(totalCount));
    const none = await search('security', { filter: { years: [1999] } });
    expect(none.data.searchDocuments.totalCount).toBe(0);
    expect(errorCodes(await search('security', { filter: { languages: ['klingon'] } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists the newest documents for an empty query, and pages', async () => {
    const first = await search('', { first: 3 });
    expect(first.errors).toBeUndefined();
    expect(first.data.searchDocuments.nodes).toHaveLength(3);
    expect(first.data.searchDocuments.pageInfo.hasNextPage).toBe(true);
    const next = await search('', { first: 3, after: first.data.searchDocuments.pageInfo.endCursor });
    const a = first.data.searchDocuments.nodes.map((n: GqlData) => n.document.symbol);
    const b = next.data.searchDocuments.nodes.map((n: GqlData) => n.document.symbol);
    expect(a.filter((s) => b.includes(s))).toEqual([]);
  });

  it.each(
    ['"', '*', '(', 'NEAR(', 'AND', 'OR NOT', '-', '"unbalanced', 'security"', '^', ':', '网络 AND (', '\u0000', '😀', 'x'.repeat(10_000)].map((q) => [
      q.length > 40 ? `a ${q.length}-character string` : JSON.stringify(q),
      q,
    ]),
  )('never errors on %s', async (_label, q) => {
    const res = await search(q);
    expect(res.errors).toBeUndefined();
    expect(res.data.searchDocuments.totalCount).toBeGreaterThanOrEqual(0);
  });

  it('marks a broken file FAILED with a reason, and retryIndexing runs it again', async () => {
    // Its job fails for good twice (the upload, the retry): logged as errors on the server, held here.
    const expected = expectedLogs(/not a readable PDF/);
    try {
      await brokenFileFailsAndRetries();
      expect(expected.held.join('\n')).toMatch(/failed for good .* not a readable PDF/);
    } finally {
      expected.restore();
    }
  });

  async function brokenFileFailsAndRetries(): Promise<void> {
    const symbol = await register({ code: 'BROKEN', title: 'A broken PDF' });
    const pdf = writeMinimalPdf({ title: 'x', paragraphs: ['y'] });
    const broken = Buffer.concat([pdf.subarray(0, 40), Buffer.from('\n%% cut here\n')]);
    const { id } = await upload(symbol, broken, 'broken.pdf');
    await waitForIndexing();
    const file = async () =>
      (await t.gql(`query($s: String!) { document(symbol: $s) { revisions { files { id indexState indexError } } } }`, { s: symbol }, secretariat)).data.document.revisions[0]
        .files[0];
    expect(await file()).toMatchObject({ id, indexState: 'FAILED', indexError: expect.any(String) });
    const retried = await t.gql(`mutation($id: ID!) { retryIndexing(fileId: $id) { indexState } }`, { id }, secretariat);
    expect(retried.data.retryIndexing.indexState).toBe('PENDING');
    await waitForIndexing();
    expect((await file()).indexState).toBe('FAILED');
    expect(errorCodes(await t.gql(`mutation { retryIndexing(fileId: "00000000-0000-0000-0000-000000000000") { id } }`, undefined, secretariat))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await t.gql(`mutation($id: ID!) { retryIndexing(fileId: $id) { id } }`, { id }, delegate))).toEqual(['FORBIDDEN']);
  }
});
