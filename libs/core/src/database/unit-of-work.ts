import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
   */
  async write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const scope = currentIdempotencyScope();
    const claim = scope && scope.state === 'open' ? scope : null;
    if (claim) claim.state = 'claiming';
    const hooks: (() => unknown)[] = [];
    const inTransaction = () =>
      this.dataSource.transaction(async (em) => {
        this.commitHooks.set(em, hooks);
        try {
          if (claim) await claimIdempotencyKey(em, claim);
          const result = await work(em);
          if (claim) await completeIdempotencyKey(em, claim, result);
          return result;
        } finally {
          this.commitHooks.delete(em);
        }
      });
    let result: T;
    try {
      result = await (this.serialize ? this.lock.run(inTransaction) : inTransaction());
    } catch (error) {
      if (claim) claim.state = 'open';
      throw error;
    }
    if (claim) claim.state = 'claimed';
    for (const hook of hooks) this.runHook(hook);
    return result;
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
