import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, DatabaseModule } from '@tel/core';
import { JobsModule } from '@tel/jobs';
import { DocumentSearchModule } from '@tel/document-search';
import { AccountLinksModule } from '@tel/auth';
import { MailModule } from '@tel/notifications';
import { ALL_ENTITIES } from '@tel/registry';

/**
 * The job-processor process: same database and entities as the API, no HTTP. With REDIS_URL it
 * runs a BullMQ worker for every declared job; the modules that provide the `@JobHandler`s (text
 * extraction, indexing) are imported here as those features land — a declared job without a
 * handler stops the worker at start-up.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        DatabaseModule.forRoot({ config, entities: ALL_ENTITIES }),
        JobsModule.forRoot({ config, role: 'worker' }),
        DocumentSearchModule.forRoot({ api: false }),
        AccountLinksModule,
        MailModule,
      ],
    };
  }
}
