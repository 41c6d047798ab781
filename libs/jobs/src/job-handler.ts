import { Injectable, SetMetadata } from '@nestjs/common';
import { JobDefinition, JobPayload, PayloadOf } from './job-definition';

export const JOB_HANDLER_METADATA = 'tel:job-handler';

/** What a handler is told about the run it is in. */
export interface JobRun {
  jobId: string;
  name: string;
  /** 1 for the first run, 2 for the first retry, … */
  attempt: number;
  maxAttempts: number;
}

/**
 * Runs one job. `handle` must be idempotent: a job can run again after a crash, a retry, or a
 * `rerun`. Throwing fails the attempt (retried with backoff); `onFinalFailure` is called once
 * the job will not be tried again, with the last error (e.g. to mark a file FAILED with the reason).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of every payload type: a constraint that admits a definition of any payload type (JobDefinition is invariant in it)
export interface JobHandlerFor<D extends JobDefinition<any>> {
  handle(payload: PayloadOf<D>, run: JobRun): Promise<void>;
  onFinalFailure?(payload: PayloadOf<D>, error: Error, run: JobRun): Promise<void>;
}

/** A handler as the runners see it. */
export interface AnyJobHandler {
  handle(payload: JobPayload, run: JobRun): Promise<void>;
  onFinalFailure?(payload: JobPayload, error: Error, run: JobRun): Promise<void>;
}

/**
 * Marks a provider as the handler of `job`: `@JobHandler(EXTRACT_TEXT) class ExtractText implements JobHandlerFor<typeof EXTRACT_TEXT>`.
 * The class becomes an injectable singleton; list it in its module's providers.
 */
export function JobHandler<P extends JobPayload>(job: JobDefinition<P>): ClassDecorator {
  const name = job.name;
  return (target) => {
    Injectable()(target);
    SetMetadata(JOB_HANDLER_METADATA, name)(target);
  };
}

/** Throw this from `handle` when retrying cannot help (e.g. a corrupt file): the job fails at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export function isPermanent(error: unknown): boolean {
  return error instanceof PermanentJobError || (error instanceof Error && (error.name === 'PermanentJobError' || error.name === 'UnrecoverableError'));
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
