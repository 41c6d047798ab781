export * from './document-search.module';
export * from './document-index-events.impl';
export * from './file-indexer';
export * from './index-file.job';
export * from './index-meta';
export * from './search.types';
export * from './symbol-lookup';
export * from './reindex';
