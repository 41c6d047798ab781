import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DocumentText } from '../access/document-text';
import { BaseEntity } from '@tel/core';
import { DocumentAccess, DocumentPurpose, DocumentStatus, DocumentType } from './document.enums';

registerEnumType(DocumentType, { name: 'DocumentType' });
registerEnumType(DocumentPurpose, { name: 'DocumentPurpose', description: 'Why the paper is tabled, as its cover page says.' });
registerEnumType(DocumentAccess, { name: 'DocumentAccess', description: 'PUBLIC: anyone. RESTRICTED: signed-in members only.' });
registerEnumType(DocumentStatus, { name: 'DocumentStatus' });

/**
 * A meeting document, known by its symbol (`2008-TELWG37-SPSG-006`). Its content comes in
 * revisions (Rev.0 the original, then Rev.1, Rev.2 … with gaps allowed), each with files.
 * `code` and `annex` are '' when the symbol has none, so the unique index also holds on PostgreSQL
 * (where NULLs never collide).
 */
@ObjectType()
@Entity('document')
@Index(['meetingId', 'code', 'number', 'annex'], { unique: true })
@Check('document_one_submitter', `"submittedByEconomyId" IS NULL OR "submittedByOrganizationId" IS NULL`)
export class Document extends BaseEntity {
  @Field({ description: 'The canonical symbol without revision, e.g. 2008-TELWG37-SPSG-006.' })
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 80 })
  symbol: string;

  @Column({ type: 'varchar', length: 36 })
  meetingId: string;

  @ManyToOne('Meeting', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'meetingId' })
  private meetingRef?: unknown;

  @Field(() => Int)
  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field(() => Int, { description: 'The document number within its meeting and code (6 for …-SPSG-006).' })
  @Column({ type: 'integer' })
  number: number;

  @Column({ type: 'varchar', length: 3 })
  annex: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  groupId: string | null;

  @ManyToOne('Group', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'groupId' })
  private groupRef?: unknown;

  @DocumentText(() => String)
  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Field(() => DocumentType)
  @Column({ type: 'varchar', length: 24 })
  type: DocumentType;

  @Field(() => DocumentPurpose)
  @Column({ type: 'varchar', length: 16 })
  purpose: DocumentPurpose;

  @Field(() => DocumentAccess)
  @Column({ type: 'varchar', length: 16 })
  access: DocumentAccess;

  @Field(() => DocumentStatus)
  @Column({ type: 'varchar', length: 16 })
  status: DocumentStatus;

  @DocumentText(() => String, { nullable: true, description: 'Why it was withdrawn or superseded.' })
  @Column({ type: 'text', nullable: true })
  statusNote: string | null;

  @Field({ description: 'BCP 47 language tag of the paper, e.g. en, zh-Hant.' })
  @Column({ type: 'varchar', length: 16 })
  language: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  submittedByEconomyId: string | null;

  @ManyToOne('Economy', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submittedByEconomyId' })
  private submittedByEconomyRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  submittedByOrganizationId: string | null;

  @ManyToOne('Organization', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'submittedByOrganizationId' })
  private submittedByOrganizationRef?: unknown;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  sessionId: string | null;

  @ManyToOne('Session', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'sessionId' })
  private sessionRef?: unknown;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  agendaItemId: string | null;

  @ManyToOne('AgendaItem', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'agendaItemId' })
  private agendaItemRef?: unknown;

  @Column({ type: 'varchar', length: 36, nullable: true })
  supersededById: string | null;

  @ManyToOne('Document', { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'supersededById' })
  private supersededByRef?: unknown;

  /** Not stored: the revision a symbol like `… [Rev.2]` asked for (document(symbol) resolves to it). */
  requestedRevision?: number;
}
