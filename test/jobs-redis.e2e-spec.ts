import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { Inject } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { In, IsNull } from 'typeorm';
import { loadConfig } from '@tel/core';
import { BullMqJobQueue, createJobQueue, defineJob, InlineJobQueue, JOB_QUEUE, JobHandler, JobHandlerFor, JobRun, JobsService, OutboxEntry, registryOf } from '@tel/jobs';
import { TcpProxy, createTestApp } from '@tel/testing';
import { createTestDatabase, eventually, JobsContext, startJobsContext, TestDatabase } from '../libs/jobs/src/testing/jobs-harness';

const REDIS_URL = process.env.REDIS_URL?.trim() || undefined;
// Waits below (reconnects, retries with backoff) may take longer than Jest's default 5 s.
jest.setTimeout(60_000);

const EXTRACT = defineJob<{ fileId: string; failTimes: number }>('test-extract', { key: (p) => p.fileId, attempts: 3, backoffMs: 50 });
const SLOW = defineJob<{ id: string }>('test-slow', { key: (p) => p.id });
const JOBS = [EXTRACT, SLOW];

describe('jobs: the adapter comes from REDIS_URL (runs with or without Redis)', () => {
  it('is the inline runner without REDIS_URL and BullMQ with it; the API boots with the jobs module', async () => {
    const inlineConfig = loadConfig({}).jobs;
    expect(inlineConfig.redisUrl).toBeUndefined();
    const inline = createJobQueue(inlineConfig, registryOf(JOBS, inlineConfig));
    expect(inline).toBeInstanceOf(InlineJobQueue);
    await inline.close();

    // Nothing listens on port 1: the producer exists but is unavailable, so the outbox would hold the rows.
    const redisConfig = loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' }).jobs;
    const bull = createJobQueue(redisConfig, registryOf(JOBS, redisConfig));
    expect(bull).toBeInstanceOf(BullMqJobQueue);
    expect(bull.available).toBe(false);
    await expect(bull.add(EXTRACT.name, { fileId: 'f1', failTimes: 0 }, { jobId: 'test-extract.f1' })).rejects.toThrow(/unreachable/);
    await bull.close();

    expect(() => loadConfig({ REDIS_URL: 'http://localhost:6379' })).toThrow(/REDIS_URL must be a redis:\/\//);

    const t = await createTestApp({ seed: false });
    try {
      const jobs = t.app.get(JobsService);
      expect(jobs.adapter).toBe('inline');
      expect(await jobs.counts()).toEqual({
        adapter: 'inline',
        outboxPending: 0,
        queue: { 'index-file': expect.objectContaining({ active: 0, failed: 0 }), 'send-mail': expect.objectContaining({ active: 0, failed: 0 }) },
      });
    } finally {
      await t.close();
    }
  });
});

if (!REDIS_URL) {
  console.log('jobs: Redis suite left out (set REDIS_URL=redis://127.0.0.1:6379 to run it)');
}

interface Call {
  job: string;
  key: string;
  run: JobRun;
}

class Recorder {
  calls: Call[] = [];
  finalFailures: { key: string; error: string; attempt: number }[] = [];
  gate: Promise<void> = Promise.resolve();
  of(key: string): Call[] {
    return this.calls.filter((c) => c.key === key);
  }
}
const RECORDER = 'RECORDER';

@JobHandler(EXTRACT)
class ExtractHandler implements JobHandlerFor<typeof EXTRACT> {
  constructor(@Inject(RECORDER) private readonly rec: Recorder) {}
  handle(payload: { fileId: string; failTimes: number }, run: JobRun): Promise<void> {
    this.rec.calls.push({ job: EXTRACT.name, key: payload.fileId, run });
    if (this.rec.of(payload.fileId).length <= payload.failTimes) return Promise.reject(new Error(`cannot read ${payload.fileId} (attempt ${run.attempt})`));
    return Promise.resolve();
  }
  onFinalFailure(payload: { fileId: string }, error: Error, run: JobRun): Promise<void> {
    this.rec.finalFailures.push({ key: payload.fileId, error: error.message, attempt: run.attempt });
    return Promise.resolve();
  }
}

@JobHandler(SLOW)
class SlowHandler implements JobHandlerFor<typeof SLOW> {
  constructor(@Inject(RECORDER) private readonly rec: Recorder) {}
  async handle(payload: { id: string }, run: JobRun): Promise<void> {
    this.rec.calls.push({ job: SLOW.name, key: payload.id, run });
    await this.rec.gate;
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
  describe('jobs on Redis (BullMQ): outbox → Redis → worker', () => {
    const prefix = `tel-test-${process.pid}-${randomUUID().slice(0, 8)}`;
    const target = new URL(REDIS_URL);
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const rec = new Recorder();
    let db: TestDatabase | undefined;
    let api: JobsContext;
    let worker: JobsContext | undefined;
    let workerClosed = false;
    const env = { JOB_QUEUE_PREFIX: prefix, OUTBOX_DRAIN_INTERVAL_MS: '100', JOB_BACKOFF_MS: '50', JOB_SHUTDOWN_TIMEOUT_MS: '10000' };

    const rowsOf = (jobIds: string[]) => api.dataSource.manager.find(OutboxEntry, { where: { jobId: In(jobIds) } });
    /** Looks at Redis directly (a connection of the test's own). */
    let inspect: Queue;
    const stateOf = async (jobId: string) => (await inspect.getJob(jobId))?.getState();

    let redisAnswered = false;

    beforeAll(async () => {
      await assertRedisAnswers(REDIS_URL);
      redisAnswered = true;
      await proxy.listen();
      db = createTestDatabase();
      // The API only enqueues (no handlers, no Worker) and reaches Redis through the proxy; the worker connects directly.
      api = await startJobsContext({ db, role: 'api', jobs: JOBS, env: { ...env, REDIS_URL: proxy.urlFor(REDIS_URL) } });
      worker = await startJobsContext({
        db,
        role: 'worker',
        jobs: JOBS,
        handlers: [{ provide: RECORDER, useValue: rec }, ExtractHandler, SlowHandler],
        env: { ...env, REDIS_URL },
      });
      await (api.queue as BullMqJobQueue).waitUntilReady();
      inspect = new Queue(EXTRACT.name, { connection: { url: REDIS_URL }, prefix });
    });

    afterAll(async () => {
      await inspect?.close();
      if (!workerClosed) await worker?.close();
      await api?.close();
      await proxy.cut();
      await db?.drop();
      if (!redisAnswered) return;
      // Our keys only (unique prefix): obliterate the queues, then sweep what is left under the prefix.
      for (const job of JOBS) {
        const queue = new Queue(job.name, { connection: { url: REDIS_URL }, prefix });
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
      const redis = new IORedis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    });

    it('boots the real API with REDIS_URL as a producer only', async () => {
      const t = await createTestApp({ seed: false, env: { REDIS_URL, JOB_QUEUE_PREFIX: prefix } });
      try {
        const jobs = t.app.get(JobsService);
        expect(jobs.adapter).toBe('bullmq');
        await t.app.get<BullMqJobQueue>(JOB_QUEUE).waitUntilReady();
        expect(t.app.get<BullMqJobQueue>(JOB_QUEUE).runningWorkers).toEqual([]);
        expect(await jobs.counts()).toEqual({
          adapter: 'bullmq',
          outboxPending: 0,
          queue: { 'index-file': expect.objectContaining({ active: 0, failed: 0 }), 'send-mail': expect.objectContaining({ active: 0, failed: 0 }) },
        });
      } finally {
        await t.close();
      }
    });

    it('runs the job in the worker, not in the API, after the enqueueing transaction commits', async () => {
      expect(api.jobs.adapter).toBe('bullmq');
      expect((api.queue as BullMqJobQueue).runningWorkers).toHaveLength(0);
      expect((worker!.queue as BullMqJobQueue).runningWorkers.map((w) => w.name).sort()).toEqual(['test-extract', 'test-slow']);

      const rolledBack = randomUUID();
      await expect(
        api.uow.write(async (em) => {
          await api.jobs.enqueueInTransaction(em, EXTRACT, { fileId: rolledBack, failTimes: 0 });
          throw new Error('upload failed');
        }),
      ).rejects.toThrow('upload failed');

      const fileId = randomUUID();
      const jobId = await api.uow.write((em) => api.jobs.enqueueInTransaction(em, EXTRACT, { fileId, failTimes: 0 }));
      await eventually('the worker ran it', () => rec.of(fileId).length === 1);
      expect(rec.of(fileId)[0]).toEqual({ job: 'test-extract', key: fileId, run: { jobId, name: 'test-extract', attempt: 1, maxAttempts: 3 } });
      await eventually('its row is dispatched', async () => (await rowsOf([jobId]))[0].dispatchedAt !== null);
      await eventually('completed in Redis', async () => (await stateOf(jobId)) === 'completed');
      expect((await api.jobs.counts()).queue).toMatchObject({ 'test-extract': { completed: 1, failed: 0 }, 'test-slow': { completed: 0 } });
      expect(rec.of(rolledBack)).toEqual([]);
      expect(await rowsOf([`test-extract.${rolledBack}`])).toEqual([]);
    });

    it('processes a job once when its id is delivered twice', async () => {
      const fileId = randomUUID();
      const jobId = await api.uow.write((em) => api.jobs.enqueueInTransaction(em, EXTRACT, { fileId, failTimes: 0 }));
      await api.uow.write((em) => api.jobs.enqueueInTransaction(em, EXTRACT, { fileId, failTimes: 0 }));
      // A crash after the push but before the row was marked: the same row is pushed again.
      await api.uow.write((em) =>
        em.insert(OutboxEntry, {
          id: randomUUID(),
          jobName: EXTRACT.name,
          jobId,
          payload: JSON.stringify({ fileId, failTimes: 0 }),
          rerun: false,
          dispatchedAt: null,
          attempts: 0,
          lastError: null,
        }),
      );
      await api.queue.add(EXTRACT.name, { fileId, failTimes: 0 }, { jobId });
      await api.jobs.drain(); // what the restarted process's start-up sweep does
      await eventually('all three rows dispatched', async () => {
        const rows = await rowsOf([jobId]);
        return rows.length === 3 && rows.every((r) => r.dispatchedAt !== null);
      });
      await eventually('nothing left to run', async () => {
        const c = (await api.jobs.counts()).queue!['test-extract'];
        return c.waiting + c.active + c.delayed === 0;
      });
      expect(rec.of(fileId)).toHaveLength(1);
    });

    it('retries with backoff, calls onFinalFailure with the reason, and retry(jobId) runs the job again', async () => {
      const fileId = randomUUID();
      const jobId = await api.uow.write((em) => api.jobs.enqueueInTransaction(em, EXTRACT, { fileId, failTimes: 4 }));
      await eventually('the final failure', () => rec.finalFailures.some((f) => f.key === fileId));
      expect(rec.of(fileId).map((c) => c.run.attempt)).toEqual([1, 2, 3]);
      expect(rec.finalFailures.filter((f) => f.key === fileId)).toEqual([{ key: fileId, error: `cannot read ${fileId} (attempt 3)`, attempt: 3 }]);
      await eventually('failed in Redis', async () => (await stateOf(jobId)) === 'failed');

      // Enqueueing the same work again is deduplicated; retry(jobId) gives it fresh attempts.
      await api.uow.write((em) => api.jobs.enqueueInTransaction(em, EXTRACT, { fileId, failTimes: 4 }));
      expect(await api.jobs.retry(jobId)).toBe('requeued');
      await eventually('the fourth run', () => rec.of(fileId).length === 4);
      expect(rec.of(fileId)[3].run.attempt).toBe(1);
      expect(await api.jobs.retry('test-extract.no-such-file')).toBe('unknown');

      // Through the outbox, in a transaction (what retryIndexing does): a rerun row restarts the finished job.
      await eventually('the retried job completed', async () => (await stateOf(jobId)) === 'completed');
      expect(rec.of(fileId)).toHaveLength(5);
      await api.uow.write((em) => api.jobs.enqueueInTransaction(em, EXTRACT, { fileId, failTimes: 4 }, { rerun: true }));
      await eventually('ran after the rerun', () => rec.of(fileId).length === 6);
      await eventually('rows dispatched', async () => (await rowsOf([jobId])).every((r) => r.dispatchedAt !== null));
      // 3 attempts and the final failure; retry: fails once, then succeeds; rerun: succeeds.
      expect(rec.of(fileId).map((c) => c.run.attempt)).toEqual([1, 2, 3, 1, 2, 1]);
      expect(rec.finalFailures.filter((f) => f.key === fileId)).toHaveLength(1);
    });

    it('keeps jobs in the outbox while Redis is unreachable, and dispatches each exactly once when it returns', async () => {
      const producer = api.queue as BullMqJobQueue;
      const fileIds = Array.from({ length: 20 }, () => randomUUID());
      const jobIds: string[] = [];
      // 20 uploads, one transaction each; the connection is cut after the 5th commit, while its
      // after-commit drains may still be talking to Redis.
      for (const [i, fileId] of fileIds.entries()) {
        if (i === 5) {
          await proxy.cut();
          await eventually('the producer noticed', () => !producer.available);
        }
        jobIds.push(await api.uow.write((em) => api.jobs.enqueueInTransaction(em, EXTRACT, { fileId, failTimes: 0 })));
      }
      const afterCut = jobIds.slice(5);
      // After-commit drains and several sweeps (every 100 ms) try; nothing can be handed over.
      await api.jobs.drain();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const pending = await rowsOf(afterCut);
      expect(pending).toHaveLength(15);
      expect(pending.filter((r) => r.dispatchedAt !== null)).toEqual([]);
      const during = await api.jobs.counts();
      expect(during).toMatchObject({ adapter: 'bullmq', queue: null, queueError: expect.stringMatching(/unreachable/) });
      expect(during.outboxPending).toBeGreaterThanOrEqual(15);
      expect(fileIds.slice(5).flatMap((id) => rec.of(id))).toEqual([]);

      await proxy.listen(); // the same port again
      await eventually(
        'the sweep dispatched all 20',
        async () => (await api.dataSource.manager.count(OutboxEntry, { where: { jobId: In(jobIds), dispatchedAt: IsNull() } })) === 0,
        30_000,
      );
      await eventually('the worker ran all 20', () => fileIds.every((id) => rec.of(id).length >= 1), 30_000);
      await eventually('nothing left to run', async () => {
        const c = (await api.jobs.counts()).queue!['test-extract'];
        return c.waiting + c.active + c.delayed === 0;
      });
      expect(fileIds.map((id) => rec.of(id).length)).toEqual(fileIds.map(() => 1));
      expect((await api.jobs.counts()).outboxPending).toBe(0);
    });

    it('shuts the worker down gracefully: it stops taking jobs and waits for the running one', async () => {
      let release!: () => void;
      rec.gate = new Promise<void>((resolve) => (release = resolve));
      const [running, queued] = [randomUUID(), randomUUID()];
      await api.uow.write((em) => api.jobs.enqueueInTransaction(em, SLOW, { id: running }));
      await eventually('the slow job started', () => rec.of(running).length === 1);

      let closed = false;
      const closing = worker!.close().then(() => (closed = true));
      workerClosed = true;
      await api.uow.write((em) => api.jobs.enqueueInTransaction(em, SLOW, { id: queued }));
      await eventually('the second job is in Redis', async () => (await rowsOf([`test-slow.${queued}`]))[0].dispatchedAt !== null);
      expect(closed).toBe(false); // still waiting for the running job
      release();
      await closing;
      const counts = (await api.jobs.counts()).queue!['test-slow'];
      expect(counts).toMatchObject({ completed: 1, active: 0, waiting: 1 });
      expect(rec.of(queued)).toEqual([]);
    });
  });
}

if (REDIS_URL) {
  describe('scheduled passes on Redis: one BullMQ job scheduler shared by every process', () => {
    const prefix = `tel-test-sched-${process.pid}-${randomUUID().slice(0, 8)}`;
    const options = { redisUrl: REDIS_URL, prefix, shutdownTimeoutMs: 5000, retentionHours: 1 };
    const processes: BullMqJobQueue[] = [];

    beforeAll(async () => {
      await assertRedisAnswers(REDIS_URL);
    });
    afterAll(async () => {
      await Promise.all(processes.map((q) => q.close()));
      // Our keys only (unique prefix); the shared Redis is never flushed.
      const redis = new IORedis(REDIS_URL);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    });

    it('runs an every-second pass once per second across two processes (two timers would run it twice)', async () => {
      const runs: { process: number }[] = [];
      for (const n of [0, 1]) {
        const queue = new BullMqJobQueue(new Map(), options);
        processes.push(queue);
        await queue.waitUntilReady();
        await queue.schedule({ name: 'test-pass', repeat: { everyMs: 1000 }, run: async () => void runs.push({ process: n }) });
      }
      expect(await processes[0].jobScheduler('test-pass')).toMatchObject({ every: 1000 });
      const started = Date.now();
      await eventually('five passes', () => runs.length >= 5, 20_000);
      const seconds = (Date.now() - started) / 1000;
      // One pass per period whichever process takes it: never more than one per second, give or take the first.
      expect(runs.length).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
    });

    it('keeps a daily pass as a cron pattern at the hour (UTC), whose next run is that hour', async () => {
      const queue = processes[0];
      await queue.schedule({ name: 'test-daily', repeat: { dailyAtHourUtc: 6 }, run: async () => undefined });
      const scheduler = await queue.jobScheduler('test-daily');
      expect(scheduler).toMatchObject({ pattern: '0 0 6 * * *' });
      const next = new Date(scheduler!.next!);
      expect([next.getUTCHours(), next.getUTCMinutes(), next.getUTCSeconds()]).toEqual([6, 0, 0]);
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
      // Scheduling again (another process starting, or a new hour) replaces it rather than adding one.
      await processes[1].schedule({ name: 'test-daily', repeat: { dailyAtHourUtc: 7 }, run: async () => undefined });
      expect(await queue.jobScheduler('test-daily')).toMatchObject({ pattern: '0 0 7 * * *' });
    });
  });
}
