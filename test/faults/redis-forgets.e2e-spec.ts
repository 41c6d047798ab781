/**
 * Fault drill: the job queue forgets. Redis is the queue's memory; when it loses its data (FLUSHALL,
 * a restart without appendonly, a failover to an empty replica) the jobs it held are gone while
 * the database still says the work is owed. The API's reconciliation (JOB_RECONCILE_INTERVAL_MS)
 * puts them back; no restart.
 *
 * - Always (inline runner, no Redis): files set back to PENDING with no job anywhere are indexed
 *   again by a reconciliation pass, once each, and a second pass enqueues nothing.
 * - With `redis-server` on PATH: a Redis of the test's own (`--save "" --appendonly no`, on a spare
 *   port, killed at the end — never the machine's shared one). Uploads are made while no worker
 *   runs, so their index-file jobs wait in Redis; FLUSHALL; the reconciliation enqueues them again;
 *   then apps/worker (a process of its own) indexes every file exactly once.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { In, IsNull } from 'typeorm';
import { APP_CONFIG, AppConfig, Role } from '@tel/core';
import { FileIndexEntry, FileIndexer, FileIndexState, OutboxDocumentIndexEvents, INDEX_FILE } from '@tel/document-search';
import { BullMqJobQueue, defineJob, JOB_QUEUE, JobHandler, JobQueue, JobReconciler, OutboxEntry, QUEUE_MEMORY_MARKER } from '@tel/jobs';
import { createTestDatabase, startJobsContext } from '../../libs/jobs/src/testing/jobs-harness';
import { OwnRedis, TestApp, createTestApp, onPath, tokenFor, waitForJobs } from '@tel/testing';
import { reportDrill } from './drill-report';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..', '..');

async function eventually<T>(what: string, check: () => Promise<T | false | null | undefined> | T | false | null | undefined, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function uploadTo(t: TestApp, token: string, i: number): Promise<{ status: number; fileId?: string }> {
  const reg = await t.gql(
    `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
    { input: { meetingCode: 'TEL37', groupCode: 'SPSG', code: 'FORGET', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC', title: `Forgotten paper ${i}` } },
    token,
  );
  if (reg.errors) throw new Error(`registerDocument: ${JSON.stringify(reg.errors)}`);
  const form = new FormData();
  form.append('file', new Blob([`Paper ${i}: the wombat${i} drill on queues that forget.\n`]), `paper-${i}.txt`);
  const res = await fetch(`${t.url}/api/documents/${encodeURIComponent(reg.data.registerDocument.symbol)}/revisions/0/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = (await res.json()) as { id?: string };
  return { status: res.status, fileId: body.id };
}

describe('fault drill: owed work that no queue holds (inline runner)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Interval 0: the test runs the passes itself, so it can count them.
    t = await createTestApp({ env: { JOB_RECONCILE_INTERVAL_MS: '0', JOB_RECONCILE_GRACE_MS: '0', JOB_ATTEMPTS: '1' } });
    await waitForJobs(t, 60_000);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('indexes again, once each, files left PENDING with no job anywhere', async () => {
    const reconciler = t.app.get(JobReconciler);
    expect(await reconciler.reconcile()).toMatchObject({ ran: true, requeued: 0 });

    // What a lost job leaves behind: the file says PENDING, no outbox row waits, no run is coming.
    const files = await t.dataSource.manager.find(FileIndexEntry, { where: { indexState: FileIndexState.INDEXED }, take: 4, order: { fileId: 'ASC' } });
    const ids = files.map((f) => f.fileId);
    expect(ids).toHaveLength(4);
    await t.uow.write((em) => em.update(FileIndexEntry, { fileId: In(ids) }, { indexState: FileIndexState.PENDING }));
    const indexer = t.app.get(FileIndexer);
    const runs = jest.spyOn(indexer, 'indexFile');
    try {
      const report = await reconciler.reconcile();
      expect(report).toMatchObject({ ran: true, requeued: 4, queueForgot: false });
      await waitForJobs(t);
      // Passes while and after they ran find nothing more to do.
      expect(await reconciler.reconcile()).toMatchObject({ requeued: 0 });
      expect(await reconciler.reconcile()).toMatchObject({ requeued: 0 });
      const after = await t.dataSource.manager.find(FileIndexEntry, { where: { fileId: In(ids) } });
      const perFile = ids.map((id) => runs.mock.calls.filter(([fileId]) => fileId === id).length);
      reportDrill(
        'owed work with no job (inline)',
        t.dialect,
        {
          attempted: ids.length,
          acknowledged: ids.length,
          present: after.filter((f) => f.indexState === FileIndexState.INDEXED).length,
          duplicated: perFile.filter((n) => n > 1).length,
        },
        `${report.requeued} job(s) enqueued again by one pass`,
      );
      expect(after.map((f) => f.indexState)).toEqual(ids.map(() => FileIndexState.INDEXED));
      expect(perFile).toEqual(ids.map(() => 1));
    } finally {
      runs.mockRestore();
    }
  });

  it('runs again a job that failed for good while its hook could not record it (the database was away)', async () => {
    const reconciler = t.app.get(JobReconciler);
    const indexer = t.app.get(FileIndexer);
    const [file] = await t.dataSource.manager.find(FileIndexEntry, { where: { indexState: FileIndexState.INDEXED }, take: 1, order: { fileId: 'ASC' } });
    const away = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const index = jest.spyOn(indexer, 'indexFile').mockRejectedValueOnce(away());
    const markFailed = jest.spyOn(indexer, 'markFailed').mockRejectedValueOnce(away());
    try {
      process.stderr.write('[fault drill] expected below: one index-file job failing for good, and its hook failing too\n');
      await t.uow.write((em) => t.app.get(OutboxDocumentIndexEvents).retry(em, file.fileId)); // what retryIndexing does
      await eventually('the job failed for good', async () => (await t.app.get<JobQueue>(JOB_QUEUE).state(INDEX_FILE.name, `${INDEX_FILE.name}.${file.fileId}`)) === 'failed');
      expect(markFailed).toHaveBeenCalledTimes(1);
      expect((await t.dataSource.manager.findOneByOrFail(FileIndexEntry, { fileId: file.fileId })).indexState).toBe(FileIndexState.PENDING);
      expect(await reconciler.reconcile()).toMatchObject({ requeued: 1 });
      await waitForJobs(t);
      expect((await t.dataSource.manager.findOneByOrFail(FileIndexEntry, { fileId: file.fileId })).indexState).toBe(FileIndexState.INDEXED);
      expect(index.mock.calls.filter(([id]) => id === file.fileId)).toHaveLength(2);
    } finally {
      index.mockRestore();
      markFailed.mockRestore();
    }
  });

  it('leaves a PENDING file younger than the grace period to the outbox', async () => {
    const reconciler = t.app.get(JobReconciler);
    reconciler.start({ intervalMs: 0, graceMs: 3_600_000, retentionHours: 168 }); // the same process, a longer grace
    const [file] = await t.dataSource.manager.find(FileIndexEntry, { take: 1, order: { fileId: 'DESC' } });
    try {
      await t.uow.write((em) => em.update(FileIndexEntry, { fileId: file.fileId }, { indexState: FileIndexState.PENDING }));
      expect(await reconciler.reconcile()).toMatchObject({ ran: true, checked: 0, requeued: 0 });
      reconciler.start({ intervalMs: 0, graceMs: 0, retentionHours: 168 });
      expect(await reconciler.reconcile()).toMatchObject({ ran: true, checked: 1, requeued: 1 });
      await waitForJobs(t);
      expect((await t.dataSource.manager.findOneByOrFail(FileIndexEntry, { fileId: file.fileId })).indexState).toBe(FileIndexState.INDEXED);
    } finally {
      reconciler.start({ intervalMs: 0, graceMs: 0, retentionHours: 168 });
    }
  });
});

// ---------------------------------------------------------------------------------------------

/** apps/worker in a process of its own; its log counts the runs per file. */
class WorkerProcess {
  log = '';
  exited = false;
  private readonly exit: Promise<void>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (d) => (this.log += d));
    child.stderr.on('data', (d) => (this.log += d));
    this.exit = new Promise((resolve) =>
      child.on('exit', () => {
        this.exited = true;
        resolve();
      }),
    );
  }

  static async start(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'], { cwd: ROOT, env });
    const worker = new WorkerProcess(child);
    try {
      await eventually(
        'the worker is ready',
        () => {
          if (worker.exited) throw new Error(`the worker exited before it was ready:\n${worker.log}`);
          return /worker ready/.test(worker.log);
        },
        90_000,
      );
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    return worker;
  }

  runsFor(fileId: string): number {
    return this.log.split('\n').filter((line) => line.includes(`indexed file ${fileId}:`)).length;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await this.exit;
    clearTimeout(timer);
  }
}

