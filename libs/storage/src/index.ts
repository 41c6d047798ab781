export * from './file-storage';
export * from './local-disk-file-storage';
export * from './storage.module';
