import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

export enum MeetingStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
}
registerEnumType(MeetingStatus, { name: 'MeetingStatus' });

@ObjectType()
@Entity('meeting')
export class Meeting extends BaseEntity {
  @Field({ description: 'e.g. TEL37' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  code: string;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'integer', nullable: true })
  number: number | null;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 36 })
  groupId: string;

  @ManyToOne('Group', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'groupId' })
  private groupRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  hostEconomyId: string | null;

  @ManyToOne('Economy', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hostEconomyId' })
  private hostEconomyRef?: unknown;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  venue: string | null;

  @Field(() => String, { nullable: true, description: 'The venue in its local script, as the sources write it.' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  venueLocalName: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, local to the meeting.' })
  @Index()
  @Column({ type: 'varchar', length: 10, nullable: true })
  startDate: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, local to the meeting.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  endDate: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone, e.g. Asia/Tokyo; needed before sessions can be added.' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  timeZone: string | null;

  @Field(() => MeetingStatus)
  @Column({ type: 'varchar', length: 16 })
  status: MeetingStatus;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;
}
