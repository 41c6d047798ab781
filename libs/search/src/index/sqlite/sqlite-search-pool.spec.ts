import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { AppError } from '@tel/core';
import { CONTRACT_FIXTURES } from '../search-index.contract';
import type { SearchRequest } from '../search-index';
import { regionalTablesLoaded } from '../../text/fold';
import { SqliteSearchIndex } from './sqlite-search-index';

const QUERIES: SearchRequest[] = ['botnet', '"incident response"', '認證', '網路', 'security', 'incident -botnet', 'malware OR spam', '', 'qzxjvwk', 'botnet*'].flatMap((query) => [
  { query, includeRestricted: false, first: 5 },
  { query, includeRestricted: true, first: 3, filter: { years: [2008] } },
]);

describe('SqliteSearchPool (searches on worker threads)', () => {
  let dir: string;
  let file: string;
  let pooled: SqliteSearchIndex;
  let inThread: SqliteSearchIndex;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-search-pool-'));
    file = path.join(dir, 'search.sqlite');
    inThread = SqliteSearchIndex.openFile(file);
    await inThread.upsertMany(CONTRACT_FIXTURES);
    pooled = SqliteSearchIndex.openFile(file, { workers: 2 });
  });
  afterAll(async () => {
    await pooled?.close();
    await inThread?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers searches run all at once exactly as one after another, and as in the calling thread', async () => {
    const sequential = [];
    for (const q of QUERIES) sequential.push(await pooled.search(q));
    const parallel = await Promise.all([...QUERIES, ...QUERIES, ...QUERIES].map((q) => pooled.search(q)));
    expect(parallel).toEqual([...sequential, ...sequential, ...sequential]);
    const local = [];
    for (const q of QUERIES) local.push(await inThread.search(q));
    expect(sequential).toEqual(local);
    expect(sequential.some((r) => r.hits.length > 0)).toBe(true);
    expect(pooled.pool!.threads).toHaveLength(2);
  });

  it('reads queries in the calling thread, so no worker builds the regional-form tables (84 MB each)', async () => {
    const index = SqliteSearchIndex.openFile(file, { workers: 1 });
    try {
      // Chinese words whose regional forms differ (網路 ↔ 网络), one character, and mixed text.
      for (const query of ['網路', '网络 安全', '認', 'PKI 憑證', '"資訊 安全"']) {
        const pooledPage = await index.search({ query, includeRestricted: true, first: 5 });
        expect(pooledPage).toEqual(await inThread.search({ query, includeRestricted: true, first: 5 }));
      }
      expect(index.pool!.threads).toHaveLength(1);
      // This thread read the queries; the worker only folded text for its snippets.
      expect(regionalTablesLoaded()).toBe(true);
      expect(index.pool!.regionalTablesInWorkers).toBe(false);
    } finally {
      await index.close();
    }
  });

  it('sees a write committed just before the search', async () => {
    for (let n = 0; n < 20; n++) {
      const word = `freshword${'abcdefghijklmnopqrst'[n]}`;
      const f = CONTRACT_FIXTURES[0];
      await pooled.upsertDocumentChunks({ ...f.meta, documentId: `fresh-${n}`, fileId: `fresh-${n}-file` }, [{ page: 1, section: null, text: `A ${word} page.`, language: 'en' }]);
      expect((await pooled.search({ query: word, includeRestricted: true })).totalCount).toBe(1);
      await pooled.removeDocument(`fresh-${n}`);
      expect((await pooled.search({ query: word, includeRestricted: true })).totalCount).toBe(0);
    }
  });

  it('fails the search of a worker that dies with a retryable error, and replaces the worker', async () => {
    const index = SqliteSearchIndex.openFile(file, { workers: 1 });
    try {
      // The worker is still starting when it is terminated: its search cannot have been answered.
      const pending = index.search({ query: 'botnet', includeRestricted: false });
      const first = index.pool!.threads[0];
      await first.terminate();
      const error = (await pending.then(
        () => null,
        (e: unknown) => e,
      )) as AppError;
      expect(error).toBeInstanceOf(AppError);
      expect(error.reason).toBe('SEARCH_WORKER_FAILED');
      expect(error.details?.retryAfterSeconds).toBe(1);
      expect(error.message).toMatch(/search worker stopped .*send the search again/);

      const again = await index.search({ query: 'botnet', includeRestricted: false });
      expect(again.totalCount).toBeGreaterThan(0);
      const second = index.pool!.threads[0];
      expect(second).not.toBe(first);
      expect(second.threadId).toBeGreaterThan(0);
    } finally {
      await index.close();
    }
  });

  it('leaves no thread behind on close, and refuses searches after it', async () => {
    const index = SqliteSearchIndex.openFile(file, { workers: 2 });
    await Promise.all([index.search({ query: 'botnet', includeRestricted: false }), index.search({ query: 'spam', includeRestricted: false })]);
    const threads: Worker[] = index.pool!.threads;
    expect(threads).toHaveLength(2);
    await index.close();
    expect(threads.map((t) => t.threadId)).toEqual([-1, -1]);
    expect(index.pool!.threads).toEqual([]);
    await expect(index.search({ query: 'botnet', includeRestricted: false })).rejects.toMatchObject({ reason: 'SHUTTING_DOWN' });
  });
});
