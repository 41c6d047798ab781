import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';
import { ApprovalRequestStatus } from '../rules/approval-chain.rules';
import { ApprovalKind } from '../rules/chain-templates';
import './approval.enums';
import { DocumentSymbolField, DocumentText } from '@tel/documents';

/**
 * Something that needs approval up a chain of bodies: an extension, a new project, the
 * endorsement of a report, a reprogramming. It concerns a project, a progress report, a document
 * by symbol, or — for a joint report without a project — only its subject line.
 */
@ObjectType()
@Entity('approval_request')
@Index(['status', 'kind'])
export class ApprovalRequest extends BaseEntity {
  @Field(() => ApprovalKind)
  @Column({ type: 'varchar', length: 24 })
  kind: ApprovalKind;

  @Field(() => ApprovalRequestStatus)
  @Column({ type: 'varchar', length: 16 })
  status: ApprovalRequestStatus;

  /** Raised by every decision; decisions check it in their UPDATE so two at once cannot both land. */
  @Column({ type: 'integer', default: 0 })
  version: number;

  @DocumentText(() => String, { description: 'What is asked, in a line.' })
  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @DocumentText(() => String, { nullable: true, description: 'Why it is asked.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  projectId: string | null;

  @ManyToOne('Project', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'projectId' })
  private projectRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  progressReportId: string | null;

  @ManyToOne('ProgressReport', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'progressReportId' })
  private progressReportRef?: unknown;

  @DocumentSymbolField({ description: 'The document to endorse, by symbol.' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  documentSymbol: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  documentId: string | null;

  @ManyToOne('Document', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'documentId' })
  private documentRef?: unknown;

  /** EXTENSION: the new end date (partial: 2009-05). */
  @Column({ type: 'varchar', length: 10, nullable: true })
  requestedEndDate: string | null;

  /** EXTENSION: completion by a meeting instead of (or as well as) a date. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  requestedCompletionMeetingId: string | null;

  @ManyToOne('Meeting', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requestedCompletionMeetingId' })
  private requestedCompletionMeetingRef?: unknown;

  @Field(() => String, { nullable: true, description: 'When it was filed (YYYY-MM-DD).' })
  @Column({ type: 'varchar', length: 10, nullable: true })
  filedOn: string | null;

  @DocumentText(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  source: string | null;

  /** Natural key of seeded requests. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 40, nullable: true })
  seedKey: string | null;
}
