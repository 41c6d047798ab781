import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, UnitOfWork } from '@tel/core';
import { OutboxDocumentIndexEvents } from '@tel/document-search';
import { Meeting } from '@tel/meetings';
import { FileStorage } from '@tel/storage';
import { loadDocumentSeed } from '@tel/seed/documents';
import { loadSeed } from '@tel/seed/loader';
import { loadProjectsSeed } from '@tel/seed/projects';
import { tel37 } from '@tel/seed/tel37';

/**
 * A fresh start on an empty database loads the TEL37 data set and its documents (SEED_ON_START=false
 * turns it off); every start queues the files still waiting to be indexed.
 */
@Injectable()
export class SeedOnStart implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly storage: FileStorage,
    private readonly indexing: OutboxDocumentIndexEvents,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.seedEmptyDatabase();
    // Files recorded where no job system ran (the seed, `npm run seed`) are queued for indexing now.
    const queued = await this.indexing.enqueuePending();
    if (queued) new Logger('Search').log(`queued ${queued} file(s) for indexing`);
  }

  private async seedEmptyDatabase(): Promise<void> {
    if (!this.config.seedOnStart) return;
    if (await this.uow.manager.exists(Meeting)) return;
    const counts = { ...(await loadSeed(this.uow, tel37)), ...(await loadDocumentSeed(this.uow, this.storage)) };
    Object.assign(counts, await loadProjectsSeed(this.uow));
    new Logger('Seed').log(`empty database: loaded TEL37 (${Object.values(counts).reduce((a, b) => a + b, 0)} rows)`);
  }
}
