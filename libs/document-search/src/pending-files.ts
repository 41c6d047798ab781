import { Injectable } from '@nestjs/common';
import { PendingWork, PendingWorkFor } from '@tel/jobs';
import { FileIndexStates } from './file-index-states';
import { INDEX_FILE } from './index-file.job-definition';

/**
 * The record of owed `index-file` work: a file whose indexState is PENDING (or which has no state
 * yet: the seed recorded it). The API's job reconciliation enqueues its job again when no queue
 * holds it (Redis lost its data, or the file was recorded where no job system ran), so a file
 * never stays PENDING with an idle worker.
 */
@Injectable()
@PendingWork(INDEX_FILE)
export class PendingFiles implements PendingWorkFor<typeof INDEX_FILE> {
  constructor(private readonly states: FileIndexStates) {}

  async pending(olderThan: Date, limit: number): Promise<{ fileId: string }[]> {
    await this.states.adoptUnknownFiles();
    // Compared here rather than in SQL: the two dialects store timestamps differently, and the
    // PENDING files are few (the index on indexState finds them).
    const rows = await this.states.pending(limit);
    return rows.filter((r) => r.updatedAt.getTime() <= olderThan.getTime()).map((r) => ({ fileId: r.fileId }));
  }

  stillPending({ fileId }: { fileId: string }): Promise<boolean> {
    return this.states.isPending(fileId);
  }
}
