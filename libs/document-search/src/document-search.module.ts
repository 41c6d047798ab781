import { DynamicModule, Module } from '@nestjs/common';
import { DocumentIndexEvents, DocumentsModule } from '@tel/documents';
import { JobsModule } from '@tel/jobs';
import { SearchModule } from '@tel/search';
import { StorageModule } from '@tel/storage';
import { DocumentSearchResolver } from './document-search.resolver';
import { OutboxDocumentIndexEvents } from './document-index-events.impl';
import { FileIndexer } from './file-indexer';
import { IndexFileJob } from './index-file.job';
import { INDEX_FILE } from './index-file.job-definition';
import { PendingFiles } from './pending-files';
import { ReindexOnStart } from './reindex-on-start';

/**
 * Full-text search over documents: the `index-file` job (extract, then index) and, in the API,
 * `searchDocuments`, `indexStatus` and `retryIndexing`. The worker imports it without the API part.
 */
@Module({})
export class DocumentSearchModule {
  static forRoot(options: { api: boolean }): DynamicModule {
    return {
      module: DocumentSearchModule,
      global: true,
      imports: [JobsModule.forFeature([INDEX_FILE]), SearchModule.forRoot(), StorageModule, ...(options.api ? [DocumentsModule] : [])],
      providers: [
        FileIndexer,
        IndexFileJob,
        PendingFiles,
        OutboxDocumentIndexEvents,
        { provide: DocumentIndexEvents, useExisting: OutboxDocumentIndexEvents },
        ...(options.api ? [DocumentSearchResolver, ReindexOnStart] : []),
      ],
      exports: [FileIndexer, OutboxDocumentIndexEvents, DocumentIndexEvents],
    };
  }
}
