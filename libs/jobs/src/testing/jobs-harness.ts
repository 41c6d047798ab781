/**
 * Test support (not exported from @tel/jobs): boots a small Nest application context — the real
 * database module (a temporary SQLite file, or a fresh PostgreSQL schema when DATABASE_URL is set)
 * plus JobsModule and the given handler providers — as the API or the worker would.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConsoleLogger, INestApplicationContext, LoggerService, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { AppConfig, DatabaseModule, loadConfig, TEL_DATA_SOURCE, UnitOfWork } from '@tel/core';
import { JOBS_ENTITIES } from '../jobs.entities';
import { JobDefinition } from '../job-definition';
import { JobsModule, JobsRole } from '../jobs.module';
import { JobsService } from '../jobs.service';
import { JOB_QUEUE, JobQueue } from '../queue/job-queue';

/** One database shared by the contexts of a test (API and worker open the same one). */
export interface TestDatabase {
  env: Record<string, string>;
  /** Drops the PostgreSQL schema / deletes the SQLite directory. */
  drop(): Promise<void>;
}

export function createTestDatabase(): TestDatabase {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-jobs-'));
  const databaseUrl = process.env.DATABASE_URL;
  const schema = databaseUrl ? `j_${process.pid}_${Math.random().toString(36).slice(2, 8)}` : undefined;
  return {
    env: { DATA_DIR: dataDir, NODE_ENV: 'test', ...(databaseUrl && schema ? { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema } : {}) },
    async drop() {
      if (databaseUrl && schema) {
        const ds = new DataSource({ type: 'postgres', url: databaseUrl });
        await ds.initialize();
        await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await ds.destroy();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface JobsContext {
  app: INestApplicationContext;
  config: AppConfig;
  jobs: JobsService;
  queue: JobQueue;
  uow: UnitOfWork;
  dataSource: DataSource;
  close(): Promise<void>;
}

export interface JobsContextOptions {
  db: TestDatabase;
  role: JobsRole;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of every payload type: JobDefinition is invariant in its payload, so no narrower element type admits them all
  jobs: readonly JobDefinition<any>[];
  handlers?: Provider[];
  /** Feature modules to import beside the handlers (e.g. `JobsModule.forFeature([...])`). */
  imports?: ModuleMetadata['imports'];
  /** Extra environment (REDIS_URL, JOB_ATTEMPTS, …). */
  env?: Record<string, string>;
}

export async function startJobsContext(options: JobsContextOptions): Promise<JobsContext> {
  // The reconciliation runs only when a test asks for it (it would otherwise put back jobs a test removed on purpose).
  const config = loadConfig({ JOB_RECONCILE_INTERVAL_MS: '0', ...options.db.env, ...options.env });

  @Module({ imports: options.imports ?? [], providers: options.handlers ?? [] })
  class HandlersModule {}

  @Module({
    imports: [DatabaseModule.forRoot({ config, entities: JOBS_ENTITIES }), JobsModule.forRoot({ config, role: options.role, jobs: options.jobs }), HandlersModule],
  })
  class JobsTestModule {}

  // Quiet unless JOBS_TEST_LOGS is set (failing handlers log errors on purpose).
  const logger: LoggerService = process.env.JOBS_TEST_LOGS ? new ConsoleLogger() : { log() {}, error() {}, warn() {} };
  const app = await Test.createTestingModule({ imports: [JobsTestModule] })
    .setLogger(logger)
    .compile();
  try {
    await app.init();
  } catch (error) {
    // A context whose start failed cannot be closed (close() re-throws the start error): release by hand.
    await app
      .get<JobQueue>(JOB_QUEUE)
      .close()
      .catch(() => undefined);
    await app
      .get<DataSource>(TEL_DATA_SOURCE)
      .destroy()
      .catch(() => undefined);
    throw error;
  }
  return {
    app,
    config,
    jobs: app.get(JobsService),
    queue: app.get<JobQueue>(JOB_QUEUE),
    uow: app.get(UnitOfWork),
    dataSource: app.get<DataSource>(TEL_DATA_SOURCE),
    close: () => app.close(),
  };
}

/** Polls `check` until it returns true (or throws after `timeoutMs` with `what`). */
export async function eventually(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (await check()) return;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
