import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@tel/core';
import { Document, DocumentAccess, DocumentFile, DocumentIndexEvents, DocumentRevision, FileIndexState } from '@tel/documents';
import { JobsService } from '@tel/jobs';
import { INDEX_FILE } from './index-file.job-definition';
import { SEARCH_INDEX, SearchIndex } from '@tel/search';

/** Queues indexing through the outbox, in the transaction of the change. */
@Injectable()
export class OutboxDocumentIndexEvents extends DocumentIndexEvents {
  constructor(
    private readonly jobs: JobsService,
    private readonly uow: UnitOfWork,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
  ) {
    super();
  }

  async fileAdded(em: EntityManager, fileId: string): Promise<void> {
    await this.jobs.enqueueInTransaction(em, INDEX_FILE, { fileId });
  }

  async documentChanged(em: EntityManager, documentId: string): Promise<void> {
    const doc = await em.findOneOrFail(Document, { where: { id: documentId } });
    const access = doc.access === DocumentAccess.RESTRICTED ? 'RESTRICTED' : 'PUBLIC';
    // Access must change in the index at once, not when a job gets to it: in the same
    // transaction where the index can join it, else right after commit.
    if (this.index.joinsTransactions) await this.index.setDocumentAccess(documentId, access, { em });
    else this.uow.afterCommit(em, () => this.index.setDocumentAccess(documentId, access));
    // Title, type and language reach the index when its files are indexed again.
    const files = await em
      .createQueryBuilder(DocumentFile, 'f')
      .innerJoin(DocumentRevision, 'r', 'r.id = f.revisionId')
      .where('r.documentId = :documentId', { documentId })
      .getMany();
    for (const file of files) {
      await em.update(DocumentFile, { id: file.id }, { indexState: FileIndexState.PENDING });
      await this.jobs.enqueueInTransaction(em, INDEX_FILE, { fileId: file.id }, { rerun: true });
    }
  }

  /** Queues every file still PENDING (seeded papers, or uploads made while no job system ran). */
  async enqueuePending(): Promise<number> {
    return this.uow.write(async (em) => {
      const pending = await em.find(DocumentFile, { where: { indexState: FileIndexState.PENDING }, select: { id: true } });
      for (const file of pending) await this.jobs.enqueueInTransaction(em, INDEX_FILE, { fileId: file.id });
      return pending.length;
    });
  }

  /** Marks a file PENDING and runs its indexing again (retryIndexing). */
  async retry(em: EntityManager, fileId: string): Promise<void> {
    await em.update(DocumentFile, { id: fileId }, { indexState: FileIndexState.PENDING, indexError: null });
    await this.jobs.enqueueInTransaction(em, INDEX_FILE, { fileId }, { rerun: true });
  }
}
