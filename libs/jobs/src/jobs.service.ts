import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import { UnitOfWork } from '@tel/core';
import { assertJobId, assertJobPayload, defaultJobId, JobDefinition, JobPayload } from './job-definition';
import { asError } from './job-handler';
import { DrainReport, OutboxService } from './outbox/outbox.service';
import { OutboxEntry } from './outbox/outbox-entry.entity';
import { JOB_QUEUE, JobCounts, JobQueue, RetryOutcome, ScheduledTask } from './queue/job-queue';
import { RegisteredJob } from './queue/registered-job';

export const JOB_REGISTRY = Symbol('JOB_REGISTRY');

export interface EnqueueOptions {
  /** Overrides the default id `<name>.<key(payload)>`; 1–200 of [A-Za-z0-9._-]. */
  jobId?: string;
  /** Run it again even if a job with this id already finished (e.g. retryIndexing after FAILED). */
  rerun?: boolean;
}

export interface JobsStatus {
  adapter: 'bullmq' | 'inline';
  /** Outbox rows not yet handed to the queue (Redis away, or just committed). */
  outboxPending: number;
  /** Per job name; null when the queue cannot be reached (see queueError). */
  queue: Record<string, JobCounts> | null;
  queueError?: string;
}

/** What features use: enqueue in a transaction, retry a job, see the counts. */
@Injectable()
export class JobsService {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(JOB_REGISTRY) private readonly registry: ReadonlyMap<string, RegisteredJob>,
    private readonly outbox: OutboxService,
    private readonly uow: UnitOfWork,
  ) {}

  get adapter(): 'bullmq' | 'inline' {
    return this.queue.kind;
  }

  /**
   * Records the job in the outbox inside the caller's `uow.write` transaction (`em`); it reaches
   * the queue after that transaction commits, and never if it rolls back. Returns the job id.
   * An undeclared job, a payload that is not ids and scalars, or a bad job id is a programming error.
   */
  async enqueueInTransaction<P extends JobPayload>(em: EntityManager, job: JobDefinition<P>, payload: P, options: EnqueueOptions = {}): Promise<string> {
    if (!this.registry.has(job.name)) throw new Error(`unknown job "${job.name}": declare it with JobsModule.forFeature([...]) in the module that handles it`);
    assertJobPayload(job.name, payload);
    const jobId = options.jobId ?? defaultJobId(job, payload);
    assertJobId(jobId);
    await this.outbox.write(em, { jobName: job.name, jobId, payload, rerun: options.rerun ?? false });
    return jobId;
  }

  /** Runs a finished job again with fresh attempts, now (not through the outbox; throws if the queue is away). */
  retry(jobId: string): Promise<RetryOutcome> {
    assertJobId(jobId);
    return this.queue.retry(jobId);
  }

  /**
   * Runs an idempotent pass on a schedule (every N ms, or daily at an hour UTC): a BullMQ job
   * scheduler with Redis — once per period across every process — or a timer in this process.
   * Call it from `onApplicationBootstrap`; it stops when the application shuts down.
   */
  schedule(task: ScheduledTask): Promise<void> {
    return this.queue.schedule(task);
  }

  /** Hands pending outbox rows to the queue now (the sweep does this every OUTBOX_DRAIN_INTERVAL_MS). */
  drain(): Promise<DrainReport> {
    return this.outbox.drain();
  }

  /** Outbox backlog and per-job queue counts, for status displays. */
  async counts(): Promise<JobsStatus> {
    const outboxPending = await this.uow.manager.count(OutboxEntry, { where: { dispatchedAt: IsNull() } });
    try {
      return { adapter: this.queue.kind, outboxPending, queue: await this.queue.counts() };
    } catch (error) {
      return { adapter: this.queue.kind, outboxPending, queue: null, queueError: asError(error).message };
    }
  }
}
