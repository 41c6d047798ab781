import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import BetterSqlite3 from 'better-sqlite3';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { FifoLock } from './fifo-lock';
import { UnitOfWork } from './unit-of-work';

@Entity('note')
class Note {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  text: string;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('UnitOfWork on better-sqlite3 (one shared connection)', () => {
  let dir: string;
  let ds: DataSource;
  let uow: UnitOfWork;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-uow-'));
    ds = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'db.sqlite'), entities: [Note], synchronize: true });
    await ds.initialize();
    uow = new UnitOfWork(ds);
  });

  afterEach(async () => {
    await ds.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs 20 concurrent transactions, all of them committed', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        uow.write(async (em) => {
          await tick();
          await em.insert(Note, { id: `n${i}`, text: `note ${i}` });
          await tick();
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(await ds.manager.count(Note)).toBe(20);
  });

  it('keeps a write made while another transaction is open, when that one rolls back', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const failing = uow.write(async (em) => {
      await em.insert(Note, { id: 'doomed', text: 'rolled back' });
      await held;
      throw new Error('boom');
    });
    await tick();
    const surviving = uow.write((em) => em.save(Note, { id: 'kept', text: 'must survive' }));
    release();
    await expect(failing).rejects.toThrow('boom');
    await surviving;
    expect((await ds.manager.find(Note)).map((n) => n.id)).toEqual(['kept']);
  });

  it('runs after-commit hooks once the transaction has committed, and never after a rollback', async () => {
    const seen: string[] = [];
    await uow.write(async (em) => {
      await em.insert(Note, { id: 'c1', text: 'committed' });
      uow.afterCommit(em, async () => {
        // The hook sees the committed row and may write in a unit of work of its own.
        seen.push(`hook sees ${await ds.manager.count(Note)} note(s)`);
        await uow.write((em2) => em2.insert(Note, { id: 'c2', text: 'from the hook' }));
        seen.push('hook wrote');
      });
      seen.push('work done');
    });
    await expect(
      uow.write(async (em) => {
        await em.insert(Note, { id: 'r1', text: 'rolled back' });
        uow.afterCommit(em, () => seen.push('must not run'));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await uow.write(() => Promise.resolve(undefined));
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['work done', 'hook sees 1 note(s)', 'hook wrote']);
    expect((await ds.manager.find(Note, { order: { id: 'ASC' } })).map((n) => n.id)).toEqual(['c1', 'c2']);
  });

  it('refuses afterCommit outside a write transaction, and a failing hook does not fail the write', async () => {
    // The two hook failures are expected: kept out of the output, and checked.
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation();
    expect(() => uow.afterCommit(ds.manager, () => undefined)).toThrow(/open UnitOfWork.write transaction/);
    let leaked!: import('typeorm').EntityManager;
    await expect(
      uow.write(async (em) => {
        leaked = em;
        uow.afterCommit(em, () => Promise.reject(new Error('hook fails')));
        uow.afterCommit(em, () => {
          throw new Error('hook throws');
        });
        return 'ok';
      }),
    ).resolves.toBe('ok');
    expect(() => uow.afterCommit(leaked, () => undefined)).toThrow(/open UnitOfWork.write transaction/);
    await new Promise((r) => setImmediate(r));
    expect(errors.mock.calls.map(([m]) => String(m))).toEqual([expect.stringMatching(/hook throws/), expect.stringMatching(/hook fails/)]);
    errors.mockRestore();
  });

  it('a failed unit of work does not block the next ones', async () => {
    await expect(uow.write(async () => Promise.reject(new Error('first fails')))).rejects.toThrow('first fails');
    await expect(uow.write((em) => em.insert(Note, { id: 'after', text: 'x' }))).resolves.toBeDefined();
  });
});

describe('FifoLock', () => {
  it('runs work in the order it was queued', async () => {
    const lock = new FifoLock();
    const order: number[] = [];
    await Promise.all(
      [30, 10, 0].map((delay, i) =>
        lock.run(async () => {
          await new Promise((r) => setTimeout(r, delay));
          order.push(i);
        }),
      ),
    );
    expect(order).toEqual([0, 1, 2]);
    expect(lock.queued).toBe(0);
  });
});

