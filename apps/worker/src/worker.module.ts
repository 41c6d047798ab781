import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, DatabaseModule } from '@tel/core';
import { ALL_ENTITIES } from '@tel/registry';

/**
 * The job-processor process: same database and entities as the API, no HTTP. Job handlers
 * (text extraction, indexing) register here as those features land.
 */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [DatabaseModule.forRoot({ config, entities: ALL_ENTITIES })],
    };
  }
}
