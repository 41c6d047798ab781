import { Inject, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { In, IsNull, MoreThan, Not } from 'typeorm';
import { UnitOfWork } from '@tel/core';
import { defaultJobId, JobPayload } from '../job-definition';
import { asError } from '../job-handler';
import { JOB_REGISTRY } from '../jobs.service';
import { OutboxEntry } from '../outbox/outbox-entry.entity';
import { OutboxService } from '../outbox/outbox.service';
import { JOB_QUEUE, JobQueue, JobState, QueueUnavailableError } from '../queue/job-queue';
import { RegisteredJob } from '../queue/registered-job';
import { AnyPendingWork, PENDING_WORK_METADATA } from './pending-work';

/** Pending items looked at per job and pass. */
const PENDING_LIMIT = 500;
/** Dispatched outbox rows read per query when the queue forgot its data. */
const ROW_BATCH = 200;
/** The marker the reconciliation keeps in Redis (under JOB_QUEUE_PREFIX). */
export const QUEUE_MEMORY_MARKER = 'reconcile:memory';

export interface ReconcileReport {
  /** False when the queue was unreachable (nothing was looked at). */
  ran: boolean;
  /** Items the databases says are owed, looked at. */
  checked: number;
  /** Jobs enqueued again (through the outbox) because no queue held them. */
  requeued: number;
  /** Dispatched outbox rows handed over again because the queue lost their jobs. */
  redelivered: number;
  /** True when this pass found that the queue's store had lost its data. */
  queueForgot: boolean;
}

const LIVE: ReadonlySet<JobState> = new Set(['waiting', 'active', 'delayed']);

/**
 * Puts back the work a queue forgot. Redis is the queue's memory: when it loses its data (FLUSHALL,
 * a restart without persistence, a failover to an empty replica), the jobs it held are gone while
 * the database still says their work is owed — files stay PENDING with an idle worker. The API
 * (which owns dispatch) runs a pass every JOB_RECONCILE_INTERVAL_MS:
 *
 * 1. For every job with a `@PendingWork` record (index-file: files PENDING longer than
 *    JOB_RECONCILE_GRACE_MS), each owed item whose job id no queue holds — no pending outbox row,
 *    and the queue has no such job waiting, running or delayed — is enqueued again through the
 *    outbox; one the queue has as completed (the work was asked for again after it ran, and that
 *    request was lost) or as failed (its final-failure hook, which records the failure, could not
 *    write — the database was away too) is enqueued as a rerun.
 * 2. When the queue's store lost its data — a marker key kept in Redis is missing — the outbox
 *    rows already dispatched for jobs with no such record are handed over again if their job is
 *    missing (at-least-once: handlers are idempotent).
 *
 * Job ids make every step idempotent: BullMQ ignores an `add` for an id it holds, the inline runner
 * too, and a pass that runs twice (two API processes) enqueues nothing twice.
 */
@Injectable()
export class JobReconciler {
  private readonly logger = new Logger('JobReconciler');
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<ReconcileReport> | null = null;
  private sources: Map<string, AnyPendingWork> | null = null;
  private graceMs = 60_000;
  private retentionMs = 7 * 24 * 3600_000;
  private stopped = false;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly outbox: OutboxService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(JOB_REGISTRY) private readonly registry: ReadonlyMap<string, RegisteredJob>,
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
  ) {}

  /** Starts a pass every `intervalMs` (0: never). The first pass runs one interval after start. */
  start(options: { intervalMs: number; graceMs: number; retentionHours: number }): void {
    this.graceMs = options.graceMs;
    this.retentionMs = options.retentionHours * 3600_000;
    this.stopped = false;
    if (!options.intervalMs || this.timer) return;
    this.timer = setInterval(() => void this.reconcile().catch(() => undefined), options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current?.catch(() => undefined);
  }

  /** One pass now (concurrent calls share it). Never throws for an unreachable queue: it reports `ran: false`. */
  reconcile(): Promise<ReconcileReport> {
    this.current ??= this.pass()
      .catch((error) => {
        const e = asError(error);
        if (e instanceof QueueUnavailableError || !this.queue.available) return idle();
        this.logger.error(`reconciliation failed: ${e.message}`);
        throw e;
      })
      .finally(() => (this.current = null));
    return this.current;
  }

  private async pass(): Promise<ReconcileReport> {
    const report: ReconcileReport = { ...idle(), ran: true };
    if (this.stopped || !this.queue.available) return idle();
    const sources = this.pendingSources();
    for (const [name, source] of sources) {
      const { checked, requeued } = await this.reconcileOwed(name, source);
      report.checked += checked;
      report.requeued += requeued;
    }
    if (this.queue.getMarker && this.queue.setMarker) {
      const marker = await this.queue.getMarker(QUEUE_MEMORY_MARKER);
      if (marker === null) {
        report.queueForgot = true;
        report.redelivered = await this.redeliverForgotten(new Set(sources.keys()));
        // Set only after the pass went through: one cut short by an outage is done again.
        await this.queue.setMarker(QUEUE_MEMORY_MARKER, `${new Date().toISOString()} ${randomUUID()}`);
      }
    }
    if (report.requeued || report.redelivered) {
      this.logger.warn(
        `the queue did not hold ${report.requeued + report.redelivered} job(s) the database says are owed` +
          `${report.queueForgot ? ' (Redis lost its data: keep appendonly on)' : ''}; enqueued them again`,
      );
      await this.outbox.drain();
    }
    return report;
  }

  /** Step 1: owed work (the database's record) whose job no queue holds. */
  private async reconcileOwed(name: string, source: AnyPendingWork): Promise<{ checked: number; requeued: number }> {
    const registered = this.registry.get(name)!;
    const owed = await source.pending(new Date(Date.now() - this.graceMs), PENDING_LIMIT);
    if (!owed.length) return { checked: 0, requeued: 0 };
    const items = owed.map((payload) => ({ payload, jobId: defaultJobId(registered.job, payload) }));
    const waitingInOutbox = new Set(
      (
        await this.uow.manager.find(OutboxEntry, {
          where: { jobId: In(items.map((i) => i.jobId)), dispatchedAt: IsNull() },
          select: { id: true, jobId: true },
        })
      ).map((row) => row.jobId),
    );
    const lost: { payload: JobPayload; jobId: string; rerun: boolean }[] = [];
    for (const item of items) {
      if (this.stopped) break;
      if (waitingInOutbox.has(item.jobId)) continue; // the outbox hands it over
      const state = await this.queue.state(name, item.jobId);
      if (LIVE.has(state)) continue;
      if (!(await source.stillPending(item.payload))) continue; // done between the two reads
      // completed: asked for again after it ran, and that request was lost. failed: its final-failure
      // hook could not record the failure (the database was away too), so the record still says owed.
      lost.push({ ...item, rerun: state === 'completed' || state === 'failed' });
    }
    if (lost.length) {
      await this.uow.write(async (em) => {
        for (const item of lost) await this.outbox.write(em, { jobName: name, jobId: item.jobId, payload: item.payload, rerun: item.rerun });
      });
      this.logger.warn(
        `${name}: ${lost.length} owed job(s) held by no queue, enqueued again (${lost
          .slice(0, 5)
          .map((i) => i.jobId)
          .join(', ')}${lost.length > 5 ? ', …' : ''})`,
      );
    }
    return { checked: items.length, requeued: lost.length };
  }

  /** Step 2: the queue lost its data; dispatched rows of jobs without a record of their own are handed over again. */
  private async redeliverForgotten(withRecord: ReadonlySet<string>): Promise<number> {
    const names = [...this.registry.keys()].filter((name) => !withRecord.has(name));
    if (!names.length) return 0;
    // Rows older than this may outlive their finished job by the prune's hour; leave them.
    const since = new Date(Date.now() - Math.max(0, this.retentionMs - 3600_000));
    let redelivered = 0;
    let after = '';
    for (;;) {
      const rows = await this.uow.manager.find(OutboxEntry, {
        where: { jobName: In(names), dispatchedAt: Not(IsNull()), id: MoreThan(after) },
        order: { id: 'ASC' },
        take: ROW_BATCH,
      });
      if (!rows.length) break;
      after = rows[rows.length - 1].id;
      const missing: string[] = [];
      for (const row of rows) {
        if (row.dispatchedAt! < since) continue;
        if ((await this.queue.state(row.jobName, row.jobId)) === 'missing') missing.push(row.id);
      }
      if (missing.length) {
        await this.uow.write((em) => em.update(OutboxEntry, { id: In(missing) }, { dispatchedAt: null }));
        redelivered += missing.length;
      }
      if (rows.length < ROW_BATCH || this.stopped) break;
    }
    return redelivered;
  }

  private pendingSources(): Map<string, AnyPendingWork> {
    if (this.sources) return this.sources;
    const sources = new Map<string, AnyPendingWork>();
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype;
      if (!type || typeof type !== 'function') continue;
      const name = this.reflector.get<string | undefined>(PENDING_WORK_METADATA, type);
      if (!name) continue;
      if (!this.registry.has(name)) throw new Error(`${type.name} records pending work of "${name}", which is not a declared job`);
      if (sources.has(name)) throw new Error(`job "${name}" has two @PendingWork records`);
      const instance = wrapper.instance as AnyPendingWork;
      if (typeof instance?.pending !== 'function' || typeof instance.stillPending !== 'function') throw new Error(`${type.name} must have pending() and stillPending()`);
      sources.set(name, instance);
    }
    this.sources = sources;
    return sources;
  }
}

function idle(): ReconcileReport {
  return { ran: false, checked: 0, requeued: 0, redelivered: 0, queueForgot: false };
}
