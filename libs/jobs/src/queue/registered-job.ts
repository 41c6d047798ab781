import { Logger } from '@nestjs/common';
import { JobDefinition, JobPayload } from '../job-definition';
import { AnyJobHandler, JobRun } from '../job-handler';
import { RetryPolicy } from './retry-policy';

/** A declared job as a runner sees it: its definition, retry policy, and (where it runs) its handler. */
export interface RegisteredJob {
  job: JobDefinition<JobPayload>;
  policy: RetryPolicy;
  concurrency: number;
  handler?: AnyJobHandler;
}

/** Calls the handler's final-failure hook; a failing hook is logged, never rethrown. */
export async function reportFinalFailure(logger: Logger, registered: RegisteredJob, payload: JobPayload, error: Error, run: JobRun): Promise<void> {
  logger.error(`job ${run.jobId} failed for good after ${run.attempt} attempt(s): ${error.message}`);
  if (!registered.handler?.onFinalFailure) return;
  try {
    await registered.handler.onFinalFailure(payload, error, run);
  } catch (hookError) {
    logger.error(`job ${run.jobId}: onFinalFailure failed: ${String(hookError)}`);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves true when `work` settles within `ms`, false otherwise (the timer never outlives the race). */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    const settled = work.then(
      () => true,
      () => true,
    );
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
