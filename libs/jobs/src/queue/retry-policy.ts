import { JobsConfig } from '@tel/core';
import { JobDefinition, JobPayload } from '../job-definition';

export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
}

export function retryPolicyFor(job: JobDefinition<JobPayload>, config: JobsConfig): RetryPolicy {
  return { attempts: job.attempts ?? config.attempts, backoffMs: job.backoffMs ?? config.backoffMs };
}

/**
 * Wait before attempt `attempt + 1` after attempt `attempt` failed: backoff · 2^(attempt−1)
 * (the same formula as BullMQ's exponential backoff), capped at one hour.
 */
export function backoffDelay(attempt: number, backoffMs: number): number {
  return Math.min(backoffMs * 2 ** Math.max(0, attempt - 1), 3600_000);
}
