import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { buildDataSourceOptions, EntityList } from './data-source-options';
import { ensurePostgresSchema } from './ensure-schema';
import { QueryCountingLogger } from './query-counting-logger';
import { TEL_DATA_SOURCE, UnitOfWork } from './unit-of-work';
import { Idempotency } from '../idempotency/idempotency.service';

export interface DatabaseModuleOptions {
  config: AppConfig;
  entities: EntityList;
  /** Run pending migrations when the data source opens (default true). */
  migrate?: boolean;
}

/** Opens the database once per process, runs pending migrations, and shares one UnitOfWork. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(@Inject(TEL_DATA_SOURCE) private readonly dataSource: DataSource) {}

  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    const queryLogger = new QueryCountingLogger(options.config.logSql);
    return {
      module: DatabaseModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: QueryCountingLogger, useValue: queryLogger },
        {
          provide: TEL_DATA_SOURCE,
          useFactory: async () => {
            await ensurePostgresSchema(options.config);
            const dataSource = new DataSource(buildDataSourceOptions(options.config, options.entities, queryLogger));
            await dataSource.initialize();
            if (options.migrate !== false) {
              const applied = await dataSource.runMigrations({ transaction: 'each' });
              if (applied.length) new Logger('Database').log(`applied ${applied.length} migration(s)`);
            }
            return dataSource;
          },
        },
        UnitOfWork,
        Idempotency,
      ],
      exports: [APP_CONFIG, TEL_DATA_SOURCE, UnitOfWork, QueryCountingLogger, Idempotency],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
      this.logger.log('closed');
    }
  }
}
