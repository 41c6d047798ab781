import { Injectable, SetMetadata } from '@nestjs/common';
import { JobDefinition, JobPayload, PayloadOf } from '../job-definition';

export const PENDING_WORK_METADATA = 'tel:pending-work';

/**
 * Where the database records that a job's work is still owed — the authority the reconciliation
 * trusts over the queue. For `index-file` that is a document file whose indexState is PENDING.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of every payload type: a constraint that admits a definition of any payload type (JobDefinition is invariant in it)
export interface PendingWorkFor<D extends JobDefinition<any>> {
  /**
   * Payloads of work recorded as owed and unchanged since before `olderThan` (the grace period
   * covers the moment between a commit and its outbox hand-over), oldest first, at most `limit`.
   */
  pending(olderThan: Date, limit: number): Promise<PayloadOf<D>[]>;
  /** Asked again just before the job is enqueued anew: the work may have been done meanwhile. */
  stillPending(payload: PayloadOf<D>): Promise<boolean>;
}

export interface AnyPendingWork {
  pending(olderThan: Date, limit: number): Promise<JobPayload[]>;
  stillPending(payload: JobPayload): Promise<boolean>;
}

/**
 * Marks a provider as the record of `job`'s pending work:
 * `@PendingWork(INDEX_FILE) class PendingFiles implements PendingWorkFor<typeof INDEX_FILE>`.
 * The API's reconciliation then enqueues such work again when no queue holds its job. A job with
 * no such provider is reconciled from its outbox rows alone (see JobReconciler).
 */
export function PendingWork<P extends JobPayload>(job: JobDefinition<P>): ClassDecorator {
  const name = job.name;
  return (target) => {
    Injectable()(target);
    SetMetadata(PENDING_WORK_METADATA, name)(target);
  };
}
