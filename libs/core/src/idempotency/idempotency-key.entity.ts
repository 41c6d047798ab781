import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One Idempotency-Key a caller has used: written in the same transaction as what the request
 * created, so the two commit or vanish together. The unique (callerId, key) makes a concurrent
 * duplicate wait for the first and then fail, after which it replays the stored result.
 */
@Entity('idempotency_key')
@Index(['callerId', 'key'], { unique: true })
export class IdempotencyKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The account that sent the key (keys of different callers never meet). */
  @Column({ type: 'varchar', length: 36 })
  callerId: string;

  @Column({ type: 'varchar', length: 255 })
  key: string;

  /** The mutation (GraphQL field) or route it was used for, e.g. registerDocument. */
  @Column({ type: 'varchar', length: 100 })
  operation: string;

  /** SHA-256 of the operation and its canonical arguments: the same key with another body is a CONFLICT. */
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  /** What the first request returned: an entity name and id, loaded again to answer a replay. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  resultEntity: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  resultId: string | null;

  /** False when the answer held a one-time secret (an API token) that is not kept. */
  @Column({ type: 'boolean', default: true })
  replayable: boolean;

  @CreateDateColumn()
  createdAt: Date;

  /** After this the key is forgotten (IDEMPOTENCY_TTL_HOURS). */
  @Index()
  @Column({ type: Date })
  expiresAt: Date;
}
