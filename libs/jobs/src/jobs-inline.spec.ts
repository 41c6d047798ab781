import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { In, IsNull, Not } from 'typeorm';
import { defineJob } from './job-definition';
import { JobHandler, JobHandlerFor, JobRun, PermanentJobError } from './job-handler';
import { JobSetupError } from './job-handler.registry';
import { OutboxEntry } from './outbox/outbox-entry.entity';
import { OutboxService } from './outbox/outbox.service';
import { createTestDatabase, eventually, JobsContext, startJobsContext, TestDatabase } from './testing/jobs-harness';

// Medium tests of the inline runner (no REDIS_URL): real database, real Nest lifecycle.
jest.setTimeout(30_000);

const NOTE = defineJob<{ noteId: string }>('note', { key: (p) => p.noteId });
const FLAKY = defineJob<{ id: string; failTimes: number; permanent: boolean }>('flaky', { key: (p) => p.id, attempts: 3, backoffMs: 40 });
const SLOW = defineJob<{ id: string }>('slow', { key: (p) => p.id });

interface Call {
  job: string;
  payload: Record<string, unknown>;
  run: JobRun;
  at: number;
  /** Whether the outbox row that carried the job was visible (committed) when the handler ran. */
  committed?: boolean;
}

class Recorder {
  calls: Call[] = [];
  finalFailures: { payload: Record<string, unknown>; error: string; run: JobRun }[] = [];
  /** The slow job waits for this. */
  gate: Promise<void> = Promise.resolve();
  of(job: string, key: string): Call[] {
    return this.calls.filter((c) => c.job === job && Object.values(c.payload).includes(key));
  }
}
const RECORDER = 'RECORDER';

@JobHandler(NOTE)
class NoteHandler implements JobHandlerFor<typeof NOTE> {
  constructor(@Inject(RECORDER) private readonly rec: Recorder) {}
  handle(payload: { noteId: string }, run: JobRun): Promise<void> {
    this.rec.calls.push({ job: 'note', payload, run, at: Date.now() });
    return Promise.resolve();
  }
}

@JobHandler(FLAKY)
class FlakyHandler implements JobHandlerFor<typeof FLAKY> {
  constructor(@Inject(RECORDER) private readonly rec: Recorder) {}
  handle(payload: { id: string; failTimes: number; permanent: boolean }, run: JobRun): Promise<void> {
    this.rec.calls.push({ job: 'flaky', payload, run, at: Date.now() });
    if (payload.permanent) return Promise.reject(new PermanentJobError(`not a PDF: ${payload.id}`));
    if (this.rec.of('flaky', payload.id).length <= payload.failTimes) return Promise.reject(new Error(`extraction failed on attempt ${run.attempt}`));
    return Promise.resolve();
  }
  onFinalFailure(payload: { id: string }, error: Error, run: JobRun): Promise<void> {
    this.rec.finalFailures.push({ payload, error: error.message, run });
    return Promise.resolve();
  }
}

@JobHandler(SLOW)
class SlowHandler implements JobHandlerFor<typeof SLOW> {
  constructor(@Inject(RECORDER) private readonly rec: Recorder) {}
  async handle(payload: { id: string }, run: JobRun): Promise<void> {
    this.rec.calls.push({ job: 'slow', payload, run, at: Date.now() });
    await this.rec.gate;
  }
}

const ENV = { OUTBOX_DRAIN_INTERVAL_MS: '50', JOB_BACKOFF_MS: '20', JOB_SHUTDOWN_TIMEOUT_MS: '3000' };
const ALL_JOBS = [NOTE, FLAKY, SLOW];
const handlersWith = (rec: Recorder) => [{ provide: RECORDER, useValue: rec }, NoteHandler, FlakyHandler, SlowHandler];

async function outboxRows(t: JobsContext, jobId: string): Promise<OutboxEntry[]> {
  return t.dataSource.manager.find(OutboxEntry, { where: { jobId }, order: { createdAt: 'ASC' } });
}

