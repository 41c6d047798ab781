/**
 * `npm run reindex`: the reindex() function run in-process against the serving test app (its own
 * database, index and files), and the real CLI once as a separate process on the same DATA_DIR
 * (and, with DATABASE_URL, the same PostgreSQL schema) while the app keeps serving.
 */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { In } from 'typeorm';
import { APP_CONFIG, AppConfig, Role } from '@tel/core';
import { FileIndexEntry, FileIndexState, reindex, ReindexProgress } from '@tel/document-search';
import { SEARCH_INDEX, SearchIndex } from '@tel/search';
import { createTestApp, TestApp, tokenFor } from '@tel/testing';

const ROOT = path.resolve(__dirname, '..');

describe('reindex: rebuilds the search index from the database while the API serves', () => {
  let t: TestApp;
  let secretariat: string;
  let index: SearchIndex;
  const words = ['wombatreindexa', 'wombatreindexb', 'wombatreindexc'];
  const files: { id: string; symbol: string; word: string }[] = [];

  const totalFor = async (q: string) => {
    const res = await t.gql<{ searchDocuments: { totalCount: number; nodes: { document: { symbol: string } }[] } }>(
      `query($q: String!) { searchDocuments(query: $q, first: 5) { totalCount nodes { document { symbol } } } }`,
      { q },
      secretariat,
    );
    expect(res.errors).toBeUndefined();
    return res.data.searchDocuments;
  };
  const status = async () =>
    (
      await t.gql<{ indexStatus: { files: { state: string; count: number }[]; outboxPending: number; chunks: number } }>(
        `{ indexStatus { files { state count } outboxPending chunks } }`,
        undefined,
        secretariat,
      )
    ).data.indexStatus;
  const stateCount = (s: { files: { state: string; count: number }[] }, state: string) => s.files.find((f) => f.state === state)!.count;
  const waitForIndexing = async () => {
    for (let i = 0; i < 300; i++) {
      const s = await status();
      if (stateCount(s, 'PENDING') === 0 && s.outboxPending === 0) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('indexing did not finish');
  };
  const fileRow = (id: string) => t.dataSource.manager.findOneOrFail(FileIndexEntry, { where: { fileId: id } });
  const breakFile = async (id: string) => {
    await index.removeFile(id);
    await t.uow.write((em) => em.update(FileIndexEntry, { fileId: id }, { indexState: FileIndexState.FAILED, indexError: 'made to fail by the test' }));
  };

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    index = t.app.get<SearchIndex>(SEARCH_INDEX);
    for (const [i, word] of words.entries()) {
      const reg = await t.gql(
        `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
        { input: { meetingCode: 'TEL37', groupCode: 'SPSG', code: `REIDX${i}`, type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC', title: `Reindex paper ${i}` } },
        secretariat,
      );
      expect(reg.errors).toBeUndefined();
      const symbol = reg.data.registerDocument.symbol as string;
      const form = new FormData();
      form.append('file', new Blob([`Paper ${i} on the ${word} exercise for regional CSIRTs.\n`]), `paper-${i}.txt`);
      const res = await fetch(`${t.url}/api/documents/${encodeURIComponent(symbol)}/revisions/0/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretariat}` },
        body: form,
      });
      expect(res.status).toBe(201);
      files.push({ id: ((await res.json()) as { id: string }).id, symbol, word });
    }
    await waitForIndexing();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('puts back removed index entries and a FAILED file, drops entries of files that no longer exist, and never empties the index', async () => {
    for (const f of files) expect((await totalFor(f.word)).totalCount).toBe(1);
    const before = await t.dataSource.manager.find(FileIndexEntry, { select: { fileId: true, indexState: true } });
    const indexedBefore = before.filter((f) => f.indexState === FileIndexState.INDEXED).map((f) => f.fileId);

    // Two files lose their index entries; the third also becomes FAILED.
    await index.removeFile(files[0].id);
    await index.removeFile(files[1].id);
    await breakFile(files[2].id);
    // An entry whose file the database does not have (a restored backup, a wiped table).
    await index.upsertDocumentChunks(
      {
        documentId: 'gone-doc',
        revisionId: 'gone-rev',
        fileId: 'gone-file',
        symbol: '1999-TELWG1-GONE-001',
        title: 'Gone',
        meetingCode: 'TEL37',
        groupCode: 'SPSG',
        economyCodes: [],
        type: 'REPORT',
        year: 2008,
        language: 'en',
        access: 'PUBLIC',
        publishedAt: null,
      },
      [{ page: 1, section: null, text: 'an orphanedwombat page', language: 'en' }],
    );
    for (const f of files) expect((await totalFor(f.word)).totalCount).toBe(0);
    expect((await totalFor('orphanedwombat')).totalCount).toBe(1);

    // Searches keep being served while it runs, and what they find never drops.
    const baseline = (await totalFor('security')).totalCount;
    expect(baseline).toBeGreaterThan(0);
    const seen: number[] = [];
    let running = true;
    const searching = (async () => {
      while (running) seen.push((await totalFor('security')).totalCount);
    })();
    const progress: ReindexProgress[] = [];
    const summary = await reindex(t.app, { batchSize: 7, onProgress: (p) => progress.push(p) });
    running = false;
    await searching;

    expect(summary).toMatchObject({ selection: 'all', total: before.length, gone: 0, staleRemoved: 1, stopped: false });
    expect(summary.indexed + summary.failed.length).toBe(before.length);
    expect(progress.map((p) => p.done)).toEqual(before.map((_, i) => i + 1));
    expect(progress[progress.length - 1]).toMatchObject({ done: before.length, total: before.length });
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(baseline);

    for (const f of files) expect((await totalFor(f.word)).nodes.map((n) => n.document.symbol)).toEqual([f.symbol]);
    expect((await totalFor('orphanedwombat')).totalCount).toBe(0);
    expect(await fileRow(files[2].id)).toMatchObject({ indexState: FileIndexState.INDEXED, indexError: null });
    // Whatever was indexed before still is; what could not be read is FAILED with its reason.
    const afterRows = await t.dataSource.manager.find(FileIndexEntry, { where: { fileId: In(indexedBefore) }, select: { fileId: true, indexState: true } });
    expect(afterRows.filter((f) => f.indexState !== FileIndexState.INDEXED)).toEqual([]);
    for (const f of summary.failed) expect((await fileRow(f.fileId)).indexError).toBe(f.reason);
    const indexedNow = await t.dataSource.manager.count(FileIndexEntry, { where: { indexState: FileIndexState.INDEXED } });
    expect(summary.after.files).toBe(indexedNow);
  });

  it('--only-failed and --only-pending walk just those files', async () => {
    await breakFile(files[0].id);
    const failedNow = await t.dataSource.manager.count(FileIndexEntry, { where: { indexState: FileIndexState.FAILED } });
    const onlyFailed = await reindex(t.app, { onlyFailed: true });
    expect(onlyFailed).toMatchObject({ selection: 'failed', total: failedNow, staleRemoved: 0 });
    expect((await fileRow(files[0].id)).indexState).toBe(FileIndexState.INDEXED);
    expect((await totalFor(files[0].word)).totalCount).toBe(1);

    await t.uow.write((em) => em.update(FileIndexEntry, { fileId: files[1].id }, { indexState: FileIndexState.PENDING }));
    const onlyPending = await reindex(t.app, { onlyPending: true });
    expect(onlyPending).toMatchObject({ selection: 'pending', total: 1, indexed: 1, failed: [] });
    expect((await fileRow(files[1].id)).indexState).toBe(FileIndexState.INDEXED);
  });

  it('runs as `npm run reindex -- --only-failed` in a process of its own, on the serving app’s data', async () => {
    await breakFile(files[1].id);
    expect((await totalFor(files[1].word)).totalCount).toBe(0);
    const config = t.app.get<AppConfig>(APP_CONFIG);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: config.dataDir, NODE_ENV: 'test', NO_COLOR: '1' };
    delete env.DATABASE_URL;
    delete env.DATABASE_SCHEMA;
    delete env.REDIS_URL;
    if (config.databaseUrl) Object.assign(env, { DATABASE_URL: config.databaseUrl, DATABASE_SCHEMA: config.databaseSchema });
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'scripts/reindex.ts', '--only-failed'], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
    // Not a terminal: plain lines, the last one at 100 %, with rate and ETA.
    expect(stderr).toMatch(/^reindex \d+\/\d+ +100\.0% {2}[\d.-]+ files\/s {2}ETA 0s/m);
    expect(stderr).not.toContain('\r');
    expect(stdout).toMatch(/^reindex done: \d+ failed files in [\d.]+s — \d+ indexed, \d+ failed/m);
    expect((await fileRow(files[1].id)).indexState).toBe(FileIndexState.INDEXED);
    // The serving app sees what the other process committed.
    expect((await totalFor(files[1].word)).nodes.map((n) => n.document.symbol)).toEqual([files[1].symbol]);
  });
});
