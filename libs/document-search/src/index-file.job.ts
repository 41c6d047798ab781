import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobHandlerFor, JobRun, PermanentJobError } from '@tel/jobs';
import { INDEX_FILE } from './index-file.job-definition';
import { FileIndexer } from './file-indexer';

/** The `index-file` job: in the worker with Redis, in the API without. */
@Injectable()
@JobHandler(INDEX_FILE)
export class IndexFileJob implements JobHandlerFor<typeof INDEX_FILE> {
  private readonly logger = new Logger('IndexFileJob');

  constructor(private readonly indexer: FileIndexer) {}

  async handle({ fileId }: { fileId: string }, run: JobRun): Promise<void> {
    const outcome = await this.indexer.indexFile(fileId);
    // Already recorded FAILED with its reason: retrying the same bytes cannot help.
    if (outcome.state === 'FAILED') throw new PermanentJobError(outcome.reason);
    // One line per run, so an operator (and the Redis e2e) can see what ran where and how often.
    const what = outcome.state === 'INDEXED' ? `indexed file ${fileId}: ${outcome.chunks} chunk(s)` : `file ${fileId} is gone: removed from the index`;
    this.logger.log(`${what} (job ${run.jobId}, attempt ${run.attempt})`);
  }

  async onFinalFailure({ fileId }: { fileId: string }, error: Error): Promise<void> {
    await this.indexer.markFailed(fileId, error.message || 'indexing failed');
  }
}
