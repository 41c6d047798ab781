import { Logger } from '@nestjs/common';
import { JobPayload } from '../job-definition';
import { asError, isPermanent, JobRun } from '../job-handler';
import { Accepted, assertScheduledTask, JobCounts, JobQueue, JobState, msUntilHourUtc, QueueUnavailableError, RetryOutcome, ScheduledTask } from './job-queue';
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
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly passes = new Set<Promise<void>>();

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

  /**
   * A timer in this process: every `everyMs`, or at the next `dailyAtHourUtc`:00 UTC and each day
   * after. A pass still running when the next is due is not started twice. Each process runs its
   * own timer, so the task's idempotency keys are what keep several processes from repeating it.
   */
  async schedule(task: ScheduledTask): Promise<void> {
    assertScheduledTask(task);
    if (this.closing) throw new QueueUnavailableError('the inline job runner is shutting down');
    this.clearTimer(task.name);
    let running: Promise<void> | null = null;
    const fire = () => {
      if (this.closing || running) return;
      running = task
        .run()
        .catch((error: unknown) => this.logger.error(`scheduled ${task.name} failed: ${asError(error).message}`))
        .finally(() => {
          this.passes.delete(running!);
          running = null;
        });
      this.passes.add(running);
    };
    const repeat = task.repeat;
    if ('everyMs' in repeat) {
      const timer = setInterval(fire, repeat.everyMs);
      timer.unref();
      this.timers.set(task.name, timer);
      return;
    }
    const next = () => {
      const timer = setTimeout(
        () => {
          fire();
          if (!this.closing) next();
        },
        msUntilHourUtc(new Date(), repeat.dailyAtHourUtc),
      );
      timer.unref();
      this.timers.set(task.name, timer);
    };
    next();
  }

  private clearTimer(name: string): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const name of [...this.timers.keys()]) this.clearTimer(name);
    if (this.passes.size) await settlesWithin(Promise.allSettled([...this.passes]), this.options.shutdownTimeoutMs);
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