describe('UnitOfWork when the SQLite database is full (PRAGMA max_page_count)', () => {
  let dir: string;
  let ds: DataSource;
  let uow: UnitOfWork;
  let db: { pragma(sql: string, options?: { simple: boolean }): unknown; inTransaction: boolean };
  const big = (id: string) => ({ id, text: 'x'.repeat(100) });
  const makeFull = () => db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
  const giveRoom = () => db.pragma('max_page_count = 1073741823');
  const bookkeeping = () => ds.createQueryRunner() as unknown as { isTransactionActive: boolean; transactionDepth: number };
  let logged: jest.SpyInstance[];

  beforeEach(async () => {
    // The warnings and errors these cases provoke are expected: kept out of the output, and checked.
    logged = [jest.spyOn(Logger.prototype, 'warn').mockImplementation(), jest.spyOn(Logger.prototype, 'error').mockImplementation()];
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-uow-full-'));
    ds = new DataSource({
      type: 'better-sqlite3',
      database: path.join(dir, 'db.sqlite'),
      entities: [Note],
      synchronize: true,
      prepareDatabase: (conn: { pragma(sql: string): unknown }) => void conn.pragma('journal_mode = WAL'),
    });
    await ds.initialize();
    db = (ds.driver as unknown as { databaseConnection: typeof db }).databaseConnection;
    uow = new UnitOfWork(ds);
    // Fill the pages there are, so the next new page cannot be had.
    await uow.write(async (em) => {
      for (let i = 0; i < 30; i++) await em.insert(Note, big(`pre${i}`));
    });
  });

  afterEach(async () => {
    logged.forEach((spy) => spy.mockRestore());
    await ds.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers INSUFFICIENT_STORAGE, leaves no transaction open, and the next write lands once there is room', async () => {
    makeFull();
    for (let i = 0; i < 5; i++) {
      await expect(
        uow.write(async (em) => {
          for (let j = 0; j < 40; j++) await em.insert(Note, big(`full${i}-${j}`));
        }),
      ).rejects.toMatchObject({ code: 'INSUFFICIENT_STORAGE' });
      expect(db.inTransaction).toBe(false);
      expect(bookkeeping()).toMatchObject({ isTransactionActive: false, transactionDepth: 0 });
    }
    // A unit of work that fails for its own reasons while the database is full is not nested in anything either.
    await expect(uow.write(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    giveRoom();
    await uow.write((em) => em.insert(Note, big('after')));
    expect(db.inTransaction).toBe(false);
    // Reopened from disk: the write after the failures is really committed, none of the refused ones is.
    await ds.destroy();
    await ds.initialize();
    const ids = (await ds.manager.find(Note)).map((n) => n.id);
    expect(ids).toContain('after');
    expect(ids.filter((id) => id.startsWith('full'))).toEqual([]);
    expect(ids).toHaveLength(31);
  });

  it('puts its record straight at once when BEGIN is refused (another process holds the write lock)', async () => {
    // As in production: transactions begin IMMEDIATE, so a held write lock refuses BEGIN itself.
    const conn = db as unknown as { prepare(sql: string): unknown; pragma(sql: string): unknown };
    const prepare = conn.prepare.bind(conn);
    conn.prepare = (sql: string) => prepare(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql);
    (ds.createQueryRunner() as unknown as { stmtCache: Map<string, unknown> }).stmtCache.clear(); // the deferred BEGIN is cached
    conn.pragma('busy_timeout = 0');
    const other = new BetterSqlite3(path.join(dir, 'db.sqlite'));
    try {
      other.exec('BEGIN IMMEDIATE');
      await expect(uow.write((em) => em.insert(Note, { id: 'refused', text: 'x' }))).rejects.toThrow();
      expect(bookkeeping()).toMatchObject({ isTransactionActive: false, transactionDepth: 0 });
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
    await uow.write((em) => em.insert(Note, { id: 'after', text: 'x' }));
    // Nothing was left out of step for the next unit of work to find and log.
    expect(logged[1]).not.toHaveBeenCalled();
    expect((await ds.manager.find(Note)).map((n) => n.id)).toContain('after');
  });

  it('recovers from a transaction a failed COMMIT left open', async () => {
    // Simulate the worst case of a failed COMMIT: SQLite still in the transaction and TypeORM's
    // bookkeeping off by one, as DataSource.transaction leaves it when its ROLLBACK fails.
    const runner = bookkeeping();
    await ds.query('BEGIN');
    await ds.manager.insert(Note, big('orphan'));
    runner.isTransactionActive = true;
    runner.transactionDepth = 1;
    await uow.write((em) => em.insert(Note, big('clean')));
    expect(db.inTransaction).toBe(false);
    expect(logged[1]).toHaveBeenCalledWith(expect.stringMatching(/out of step before a unit of work .*rolling back/));
    await ds.destroy();
    await ds.initialize();
    const ids = (await ds.manager.find(Note)).map((n) => n.id);
    expect(ids).toContain('clean');
    expect(ids).not.toContain('orphan');
  });
});
