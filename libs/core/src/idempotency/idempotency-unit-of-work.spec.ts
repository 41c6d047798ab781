import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { UnitOfWork } from '../database/unit-of-work';
import { IdempotencyKey } from './idempotency-key.entity';
import { currentIdempotencyScope, IdempotencyScope, IdempotentReplay, requestFingerprint, runWithIdempotency } from './idempotency';

@Entity('idem_note')
class IdemNote {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  text: string;
}

describe('UnitOfWork inside an idempotency scope (SQLite)', () => {
  let dir: string;
  let ds: DataSource;
  let uow: UnitOfWork;
  const scope = (key: string, text = 'x') => new IdempotencyScope('caller-1', key, 'addNote', requestFingerprint('addNote', { text }), 3600);
  const addNote = (id: string, text = 'x') =>
    uow.write(async (em) => {
      await em.insert(IdemNote, { id, text });
      return em.findOneByOrFail(IdemNote, { id });
    });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-idem-'));
    ds = new DataSource({ type: 'better-sqlite3', database: path.join(dir, 'db.sqlite'), entities: [IdemNote, IdempotencyKey], synchronize: true });
    await ds.initialize();
    uow = new UnitOfWork(ds);
  });
  afterEach(async () => {
    await ds.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores the key with the record, and a repeat replays it without writing', async () => {
    await runWithIdempotency(scope('k1'), () => addNote('a'));
    expect(await ds.manager.findOneByOrFail(IdempotencyKey, { key: 'k1' })).toMatchObject({ resultEntity: 'IdemNote', resultId: 'a', replayable: true, operation: 'addNote' });
    const replay = (await runWithIdempotency(scope('k1'), () => addNote('b')).catch((e: unknown) => e)) as IdempotentReplay;
    expect(replay).toBeInstanceOf(IdempotentReplay);
    expect(replay.row.resultId).toBe('a');
    expect(await ds.manager.count(IdemNote)).toBe(1);
  });

  it('a write that fails leaves no key, so the retry in the same request claims it', async () => {
    const s = scope('k2');
    await expect(runWithIdempotency(s, () => uow.write(async () => Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    expect(await ds.manager.count(IdempotencyKey)).toBe(0);
    expect(s.state).toBe('open');
    await runWithIdempotency(s, () => addNote('c'));
    expect(s.state).toBe('claimed');
    expect(await ds.manager.findOneByOrFail(IdempotencyKey, { key: 'k2' })).toMatchObject({ resultId: 'c' });
  });

  it('only the first write of a request claims; later ones run as usual', async () => {
    await runWithIdempotency(scope('k3'), async () => {
      await addNote('d');
      await addNote('e');
    });
    expect(await ds.manager.count(IdemNote)).toBe(2);
    expect(await ds.manager.findOneByOrFail(IdempotencyKey, { key: 'k3' })).toMatchObject({ resultId: 'd' });
  });

  it('another body with the key is a CONFLICT; writes outside a scope ignore keys', async () => {
    await runWithIdempotency(scope('k4', 'one'), () => addNote('f', 'one'));
    await expect(runWithIdempotency(scope('k4', 'two'), () => addNote('g', 'two'))).rejects.toMatchObject({ code: 'CONFLICT' });
    await addNote('h');
    expect(await ds.manager.count(IdemNote)).toBe(2);
  });

  it('twenty at once with one key: one record', async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => runWithIdempotency(scope('k5'), () => addNote(`n${i}`))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof IdempotentReplay)).toHaveLength(19);
    expect(await ds.manager.count(IdemNote)).toBe(1);
  });

  it('a scope that settles while another is open leaves the other its key', async () => {
    let releaseA!: () => void;
    const aWaits = new Promise<void>((r) => (releaseA = r));
    let releaseB!: () => void;
    const bWaits = new Promise<void>((r) => (releaseB = r));
    const a = runWithIdempotency(scope('k6a'), async () => {
      await aWaits;
      return addNote('a6');
    });
    const b = runWithIdempotency(scope('k6b'), async () => {
      await bWaits;
      expect(currentIdempotencyScope()?.key).toBe('k6b');
      return addNote('b6');
    });
    releaseA();
    await a;
    releaseB();
    await b;
    expect(await ds.manager.findOneByOrFail(IdempotencyKey, { key: 'k6a' })).toMatchObject({ resultId: 'a6' });
    expect(await ds.manager.findOneByOrFail(IdempotencyKey, { key: 'k6b' })).toMatchObject({ resultId: 'b6' });
  });

  it('a callback left behind by a settled scope is outside it: its write claims no key', async () => {
    let leftBehind!: Promise<unknown>;
    await runWithIdempotency(scope('k7'), async () => {
      await addNote('i');
      leftBehind = new Promise((resolve) => setTimeout(() => resolve({ scope: currentIdempotencyScope(), note: addNote('j') }), 20));
    });
    const { scope: seen, note } = (await leftBehind) as { scope: unknown; note: Promise<unknown> };
    await note;
    expect(seen).toBeUndefined();
    expect(await ds.manager.count(IdemNote)).toBe(2);
    expect(await ds.manager.count(IdempotencyKey)).toBe(1);
  });
});
