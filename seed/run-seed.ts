/** `npm run seed`: loads the TEL37 data set into the configured database (idempotent). */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import { DatabaseModule, loadConfig, UnitOfWork } from '@tel/core';
import { ALL_ENTITIES } from '@tel/registry';
import { createFileStorage } from '@tel/storage';
import { loadDocumentSeed } from './documents';
import { loadSeed } from './loader';
import { loadProjectsSeed } from './projects';
import { tel37 } from './tel37';

async function main(): Promise<void> {
  const config = loadConfig();
  @Module({ imports: [DatabaseModule.forRoot({ config, entities: ALL_ENTITIES })] })
  class SeedModule {}
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn', 'log'] });
  try {
    const uow = app.get(UnitOfWork);
    const counts = { ...(await loadSeed(uow, tel37)), ...(await loadDocumentSeed(uow, createFileStorage(config))) };
    Object.assign(counts, await loadProjectsSeed(uow));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    new Logger('Seed').log(
      total
        ? `inserted ${Object.entries(counts)
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}`
        : 'everything was already there; nothing changed',
    );
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