describe('jobs, inline runner (no REDIS_URL)', () => {
  let db: TestDatabase;
  let t: JobsContext;
  const rec = new Recorder();

  beforeAll(async () => {
    db = createTestDatabase();
    t = await startJobsContext({ db, role: 'api', jobs: ALL_JOBS, handlers: handlersWith(rec), env: ENV });
  });
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('picks the inline adapter when REDIS_URL is unset', () => {
    expect(t.config.jobs.redisUrl).toBeUndefined();
    expect(t.jobs.adapter).toBe('inline');
  });

  it('runs nothing when the enqueueing transaction rolls back', async () => {
    const noteId = randomUUID();
    await expect(
      t.uow.write(async (em) => {
        await t.jobs.enqueueInTransaction(em, NOTE, { noteId });
        throw new Error('upload failed');
      }),
    ).rejects.toThrow('upload failed');
    expect(await t.jobs.drain()).toEqual({ dispatched: 0, failed: 0 });
    expect(await outboxRows(t, `note.${noteId}`)).toEqual([]);
    expect(rec.of('note', noteId)).toEqual([]);
  });

  it('runs a committed job once, after the commit, and then marks its outbox row dispatched', async () => {
    const noteId = randomUUID();
    const jobId = await t.uow.write((em) => t.jobs.enqueueInTransaction(em, NOTE, { noteId }));
    expect(jobId).toBe(`note.${noteId}`);
    await eventually('the job ran and its row was marked', async () => rec.of('note', noteId).length === 1 && (await outboxRows(t, jobId))[0]?.dispatchedAt !== null);
    // A second drain finds nothing left; the job did not run again.
    await t.jobs.drain();
    expect(rec.of('note', noteId)).toEqual([expect.objectContaining({ run: { jobId, name: 'note', attempt: 1, maxAttempts: 3 } })]);
  });

  it('runs a job once when its id is enqueued twice (two transactions, and a second delivery to the queue)', async () => {
    const noteId = randomUUID();
    const first = await t.uow.write((em) => t.jobs.enqueueInTransaction(em, NOTE, { noteId }));
    const second = await t.uow.write(async (em) => {
      const id = await t.jobs.enqueueInTransaction(em, NOTE, { noteId });
      await t.jobs.enqueueInTransaction(em, NOTE, { noteId: 'other' }, { jobId: id });
      return id;
    });
    expect(second).toBe(first);
    await eventually('all three rows dispatched', async () => (await outboxRows(t, first)).every((r) => r.dispatchedAt !== null));
    await (
      await t.queue.add('note', { noteId }, { jobId: first })
    ).settled;
    await t.jobs.drain();
    expect(await outboxRows(t, first)).toHaveLength(3);
    expect(rec.calls.filter((c) => c.run.jobId === first)).toHaveLength(1);
  });

  it('retries a failing job with backoff, then calls onFinalFailure once with the reason', async () => {
    const id = randomUUID();
    const jobId = await t.uow.write((em) => t.jobs.enqueueInTransaction(em, FLAKY, { id, failTimes: 99, permanent: false }));
    await eventually('the final failure', () => rec.finalFailures.some((f) => f.payload.id === id));
    const calls = rec.of('flaky', id);
    expect(calls.map((c) => c.run.attempt)).toEqual([1, 2, 3]);
    // Exponential backoff: 40 ms, then 80 ms (lower bounds; the runner may be later, never earlier).
    expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(35);
    expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(75);
    expect(rec.finalFailures.filter((f) => f.payload.id === id)).toEqual([
      { payload: { id, failTimes: 99, permanent: false }, error: 'extraction failed on attempt 3', run: { jobId, name: 'flaky', attempt: 3, maxAttempts: 3 } },
    ]);
    await eventually('its row is done', async () => (await outboxRows(t, jobId))[0].dispatchedAt !== null);
  });

  it('succeeds on a retry without calling onFinalFailure', async () => {
    const id = randomUUID();
    await t.uow.write((em) => t.jobs.enqueueInTransaction(em, FLAKY, { id, failTimes: 1, permanent: false }));
    await eventually('the second attempt', () => rec.of('flaky', id).length === 2);
    await eventually('its row is done', async () => (await outboxRows(t, `flaky.${id}`))[0].dispatchedAt !== null);
    expect(rec.finalFailures.filter((f) => f.payload.id === id)).toEqual([]);
  });

  it('does not retry a PermanentJobError', async () => {
    const id = randomUUID();
    await t.uow.write((em) => t.jobs.enqueueInTransaction(em, FLAKY, { id, failTimes: 0, permanent: true }));
    await eventually('the final failure', () => rec.finalFailures.some((f) => f.payload.id === id));
    expect(rec.of('flaky', id)).toHaveLength(1);
    expect(rec.finalFailures.find((f) => f.payload.id === id)?.error).toBe(`not a PDF: ${id}`);
  });

  it('retry(jobId) runs a failed job again with fresh attempts; a rerun row does the same through the outbox', async () => {
    const id = randomUUID();
    const jobId = await t.uow.write((em) => t.jobs.enqueueInTransaction(em, FLAKY, { id, failTimes: 3, permanent: false }));
    await eventually('the final failure', () => rec.finalFailures.some((f) => f.payload.id === id));
    expect(await t.jobs.retry('flaky.does-not-exist')).toBe('unknown');

    expect(await t.jobs.retry(jobId)).toBe('requeued');
    await eventually('the fourth run', () => rec.of('flaky', id).length === 4);
    expect(rec.of('flaky', id).map((c) => c.run.attempt)).toEqual([1, 2, 3, 1]);

    // Through the outbox (what retryIndexing does in its transaction): a plain enqueue of a
    // finished id is deduplicated, a rerun runs it again.
    await t.uow.write((em) => t.jobs.enqueueInTransaction(em, FLAKY, { id, failTimes: 3, permanent: false }));
    await eventually('rows done', async () => (await outboxRows(t, jobId)).every((r) => r.dispatchedAt !== null));
    expect(rec.of('flaky', id)).toHaveLength(4);
    await t.uow.write((em) => t.jobs.enqueueInTransaction(em, FLAKY, { id, failTimes: 3, permanent: false }, { rerun: true }));
    await eventually('the fifth run', () => rec.of('flaky', id).length === 5);
    await eventually('rows done', async () => (await outboxRows(t, jobId)).every((r) => r.dispatchedAt !== null));
    expect(rec.finalFailures.filter((f) => f.payload.id === id)).toHaveLength(1);
  });

  it('treats an undeclared job, a payload that is not ids, and a bad job id as programming errors (and writes nothing)', async () => {
    const UNDECLARED = defineJob<{ id: string }>('undeclared', { key: (p) => p.id });
    const id = randomUUID();
    await expect(t.uow.write((em) => t.jobs.enqueueInTransaction(em, UNDECLARED, { id }))).rejects.toThrow('unknown job "undeclared"');
    await expect(t.uow.write((em) => t.jobs.enqueueInTransaction(em, NOTE, { noteId: { nested: true } } as never))).rejects.toThrow(/must be a string, number, boolean or null/);
    await expect(t.uow.write((em) => t.jobs.enqueueInTransaction(em, NOTE, { noteId: id }, { jobId: 'a:b' }))).rejects.toThrow(/job id "a:b"/);
    await expect(t.uow.write((em) => t.jobs.enqueueInTransaction(em, NOTE, { noteId: id }, { jobId: '42' }))).rejects.toThrow(/bare number/);
    await expect(t.jobs.enqueueInTransaction(t.uow.manager, NOTE, { noteId: id })).rejects.toThrow(/open UnitOfWork.write transaction/);
    expect(await t.dataSource.manager.count(OutboxEntry, { where: { payload: JSON.stringify({ noteId: id }) } })).toBe(0);
  });

  it('prunes rows dispatched longer ago than JOB_RETENTION_HOURS, and only those', async () => {
    const row = (hoursAgo: number | null) => ({
      id: randomUUID(),
      jobName: 'note',
      jobId: `note.${randomUUID()}`,
      payload: '{}',
      rerun: false,
      dispatchedAt: hoursAgo === null ? null : new Date(Date.now() - hoursAgo * 3600_000),
      attempts: 0,
      lastError: null,
    });
    // A pending row of a job this process does not know stays pending (and is never pruned).
    const [old, recent, unknownPending] = [row(169), row(167), { ...row(null), jobName: 'retired-job', jobId: `retired-job.${randomUUID()}` }];
    // One insert per row: a multi-row insert on SQLite (TypeORM 1.1) reorders the ids it writes back into the objects.
    await t.uow.write(async (em) => {
      for (const r of [old, recent, unknownPending]) await em.insert(OutboxEntry, r);
    });
    expect(await t.app.get(OutboxService).prune()).toBe(1);
    const left = await t.dataSource.manager.find(OutboxEntry, { where: { id: In([old.id, recent.id, unknownPending.id]) } });
    expect(left.map((r) => r.id).sort()).toEqual([recent.id, unknownPending.id].sort());
    await t.uow.write((em) => em.delete(OutboxEntry, { id: unknownPending.id }));
  });

  it('reports counts: outbox backlog and jobs per state', async () => {
    await eventually('outbox empty', async () => (await t.jobs.counts()).outboxPending === 0);
    const status = await t.jobs.counts();
    // note: the two committed jobs above; flaky: two that failed for good, two that completed (one after its retry).
    expect(status).toEqual({
      adapter: 'inline',
      outboxPending: 0,
      queue: {
        note: { waiting: 0, active: 0, delayed: 0, completed: 2, failed: 0 },
        flaky: { waiting: 0, active: 0, delayed: 0, completed: 2, failed: 2 },
        slow: { waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 },
      },
    });
  });
});

