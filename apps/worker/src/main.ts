import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, installLastResortHandlers, loadConfig } from '@tel/core';
import { WorkerModule } from './worker.module';

/**
 * Boots the worker and keeps it running until SIGINT/SIGTERM, then shuts down gracefully: the
 * workers stop taking jobs, running ones get JOB_SHUTDOWN_TIMEOUT_MS to finish (after that they
 * are left to BullMQ's stalled-job recovery), Redis and the database are closed. A second signal,
 * or shutdown taking much longer than that, exits at once.
 */
export async function runWorker(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  const logger = new Logger('Worker');
  // Once running (a failure while starting still ends the process, for the supervisor to see).
  installLastResortHandlers('worker');
  logger.log(`worker ready (${config.dialect} database, ${config.jobs.redisUrl ? 'Redis' : 'no Redis'}); waiting for jobs`);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  logger.log(`${signal}: shutting down (running jobs get ${config.jobs.shutdownTimeoutMs} ms)`);
  const force = (reason: string) => {
    logger.error(`${reason}: exiting now`);
    process.exit(1);
  };
  process.once('SIGINT', () => force('second signal'));
  process.once('SIGTERM', () => force('second signal'));
  setTimeout(() => force('shutdown did not finish in time'), config.jobs.shutdownTimeoutMs + 15_000).unref();
  await app.close();
  logger.log('stopped');
}

if (require.main === module) {
  runWorker().catch((error) => {
    console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
    process.exit(1);
  });
}
