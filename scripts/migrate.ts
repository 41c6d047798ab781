/** `npm run migrate`: applies pending migrations to the configured database and says which. */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, ensurePostgresSchema, loadConfig, QueryCountingLogger } from '@tel/core';
import { ALL_ENTITIES } from '@tel/registry';

async function main(): Promise<void> {
  const config = loadConfig();
  await ensurePostgresSchema(config);
  const ds = new DataSource(buildDataSourceOptions(config, ALL_ENTITIES, new QueryCountingLogger(false)));
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'the database is up to date');
  } finally {
    await ds.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
