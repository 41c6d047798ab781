import { createTestApp, TestApp } from '@tel/testing';

describe('migrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it(`bring the ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'} schema exactly to the entities (nothing left to generate)`, async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('leave no migration pending and keep foreign keys on', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
    if (t.dialect === 'sqlite') {
      expect(await t.dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect(await t.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    }
  });
});
