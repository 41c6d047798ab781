import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FifoLock } from './fifo-lock';

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

  constructor(@Inject(TEL_DATA_SOURCE) readonly dataSource: DataSource) {
    this.serialize = dataSource.options.type === 'better-sqlite3';
  }

  /** Runs `work` in one transaction; commits when it resolves, rolls back when it throws. */
  write<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const inTransaction = () => this.dataSource.transaction((em) => work(em));
    return this.serialize ? this.lock.run(inTransaction) : inTransaction();
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
}
