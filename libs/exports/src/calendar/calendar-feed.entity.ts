import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

/**
 * An account's private calendar feed of report deadlines (GET /calendar/deadlines/{secret}.ics).
 * The secret is shown once, when it is made; only its SHA-256 is kept, so a copy of the database
 * opens no one's feed. One per account: regenerating replaces the hash, and the old URL stops working.
 */
@Entity('calendar_feed')
export class CalendarFeed extends BaseEntity {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne('User', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  private userRef?: unknown;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  secretHash: string;
}
