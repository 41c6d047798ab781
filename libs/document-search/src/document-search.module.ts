import { DynamicModule, Module } from '@nestjs/common';
import { DocumentIndexEvents, DocumentIndexSourceModule, DocumentsModule } from '@tel/documents';
import { JobsModule } from '@tel/jobs';
import { SearchModule } from '@tel/search';
import { StorageModule } from '@tel/storage';
import { DocumentFileIndexResolver, DocumentSearchResolver } from './document-search.resolver';
import { FileIndexStates } from './file-index-states';
import { OutboxDocumentIndexEvents } from './document-index-events.impl';
import { FileIndexer } from './file-indexer';
import { IndexFileJob } from './index-file.job';
import { INDEX_FILE } from './index-file.job-definition';
import { PendingFiles } from './pending-files';
import { ReindexOnStart } from './reindex-on-start';

/**
 * Full-text search over documents: the `index-file` job (extract, then index) and, in the API,
 * `searchDocuments`, `indexStatus`, `retryIndexing` and the indexing fields of `DocumentFile`
 * (its own table, `file_index_state`). The worker imports it without the API part.
 */
@Module({})
export class DocumentSearchModule {
  static forRoot(options: { api: boolean }): DynamicModule {
    return {
      module: DocumentSearchModule,
      global: true,
      imports: [JobsModule.forFeature([INDEX_FILE]), SearchModule.forRoot(), StorageModule, DocumentIndexSourceModule, ...(options.api ? [DocumentsModule] : [])],
      providers: [
        FileIndexStates,
        FileIndexer,
        IndexFileJob,
        PendingFiles,
        OutboxDocumentIndexEvents,
        { provide: DocumentIndexEvents, useExisting: OutboxDocumentIndexEvents },
        ...(options.api ? [DocumentSearchResolver, DocumentFileIndexResolver, ReindexOnStart] : []),
      ],
      exports: [FileIndexer, FileIndexStates, OutboxDocumentIndexEvents, DocumentIndexEvents, DocumentIndexSourceModule],
    };
  }
}
