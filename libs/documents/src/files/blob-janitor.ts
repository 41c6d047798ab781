import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { In } from 'typeorm';
import { APP_CONFIG, AppConfig, UnitOfWork } from '@tel/core';
import { FileStorage } from '@tel/storage';
import { DocumentFile } from './document-file.entity';

/** Blobs younger than this are never swept: an upload (of this or another process) may still be on its way to its row. */
export const SWEEP_GRACE_MS = 60 * 60 * 1000;
const SWEEP_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Keeps the blob store and the document_file rows in step.
 *
 * An upload puts its blob on disk first and records the row after, so the only possible
 * inconsistency is a blob without a row: never a row without its bytes. Such a blob appears when
 * the recording transaction fails (cleaned up at once by `releaseIfUnreferenced`) or when the
 * process dies between the two (cleaned up by `sweep`, at start-up and every few hours, once the
 * blob is older than SWEEP_GRACE_MS).
 *
 * Staged copies are cheap to look for and may be large (a crash mid-upload leaves up to
 * UPLOAD_MAX_BYTES), so they are swept more often: every STAGING_SWEEP_INTERVAL_SECONDS, those
 * unchanged for STAGING_MAX_AGE_SECONDS that no upload of this process holds.
 *
 * Identical content is stored once, so a blob may serve several rows and several uploads at the
 * same time: an upload pins its sha256 from before `commit` until its transaction ends, and every
 * commit or deletion of one sha256 runs under a per-sha lock, so a cleanup never removes a blob
 * another upload is about to record. (Pins and locks are per process: one API process per
 * files directory, as with any local-disk store.)
 */
@Injectable()
export class BlobJanitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Files');
  private readonly pins = new Map<string, number>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private timers: NodeJS.Timeout[] = [];
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly uow: UnitOfWork,
    private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'stagingMaxAgeSeconds' | 'stagingSweepIntervalSeconds'>,
  ) {}

  /** Sweeps in the background (start-up does not wait for it), then staging every few minutes and blobs every SWEEP_EVERY_MS. */
  onApplicationBootstrap(): void {
    const every = (ms: number, work: () => Promise<unknown>) => {
      const run = () => {
        // One sweep at a time: a slow one is not overtaken by the next.
        this.running = this.running.then(work).catch((error) => this.logger.error(`sweep failed: ${(error as Error).stack ?? error}`));
      };
      const timer = setInterval(run, ms);
      timer.unref();
      this.timers.push(timer);
      return run;
    };
    every(SWEEP_EVERY_MS, () => this.sweep())();
    every(this.config.stagingSweepIntervalSeconds * 1000, () => this.sweepStaging());
  }

  async onApplicationShutdown(): Promise<void> {
    this.timers.forEach((timer) => clearInterval(timer));
    await this.running;
  }

  /** Removes staged copies a crash left behind (unchanged for STAGING_MAX_AGE_SECONDS, held by no upload here); returns how many. */
  async sweepStaging(): Promise<number> {
    const staged = await this.storage.sweepStaging(new Date(Date.now() - this.config.stagingMaxAgeSeconds * 1000));
    if (staged) this.logger.log(`swept ${staged} abandoned upload(s) from staging`);
    return staged;
  }

  /** Runs `work` with `sha256` pinned: no cleanup or sweep removes that blob meanwhile. */
  async pinned<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    this.pins.set(sha256, (this.pins.get(sha256) ?? 0) + 1);
    try {
      return await work();
    } finally {
      const left = (this.pins.get(sha256) ?? 1) - 1;
      if (left) this.pins.set(sha256, left);
      else this.pins.delete(sha256);
    }
  }

  /** Serializes commits and deletions of one blob. */
  exclusive<T>(sha256: string, work: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(sha256) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.locks.set(sha256, tail);
    void tail.then(() => {
      if (this.locks.get(sha256) === tail) this.locks.delete(sha256);
    });
    return next;
  }

  /**
   * Deletes a blob when no row refers to it and nothing holds it; returns whether it did.
   * `olderThan`: only when the blob was last written before then (sweeps).
   */
  releaseIfUnreferenced(sha256: string, olderThan?: Date): Promise<boolean> {
    return this.exclusive(sha256, async () => {
      if (this.pins.has(sha256)) return false;
      if (await this.uow.manager.exists(DocumentFile, { where: { sha256 } })) return false;
      if (olderThan) {
        const info = await this.storage.stat(sha256);
        if (!info || info.modifiedAt >= olderThan) return false;
      }
      if (this.pins.has(sha256)) return false;
      await this.storage.delete(sha256);
      return true;
    });
  }

  /** Removes staged copies a crash left behind (see sweepStaging) and blobs no row refers to, older than `graceMs`. */
  async sweep(graceMs = SWEEP_GRACE_MS): Promise<{ blobs: number; staged: number }> {
    const cutoff = new Date(Date.now() - graceMs);
    const staged = await this.sweepStaging();
    let blobs = 0;
    let batch: string[] = [];
    const flush = async () => {
      const referenced = new Set((await this.uow.manager.find(DocumentFile, { select: { sha256: true }, where: { sha256: In(batch) } })).map((f) => f.sha256));
      for (const sha of batch.filter((s) => !referenced.has(s))) if (await this.releaseIfUnreferenced(sha, cutoff)) blobs++;
      batch = [];
    };
    for await (const blob of this.storage.list()) {
      if (blob.modifiedAt >= cutoff) continue;
      batch.push(blob.sha256);
      if (batch.length >= 500) await flush();
    }
    if (batch.length) await flush();
    if (blobs) this.logger.log(`swept ${blobs} unreferenced blob(s)`);
    return { blobs, staged };
  }
}
