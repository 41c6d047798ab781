import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@tel/core';
import { DocumentFile, FileIndexState } from '@tel/documents';
import { PendingWork, PendingWorkFor } from '@tel/jobs';
import { INDEX_FILE } from './index-file.job-definition';

/**
 * The record of owed `index-file` work: a file whose indexState is PENDING. The API's job
 * reconciliation enqueues its job again when no queue holds it (Redis lost its data, or the file
 * was recorded where no job system ran), so a file never stays PENDING with an idle worker.
 */
@Injectable()
@PendingWork(INDEX_FILE)
export class PendingFiles implements PendingWorkFor<typeof INDEX_FILE> {
  constructor(private readonly uow: UnitOfWork) {}

  async pending(olderThan: Date, limit: number): Promise<{ fileId: string }[]> {
    // Compared here rather than in SQL: the two dialects store timestamps differently, and the
    // PENDING files are few (the index on indexState finds them).
    const files = await this.uow.manager.find(DocumentFile, {
      where: { indexState: FileIndexState.PENDING },
      select: { id: true, updatedAt: true },
      order: { updatedAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    return files.filter((f) => f.updatedAt.getTime() <= olderThan.getTime()).map((f) => ({ fileId: f.id }));
  }

  async stillPending({ fileId }: { fileId: string }): Promise<boolean> {
    return this.uow.manager.exists(DocumentFile, { where: { id: fileId, indexState: FileIndexState.PENDING } });
  }
}
