import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@tel/core';
import { WorkerModule } from './worker.module';

/** Boots the worker and keeps it running until SIGINT/SIGTERM, then closes cleanly. */
export async function runWorker(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  const logger = new Logger('Worker');
  logger.log(`worker ready (${config.dialect} database); waiting for jobs`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger.log(`${signal}: shutting down`);
      resolve();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  await app.close();
}

if (require.main === module) {
  runWorker().catch((error) => {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  });
}
