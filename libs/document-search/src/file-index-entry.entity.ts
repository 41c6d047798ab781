import { registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where a file stands in full-text indexing. */
export enum FileIndexState {
  PENDING = 'PENDING',
  INDEXED = 'INDEXED',
  FAILED = 'FAILED',
}
registerEnumType(FileIndexState, { name: 'FileIndexState' });

/**
 * A document file's indexing state, owned by document-search (libs/documents knows nothing of
 * search). A file without a row is PENDING: the seed records files where no job system runs; the
 * API's start (and the job reconciliation) gives them rows and queues them. The row goes with its
 * file (ON DELETE CASCADE).
 */
@Entity('file_index_state')
export class FileIndexEntry {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  fileId: string;

  @ManyToOne('DocumentFile', { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'fileId' })
  private fileRef?: unknown;

  @Index()
  @Column({ type: 'varchar', length: 16, default: FileIndexState.PENDING })
  indexState: FileIndexState;

  /** Why indexing failed, in words fit for the uploader. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  indexError: string | null;

  /** Pages found in the file (PDF). */
  @Column({ type: 'integer', nullable: true })
  pageCount: number | null;

  /** When its text was last indexed (ISO 8601). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  indexedAt: string | null;

  /** When the state last changed (the job reconciliation leaves young PENDING rows to the outbox). */
  @UpdateDateColumn()
  updatedAt: Date;
}

export const DOCUMENT_SEARCH_ENTITIES = [FileIndexEntry];
