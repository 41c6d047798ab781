import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

export enum SessionKind {
  PLENARY = 'PLENARY',
  STEERING_GROUP_MEETING = 'STEERING_GROUP_MEETING',
  WORKSHOP = 'WORKSHOP',
  TASK_FORCE_MEETING = 'TASK_FORCE_MEETING',
  ROUNDTABLE = 'ROUNDTABLE',
  HEADS_OF_DELEGATION = 'HEADS_OF_DELEGATION',
  EXECUTIVE_COMMITTEE = 'EXECUTIVE_COMMITTEE',
  SOCIAL_EVENT = 'SOCIAL_EVENT',
  SITE_VISIT = 'SITE_VISIT',
  OTHER = 'OTHER',
}
registerEnumType(SessionKind, { name: 'SessionKind' });

/**
 * A slot of a meeting's timetable. Times are stored as local wall time in the meeting's zone
 * ("2008-03-26T14:00") and returned with their offset.
 */
@ObjectType()
@Entity('meeting_session')
@Index(['meetingId', 'startsAt'])
export class Session extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  meetingId: string;

  @ManyToOne('Meeting', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meetingId' })
  private meetingRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  groupId: string | null;

  @ManyToOne('Group', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'groupId' })
  private groupRef?: unknown;

  @Field(() => SessionKind)
  @Column({ type: 'varchar', length: 32 })
  kind: SessionKind;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  startsAt: string;

  @Column({ type: 'varchar', length: 16 })
  endsAt: string;

  @Field({ description: 'True when the sources give only AM / PM / all day and the hours follow the house convention.' })
  @Column({ type: 'boolean', default: false })
  timeIsConventional: boolean;

  @Field({ description: 'Announced as tentative.' })
  @Column({ type: 'boolean', default: false })
  tentative: boolean;

  @Column({ type: 'varchar', length: 36, nullable: true })
  leadEconomyId: string | null;

  @ManyToOne('Economy', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'leadEconomyId' })
  private leadEconomyRef?: unknown;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