if (!onPath('redis-server')) {
  process.stdout.write('[fault drill] redis forgets: left out — redis-server is not on PATH (apt-get install redis-server to run it)\n');
} else {
  describe('fault drill: a Redis of the test’s own is flushed with index-file jobs queued', () => {
    let redis: OwnRedis;
    let t: TestApp;
    let worker: WorkerProcess | undefined;
    let queue: Queue | undefined;
    const prefix = `tel-forget-${process.pid}`;

    beforeAll(async () => {
      redis = await OwnRedis.start();
      t = await createTestApp({
        env: { REDIS_URL: redis.url, JOB_QUEUE_PREFIX: prefix, OUTBOX_DRAIN_INTERVAL_MS: '100', JOB_RECONCILE_INTERVAL_MS: '300', JOB_RECONCILE_GRACE_MS: '500' },
      });
      await t.app.get<BullMqJobQueue>(JOB_QUEUE).waitUntilReady();
      queue = new Queue(INDEX_FILE.name, { connection: { url: redis.url }, prefix });
    });

    afterAll(async () => {
      await worker?.stop();
      await queue?.close();
      await t?.close();
      await redis?.stop();
    });

    it('enqueues again what FLUSHALL took, and every file ends INDEXED exactly once, with no restart', async () => {
      const token = await tokenFor(t, [Role.SECRETARIAT]);
      // No worker yet: the seed's files and these uploads wait in Redis.
      const attempted = 6;
      const uploads: { status: number; fileId?: string }[] = [];
      for (let i = 0; i < attempted; i++) uploads.push(await uploadTo(t, token, i));
      const acknowledged = uploads.filter((u) => u.status === 201).map((u) => u.fileId!);
      expect(acknowledged).toHaveLength(attempted);

      const all = await t.dataSource.manager.find(FileIndexEntry, {});
      expect(all.every((f) => f.indexState === FileIndexState.PENDING)).toBe(true);
      await eventually('every job handed to Redis', async () => (await t.dataSource.manager.count(OutboxEntry, { where: { dispatchedAt: IsNull() } })) === 0);
      expect(await queue!.getWaitingCount()).toBe(all.length);

      // Redis forgets.
      await redis.flushAll();
      expect(await queue!.getWaitingCount()).toBe(0);

      // The reconciliation (every 300 ms, files older than 500 ms) puts every job back.
      await eventually('the jobs are back in Redis', async () => (await queue!.getWaitingCount()) === all.length, 30_000);
      const marker = new IORedis(redis.url);
      try {
        expect(await marker.get(`${prefix}:${QUEUE_MEMORY_MARKER}`)).not.toBeNull();
      } finally {
        marker.disconnect();
      }

      // Now a worker: it indexes each file once, while passes keep running beside it.
      const config = t.app.get<AppConfig>(APP_CONFIG);
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        NODE_ENV: 'test',
        NO_COLOR: '1',
        DATA_DIR: config.dataDir,
        REDIS_URL: redis.url,
        JOB_QUEUE_PREFIX: prefix,
        JOB_BACKOFF_MS: '100',
        JOB_SHUTDOWN_TIMEOUT_MS: '5000',
      };
      delete env.DATABASE_URL;
      delete env.DATABASE_SCHEMA;
      if (config.databaseUrl) Object.assign(env, { DATABASE_URL: config.databaseUrl, DATABASE_SCHEMA: config.databaseSchema });
      worker = await WorkerProcess.start(env);
      await eventually('every file indexed', async () => (await t.dataSource.manager.count(FileIndexEntry, { where: { indexState: FileIndexState.PENDING } })) === 0, 120_000);
      // A few more passes: nothing is enqueued again.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await t.app.get(JobReconciler).reconcile()).toMatchObject({ ran: true, requeued: 0, redelivered: 0 });

      const files = await t.dataSource.manager.find(FileIndexEntry, {});
      const runs = files.map((f) => worker!.runsFor(f.fileId));
      const uploaded = files.filter((f) => acknowledged.includes(f.fileId));
      reportDrill(
        'redis forgets (FLUSHALL with jobs queued)',
        t.dialect,
        {
          attempted,
          acknowledged: acknowledged.length,
          present: uploaded.filter((f) => f.indexState === FileIndexState.INDEXED).length,
          duplicated: runs.filter((n) => n > 1).length,
        },
        `${files.length} file(s) in all (seed + uploads), each indexed ${[...new Set(runs)].join('/')} time(s); the API was not restarted`,
      );
      expect(files.map((f) => f.indexState)).toEqual(files.map(() => FileIndexState.INDEXED));
      expect(runs).toEqual(files.map(() => 1));
      for (const f of files) expect(await (await queue!.getJob(`${INDEX_FILE.name}.${f.fileId}`))?.getState()).toBe('completed');
      // The uploads are searchable.
      const hit = await t.gql(`query($q: String!) { searchDocuments(query: $q, first: 5) { totalCount } }`, { q: 'wombat3' });
      expect(hit.data?.searchDocuments.totalCount).toBe(1);
    });

    it('hands over again the dispatched outbox rows of a job with no record of its own, once each', async () => {
      // A job whose work the database does not record: its outbox rows are the record.
      const NOTE = defineJob<{ n: string }>('test-forgotten-note', { key: (p) => p.n });
      const runs: string[] = [];
      @JobHandler(NOTE)
      class NoteHandler {
        handle({ n }: { n: string }): Promise<void> {
          runs.push(n);
          return Promise.resolve();
        }
      }
      const db = createTestDatabase();
      const env = { REDIS_URL: redis.url, JOB_QUEUE_PREFIX: `${prefix}-notes` };
      const api = await startJobsContext({ db, role: 'api', jobs: [NOTE], env });
      let worker: Awaited<ReturnType<typeof startJobsContext>> | undefined;
      const notes = new Queue(NOTE.name, { connection: { url: redis.url }, prefix: env.JOB_QUEUE_PREFIX });
      try {
        await (api.queue as BullMqJobQueue).waitUntilReady();
        const reconciler = api.app.get(JobReconciler);
        expect(await reconciler.reconcile()).toMatchObject({ ran: true, queueForgot: true, redelivered: 0 }); // a fresh Redis: nothing to put back
        const ids = ['a', 'b', 'c', 'd', 'e'];
        for (const n of ids) await api.uow.write((em) => api.jobs.enqueueInTransaction(em, NOTE, { n }));
        await eventually('all handed to Redis', async () => (await api.dataSource.manager.count(OutboxEntry, { where: { dispatchedAt: IsNull() } })) === 0);
        expect(await notes.getWaitingCount()).toBe(ids.length);
        expect(await reconciler.reconcile()).toMatchObject({ queueForgot: false, redelivered: 0 });

        await redis.flushAll();
        const report = await reconciler.reconcile();
        expect(report).toMatchObject({ ran: true, queueForgot: true, redelivered: ids.length });
        await eventually('back in Redis', async () => (await notes.getWaitingCount()) === ids.length);
        expect(await reconciler.reconcile()).toMatchObject({ queueForgot: false, redelivered: 0 });

        worker = await startJobsContext({ db, role: 'worker', jobs: [NOTE], handlers: [NoteHandler], env });
        await eventually('every note ran', () => runs.length >= ids.length);
        await new Promise((resolve) => setTimeout(resolve, 300));
        reportDrill(
          'redis forgets (jobs without a record: outbox rows)',
          api.config.dialect,
          {
            attempted: ids.length,
            acknowledged: ids.length,
            present: new Set(runs).size,
            duplicated: ids.filter((n) => runs.filter((r) => r === n).length > 1).length,
          },
          `${report.redelivered} dispatched row(s) handed over again`,
        );
        expect([...runs].sort()).toEqual(ids);
      } finally {
        await notes.close();
        await worker?.close();
        await api.close();
        await db.drop();
      }
    });
  });
}
