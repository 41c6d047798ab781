import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, JobsConfig } from '@tel/core';
import { JobDefinition } from './job-definition';
import { APP_JOBS } from './job-definitions';
import { JobHandlerRegistry } from './job-handler.registry';
import { JOB_REGISTRY, JobsService } from './jobs.service';
import { OutboxService } from './outbox/outbox.service';
import { BullMqJobQueue } from './queue/bullmq-job-queue';
import { InlineJobQueue } from './queue/inline-job-queue';
import { JOB_QUEUE, JobQueue } from './queue/job-queue';
import { RegisteredJob } from './queue/registered-job';
import { retryPolicyFor } from './queue/retry-policy';
import { JobReconciler } from './reconcile/job-reconciler';

/** `api` enqueues (and, with no REDIS_URL, runs jobs inline); `worker` runs jobs from Redis. */
export type JobsRole = 'api' | 'worker';

export interface JobsModuleOptions {
  config: AppConfig;
  role: JobsRole;
  /** The declared jobs (default APP_JOBS; tests pass their own). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of every payload type: JobDefinition is invariant in its payload, so no narrower element type admits them all
  jobs?: readonly JobDefinition<any>[];
}

const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of every payload type: JobDefinition is invariant in its payload, so no narrower element type admits them all
export function registryOf(jobs: readonly JobDefinition<any>[], config: JobsConfig): Map<string, RegisteredJob> {
  const registry = new Map<string, RegisteredJob>();
  for (const job of jobs) {
    if (registry.has(job.name)) throw new Error(`job "${job.name}" is declared twice`);
    registry.set(job.name, { job, policy: retryPolicyFor(job, config), concurrency: job.concurrency ?? config.concurrency });
  }
  return registry;
}

/** The one place the adapter is chosen: BullMQ on Redis when REDIS_URL is set, else the inline runner. */
export function createJobQueue(config: JobsConfig, registry: ReadonlyMap<string, RegisteredJob>): JobQueue {
  if (config.redisUrl) {
    return new BullMqJobQueue(registry, {
      redisUrl: config.redisUrl,
      prefix: config.queuePrefix,
      shutdownTimeoutMs: config.shutdownTimeoutMs,
      retentionHours: config.retentionHours,
    });
  }
  return new InlineJobQueue(registry, { concurrency: config.concurrency, shutdownTimeoutMs: config.shutdownTimeoutMs });
}

/** Checks the handlers at start-up, starts processing and the outbox sweep, and stops them on shutdown. */
@Injectable()
export class JobsRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Jobs');

  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsModuleOptions,
    @Inject(JOB_REGISTRY) private readonly registry: ReadonlyMap<string, RegisteredJob>,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly handlers: JobHandlerRegistry,
    private readonly outbox: OutboxService,
    private readonly reconciler: JobReconciler,
  ) {}

  /** Whether this process runs the jobs (and so needs every handler). */
  get runsJobs(): boolean {
    return this.queue.kind === 'inline' ? this.options.role === 'api' : this.options.role === 'worker';
  }

  async onApplicationBootstrap(): Promise<void> {
    const { config, role } = this.options;
    const handled = this.handlers.resolve(this.registry, this.runsJobs);
    const idleWorker = role === 'worker' && this.queue.kind === 'inline';
    this.outbox.configure({ names: [...this.registry.keys()], enabled: !idleWorker, retentionHours: config.jobs.retentionHours });
    if (idleWorker) {
      this.logger.warn('REDIS_URL is not set: jobs run inline in the API, and this worker has nothing to do');
      return;
    }
    if (this.runsJobs) this.queue.process(handled);
    if (role === 'api') {
      await this.outbox.startSweep(config.jobs.outboxDrainIntervalMs);
      // Dispatch belongs to the API, so does putting back what a queue forgot.
      this.reconciler.start({ intervalMs: config.jobs.reconcileIntervalMs, graceMs: config.jobs.reconcileGraceMs, retentionHours: config.jobs.retentionHours });
    }
    this.logger.log(`${this.queue.kind} jobs (${role}): ${[...this.registry.keys()].join(', ') || 'none declared'}`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.outbox.stopSweep();
    await this.reconciler.stop();
    await this.queue.close();
    await this.outbox.stop();
  }
}

/**
 * Jobs for the whole application (global: features inject JobsService). Import once, in the app
 * module: `JobsModule.forRoot({ config, role: 'api' })` or `role: 'worker'`.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(options: JobsModuleOptions): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: JOBS_OPTIONS, useValue: options },
        { provide: JOB_REGISTRY, useFactory: () => registryOf(options.jobs ?? APP_JOBS, options.config.jobs) },
        { provide: JOB_QUEUE, useFactory: (registry: Map<string, RegisteredJob>) => createJobQueue(options.config.jobs, registry), inject: [JOB_REGISTRY] },
        JobHandlerRegistry,
        OutboxService,
        JobsService,
        JobReconciler,
        JobsRuntime,
      ],
      exports: [JobsService, JOB_QUEUE, JobReconciler],
    };
  }
}
