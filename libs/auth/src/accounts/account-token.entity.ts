import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

export enum AccountTokenPurpose {
  INVITATION = 'INVITATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
}

/**
 * A one-time link's secret: an invitation (choose a first password) or a password reset. Only
 * its SHA-256 is stored; the secret itself is derived from the row's id with AUTH_SECRET when the
 * mail is sent (see AccountLinks), so neither this table nor the mail outbox holds it. Used once
 * (`usedAt`), and dead after `expiresAt`; a newer link of the same purpose ends the older ones.
 */
@Entity('account_token')
@Index(['userId', 'purpose'])
export class AccountToken extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne('User', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  private userRef?: unknown;

  @Column({ type: 'varchar', length: 20 })
  purpose: AccountTokenPurpose;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: Date })
  expiresAt: Date;

  @Column({ type: Date, nullable: true })
  usedAt: Date | null;
}
