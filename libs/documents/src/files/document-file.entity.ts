import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@tel/core';
import { FileKind } from './file-kind';

registerEnumType(FileKind, { name: 'FileKind', description: 'The format of an uploaded file, decided from its content.' });

/**
 * A file of a revision (a paper often comes as DOC and PDF). The bytes live in FileStorage under
 * `sha256`, shared by every row with the same content. A row is written only after its blob is
 * on disk. Its indexing state is not here: full-text search keeps it (libs/document-search adds
 * indexState, indexError, pageCount and indexedAt to the GraphQL type).
 */
@ObjectType()
@Entity('document_file')
@Index(['revisionId', 'name'], { unique: true })
@Index(['revisionId', 'sha256'], { unique: true })
export class DocumentFile extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  revisionId: string;

  @ManyToOne('DocumentRevision', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'revisionId' })
  private revisionRef?: unknown;

  @Field({ description: 'The safe file name used for downloads (no paths, control or bidi characters).' })
  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Field({ description: 'The name as it was uploaded, for display only.' })
  @Column({ type: 'varchar', length: 1000 })
  originalName: string;

  @Field(() => Int, { description: 'Bytes.' })
  @Column({ type: 'integer' })
  size: number;

  @Field({ description: 'SHA-256 of the content, hex; also the ETag of the download.' })
  @Index()
  @Column({ type: 'varchar', length: 64 })
  sha256: string;

  @Field(() => FileKind)
  @Column({ type: 'varchar', length: 8 })
  kind: FileKind;

  @Field()
  @Column({ type: 'varchar', length: 120 })
  contentType: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  uploadedById: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploadedById' })
  private uploadedByRef?: unknown;
}
