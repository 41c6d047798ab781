import { Logger } from '@nestjs/common';
import { Job, JobsOptions, Queue, UnrecoverableError, Worker } from 'bullmq';
import IORedis, { Redis } from 'ioredis';
import { JobPayload } from '../job-definition';
import { asError, isPermanent, JobRun } from '../job-handler';
import { Accepted, assertScheduledTask, JobCounts, JobQueue, JobState, QueueUnavailableError, RetryOutcome, ScheduledTask } from './job-queue';
import { RegisteredJob, reportFinalFailure, settlesWithin, sleep } from './registered-job';

/** The value, or undefined when `promise` does not settle within `ms` (a rejection rejects). */
async function settlesWithinValue<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface BullMqJobQueueOptions {
  redisUrl: string;
  /** Prefix of every key in Redis. */
  prefix: string;
  shutdownTimeoutMs: number;
  retentionHours: number;
}

/**
 * Jobs in Redis through BullMQ, one queue per job name. The producer side (every process) adds
 * jobs over a connection that fails fast when Redis is away (no offline queue), so the outbox
 * keeps the row and tries again; `process` (apps/worker only) runs a Worker per job name.
 */
export class BullMqJobQueue implements JobQueue {
  readonly kind = 'bullmq';
  private readonly logger = new Logger('Jobs');
  private readonly producer: Redis;
  private readonly queues = new Map<string, Promise<Queue>>();
  private readonly workers: Worker[] = [];
  private closing = false;
  private reportedDown = false;
  private readonly scheduled = new Map<string, { queue: Queue; worker: Worker }>();
  private readonly scheduleRetries = new Set<NodeJS.Timeout>();

