import { AfterLoad, Column, CreateDateColumn, DataSource, DataSourceOptions, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { PreparedFind, PreparedRead } from './prepared-read';

@Entity('prep_owner')
class Owner {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100, transformer: { to: (v: string[]) => v.join(','), from: (raw: string | null) => (raw ? raw.split(',') : []) } })
  tags: string[];

  @Column({ type: 'boolean', default: false })
  disabled: boolean;
}

@Entity('prep_item')
class Item {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  ownerId: string;

  @ManyToOne(() => Owner, { nullable: false })
  @JoinColumn({ name: 'ownerId' })
  owner?: Owner;

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: Date, nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  rank: number | null;

  @CreateDateColumn()
  createdAt: Date;

  /** A plain method: the entity found must be an Item, not a bare object. */
  isExpired(now: Date): boolean {
    return !!this.expiresAt && this.expiresAt <= now;
  }
}

/** Loads its owner eagerly: a prepared find must refuse it. */
@Entity('prep_eager')
class Eager {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  ownerId: string;

  @ManyToOne(() => Owner, { eager: true })
  @JoinColumn({ name: 'ownerId' })
  owner?: Owner;
}

/** Computes a property after loading: a prepared find must refuse it. */
@Entity('prep_listened')
class Listened {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  loaded = false;

  @AfterLoad()
  markLoaded(): void {
    this.loaded = true;
  }
}

const ENTITIES = [Owner, Item, Eager, Listened];
const DATABASE_URL = process.env.DATABASE_URL;

