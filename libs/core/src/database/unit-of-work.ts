import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { AppError } from '../errors/app-error';
import { isStorageFull } from '../errors/storage-full';
import { FifoLock } from './fifo-lock';
import { claimIdempotencyKey, completeIdempotencyKey, currentIdempotencyScope } from '../idempotency/idempotency';

export const TEL_DATA_SOURCE = Symbol('TEL_DATA_SOURCE');

/**
 * The one path every write takes. On SQLite (one connection) units of work are serialized by a
 * FIFO lock, so transactions never nest or interleave; on PostgreSQL each unit gets its own
 * pooled connection and transaction, and correctness rests on constraints and row locks.
 */
@Injectable()
export class UnitOfWork {
  private readonly lock = new FifoLock();
  private readonly serialize: boolean;
  /** Hooks registered by `afterCommit`, per open transaction (keyed by its EntityManager). */
  private readonly commitHooks = new WeakMap<EntityManager, (() => unknown)[]>();
  private readonly logger = new Logger('UnitOfWork');

  constructor(@Inject(TEL_DATA_SOURCE) readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  /**
   * Runs `work` in one transaction; commits when it resolves, rolls back when it throws. Hooks
   * registered with `afterCommit` start once it has committed (and the SQLite lock is released).
   *
   * Inside a request that sent an Idempotency-Key (see `runWithIdempotency`), the first write
   * claims the key as its first statement and stores what `work` returned as its last, in the same
   * transaction: a used key throws `IdempotentReplay` (or CONFLICT for another body) before any
   * work is done, and a concurrent duplicate waits on the key's unique index, then does the same.
   *
   * A transaction that fails — in `work` or at COMMIT — is rolled back completely and the
   * connection is left with no transaction open, so the next unit of work starts clean. A full
   * database (SQLITE_FULL, PostgreSQL's 53100) or volume (ENOSPC, EDQUOT) is answered
   * INSUFFICIENT_STORAGE: nothing of the unit was written, and it can be tried again once there is room.
   */
  async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const scope = currentIdempotencyScope();
    const claim = scope && scope.state === 'open' ? scope : null;
    if (claim) claim.state = 'claiming';
    const hooks: (() => unknown)[] = [];
    const claimed = claim
      ? async (em: EntityManager) => {
          await claimIdempotencyKey(em, claim);
          const value = await work(em);
          await completeIdempotencyKey(em, claim, value);
          return value;
        }
      : work;
    let result: T;
    try {
      result = await (this.serialize ? this.lock.run(() => this.inTransaction(claimed, hooks)) : this.inTransaction(claimed, hooks));
    } catch (error) {
      if (claim) claim.state = 'open';
      if (!isStorageFull(error) || error instanceof AppError) throw error;
      this.logger.warn(`storage full, unit of work rolled back: ${(error as Error).message}`);
      throw AppError.insufficientStorage();
    }
    if (claim) claim.state = 'claimed';
    for (const hook of hooks) this.runHook(hook);
    return result;
  }

  /**
   * Our own begin/commit/rollback rather than `DataSource.transaction`, whose rollback gives up
   * silently when ROLLBACK itself fails. That happens after SQLite has already rolled back on its
   * own (SQLITE_FULL does), and it left TypeORM's shared SQLite query runner believing a
   * transaction was still open: every later unit of work then ran as a SAVEPOINT inside a
   * transaction nobody would commit — answered OK, and lost.
   */
  private async inTransaction<T>(work: (em: EntityManager) => Promise<T>, hooks: (() => unknown)[]): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    let broken: Error | undefined;
    try {
      if (this.serialize) this.ensureNoTransaction(runner, 'before a unit of work');
      try {
        await runner.startTransaction();
      } catch (error) {
        // A refused BEGIN (SQLITE_BUSY, SQLITE_FULL) can leave TypeORM counting a transaction that
        // never opened: put its record straight here, where the cause is known, not at the next unit.
        if (this.serialize) this.ensureNoTransaction(runner, null);
        throw error;
      }
      try {
        this.commitHooks.set(runner.manager, hooks);
        let result: T;
        try {
          result = await work(runner.manager);
        } finally {
          this.commitHooks.delete(runner.manager);
        }
        await runner.commitTransaction();
        return result;
      } catch (error) {
        broken = await this.rollBack(runner);
        throw error;
      }
    } finally {
      if (broken && !this.serialize) {
        // The connection may still hold an open or aborted transaction: the pool must drop it, not reuse it.
        await (runner as unknown as { releasePostgresConnection(err?: Error): Promise<void> }).releasePostgresConnection(broken);
      } else {
        await runner.release();
      }
    }
  }

  /** Rolls back whatever is open; returns the error when that could not be done (PostgreSQL). */
  private async rollBack(runner: QueryRunner): Promise<Error | undefined> {
    let failure: Error | undefined;
    try {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
    } catch (error) {
      failure = error as Error;
    }
    if (!this.serialize) return failure;
    // ROLLBACK fails when SQLite has already rolled back by itself (it does on SQLITE_FULL): expected, not logged.
    this.ensureNoTransaction(runner, null);
    return undefined;
  }

  /**
   * SQLite: makes the one connection and TypeORM's record of it agree that no transaction is open,
   * rolling back one that is (a COMMIT that failed may leave it so). `when` names the moment for
   * the log; null when finding a leftover there is expected.
   */
  private ensureNoTransaction(runner: QueryRunner, when: string | null): void {
    const db = (this.dataSource.driver as unknown as { databaseConnection: { inTransaction: boolean; exec(sql: string): unknown } }).databaseConnection;
    const bookkeeping = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
    if (!db.inTransaction && !bookkeeping.isTransactionActive && bookkeeping.transactionDepth === 0) return;
    if (when) {
      this.logger.error(
        `SQLite connection out of step ${when} (open: ${db.inTransaction}, TypeORM thinks active: ${bookkeeping.isTransactionActive}, depth ${bookkeeping.transactionDepth}); rolling back`,
      );
    }
    if (db.inTransaction) db.exec('ROLLBACK');
    bookkeeping.isTransactionActive = false;
    bookkeeping.transactionDepth = 0;
  }

  /**
   * Registers `hook` to start after the transaction of `em` (a `write` transaction) commits; it
   * never runs when that transaction rolls back. Hooks are not awaited by `write`: they are
   * follow-ups (e.g. draining the job outbox), and a hook's failure is logged, never thrown.
   */
  afterCommit(em: EntityManager, hook: () => unknown): void {
    const hooks = this.commitHooks.get(em);
    if (!hooks) throw new Error('afterCommit needs the EntityManager of an open UnitOfWork.write transaction');
    hooks.push(hook);
  }

  /** Reads that must see a consistent snapshot (several statements) use this; single reads need not. */
  read<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.serialize ? this.lock.run(() => work(this.dataSource.manager)) : work(this.dataSource.manager);
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  get dialect(): 'sqlite' | 'postgres' {
    return this.serialize ? 'sqlite' : 'postgres';
  }

  private runHook(hook: () => unknown): void {
    try {
      Promise.resolve(hook()).catch((error: unknown) => this.logger.error(`after-commit hook failed: ${String(error)}`));
    } catch (error) {
      this.logger.error(`after-commit hook failed: ${String(error)}`);
    }
  }
}
