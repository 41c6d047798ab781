import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { defineJob } from './job-definition';
import { JobHandler, JobHandlerFor } from './job-handler';
import { JobsModule } from './jobs.module';
import { createTestDatabase, eventually, startJobsContext, TestDatabase } from './testing/jobs-harness';

// Each feature declares its own jobs (JobsModule.forFeature); libs/jobs knows none by name.
jest.setTimeout(30_000);

const PING = defineJob<{ id: string }>('feature-ping', { key: (p) => p.id });
const ORPHAN = defineJob<{ id: string }>('feature-orphan', { key: (p) => p.id });

const seen: string[] = [];

@JobHandler(PING)
class PingHandler implements JobHandlerFor<typeof PING> {
  handle({ id }: { id: string }): Promise<void> {
    seen.push(id);
    return Promise.resolve();
  }
}

@JobHandler(ORPHAN)
class OrphanHandler implements JobHandlerFor<typeof ORPHAN> {
  async handle(): Promise<void> {}
}

@Module({ imports: [JobsModule.forFeature([PING])], providers: [PingHandler] })
class PingFeatureModule {}

describe('JobsModule.forFeature', () => {
  let db: TestDatabase;
  beforeEach(() => {
    db = createTestDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  it('runs a job that its feature module declares, with no job list in JobsModule.forRoot', async () => {
    const ctx = await startJobsContext({ db, role: 'api', jobs: [], imports: [PingFeatureModule] });
    try {
      const id = randomUUID();
      await ctx.uow.write((em) => ctx.jobs.enqueueInTransaction(em, PING, { id }));
      await eventually('the ping ran', () => Promise.resolve(seen.includes(id)));
    } finally {
      await ctx.close();
    }
  });

  it('refuses to start a process whose feature declares jobs but which imports no JobsModule.forRoot', async () => {
    await expect(Test.createTestingModule({ imports: [PingFeatureModule] }).compile()).rejects.toThrow(
      /feature-ping are declared \(JobsModule\.forFeature\) but this process imports no JobsModule\.forRoot/,
    );
  });

  it('refuses to start a process with a handler for a job that no imported module declares', async () => {
    await expect(startJobsContext({ db, role: 'api', jobs: [], imports: [PingFeatureModule], handlers: [OrphanHandler] })).rejects.toThrow(
      /OrphanHandler handle\(s\) "feature-orphan", which no imported module declares/,
    );
  });

  it('refuses two features declaring different jobs under one name', async () => {
    const twin = defineJob<{ id: string }>('feature-ping', { key: (p) => p.id });
    @Module({ imports: [JobsModule.forFeature([twin])] })
    class TwinModule {}
    await expect(startJobsContext({ db, role: 'api', jobs: [], imports: [PingFeatureModule, TwinModule] })).rejects.toThrow(/"feature-ping" is declared by two features/);
  });
});
