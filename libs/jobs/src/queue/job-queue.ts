import { JobPayload } from '../job-definition';
import { RegisteredJob } from './registered-job';

/** How many jobs of one name are in each state. */
export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

export type JobState = 'waiting' | 'active' | 'delayed' | 'completed' | 'failed' | 'missing';

/** What `add` promises. */
export interface Accepted {
  /**
   * Absent when the queue keeps the job somewhere that outlives this process (Redis): the
   * outbox row is done. Present for a runner that keeps nothing across a restart (inline): it
   * resolves when the job has settled (completed or finally failed), and only then is the
   * outbox row done — so a crash before that runs the job again on the next start.
   */
  settled?: Promise<void>;
}

/** `requeued`: it will run again; `pending`: it has not finished yet, nothing to do; `unknown`: no such job (any more). */
export type RetryOutcome = 'requeued' | 'pending' | 'unknown';

/** Thrown by `add`/`retry` when the queue cannot be reached; the outbox keeps the row and tries later. */
export class QueueUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUnavailableError';
  }
}

/** When a scheduled task runs: every `everyMs`, or each day at `dailyAtHourUtc`:00 UTC. */
export type ScheduleRepeat = { everyMs: number } | { dailyAtHourUtc: number };

/**
 * A pass that runs on a schedule in the process that schedules it (e.g. the report reminders,
 * the daily digest). It must be idempotent: a durable queue runs it once per period across every
 * process that schedules the same name; the inline runner runs it in each process on a timer.
 */
export interface ScheduledTask {
  /** 2–63 of [a-z0-9-]; processes scheduling the same name share one schedule. */
  name: string;
  repeat: ScheduleRepeat;
  run: () => Promise<void>;
}

/** The BullMQ cron pattern (or interval) of a repeat, for tests and logs. */
export function describeRepeat(repeat: ScheduleRepeat): string {
  return 'everyMs' in repeat ? `every ${repeat.everyMs} ms` : `daily at ${String(repeat.dailyAtHourUtc).padStart(2, '0')}:00 UTC`;
}

/** Milliseconds from `now` to the next `hour`:00:00 UTC (a full day when it is exactly that moment). */
export function msUntilHourUtc(now: Date, hour: number): number {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
}

export function assertScheduledTask(task: ScheduledTask): void {
  if (!/^[a-z][a-z0-9-]{1,62}$/.test(task.name)) throw new Error(`scheduled task "${task.name}" must be named with lower-case letters, digits and "-" (2 to 63 characters)`);
  const r = task.repeat;
  if ('everyMs' in r ? !Number.isInteger(r.everyMs) || r.everyMs < 1000 : !Number.isInteger(r.dailyAtHourUtc) || r.dailyAtHourUtc < 0 || r.dailyAtHourUtc > 23) {
    throw new Error(`scheduled task "${task.name}": ${JSON.stringify(r)} must be everyMs ≥ 1000 or dailyAtHourUtc 0–23`);
  }
}

/**
 * The port the outbox hands jobs to. Adding a job id the queue already holds is a no-op, so a
 * second delivery is harmless.
 */
export interface JobQueue {
  readonly kind: 'bullmq' | 'inline';
  /** False while the queue is known to be unreachable (the outbox then skips its sweep). */
  readonly available: boolean;
  add(name: string, payload: JobPayload, options: { jobId: string }): Promise<Accepted>;
  /** Runs a finished (failed or completed) job again with fresh attempts. */
  retry(jobId: string): Promise<RetryOutcome>;
  counts(): Promise<Record<string, JobCounts>>;
  /**
   * Where the job with this id stands, `missing` when the queue holds no such job (never added,
   * removed after the retention period, or forgotten by a Redis that lost its data).
   */
  state(name: string, jobId: string): Promise<JobState>;
  /**
   * A durable queue keeps a marker in its store (Redis) so the reconciliation can tell when that
   * store lost its data (flushed, or restarted without persistence). Absent on the inline runner.
   */
  getMarker?(key: string): Promise<string | null>;
  setMarker?(key: string, value: string): Promise<void>;
  /** Resolves when the queue's backing service answers (Redis PING); rejects otherwise. */
  ping(timeoutMs: number): Promise<void>;
  /**
   * Runs `task.run` on its schedule in this process until `close`: with Redis a BullMQ job
   * scheduler (`upsertJobScheduler`, one job per period whichever process takes it) and a worker
   * for it; inline, a timer. Scheduling a name again replaces its schedule.
   */
  schedule(task: ScheduledTask): Promise<void>;
  /** Starts running these handlers in this process (the worker with Redis; the API without). */
  process(handlers: ReadonlyMap<string, RegisteredJob>): void;
  /** Stops taking jobs, lets running ones finish (up to the shutdown timeout), and disconnects. */
  close(): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
