import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
    await uow.write(async () => undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen).toEqual(['work done', 'hook sees 1 note(s)', 'hook wrote']);
    expect((await ds.manager.find(Note, { order: { id: 'ASC' } })).map((n) => n.id)).toEqual(['c1', 'c2']);
  });

  it('refuses afterCommit outside a write transaction, and a failing hook does not fail the write', async () => {
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
