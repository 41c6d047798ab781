import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { AppConfig, JobsConfig } from '@tel/core';
import { JobDefinition, JobPayload } from './job-definition';
import { JobHandlerRegistry, JobSetupError } from './job-handler.registry';
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
  /** Jobs declared here as well as by the features' `JobsModule.forFeature(...)` (tests pass their own). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of every payload type: JobDefinition is invariant in its payload
  jobs?: readonly JobDefinition<any>[];
}

const JOBS_OPTIONS = Symbol('JOBS_OPTIONS');

/**
 * The jobs one feature declares (`JobsModule.forFeature([...])`). libs/jobs knows no job by name:
 * the application's jobs are the union of the declarations of the modules it imports.
 */
export class FeatureJobs {
  constructor(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of every payload type: JobDefinition is invariant in its payload
    readonly jobs: readonly JobDefinition<any>[],
    readonly runtime: JobsRuntime | null,
  ) {}
}

/** The registry of declared jobs, filled from every `FeatureJobs` once all modules are instantiated. */
@Injectable()
export class JobDeclarations implements OnModuleInit {
  constructor(
    @Inject(JOBS_OPTIONS) private readonly options: JobsModuleOptions,
    @Inject(JOB_REGISTRY) private readonly registry: Map<string, RegisteredJob>,
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    const declared = [...(this.options.jobs ?? [])];
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.instance instanceof FeatureJobs) declared.push(...wrapper.instance.jobs);
    }
    const seen = new Map<string, JobDefinition<any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any -- jobs of every payload type
    for (const job of declared) {
      const other = seen.get(job.name);
      if (other && other !== job) throw new JobSetupError(`job "${job.name}" is declared by two features`);
      seen.set(job.name, job);
    }
    for (const [name, registered] of registryOf([...seen.values()], this.options.config.jobs)) this.registry.set(name, registered);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of every payload type: JobDefinition is invariant in its payload
export function registryOf(jobs: readonly JobDefinition<any>[], config: JobsConfig): Map<string, RegisteredJob> {
  const registry = new Map<string, RegisteredJob>();
  for (const job of jobs) {
    if (registry.has(job.name)) throw new Error(`job "${job.name}" is declared twice`);
    const definition = job as JobDefinition<JobPayload>;
    registry.set(job.name, { job: definition, policy: retryPolicyFor(definition, config), concurrency: job.concurrency ?? config.concurrency });
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
        // Filled by JobDeclarations.onModuleInit, before any start hook enqueues or processes.
        { provide: JOB_REGISTRY, useFactory: () => new Map<string, RegisteredJob>() },
        JobDeclarations,
        { provide: JOB_QUEUE, useFactory: (registry: Map<string, RegisteredJob>) => createJobQueue(options.config.jobs, registry), inject: [JOB_REGISTRY] },
        JobHandlerRegistry,
        OutboxService,
        JobsService,
        JobReconciler,
        JobsRuntime,
      ],
      exports: [JobsService, JOB_QUEUE, JobReconciler, JobsRuntime],
    };
  }

  /**
   * Declares a feature's jobs: `imports: [JobsModule.forFeature([INDEX_FILE])]` in the module that
   * holds their handlers. The process must import `JobsModule.forRoot(...)` too, or it refuses to
   * start (the handlers would never run); a `@JobHandler` for a job no imported module declares
   * also stops it.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of jobs of every payload type: JobDefinition is invariant in its payload
  static forFeature(jobs: readonly JobDefinition<any>[]): DynamicModule {
    const names = jobs.map((j) => j.name).join(', ');
    return {
      module: FeatureJobsModule,
      providers: [
        {
          provide: `FeatureJobs(${names})#${++featureCount}`,
          inject: [{ token: JobsRuntime, optional: true }],
          useFactory: (runtime?: JobsRuntime) => {
            if (!runtime) throw new JobSetupError(`jobs ${names} are declared (JobsModule.forFeature) but this process imports no JobsModule.forRoot(...): they would never run`);
            return new FeatureJobs(jobs, runtime);
          },
        },
      ],
    };
  }
}

let featureCount = 0;

/** Holder of one feature's job declarations. */
@Module({})
class FeatureJobsModule {}
