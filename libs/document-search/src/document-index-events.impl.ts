import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@tel/core';
import { DocumentAccess, DocumentIndexEvents, DocumentIndexSource } from '@tel/documents';
import { JobsService } from '@tel/jobs';
import { INDEX_FILE } from './index-file.job-definition';
import { SEARCH_INDEX, SearchIndex } from '@tel/search';
import { FileIndexStates } from './file-index-states';

/** Queues indexing through the outbox, in the transaction of the change. */
@Injectable()
export class OutboxDocumentIndexEvents extends DocumentIndexEvents {
  constructor(
    private readonly jobs: JobsService,
    private readonly uow: UnitOfWork,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly source: DocumentIndexSource,
    private readonly states: FileIndexStates,
  ) {
    super();
  }

  async fileAdded(em: EntityManager, fileId: string): Promise<void> {
    await this.states.markPending(em, [fileId]);
    await this.jobs.enqueueInTransaction(em, INDEX_FILE, { fileId });
  }

  async documentChanged(em: EntityManager, documentId: string): Promise<void> {
    const doc = await this.source.documentFiles(em, documentId);
    if (!doc) throw new Error(`document ${documentId} is not in the database`);
    const access = doc.access === DocumentAccess.RESTRICTED ? 'RESTRICTED' : 'PUBLIC';
    // Title, type and language reach the index when its files are indexed again.
    // The files' state rows are written before the index rows, the order FileIndexer takes them
    // in (its state, then its index entry): in the other order, on PostgreSQL, an access change
    // and the indexing of one of the document's files each held the row the other wanted next,
    // and the deadlock detector aborted one of them (the access change failed, now and then).
    // Waiting on the state row also means the index rows are changed after an indexing that got
    // there first has committed, so its entry cannot keep the old access.
    await this.states.markPending(em, doc.fileIds);
    // Access must change in the index at once, not when a job gets to it: in the same
    // transaction where the index can join it, else right after commit.
    if (this.index.joinsTransactions) await this.index.setDocumentAccess(documentId, access, { em });
    else this.uow.afterCommit(em, () => this.index.setDocumentAccess(documentId, access));
    for (const fileId of doc.fileIds) await this.jobs.enqueueInTransaction(em, INDEX_FILE, { fileId }, { rerun: true });
  }

  /** Queues every file still PENDING (seeded papers, or uploads made while no job system ran). */
  async enqueuePending(): Promise<number> {
    await this.states.adoptUnknownFiles();
    return this.uow.write(async (em) => {
      const pending = await this.states.allPending(em);
      for (const fileId of pending) await this.jobs.enqueueInTransaction(em, INDEX_FILE, { fileId });
      return pending.length;
    });
  }

  /** Marks a file PENDING and runs its indexing again (retryIndexing). */
  async retry(em: EntityManager, fileId: string): Promise<void> {
    await this.states.markPending(em, [fileId], { indexError: null });
    await this.jobs.enqueueInTransaction(em, INDEX_FILE, { fileId }, { rerun: true });
  }
}
