import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { UnitOfWork } from '@tel/core';
import { SEARCH_INDEX, SearchIndex } from '@tel/search';
import { OutboxDocumentIndexEvents } from './document-index-events.impl';
import { FileIndexStates } from './file-index-states';

/**
 * When the index was built by an older tokenization (SQLite's SEARCH_SCHEMA_VERSION changed, so
 * opening it emptied it), every file goes back to PENDING — failed ones too, since a format that
 * could not be read before may be readable now — and are queued for indexing (jobs are keyed by
 * file, so the API's own enqueuePending on start adds no second run).
 */
@Injectable()
export class ReindexOnStart implements OnApplicationBootstrap {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly indexing: OutboxDocumentIndexEvents,
    private readonly states: FileIndexStates,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.index.rebuilt) return;
    const reset = await this.uow.write((em) => this.states.resetAll(em));
    const queued = await this.indexing.enqueuePending();
    new Logger('Search').log(`the search index was built by an older version: ${reset} file(s) reset, ${queued} queued for indexing`);
  }
}
