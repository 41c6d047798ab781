import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

/** A person on an economy's (or organization's) delegation to a meeting. */
@Entity('meeting_delegate')
@Index(['meetingId', 'personId'], { unique: true })
export class MeetingDelegate extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  meetingId: string;

  @ManyToOne('Meeting', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meetingId' })
  private meetingRef?: unknown;

  @Column({ type: 'varchar', length: 36 })
  personId: string;

  @ManyToOne('Person', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'personId' })
  private personRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  economyId: string | null;

  @ManyToOne('Economy', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'economyId' })
  private economyRef?: unknown;
}
