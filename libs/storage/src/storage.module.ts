import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@tel/core';
import { FileStorage } from './file-storage';
import { LocalDiskFileStorage } from './local-disk-file-storage';

/** The one place an adapter is picked (only local disk so far). */
export function createFileStorage(config: Pick<AppConfig, 'filesDir'>): FileStorage {
  return new LocalDiskFileStorage(config.filesDir);
}

/** Provides FileStorage to the whole application (the documents module and seed-on-start use it). */
@Global()
@Module({
  providers: [{ provide: FileStorage, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createFileStorage(config) }],
  exports: [FileStorage],
})
export class StorageModule {}
