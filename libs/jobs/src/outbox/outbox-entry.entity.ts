import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@tel/core';

/**
 * A job to hand to the queue, written in the same transaction as the change that needs it, so
 * the job exists exactly when that change committed. The outbox drains it after commit; a row
 * stays pending (dispatchedAt null) while the queue is unreachable, and after a crash.
 */
@Entity('job_outbox')
@Index(['dispatchedAt', 'createdAt'])
export class OutboxEntry extends BaseEntity {
  @Column({ type: 'varchar', length: 64 })
  jobName: string;

  /** The queue's job id; the same id twice runs once. */
  @Index()
  @Column({ type: 'varchar', length: 200 })
  jobId: string;

  /** The payload as JSON (ids only). */
  @Column({ type: 'text' })
  payload: string;

  /** Run the job again even if one with this id already finished (retry after a final failure). */
  @Column({ type: 'boolean', default: false })
  rerun: boolean;

  /** When the queue took the job over (BullMQ: stored in Redis; inline: finished). Null while pending. */
  @Column({ type: Date, nullable: true })
  dispatchedAt: Date | null;

  /** Hand-over attempts that failed. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;
}
