import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, UnitOfWork } from '@tel/core';
import { Meeting } from '@tel/meetings';
import { FileStorage } from '@tel/storage';
import { loadDocumentSeed } from '@tel/seed/documents';
import { loadSeed } from '@tel/seed/loader';
import { loadProjectsSeed } from '@tel/seed/projects';
import { tel37 } from '@tel/seed/tel37';

/** A fresh start on an empty database loads the TEL37 data set and its documents (SEED_ON_START=false turns it off). */
@Injectable()
export class SeedOnStart implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
    private readonly storage: FileStorage,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedOnStart) return;
    if (await this.uow.manager.exists(Meeting)) return;
    const counts = { ...(await loadSeed(this.uow, tel37)), ...(await loadDocumentSeed(this.uow, this.storage)) };
    Object.assign(counts, await loadProjectsSeed(this.uow));
    new Logger('Seed').log(`empty database: loaded TEL37 (${Object.values(counts).reduce((a, b) => a + b, 0)} rows)`);
  }
}
