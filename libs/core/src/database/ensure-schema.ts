import { Client } from 'pg';
import { AppConfig } from '../config/app-config';

/**
 * Creates the configured PostgreSQL schema before TypeORM connects: TypeORM reads
 * current_schema() once on connect, and a schema that does not exist yet would not be it.
 */
export async function ensurePostgresSchema(config: AppConfig): Promise<void> {
  if (config.dialect !== 'postgres' || !config.databaseSchema) return;
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${config.databaseSchema}"`);
  } finally {
    await client.end();
  }
}