function preparedReadContract(dialect: string, options: () => Promise<{ options: DataSourceOptions; dispose(ds: DataSource): Promise<void> }>): void {
  describe(`PreparedRead and PreparedFind on ${dialect}`, () => {
    let ds: DataSource;
    let made: { options: DataSourceOptions; dispose(ds: DataSource): Promise<void> };
    let statements: string[];
    const read = new PreparedRead<{ itemId: string; expiresAt: Date | null; tags: string[]; disabled: boolean }>(
      (source) => source.createQueryBuilder(Item, 'i').innerJoin(Owner, 'o', 'o.id = i.ownerId').where('i.code = :code', { code: '' }),
      { itemId: 'i.id', expiresAt: 'i.expiresAt', tags: 'o.tags', disabled: 'o.disabled' },
      1,
    );
    const itemByCode = new PreparedFind(Item, 'code');

    beforeAll(async () => {
      statements = [];
      made = await options();
      ds = new DataSource({
        ...made.options,
        entities: ENTITIES,
        synchronize: true,
        logging: ['query'],
        logger: {
          logQuery: (q: string) => void statements.push(q),
          logQueryError: () => undefined,
          logQuerySlow: () => undefined,
          logSchemaBuild: () => undefined,
          logMigration: () => undefined,
          log: () => undefined,
        },
      });
      await ds.initialize();
      await ds.manager.insert(Owner, [
        { id: 'o1', tags: ['a', 'b'], disabled: true },
        { id: 'o2', tags: [], disabled: false },
      ]);
      await ds.manager.insert(Item, [
        { id: 'i1', ownerId: 'o1', code: 'one', expiresAt: new Date('2031-02-03T04:05:06.789Z'), rank: 7 },
        { id: 'i2', ownerId: 'o2', code: 'two', expiresAt: null, rank: null },
      ]);
    });
    afterAll(async () => {
      if (ds) await made.dispose(ds);
    });

    it('PreparedRead converts each column as TypeORM hydrates it: dates, booleans, transformers', async () => {
      expect(await read.first(ds, ['one'])).toEqual({ itemId: 'i1', expiresAt: new Date('2031-02-03T04:05:06.789Z'), tags: ['a', 'b'], disabled: true });
      expect(await read.first(ds, ['two'])).toEqual({ itemId: 'i2', expiresAt: null, tags: [], disabled: false });
      const viaEntities = await ds.manager.findOneByOrFail(Item, { code: 'one' });
      expect((await read.first(ds, ['one']))?.expiresAt).toEqual(viaEntities.expiresAt);
    });

    it('PreparedRead answers null when nothing matches, and sends (and logs) one statement per call, the same each time', async () => {
      statements.length = 0;
      expect(await read.first(ds, ['three'])).toBeNull();
      await read.first(ds, ['one']);
      expect(statements).toHaveLength(2);
      expect(statements[0]).toBe(statements[1]);
      expect(statements[0]).toBe(read.sql(ds));
      expect(read.sql(ds)).toMatch(/WHERE "i"."code" = (\?|\$1)/);
    });

    it('PreparedRead refuses the wrong number of parameters', async () => {
      await expect(read.first(ds, [])).rejects.toThrow('takes 1 parameter(s), got 0');
      const twoInSql = new PreparedRead<{ id: string }>((s) => s.createQueryBuilder(Item, 'i').where('i.code = :a OR i.id = :b', { a: '', b: '' }), { id: 'i.id' }, 1);
      await expect(twoInSql.first(ds, ['x'])).rejects.toThrow('SQL has 2 parameter(s), expected 1');
    });

    it('PreparedFind finds the entity findOne finds: the same class, columns and values', async () => {
      for (const code of ['one', 'two']) {
        const expected = await ds.manager.findOne(Item, { where: { code } });
        const found = await itemByCode.one(ds, code);
        expect(found).toBeInstanceOf(Item);
        expect(found).toEqual(expected);
        expect(Object.keys(found!).sort()).toEqual(Object.keys(expected!).sort());
      }
      const one = await itemByCode.one(ds, 'one');
      expect(one?.expiresAt).toEqual(new Date('2031-02-03T04:05:06.789Z'));
      expect(one?.rank).toBe(7);
      expect(one?.createdAt).toBeInstanceOf(Date);
      expect(one?.isExpired(new Date('2040-01-01'))).toBe(true);
      expect(await itemByCode.one(ds, 'three')).toBeNull();
    });

    it('PreparedFind sends the statement findOne sends, built once, one per call, and logged', async () => {
      statements.length = 0;
      await ds.manager.findOne(Item, { where: { code: 'one' } });
      await itemByCode.one(ds, 'one');
      await itemByCode.one(ds, 'two');
      expect(statements).toHaveLength(3);
      expect(statements[1]).toBe(statements[0]);
      expect(statements[2]).toBe(statements[0]);
      expect(itemByCode.sql(ds)).toBe(statements[0]);
    });

    it('PreparedFind runs inside the caller’s transaction and sees its uncommitted rows', async () => {
      await expect(
        ds.transaction(async (em) => {
          await em.insert(Item, { id: 'i3', ownerId: 'o1', code: 'three', expiresAt: null, rank: 3 });
          expect((await itemByCode.one(em, 'three'))?.id).toBe('i3');
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await itemByCode.one(ds, 'three')).toBeNull();
    });

    it('PreparedFind refuses what findOne would load more of (eager relations, @AfterLoad) and columns that do not exist', async () => {
      await expect(new PreparedFind(Eager, 'id').one(ds, 'x')).rejects.toThrow('Eager loads more than its columns (joins (eager relations))');
      await expect(new PreparedFind(Listened, 'id').one(ds, 'x')).rejects.toThrow('Listened loads more than its columns (@AfterLoad listeners)');
      await expect(new PreparedFind(Item, 'nope' as 'code').one(ds, 'x')).rejects.toThrow('no column nope on Item');
    });

    it('a failing statement is a QueryFailedError and leaves the reader usable', async () => {
      const broken = new PreparedRead<{ id: string }>((s) => s.createQueryBuilder(Item, 'i').where('i.code = :c', { c: '' }), { id: 'i.id' }, 1);
      await broken.first(ds, ['one']); // built while the table is there
      const schema = (ds.options as { schema?: string }).schema;
      const table = (name: string) => (schema ? `"${schema}"."${name}"` : `"${name}"`);
      await ds.query(`ALTER TABLE ${table('prep_item')} RENAME TO prep_item_away`);
      try {
        await expect(broken.first(ds, ['one'])).rejects.toMatchObject({ name: 'QueryFailedError' });
      } finally {
        await ds.query(`ALTER TABLE ${table('prep_item_away')} RENAME TO prep_item`);
      }
      expect(await broken.first(ds, ['one'])).toEqual({ id: 'i1' });
    });
  });
}

preparedReadContract('SQLite', async () => ({ options: { type: 'better-sqlite3', database: ':memory:' }, dispose: (ds) => ds.destroy() }));

if (DATABASE_URL) {
  preparedReadContract('PostgreSQL', async () => {
    const schema = `prep_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new DataSource({ type: 'postgres', url: DATABASE_URL });
    await admin.initialize();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.destroy();
    return {
      options: { type: 'postgres', url: DATABASE_URL, schema },
      async dispose(ds) {
        await ds.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await ds.destroy();
      },
    };
  });
} else {
  process.stdout.write('PreparedRead/PreparedFind on PostgreSQL left out: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run it\n');
}
