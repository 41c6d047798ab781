import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';

export enum AgendaStatus {
  DRAFT = 'DRAFT',
  ADOPTED = 'ADOPTED',
}
registerEnumType(AgendaStatus, { name: 'AgendaStatus' });

/** One agenda per meeting and group; it may run over several sessions. */
@ObjectType()
@Entity('agenda')
@Index(['meetingId', 'groupId'], { unique: true })
export class Agenda extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  meetingId: string;

  @ManyToOne('Meeting', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meetingId' })
  private meetingRef?: unknown;

  @Column({ type: 'varchar', length: 36 })
  groupId: string;

  @ManyToOne('Group', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'groupId' })
  private groupRef?: unknown;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field(() => AgendaStatus)
  @Column({ type: 'varchar', length: 16 })
  status: AgendaStatus;

  @Field(() => String, { nullable: true, description: 'When the agenda was adopted (ISO 8601).' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  adoptedAt: string | null;
}
