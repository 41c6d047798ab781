import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

export enum OfficeRole {
  CHAIR = 'CHAIR',
  CONVENOR = 'CONVENOR',
  VICE_CONVENOR = 'VICE_CONVENOR',
}
registerEnumType(OfficeRole, { name: 'OfficeRole' });

/**
 * A person holding an office of a group, from one meeting (where they were elected) to another
 * (where they left). Either end may be open: no start = before the meetings we know; no end =
 * still in office. The person may be unknown when a report names only the economy.
 */
@ObjectType()
@Entity('office_term')
@Index(['groupId', 'role'])
export class OfficeTerm extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  groupId: string;

  @ManyToOne('Group', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'groupId' })
  private groupRef?: unknown;

  @Field(() => OfficeRole)
  @Column({ type: 'varchar', length: 16 })
  role: OfficeRole;

  @Column({ type: 'varchar', length: 36, nullable: true })
  personId: string | null;

  @ManyToOne('Person', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'personId' })
  private personRef?: unknown;

  @Column({ type: 'varchar', length: 36 })
  economyId: string;

  @ManyToOne('Economy', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'economyId' })
  private economyRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  fromMeetingId: string | null;

  @ManyToOne('Meeting', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fromMeetingId' })
  private fromMeetingRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  toMeetingId: string | null;

  @ManyToOne('Meeting', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'toMeetingId' })
  private toMeetingRef?: unknown;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
