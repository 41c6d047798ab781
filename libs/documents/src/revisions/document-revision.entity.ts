import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';
import { DocumentText } from '../access/document-text';

/** One revision of a document: Rev.0 is the original. Numbers only go up, and may skip. */
@ObjectType()
@Entity('document_revision')
@Index(['documentId', 'number'], { unique: true })
export class DocumentRevision extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  documentId: string;

  @ManyToOne('Document', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'documentId' })
  private documentRef?: unknown;

  @Field(() => Int, { description: '0 for the original, then 1, 2 …' })
  @Column({ type: 'integer' })
  number: number;

  @DocumentText(() => String, { nullable: true, description: 'What changed.' })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}
