import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, FieldAccess, signedIn } from '@tel/core';
import { ApprovalOutcome } from '../rules/approval-chain.rules';
import './approval.enums';
import { DocumentSymbolField, DocumentText } from '@tel/documents';

/**
 * A decision on a step, append-only: never updated or deleted. A correction is a new row naming
 * the one it corrects; a step's current decision is its latest (highest sequence).
 */
@ObjectType()
@Entity('approval_decision')
@Index(['stepId', 'sequence'], { unique: true })
export class ApprovalDecision extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  stepId: string;

  @ManyToOne('ApprovalStep', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'stepId' })
  private stepRef?: unknown;

  @Field(() => Int, { description: '1 for the first decision on the step, then 2, 3 … for later ones and corrections.' })
  @Column({ type: 'integer' })
  sequence: number;

  @Field(() => ApprovalOutcome)
  @Column({ type: 'varchar', length: 16 })
  outcome: ApprovalOutcome;

  @Field(() => String, { nullable: true, description: 'When the body decided (YYYY-MM-DD); null where the sources do not say.' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  decidedOn: string | null;

  /** The meeting where it was decided (null between meetings, or when unknown). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  meetingId: string | null;

  @ManyToOne('Meeting', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meetingId' })
  private meetingRef?: unknown;

  @DocumentSymbolField({ description: 'The document that records it (minutes, summary record), by symbol.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  documentSymbol: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  documentId: string | null;

  @ManyToOne('Document', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'documentId' })
  private documentRef?: unknown;

  @DocumentText(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  correctsDecisionId: string | null;

  @ManyToOne('ApprovalDecision', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'correctsDecisionId' })
  private correctsRef?: unknown;

  /** The account that recorded it; null for the seed. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  recordedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recordedById' })
  private recordedByRef?: unknown;

  @FieldAccess(signedIn, () => String, { description: 'Who recorded it.' })
  @Column({ type: 'varchar', length: 254, nullable: true })
  recordedByEmail: string | null;

  @DocumentText(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  source: string | null;
}
