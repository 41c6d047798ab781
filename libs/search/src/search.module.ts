import { DynamicModule, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, TEL_DATA_SOURCE, UnitOfWork } from '@tel/core';
import { TEXT_EXTRACTOR, TextExtractor } from './extraction/text-extractor';
import { MeilisearchSearchIndex } from './index/meilisearch/meilisearch-search-index';
import { PostgresSearchIndex } from './index/postgres/postgres-search-index';
import { SEARCH_INDEX, SearchIndex } from './index/search-index';
import { SqliteSearchIndex } from './index/sqlite/sqlite-search-index';
import { loadSearchConfig, SearchConfig } from './search.config';

export const SEARCH_CONFIG = Symbol('SEARCH_CONFIG');

/**
 * The one place an engine is chosen (SEARCH_ENGINE). PostgreSQL (the default with DATABASE_URL)
 * and SQLite in the application database when that is SQLite join its transactions; SQLite beside
 * PostgreSQL (SEARCH_ENGINE=sqlite with DATABASE_URL) lives in DATA_DIR/search.sqlite.
 */
export async function createSearchIndex(config: SearchConfig, app: Pick<AppConfig, 'dialect'>, dataSource: DataSource, uow: UnitOfWork): Promise<SearchIndex> {
  if (config.engine === 'meilisearch' && config.meilisearch) {
    const index = new MeilisearchSearchIndex(config.meilisearch);
    await index.ensureIndex(); // unreachable or refused: the start fails here, not at the first search
    return index;
  }
  if (config.engine === 'postgres') {
    const logger = new Logger('PostgresSearchIndex');
    return PostgresSearchIndex.open(dataSource, {
      onBackgroundError: (error) =>
        logger.warn(`background work on the search tables failed (statistics or a kept ranking; tried again later): ${error instanceof Error ? error.message : String(error)}`),
    });
  }
  const options = { workers: config.searchWorkers, resultCacheEntries: config.searchResultCache };
  if (app.dialect === 'sqlite') return SqliteSearchIndex.inMainDatabase(dataSource, (work) => uow.write(work), options);
  return SqliteSearchIndex.openFile(config.sqliteFile, options);
}

/** Provides SEARCH_INDEX (the SearchIndex port) and TEXT_EXTRACTOR; needs DatabaseModule. */
@Module({})
export class SearchModule implements OnApplicationShutdown {
  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    @Inject(TEXT_EXTRACTOR) private readonly extractor: TextExtractor,
  ) {}

  static forRoot(): DynamicModule {
    return {
      module: SearchModule,
      global: true,
      providers: [
        { provide: SEARCH_CONFIG, inject: [APP_CONFIG], useFactory: (app: AppConfig) => loadSearchConfig(app) },
        {
          provide: SEARCH_INDEX,
          inject: [SEARCH_CONFIG, APP_CONFIG, TEL_DATA_SOURCE, UnitOfWork],
          useFactory: createSearchIndex,
        },
        {
          provide: TEXT_EXTRACTOR,
          inject: [SEARCH_CONFIG],
          useFactory: (config: SearchConfig) =>
            new TextExtractor({
              defaultTimeoutMs: config.extraction.timeoutMs,
              memoryLimitMb: config.extraction.memoryLimitMb,
              concurrency: config.extraction.concurrency,
              ocrMaxPages: config.extraction.ocrMaxPages,
            }),
        },
      ],
      exports: [SEARCH_CONFIG, SEARCH_INDEX, TEXT_EXTRACTOR],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.extractor.close();
    await this.index.close(); // the SQLite engine's search workers too
  }
}
