import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In, IsNull, LessThan, Not } from 'typeorm';
import { UnitOfWork } from '@tel/core';
import { JobPayload } from '../job-definition';
import { asError } from '../job-handler';
import { Accepted, JOB_QUEUE, JobQueue, QueueUnavailableError } from '../queue/job-queue';
import { OutboxEntry } from './outbox-entry.entity';

export interface DrainReport {
  /** Rows the queue took over in this drain. */
  dispatched: number;
  /** Rows it could not take (they stay pending). */
  failed: number;
}

/** Rows read per query. */
const BATCH = 100;
/** Rows handed to a non-durable (inline) queue and not yet settled, at most. */
const MAX_IN_FLIGHT = 200;

/** A sweep looks at the table at least this often even when nothing here says rows wait (rows of other processes). */
const IDLE_SWEEP_MS = 60_000;
const PRUNE_EVERY_MS = 3600_000;

/**
 * The transactional outbox. `write` adds a row inside the caller's transaction and drains once
 * that commits; `drain` hands pending rows to the queue and marks them dispatched; the sweep
 * (the API's, every OUTBOX_DRAIN_INTERVAL_MS) drains what a crash or a Redis outage left behind.
 *
 * The sweep queries the table only when there is reason to: at start (a crash may have left
 * rows), after a drain that left rows (Redis away), and once a minute for rows other processes
 * left — so an idle API does not touch the database every second.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');
  private current: Promise<DrainReport> | null = null;
  private again = false;
  private stopped = false;
  private enabled = true;
  private names: string[] = [];
  private sweepTimer: NodeJS.Timeout | null = null;
  private lastPrune = 0;
  /** Rows may be waiting (set at start, by commits, and by drains that could not finish). */
  private dirty = true;
  private lastLook = 0;
  private retentionMs = 7 * 24 * 3600_000;
  /** Rows handed to a non-durable queue, waiting for their job to settle. */
  private readonly inFlight = new Set<string>();
  private readonly settledIds: string[] = [];
  private settledFlush: Promise<void> | null = null;
  private readonly pendingWrites = new Set<Promise<void>>();

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  /** The job names this process may hand over (rows of other names wait for a process that knows them). */
  configure(options: { names: string[]; enabled: boolean; retentionHours: number }): void {
    this.names = options.names;
    this.enabled = options.enabled;
    this.retentionMs = options.retentionHours * 3600_000;
  }

  /** Adds the row in the caller's transaction; it is drained once that transaction commits. */
  async write(em: EntityManager, entry: { jobName: string; jobId: string; payload: JobPayload; rerun: boolean }): Promise<void> {
    const row = em.create(OutboxEntry, { ...entry, payload: JSON.stringify(entry.payload), dispatchedAt: null, attempts: 0, lastError: null });
    this.uow.afterCommit(em, () => {
      this.dirty = true;
      return this.drain();
    });
    await em.save(row);
  }

  /** Hands pending rows to the queue. Concurrent calls share one drain, followed by one more pass. */
  drain(): Promise<DrainReport> {
    if (this.stopped || !this.enabled) return Promise.resolve({ dispatched: 0, failed: 0 });
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = this.drainLoop().finally(() => (this.current = null));
    return this.current;
  }

  /** Drains and prunes once (awaited, so start-up leftovers are handed over before the app serves), then sweeps every `intervalMs`. */
  async startSweep(intervalMs: number): Promise<void> {
    if (!this.enabled || this.sweepTimer) return;
    await this.sweep();
    this.sweepTimer = setInterval(() => void this.sweep(), intervalMs);
    this.sweepTimer.unref();
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      await this.prune().catch((error) => this.logger.error(`prune failed: ${asError(error).message}`));
    }
    if (this.dirty || now - this.lastLook >= IDLE_SWEEP_MS) {
      await this.drain().catch((error) => this.logger.error(`drain failed: ${asError(error).message}`));
    }
  }

  /** Stops sweeping and draining (first step of shutdown). */
  stopSweep(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    this.stopped = true;
  }

  /** Waits for the drain in progress and for rows whose jobs settled to be marked (after the queue closed). */
  async stop(): Promise<void> {
    this.stopSweep();
    await this.current?.catch(() => undefined);
    await this.flushSettled();
    await Promise.allSettled([...this.pendingWrites]);
  }

  private async drainLoop(): Promise<DrainReport> {
    const total: DrainReport = { dispatched: 0, failed: 0 };
    do {
      this.again = false;
      const report = await this.pass();
      total.dispatched += report.dispatched;
      total.failed += report.failed;
    } while (this.again && !this.stopped);
    return total;
  }

  private async pass(): Promise<DrainReport> {
    const report: DrainReport = { dispatched: 0, failed: 0 };
    if (!this.names.length) return report;
    if (!this.queue.available) {
      this.dirty = true; // look again once it is back
      return report;
    }
    this.dirty = false;
    this.lastLook = Date.now();
    const skip = new Set(this.inFlight);
    while (!this.stopped) {
      const room = Math.min(BATCH, MAX_IN_FLIGHT - this.inFlight.size);
      if (room <= 0) {
        this.dirty = true;
        break;
      }
      const rows = await this.uow.read((em) =>
        em.find(OutboxEntry, {
          where: { dispatchedAt: IsNull(), jobName: In(this.names), ...(skip.size ? { id: Not(In([...skip])) } : {}) },
          order: { createdAt: 'ASC', id: 'ASC' },
          take: room,
        }),
      );
      if (!rows.length) break;
      const done: string[] = [];
      const errors: { id: string; message: string }[] = [];
      let unavailable = false;
      for (const row of rows) {
        skip.add(row.id);
        try {
          const accepted = await this.handOver(row);
          if (accepted.settled) this.awaitSettled(row.id, accepted.settled);
          else done.push(row.id);
        } catch (thrown) {
          const error = asError(thrown);
          errors.push({ id: row.id, message: error.message });
          if (error instanceof QueueUnavailableError || !this.queue.available) {
            unavailable = true;
            break;
          }
          this.logger.warn(`outbox row ${row.id} (job ${row.jobId}) not handed over: ${error.message}`);
        }
      }
      await this.record(done, errors);
      report.dispatched += done.length;
      report.failed += errors.length;
      if (errors.length) this.dirty = true;
      if (unavailable || rows.length < room) break;
    }
    return report;
  }

  private async handOver(row: OutboxEntry): Promise<Accepted> {
    const payload = JSON.parse(row.payload) as JobPayload;
    // A rerun restarts a finished job; `add` then is a no-op (or creates the job if the queue forgot it).
    if (row.rerun) await this.queue.retry(row.jobId);
    return this.queue.add(row.jobName, payload, { jobId: row.jobId });
  }

  private async record(done: string[], errors: { id: string; message: string }[]): Promise<void> {
    if (!done.length && !errors.length) return;
    await this.uow.write(async (em) => {
      if (done.length) await em.update(OutboxEntry, { id: In(done) }, { dispatchedAt: new Date() });
      for (const { id, message } of errors) {
        await em.increment(OutboxEntry, { id }, 'attempts', 1);
        await em.update(OutboxEntry, { id }, { lastError: message.slice(0, 1000) });
      }
    });
  }

  private awaitSettled(id: string, settled: Promise<void>): void {
    this.inFlight.add(id);
    void settled.then(() => {
      this.settledIds.push(id);
      this.settledFlush ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flushSettled());
    });
  }

  private async flushSettled(): Promise<void> {
    this.settledFlush = null;
    const ids = this.settledIds.splice(0);
    if (!ids.length) return;
    const write = this.uow
      .write((em) => em.update(OutboxEntry, { id: In(ids) }, { dispatchedAt: new Date() }))
      .then(() => undefined)
      .catch((error) => this.logger.error(`could not mark ${ids.length} settled job(s) dispatched: ${asError(error).message}`))
      .finally(() => {
        for (const id of ids) this.inFlight.delete(id);
        this.pendingWrites.delete(write);
        // Room in flight again: more rows may be waiting.
        if (!this.stopped) void this.drain().catch(() => undefined);
      });
    this.pendingWrites.add(write);
    await write;
  }

  /** Deletes rows dispatched longer ago than JOB_RETENTION_HOURS (the sweep does this once a minute). */
  async prune(): Promise<number> {
    if (this.stopped) return 0;
    const result = await this.uow.write((em) => em.delete(OutboxEntry, { dispatchedAt: LessThan(new Date(Date.now() - this.retentionMs)) }));
    return result.affected ?? 0;
  }
}
