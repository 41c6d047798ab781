import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

/** Why a browser session ended (kept for the audit of who was signed in when). */
export enum SessionEndReason {
  SIGNED_OUT = 'SIGNED_OUT',
  IDLE = 'IDLE',
  EXPIRED = 'EXPIRED',
  /** The account was disabled or its sessionVersion raised. */
  REVOKED = 'REVOKED',
  /** The same browser signed in again. */
  REPLACED = 'REPLACED',
}

/**
 * A signed-in browser: the server side of the `tel_session` cookie. The cookie holds a random
 * secret; only its SHA-256 is stored, so a copy of the database signs nobody in. Not a GraphQL
 * type: GET /api/session is how a browser learns about its own session.
 */
@Entity('browser_session')
export class BrowserSession extends BaseEntity {
  /** Hex SHA-256 of the cookie's secret; the only way a session is looked up. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne('User', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  private userRef?: unknown;

  /** The account's sessionVersion at sign-in: raising it (disabling the account) ends the session. */
  @Column({ type: 'integer' })
  sessionVersion: number;

  /** Sent back as X-CSRF-Token by the page on every state-changing request. */
  @Column({ type: 'varchar', length: 64 })
  csrfToken: string;

  @Column({ type: Date })
  lastSeenAt: Date;

  /** Absolute end (SESSION_TTL after sign-in), however active the browser is. */
  @Index()
  @Column({ type: Date })
  expiresAt: Date;

  @Column({ type: Date, nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  endReason: SessionEndReason | null;
}
