import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, FieldAccess, signedIn } from '@tel/core';
import { DocumentText } from '@tel/documents';

export enum HistorySubject {
  PROJECT = 'PROJECT',
  PROGRESS_REPORT = 'PROGRESS_REPORT',
  APPROVAL_REQUEST = 'APPROVAL_REQUEST',
}
registerEnumType(HistorySubject, { name: 'HistorySubject' });

@ObjectType()
export class FieldChange {
  @Field()
  field: string;

  @DocumentText(() => String, { nullable: true })
  before: string | null;

  @DocumentText(() => String, { nullable: true })
  after: string | null;
}

/**
 * One change of a project, progress report or approval request: who, when, from which state to
 * which, a note, and for edits the fields that changed. Written in the transaction of the change,
 * never updated. (The audit trail records every mutation for the Secretariat; this is the domain's
 * own story, shown on each object as `history`.)
 */
@ObjectType()
@Entity('history_event')
@Index(['subjectType', 'subjectId', 'createdAt'])
export class HistoryEvent extends BaseEntity {
  @Field(() => HistorySubject)
  @Column({ type: 'varchar', length: 24 })
  subjectType: HistorySubject;

  @Field()
  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  @Field({ description: 'e.g. project.create, report.submit, approval.decide' })
  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Field(() => String, { nullable: true, description: 'The state before (a status or outcome).' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  fromState: string | null;

  @Field(() => String, { nullable: true, description: 'The state after.' })
  @Column({ type: 'varchar', length: 40, nullable: true })
  toState: string | null;

  @DocumentText(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field(() => [FieldChange], { description: 'For edits: each field that changed.' })
  @Column({ type: 'simple-json' })
  changes: FieldChange[];

  /** The account that made the change; null for the system (seed). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actorId' })
  private actorRef?: unknown;

  @FieldAccess(signedIn, () => String, { description: 'The e-mail of the account that made the change; null for the system.' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  actorEmail: string | null;
}