  constructor(
    private readonly registry: ReadonlyMap<string, RegisteredJob>,
    private readonly options: BullMqJobQueueOptions,
  ) {
    this.producer = new IORedis(options.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
      commandTimeout: 5000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
      connectionName: `${options.prefix}:producer`,
    });
    this.producer.on('error', (error: Error) => {
      if (this.closing || this.reportedDown) return;
      this.reportedDown = true;
      this.logger.warn(`Redis unreachable (${error.message}); jobs wait in the outbox`);
    });
    this.producer.on('ready', () => {
      if (this.reportedDown) this.logger.log('Redis reachable again; the outbox sweep hands over what waited');
      this.reportedDown = false;
    });
  }

  get available(): boolean {
    return !this.closing && this.producer.status === 'ready';
  }

  /** Resolves once the producer connection is up (or rejects after `timeoutMs`). */
  async waitUntilReady(timeoutMs = 5000): Promise<void> {
    const started = Date.now();
    while (!this.available) {
      if (this.closing || Date.now() - started > timeoutMs) throw new QueueUnavailableError(`Redis did not answer within ${timeoutMs} ms`);
      await sleep(25);
    }
  }

  async add(name: string, payload: JobPayload, { jobId }: { jobId: string }): Promise<Accepted> {
    if (!this.registry.has(name)) throw new Error(`unknown job "${name}"`);
    this.assertAvailable();
    const queue = await this.queueFor(name);
    try {
      await queue.add(name, payload, { jobId });
    } catch (error) {
      throw this.available ? error : new QueueUnavailableError(asError(error).message);
    }
    return {};
  }

  async retry(jobId: string): Promise<RetryOutcome> {
    this.assertAvailable();
    // Default ids start with the job name, so that queue is looked at first.
    const names = [...this.registry.keys()].sort((a, b) => Number(jobId.startsWith(`${b}.`)) - Number(jobId.startsWith(`${a}.`)));
    for (const name of names) {
      const job = await (await this.queueFor(name)).getJob(jobId);
      if (!job) continue;
      const state = await job.getState();
      if (state !== 'failed' && state !== 'completed') return 'pending';
      await job.retry(state, { resetAttemptsMade: true, resetAttemptsStarted: true });
      return 'requeued';
    }
    return 'unknown';
  }

  async counts(): Promise<Record<string, JobCounts>> {
    if (this.registry.size) this.assertAvailable();
    const counts: Record<string, JobCounts> = {};
    for (const name of this.registry.keys()) {
      const c = await (await this.queueFor(name)).getJobCounts('waiting', 'prioritized', 'waiting-children', 'active', 'delayed', 'completed', 'failed');
      counts[name] = {
        waiting: (c.waiting ?? 0) + (c.prioritized ?? 0) + (c['waiting-children'] ?? 0),
        active: c.active ?? 0,
        delayed: c.delayed ?? 0,
        completed: c.completed ?? 0,
        failed: c.failed ?? 0,
      };
    }
    return counts;
  }

  async state(name: string, jobId: string): Promise<JobState> {
    if (!this.registry.has(name)) throw new Error(`unknown job "${name}"`);
    this.assertAvailable();
    const queue = await this.queueFor(name);
    let state: string;
    try {
      state = await queue.getJobState(jobId);
    } catch (error) {
      throw this.available ? error : new QueueUnavailableError(asError(error).message);
    }
    switch (state) {
      case 'completed':
      case 'failed':
      case 'active':
      case 'delayed':
        return state;
      case 'unknown':
        return 'missing';
      default:
        return 'waiting'; // waiting, prioritized, waiting-children
    }
  }

  async ping(timeoutMs: number): Promise<void> {
    this.assertAvailable();
    const answer = await settlesWithinValue(this.producer.ping(), timeoutMs);
    if (answer !== 'PONG')
      throw new QueueUnavailableError(answer === undefined ? `Redis did not answer PING within ${timeoutMs} ms` : `Redis answered PING with ${String(answer)}`);
  }

  /** A key of the queue's own, for markers of the reconciliation (see JobReconciler). */
  async getMarker(key: string): Promise<string | null> {
    this.assertAvailable();
    return this.producer.get(`${this.options.prefix}:${key}`);
  }

  async setMarker(key: string, value: string): Promise<void> {
    this.assertAvailable();
    await this.producer.set(`${this.options.prefix}:${key}`, value);
  }

  /** The queue of a scheduled task: apart from the jobs' queues, so the worker process never takes its jobs. */
  static scheduleQueueName(name: string): string {
    return `scheduled-${name}`;
  }

  /**
   * A BullMQ job scheduler (`upsertJobScheduler`, id = the task's name) on the task's own queue,
   * and a worker for that queue in this process. Every process that schedules the name shares the
   * one scheduler, and BullMQ makes one job per period, which one worker takes: the pass runs once
   * per period however many processes there are. While Redis is away the scheduling is tried
   * again every few seconds.
   */
  async schedule(task: ScheduledTask): Promise<void> {
    assertScheduledTask(task);
    if (this.closing) throw new QueueUnavailableError('the job queue is closing');
    try {
      await this.upsertSchedule(task);
    } catch (error) {
      this.logger.warn(`could not schedule ${task.name} (${asError(error).message}); trying again`);
      const retry = setTimeout(() => {
        this.scheduleRetries.delete(retry);
        if (!this.closing) void this.schedule(task).catch(() => undefined);
      }, 5000);
      retry.unref();
      this.scheduleRetries.add(retry);
    }
  }

  private async upsertSchedule(task: ScheduledTask): Promise<void> {
    const name = BullMqJobQueue.scheduleQueueName(task.name);
    let entry = this.scheduled.get(task.name);
    if (!entry) {
      const retentionSeconds = this.options.retentionHours * 3600;
      const queue = new Queue(name, {
        connection: this.producer,
        prefix: this.options.prefix,
        defaultJobOptions: { removeOnComplete: { age: retentionSeconds, count: 100 }, removeOnFail: { age: retentionSeconds, count: 100 } },
      });
      queue.on('error', (error) => {
        if (!this.closing && this.available) this.logger.warn(`queue ${name}: ${error.message}`);
      });
      await queue.waitUntilReady();
      if (this.closing) {
        // Redis came back after this process began to close: nothing to start.
        await queue.close().catch(() => undefined);
        return;
      }
      const worker = new Worker(name, () => task.run(), {
        connection: { url: this.options.redisUrl, maxRetriesPerRequest: null, connectionName: `${this.options.prefix}:scheduled:${task.name}` },
        prefix: this.options.prefix,
        concurrency: 1,
        autorun: true,
      });
      worker.on('error', (error) => {
        if (!this.closing) this.logger.warn(`scheduled ${task.name}: ${error.message}`);
      });
      worker.on('failed', (_job, error) => this.logger.error(`scheduled ${task.name} failed: ${error.message}`));
      entry = { queue, worker };
      this.scheduled.set(task.name, entry);
    }
    const r = task.repeat;
    await entry.queue.upsertJobScheduler(task.name, 'everyMs' in r ? { every: r.everyMs } : { pattern: `0 0 ${r.dailyAtHourUtc} * * *`, tz: 'UTC' }, {
      name: task.name,
      data: {},
      opts: { attempts: 1 },
    });
  }

  /** The scheduler BullMQ keeps for a task (tests look at it), or undefined. */
  async jobScheduler(name: string): Promise<{ every?: number | null; pattern?: string | null; next?: number } | undefined> {
    const entry = this.scheduled.get(name);
    if (!entry) return undefined;
    const found = await entry.queue.getJobScheduler(name);
    return found ? { every: found.every ? Number(found.every) : null, pattern: found.pattern ?? null, next: found.next } : undefined;
  }

  /** Runs a Worker for each job with a handler (apps/worker). */
  process(handlers: ReadonlyMap<string, RegisteredJob>): void {
    for (const registered of handlers.values()) {
      const name = registered.job.name;
      const worker = new Worker(name, (job: Job) => this.runJob(registered, job), {
        connection: { url: this.options.redisUrl, maxRetriesPerRequest: null, connectionName: `${this.options.prefix}:worker:${name}` },
        prefix: this.options.prefix,
        concurrency: registered.concurrency,
        autorun: true,
      });
      worker.on('error', (error) => {
        if (!this.closing) this.logger.warn(`worker ${name}: ${error.message}`);
      });
      this.workers.push(worker);
    }
    if (handlers.size) this.logger.log(`processing ${[...handlers.keys()].join(', ')} from Redis`);
  }

  /** The running workers (tests wait for them to be connected). */
  get runningWorkers(): readonly Worker[] {
    return this.workers;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    for (const retry of this.scheduleRetries) clearTimeout(retry);
    const scheduled = [...this.scheduled.values()];
    // A scheduled pass is idempotent (run again, it does only what is left), so its worker is not
    // waited for as long as a job's: a few seconds, then it is disconnected.
    await Promise.all([
      ...this.workers.map((worker) => this.closeWorker(worker, this.options.shutdownTimeoutMs)),
      ...scheduled.map((s) => this.closeWorker(s.worker, Math.min(this.options.shutdownTimeoutMs, 5000))),
    ]);
    await Promise.all(
      scheduled.map((s) =>
        settlesWithin(
          s.queue.close().catch(() => undefined),
          2000,
        ),
      ),
    );
    const queues = await Promise.allSettled([...this.queues.values()]);
    await Promise.all(queues.map((q) => (q.status === 'fulfilled' ? q.value.close().catch(() => undefined) : Promise.resolve())));
    if (this.producer.status === 'ready') await this.producer.quit().catch(() => this.producer.disconnect());
    else this.producer.disconnect();
  }

  private async runJob(registered: RegisteredJob, job: Job): Promise<void> {
    const run: JobRun = { jobId: job.id!, name: job.name, attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 };
    try {
      await registered.handler!.handle(job.data as JobPayload, run);
    } catch (thrown) {
      const error = asError(thrown);
      const permanent = isPermanent(error);
      if (permanent || run.attempt >= run.maxAttempts) {
        await reportFinalFailure(this.logger, registered, job.data as JobPayload, error, run);
      } else {
        this.logger.warn(`job ${run.jobId} attempt ${run.attempt}/${run.maxAttempts} failed (${error.message}); BullMQ retries it`);
      }
      throw permanent ? new UnrecoverableError(error.message) : error;
    }
  }

  private async closeWorker(worker: Worker, timeoutMs: number): Promise<void> {
    const closing = worker.close();
    const finished = await settlesWithin(closing, timeoutMs);
    if (finished) return;
    closing.catch(() => undefined);
    this.logger.warn(
      `worker ${worker.name}: not closed after ${timeoutMs} ms (jobs still running, or Redis not answering); disconnecting (BullMQ runs unfinished jobs again as stalled)`,
    );
    // A connection that a cut left half-open may never answer: give it a moment, then go on.
    await settlesWithin(
      worker.disconnect().catch(() => undefined),
      2000,
    );
  }

  private assertAvailable(): void {
    if (!this.available) throw new QueueUnavailableError(`Redis is unreachable (${this.closing ? 'closed' : this.producer.status})`);
  }

  private queueFor(name: string): Promise<Queue> {
    const known = this.queues.get(name);
    if (known) return known;
    if (!this.available) return Promise.reject(new QueueUnavailableError(`Redis is unreachable (${this.producer.status})`));
    const registered = this.registry.get(name)!;
    const retentionSeconds = this.options.retentionHours * 3600;
    const defaultJobOptions: JobsOptions = {
      attempts: registered.policy.attempts,
      backoff: { type: 'exponential', delay: registered.policy.backoffMs },
      // Finished jobs stay for the retention period: a second add with their id is a no-op, and retry() finds them.
      removeOnComplete: { age: retentionSeconds },
      removeOnFail: { age: retentionSeconds },
    };
    const created = (async () => {
      const queue = new Queue(name, { connection: this.producer, prefix: this.options.prefix, defaultJobOptions });
      queue.on('error', (error) => {
        if (!this.closing && this.available) this.logger.warn(`queue ${name}: ${error.message}`);
      });
      try {
        await queue.waitUntilReady();
        return queue;
      } catch (error) {
        await queue.close().catch(() => undefined);
        throw new QueueUnavailableError(asError(error).message);
      }
    })();
    created.catch(() => this.queues.delete(name));
    this.queues.set(name, created);
    return created;
  }
}
