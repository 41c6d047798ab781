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
  /** Starts running these handlers in this process (the worker with Redis; the API without). */
  process(handlers: ReadonlyMap<string, RegisteredJob>): void;
  /** Stops taking jobs, lets running ones finish (up to the shutdown timeout), and disconnects. */
  close(): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
