/**
 * Search with Redis (REDIS_URL set, as in CI): the API only enqueues (through the outbox, over a
 * TCP proxy this test owns), and apps/worker — a real separate process on the same DATA_DIR (and,
 * with DATABASE_URL, the same PostgreSQL schema) — extracts and indexes every upload from BullMQ.
 * Redis itself is never stopped or flushed: the test cuts its own proxy, uses a queue prefix of
 * its own, and deletes only that prefix's keys.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { In } from 'typeorm';
import { APP_CONFIG, AppConfig, Role } from '@tel/core';
import { writeMinimalPdf } from '@tel/documents';
import { BullMqJobQueue, JOB_QUEUE, JobsService, OutboxEntry } from '@tel/jobs';
import { FileIndexEntry, FileIndexState, INDEX_FILE } from '@tel/document-search';
import { TcpProxy, TestApp, createTestApp, tokenFor } from '@tel/testing';

const REDIS_URL = process.env.REDIS_URL?.trim() || undefined;
const ROOT = path.resolve(__dirname, '..');
// Booting a worker process under ts-node, Redis reconnects and indexing take longer than Jest's default.
jest.setTimeout(120_000);

const INDEX_STATUS = `{ indexStatus { files { state count } engine chunks queue outboxPending queueError } }`;
const SEARCH = `query($q: String!) { searchDocuments(query: $q, first: 10) { totalCount nodes { document { symbol } file { id } page } } }`;

interface IndexStatus {
  files: { state: string; count: number }[];
  engine: string;
  chunks: number;
  queue: string;
  outboxPending: number;
  queueError: string | null;
}
const stateCount = (s: IndexStatus, state: string) => s.files.find((f) => f.state === state)?.count ?? 0;

async function eventually<T>(what: string, check: () => Promise<T | false | null | undefined> | T | false | null | undefined, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('search jobs: the queue comes from REDIS_URL (runs with or without Redis)', () => {
  it('indexes inline in the API when the app has no REDIS_URL, and indexStatus says so', async () => {
    // createTestApp reads only the environment it is given (plus DATABASE_URL), never REDIS_URL.
    const t = await createTestApp({ seed: false });
    try {
      const token = await tokenFor(t, [Role.SECRETARIAT]);
      const res = await t.gql<{ indexStatus: IndexStatus }>(INDEX_STATUS, undefined, token);
      expect(res.errors).toBeUndefined();
      expect(res.data.indexStatus).toMatchObject({ queue: 'inline', engine: t.dialect, outboxPending: 0, queueError: null, chunks: 0 });
      expect(t.app.get(JobsService).adapter).toBe('inline');
    } finally {
      await t.close();
    }
  });
});

if (!REDIS_URL) {
  console.log('search-redis: left out (set REDIS_URL=redis://127.0.0.1:6379 to run it)');
}

/** apps/worker in a process of its own; its log is kept to count what it ran. */
class WorkerProcess {
  log = '';
  private readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited = false;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (d) => (this.log += d));
    child.stderr.on('data', (d) => (this.log += d));
    this.exit = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.exited = true;
        resolve({ code, signal });
      }),
    );
  }

  static async start(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], { cwd: ROOT, env });
    const worker = new WorkerProcess(child);
    const started = Date.now();
    while (!/worker ready/.test(worker.log)) {
      if (worker.exited) throw new Error(`the worker exited before it was ready:\n${worker.log}`);
      if (Date.now() - started > 60_000) {
        child.kill('SIGKILL');
        throw new Error(`the worker was not ready after 60 s:\n${worker.log}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return worker;
  }

  /** Successful index-file runs for this file (IndexFileJob logs one line per run). */
  runsFor(fileId: string): number {
    return this.log.split('\n').filter((line) => line.includes(`indexed file ${fileId}:`)).length;
  }

  chunksFor(fileId: string): number {
    const m = new RegExp(`indexed file ${fileId}: (\\d+) chunk`).exec(this.log);
    if (!m) throw new Error(`the worker has not indexed ${fileId}`);
    return Number(m[1]);
  }

  /** SIGTERM, then the exit (SIGKILL after `timeoutMs`, reported as such). */
  async stop(timeoutMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
    const started = Date.now();
    if (!this.exited) this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      return { ...(await this.exit), ms: Date.now() - started };
    } finally {
      clearTimeout(timer);
    }
  }
}

async function assertRedisAnswers(url: string): Promise<void> {
  const redis = new IORedis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    expect(await redis.ping()).toBe('PONG');
  } catch (error) {
    throw new Error(`REDIS_URL is set (${url}) but Redis does not answer: ${String(error)}`);
  } finally {
    redis.disconnect();
  }
}

if (REDIS_URL) {
  describe('search on Redis: apps/worker extracts and indexes the uploads through BullMQ', () => {
    const prefix = `tel-search-${process.pid}-${randomUUID().slice(0, 8)}`;
    const target = new URL(REDIS_URL);
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    let redisAnswered = false;
    let t: TestApp;
    let worker: WorkerProcess | undefined;
    let secretariat: string;
    /** A connection of the test's own to the index-file queue, straight to Redis. */
    let queue: Queue | undefined;
    const uploads: { fileId: string; symbol: string; word: string }[] = [];

    const status = async (): Promise<IndexStatus> => {
      const res = await t.gql<{ indexStatus: IndexStatus }>(INDEX_STATUS, undefined, secretariat);
      expect(res.errors).toBeUndefined();
      return res.data.indexStatus;
    };
    const search = async (q: string) => {
      const res = await t.gql<{ searchDocuments: { totalCount: number; nodes: { document: { symbol: string }; file: { id: string } | null; page: number | null }[] } }>(SEARCH, {
        q,
      });
      expect(res.errors).toBeUndefined();
      return res.data.searchDocuments;
    };
    const filesIn = (ids: string[]) => t.dataSource.manager.find(FileIndexEntry, { where: { fileId: In(ids) } });
    const allIndexed = async (ids: string[]) => (await filesIn(ids)).filter((f) => f.indexState === FileIndexState.INDEXED).length === ids.length;
    const settled = async () => {
      const s = await status();
      return stateCount(s, 'PENDING') === 0 && s.outboxPending === 0 ? s : null;
    };

    /** Registers a document and uploads one file to it through the HTTP API, as a person would. */
    const upload = async (i: number) => {
      const word = `quokka${'abcdefghijklmnopqrstuvwxyz'[i]}${'zyxwvutsrqponmlkjihgfedcba'[i]}redis`;
      const reg = await t.gql(
        `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
        { input: { meetingCode: 'TEL37', groupCode: 'SPSG', code: 'REDIS', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC', title: `Worker-indexed paper ${i}` } },
        secretariat,
      );
      expect(reg.errors).toBeUndefined();
      const symbol = reg.data.registerDocument.symbol as string;
      // Text files and multi-page PDFs, so the chunk counts differ from file to file.
      const filler = Array.from({ length: 30 + i * 5 }, (_, n) => `Paragraph ${n} on regional cooperation in telecommunications policy.`);
      const [bytes, name] =
        i % 2
          ? [writeMinimalPdf({ title: `Paper ${i}`, paragraphs: [...filler, `The ${word} drill closed the session.`] }), `paper-${i}.pdf`]
          : [Buffer.from(`Paper ${i}: the ${word} drill for CSIRTs.\n`), `paper-${i}.txt`];
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), name);
      const res = await fetch(`${t.url}/api/documents/${encodeURIComponent(symbol)}/revisions/0/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${secretariat}` },
        body: form,
      });
      expect(res.status).toBe(201);
      const fileId = ((await res.json()) as { id: string }).id;
      uploads.push({ fileId, symbol, word });
      return fileId;
    };

    beforeAll(async () => {
      await assertRedisAnswers(REDIS_URL);
      redisAnswered = true;
      await proxy.listen();
      // The API reaches Redis through the proxy; it only enqueues.
      t = await createTestApp({ env: { REDIS_URL: proxy.urlFor(REDIS_URL), JOB_QUEUE_PREFIX: prefix, OUTBOX_DRAIN_INTERVAL_MS: '100' } });
      secretariat = await tokenFor(t, [Role.SECRETARIAT]);
      await t.app.get<BullMqJobQueue>(JOB_QUEUE).waitUntilReady();
      queue = new Queue(INDEX_FILE.name, { connection: { url: REDIS_URL }, prefix });

      // The worker: same DATA_DIR (files, and the SQLite database) and database, straight to Redis.
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: 'test',
        NO_COLOR: '1',
        DATA_DIR: config.dataDir,
        REDIS_URL,
        JOB_QUEUE_PREFIX: prefix,
        JOB_BACKOFF_MS: '100',
        JOB_SHUTDOWN_TIMEOUT_MS: '5000',
      };
      delete env.DATABASE_URL;
      delete env.DATABASE_SCHEMA;
      if (config.databaseUrl) Object.assign(env, { DATABASE_URL: config.databaseUrl, DATABASE_SCHEMA: config.databaseSchema });
      worker = await WorkerProcess.start(env);
    });

    afterAll(async () => {
      if (worker && !worker.exited) await worker.stop();
      await queue?.close();
      await t?.close();
      await proxy.cut();
      if (!redisAnswered) return;
      // Our keys only (unique prefix): obliterate the queue, then sweep what is left under the prefix.
      const q = new Queue(INDEX_FILE.name, { connection: { url: REDIS_URL }, prefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
      const redis = new IORedis(REDIS_URL);
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    });

    it('indexes the seeded papers in the worker process; the API sees what it committed', async () => {
      const s = await eventually('the seeded papers are indexed', settled, 60_000);
      expect(s).toMatchObject({ queue: 'bullmq', queueError: null });
      expect(stateCount(s, 'INDEXED')).toBeGreaterThan(10);
      expect(t.app.get<BullMqJobQueue>(JOB_QUEUE).runningWorkers).toEqual([]);
      const seeded = await t.dataSource.manager.find(FileIndexEntry, { where: { indexState: FileIndexState.INDEXED } });
      for (const f of seeded) expect([f.fileId, worker!.runsFor(f.fileId)]).toEqual([f.fileId, 1]);
      expect((await search('security')).totalCount).toBeGreaterThan(0);
    });

    it('keeps taking uploads while Redis is cut off, and indexes each exactly once when it is back', async () => {
      const producer = t.app.get<BullMqJobQueue>(JOB_QUEUE);
      const before = await status();
      const count = 8;
      const cutAt = 3;
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        if (i === cutAt) {
          await proxy.cut();
          await eventually('the API noticed Redis is gone', () => !producer.available);
        }
        ids.push(await upload(i));
        // On SQLite the API and the worker are two processes writing one database file, and
        // UnitOfWork opens deferred transactions: an upload's transaction that reads and then
        // writes fails with SQLITE_BUSY when the worker commits in between (busy_timeout does
        // not cover upgrading a read transaction). Until UnitOfWork takes the write lock at
        // BEGIN, uploads here wait for the worker to finish the previous file. PostgreSQL runs
        // them back to back, overlapping the worker.
        if (i < cutAt && t.dialect === 'sqlite') await eventually(`upload ${i} indexed`, () => allIndexed([ids[i]]));
      }
      const afterCut = ids.slice(cutAt);

      // Every upload succeeded; those after the cut wait in the outbox, and the worker never saw them.
      const during = await status();
      expect(during.outboxPending).toBeGreaterThanOrEqual(afterCut.length);
      expect(during.queueError).toMatch(/unreachable/i);
      await new Promise((resolve) => setTimeout(resolve, 500)); // several sweeps (every 100 ms) try and fail
      const pendingRows = await t.dataSource.manager.find(OutboxEntry, { where: { jobId: In(afterCut.map((id) => `${INDEX_FILE.name}.${id}`)) } });
      expect(pendingRows).toHaveLength(afterCut.length);
      expect(pendingRows.filter((r) => r.dispatchedAt !== null)).toEqual([]);
      expect((await filesIn(afterCut)).map((f) => f.indexState)).toEqual(afterCut.map(() => FileIndexState.PENDING));
      expect(afterCut.map((id) => worker!.runsFor(id))).toEqual(afterCut.map(() => 0));
      expect((await search(uploads[cutAt].word)).totalCount).toBe(0);

      await proxy.listen(); // the same port again
      const after = await eventually('every upload indexed and the outbox empty', async () => ((await allIndexed(ids)) ? settled() : null), 60_000);
      expect(after.queueError).toBeNull();

      for (const u of uploads) {
        const found = await search(u.word);
        expect([u.word, found.totalCount, found.nodes.map((n) => [n.document.symbol, n.file?.id])]).toEqual([u.word, 1, [[u.symbol, u.fileId]]]);
      }
      // Exactly once: one successful run per file in the worker's log, one completed job each in
      // Redis, and the index grew by exactly the chunks those runs wrote.
      expect(ids.map((id) => worker!.runsFor(id))).toEqual(ids.map(() => 1));
      for (const id of ids) expect(await (await queue!.getJob(`${INDEX_FILE.name}.${id}`))?.getState()).toBe('completed');
      const written = ids.reduce((sum, id) => sum + worker!.chunksFor(id), 0);
      expect(written).toBeGreaterThan(count);
      expect(after.chunks).toBe(before.chunks + written);
      expect(stateCount(after, 'INDEXED')).toBe(stateCount(before, 'INDEXED') + count);
    });

    it('indexes nothing twice on a second delivery of the same job', async () => {
      const u = uploads[uploads.length - 1];
      const jobId = `${INDEX_FILE.name}.${u.fileId}`;
      const before = { status: await status(), hits: await search(u.word), completed: await queue!.getCompletedCount() };
      expect(worker!.runsFor(u.fileId)).toBe(1);

      // 1. The same job id pushed again straight into BullMQ, and its outbox row handed over again
      //    (a crash between the push and the row being marked): Redis still holds the finished job,
      //    so neither runs anything.
      const pushed = await queue!.add(INDEX_FILE.name, { fileId: u.fileId }, { jobId });
      expect(await pushed.getState()).toBe('completed');
      const [row] = await t.dataSource.manager.find(OutboxEntry, { where: { jobId } });
      await t.uow.write((em) => em.update(OutboxEntry, { id: row.id }, { dispatchedAt: null }));
      await t.app.get(JobsService).drain(); // what a restarted API's start-up sweep does
      const [again] = await t.dataSource.manager.find(OutboxEntry, { where: { id: row.id } });
      expect(again.dispatchedAt!.getTime()).toBeGreaterThan(row.dispatchedAt!.getTime());
      expect((await status()).outboxPending).toBe(0);

      // 2. A delivery that does run: the finished job forgotten (retention over), then the same id
      //    added again. Jobs run in order, so once this one has, the duplicates above would have too.
      await (await queue!.getJob(jobId))!.remove();
      await queue!.add(INDEX_FILE.name, { fileId: u.fileId }, { jobId });
      await eventually('the worker ran the job again', () => worker!.runsFor(u.fileId) >= 2);
      await eventually('completed in Redis', async () => (await (await queue!.getJob(jobId))?.getState()) === 'completed');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(worker!.runsFor(u.fileId)).toBe(2);

      // The run replaced the file's chunks: the index is exactly as it was.
      const after = { status: await status(), hits: await search(u.word), completed: await queue!.getCompletedCount() };
      expect(after.status.chunks).toBe(before.status.chunks);
      expect(after.status.files).toEqual(before.status.files);
      expect(after.hits).toEqual(before.hits);
      expect(after.hits.totalCount).toBe(1);
      expect(after.completed).toBe(before.completed);
    });

    it('stops the worker cleanly on SIGTERM', async () => {
      const { code, signal, ms } = await worker!.stop();
      expect({ code, signal }).toEqual({ code: 0, signal: null });
      expect(ms).toBeLessThan(10_000);
      expect(worker!.log).toMatch(/SIGTERM: shutting down/);
      expect(worker!.log).toMatch(/stopped/);
    });
  });
}