describe('jobs, inline runner: shutdown and restart', () => {
  it('leaves an unfinished job in the outbox on shutdown and runs it on the next start', async () => {
    const db = createTestDatabase();
    const rec = new Recorder();
    let release!: () => void;
    rec.gate = new Promise<void>((resolve) => (release = resolve));
    let second: JobsContext | undefined;
    try {
      const first = await startJobsContext({ db, role: 'api', jobs: ALL_JOBS, handlers: handlersWith(rec), env: { ...ENV, JOB_SHUTDOWN_TIMEOUT_MS: '100', JOB_CONCURRENCY: '1' } });
      const ids = [randomUUID(), randomUUID()];
      await first.uow.write(async (em) => {
        for (const id of ids) await first.jobs.enqueueInTransaction(em, SLOW, { id });
      });
      await eventually('the first job started', () => rec.calls.length === 1);
      // One job is running (blocked), one waits: shutdown gives up on the first after 100 ms.
      await first.close();
      release(); // the abandoned run finishes after its database closed: its row cannot be marked

      const rec2 = new Recorder();
      let release2!: () => void;
      rec2.gate = new Promise<void>((resolve) => (release2 = resolve));
      second = await startJobsContext({ db, role: 'api', jobs: ALL_JOBS, handlers: handlersWith(rec2), env: ENV });
      await eventually('the new process picked both rows up', () => ids.every((id) => rec2.of('slow', id).length === 1));
      expect(await second.dataSource.manager.count(OutboxEntry, { where: { dispatchedAt: Not(IsNull()) } })).toBe(0);
      release2();
      await eventually('both rows dispatched', async () => (await second!.dataSource.manager.count(OutboxEntry, { where: { dispatchedAt: IsNull() } })) === 0);
    } finally {
      release();
      await second?.close();
      await db.drop();
    }
  });
});

