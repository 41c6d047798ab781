import { Logger } from '@nestjs/common';
import { JobPayload } from '../job-definition';
import { asError, isPermanent, JobRun } from '../job-handler';
import { Accepted, JobCounts, JobQueue, JobState, QueueUnavailableError, RetryOutcome } from './job-queue';
import { RegisteredJob, reportFinalFailure, settlesWithin } from './registered-job';
import { backoffDelay } from './retry-policy';

type InlineState = 'waiting' | 'active' | 'delayed' | 'completed' | 'failed';

interface InlineJob {
  jobId: string;
  name: string;
  payload: JobPayload;
  state: InlineState;
  attemptsMade: number;
  settled: Promise<void>;
  settle: () => void;
  timer?: NodeJS.Timeout;
}

export interface InlineJobQueueOptions {
  concurrency: number;
  shutdownTimeoutMs: number;
  /** Finished jobs remembered for deduplication and `retry` (default 10 000). */
  keepFinished?: number;
}

/**
 * Runs jobs in this process, after the outbox hands them over (so after commit), with the same
 * retry policy and final-failure hook as the BullMQ worker. It keeps nothing across a restart:
 * `add` returns `settled`, and the outbox keeps the row pending until then, so work interrupted
 * by a crash or shutdown runs again on the next start. A job id it already holds is not run again.
 */
export class InlineJobQueue implements JobQueue {
  readonly kind = 'inline';
  private readonly logger = new Logger('Jobs');
  private readonly jobs = new Map<string, InlineJob>();
  private readonly ready: InlineJob[] = [];
  private readonly running = new Set<Promise<void>>();
  private handlers: ReadonlyMap<string, RegisteredJob> | null = null;
  private closing = false;

  constructor(
    private readonly registry: ReadonlyMap<string, RegisteredJob>,
    private readonly options: InlineJobQueueOptions,
  ) {}

  get available(): boolean {
    return !this.closing;
  }

  /** Starts running jobs with these handlers (jobs added before wait until then). */
  process(handlers: ReadonlyMap<string, RegisteredJob>): void {
    this.handlers = handlers;
    this.pump();
  }

  async add(name: string, payload: JobPayload, { jobId }: { jobId: string }): Promise<Accepted> {
    if (this.closing) throw new QueueUnavailableError('the inline job runner is shutting down');
    if (!this.registry.has(name)) throw new Error(`unknown job "${name}"`);
    const known = this.jobs.get(jobId);
    if (known) return { settled: known.settled };
    const job = this.track({ jobId, name, payload });
    this.ready.push(job);
    this.pump();
    return { settled: job.settled };
  }

  async retry(jobId: string): Promise<RetryOutcome> {
    const job = this.jobs.get(jobId);
    if (!job) return 'unknown';
    if (job.state !== 'completed' && job.state !== 'failed') return 'pending';
    if (this.closing) throw new QueueUnavailableError('the inline job runner is shutting down');
    this.jobs.delete(jobId);
    this.ready.push(this.track({ jobId, name: job.name, payload: job.payload }));
    this.pump();
    return 'requeued';
  }

  async counts(): Promise<Record<string, JobCounts>> {
    const counts: Record<string, JobCounts> = {};
    for (const name of this.registry.keys()) counts[name] = { waiting: 0, active: 0, delayed: 0, completed: 0, failed: 0 };
    for (const job of this.jobs.values()) counts[job.name][job.state]++;
    return counts;
  }

  async state(name: string, jobId: string): Promise<JobState> {
    const job = this.jobs.get(jobId);
    return job && job.name === name ? job.state : 'missing';
  }

  /** Nothing to reach: the runner is this process. */
  async ping(): Promise<void> {
    if (this.closing) throw new QueueUnavailableError('the inline job runner is shutting down');
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    // Waiting and delayed jobs are dropped unsettled: their outbox rows stay pending for the next start.
    this.ready.length = 0;
    for (const job of this.jobs.values()) if (job.timer) clearTimeout(job.timer);
    if (!this.running.size) return;
    const finished = await settlesWithin(Promise.allSettled([...this.running]), this.options.shutdownTimeoutMs);
    if (!finished) this.logger.warn(`${this.running.size} job(s) still running after ${this.options.shutdownTimeoutMs} ms; they run again on the next start`);
  }

  private track(fields: Pick<InlineJob, 'jobId' | 'name' | 'payload'>): InlineJob {
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const job: InlineJob = { ...fields, state: 'waiting', attemptsMade: 0, settled, settle };
    this.jobs.set(job.jobId, job);
    return job;
  }

  private pump(): void {
    if (!this.handlers) return;
    while (!this.closing && this.running.size < this.options.concurrency && this.ready.length) {
      const job = this.ready.shift()!;
      const run = this.runOnce(job).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async runOnce(job: InlineJob): Promise<void> {
    const registered = this.handlers!.get(job.name)!;
    job.state = 'active';
    job.attemptsMade++;
    const run: JobRun = { jobId: job.jobId, name: job.name, attempt: job.attemptsMade, maxAttempts: registered.policy.attempts };
    try {
      if (!registered.handler) throw new Error(`no handler for job "${job.name}"`);
      await registered.handler.handle(job.payload, run);
      job.state = 'completed';
      this.finish(job);
    } catch (thrown) {
      const error = asError(thrown);
      const final = isPermanent(error) || run.attempt >= run.maxAttempts;
      if (!final) {
        if (this.closing) return; // left unsettled: the outbox row runs it again on the next start
        const delay = backoffDelay(run.attempt, registered.policy.backoffMs);
        this.logger.warn(`job ${job.jobId} attempt ${run.attempt}/${run.maxAttempts} failed (${error.message}); retrying in ${delay} ms`);
        job.state = 'delayed';
        job.timer = setTimeout(() => {
          job.timer = undefined;
          job.state = 'waiting';
          this.ready.push(job);
          this.pump();
        }, delay);
        return;
      }
      await reportFinalFailure(this.logger, registered, job.payload, error, run);
      job.state = 'failed';
      this.finish(job);
    }
  }

  private finish(job: InlineJob): void {
    job.settle();
    const limit = this.options.keepFinished ?? 10_000;
    if (this.jobs.size <= limit) return;
    for (const [id, other] of this.jobs) {
      if (this.jobs.size <= limit) break;
      if (other.state === 'completed' || other.state === 'failed') this.jobs.delete(id);
    }
  }
}
