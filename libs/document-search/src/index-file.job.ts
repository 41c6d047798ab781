import { Injectable } from '@nestjs/common';
import { INDEX_FILE, JobHandler, JobHandlerFor, PermanentJobError } from '@tel/jobs';
import { FileIndexer } from './file-indexer';

/** The `index-file` job: in the worker with Redis, in the API without. */
@Injectable()
@JobHandler(INDEX_FILE)
export class IndexFileJob implements JobHandlerFor<typeof INDEX_FILE> {
  constructor(private readonly indexer: FileIndexer) {}

  async handle({ fileId }: { fileId: string }): Promise<void> {
    const outcome = await this.indexer.indexFile(fileId);
    // Already recorded FAILED with its reason: retrying the same bytes cannot help.
    if (outcome.state === 'FAILED') throw new PermanentJobError(outcome.reason);
  }

  async onFinalFailure({ fileId }: { fileId: string }, error: Error): Promise<void> {
    await this.indexer.markFailed(fileId, error.message || 'indexing failed');
  }
}