describe('jobs, inline runner: a crash between commit and drain', () => {
  it('hands the row over when the process starts again', async () => {
    const db = createTestDatabase();
    const rec = new Recorder();
    const noteId = randomUUID();
    let second: JobsContext | undefined;
    try {
      const first = await startJobsContext({ db, role: 'api', jobs: ALL_JOBS, handlers: handlersWith(rec), env: ENV });
      // Committed without its after-commit drain, as if the process had died right after the commit.
      await first.uow.write((em) =>
        em.insert(OutboxEntry, {
          id: randomUUID(),
          jobName: 'note',
          jobId: `note.${noteId}`,
          payload: JSON.stringify({ noteId }),
          rerun: false,
          dispatchedAt: null,
          attempts: 0,
          lastError: null,
        }),
      );
      await first.close();
      expect(rec.of('note', noteId)).toEqual([]);

      second = await startJobsContext({ db, role: 'api', jobs: ALL_JOBS, handlers: handlersWith(rec), env: ENV });
      await eventually('the start-up sweep ran it', async () => rec.of('note', noteId).length === 1 && (await outboxRows(second!, `note.${noteId}`))[0].dispatchedAt !== null);
    } finally {
      await second?.close();
      await db.drop();
    }
  });
});

describe('jobs: handlers are checked at start-up', () => {
  let db: TestDatabase;
  beforeAll(() => {
    db = createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });
  const rec = new Recorder();

  it('refuses to start when a declared job has no handler in the process that runs jobs', async () => {
    const start = startJobsContext({ db, role: 'api', jobs: ALL_JOBS, handlers: [{ provide: RECORDER, useValue: rec }, NoteHandler, FlakyHandler], env: ENV });
    await expect(start).rejects.toThrow(JobSetupError);
    await expect(start).rejects.toThrow('job "slow" has no handler in this process');
  });

  it('refuses two handlers for one job, and a handler for an undeclared job', async () => {
    @JobHandler(NOTE)
    class SecondNoteHandler {
      async handle(): Promise<void> {}
    }
    const start = startJobsContext({ db, role: 'api', jobs: [NOTE], handlers: [...handlersWith(rec), SecondNoteHandler], env: ENV });
    await expect(start).rejects.toThrow(/job "note" has 2 handlers \(NoteHandler, SecondNoteHandler\)/);
    await expect(start).rejects.toThrow(/FlakyHandler handle\(s\) "flaky", which no imported module declares/);
  });

  it('lets a process that only enqueues (a worker with no Redis to take jobs from) start without handlers', async () => {
    const t = await startJobsContext({ db, role: 'worker', jobs: ALL_JOBS, handlers: [], env: ENV });
    await t.close();
  });
});
