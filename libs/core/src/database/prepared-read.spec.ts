import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { PreparedRead } from './prepared-read';

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

  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: Date, nullable: true })
  expiresAt: Date | null;
}

describe('PreparedRead', () => {
  let ds: DataSource;
  let statements: string[];
  const read = new PreparedRead<{ itemId: string; expiresAt: Date | null; tags: string[]; disabled: boolean }>(
    (source) => source.createQueryBuilder(Item, 'i').innerJoin(Owner, 'o', 'o.id = i.ownerId').where('i.code = :code', { code: '' }),
    { itemId: 'i.id', expiresAt: 'i.expiresAt', tags: 'o.tags', disabled: 'o.disabled' },
    1,
  );

  beforeAll(async () => {
    statements = [];
    ds = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Owner, Item],
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
      { id: 'i1', ownerId: 'o1', code: 'one', expiresAt: new Date('2031-02-03T04:05:06.789Z') },
      { id: 'i2', ownerId: 'o2', code: 'two', expiresAt: null },
    ]);
  });
  afterAll(() => ds.destroy());

  it('converts each column as TypeORM hydrates it: dates, booleans, transformers', async () => {
    expect(await read.first(ds, ['one'])).toEqual({ itemId: 'i1', expiresAt: new Date('2031-02-03T04:05:06.789Z'), tags: ['a', 'b'], disabled: true });
    expect(await read.first(ds, ['two'])).toEqual({ itemId: 'i2', expiresAt: null, tags: [], disabled: false });
    const viaEntities = await ds.manager.findOneByOrFail(Item, { code: 'one' });
    expect((await read.first(ds, ['one']))?.expiresAt).toEqual(viaEntities.expiresAt);
  });

  it('answers null when nothing matches, and sends one statement per call, the same each time', async () => {
    statements.length = 0;
    expect(await read.first(ds, ['three'])).toBeNull();
    await read.first(ds, ['one']);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toBe(statements[1]);
    expect(statements[0]).toBe(read.sql(ds));
    expect(read.sql(ds)).toMatch(/WHERE "i"."code" = \?/);
  });

  it('refuses the wrong number of parameters', async () => {
    await expect(read.first(ds, [])).rejects.toThrow('takes 1 parameter(s), got 0');
    const twoInSql = new PreparedRead<{ id: string }>((s) => s.createQueryBuilder(Item, 'i').where('i.code = :a OR i.id = :b', { a: '', b: '' }), { id: 'i.id' }, 1);
    await expect(twoInSql.first(ds, ['x'])).rejects.toThrow('SQL has 2 parameter(s), expected 1');
  });
});
