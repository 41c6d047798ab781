import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSourceOptions, MixedList } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { QueryCountingLogger } from './query-counting-logger';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM takes migration and entity classes as Function
export type EntityList = MixedList<Function>;

export function sqliteFileFor(config: AppConfig): string {
  return path.join(config.dataDir, 'tel-registry.sqlite');
}

/** Builds TypeORM options for the configured database; migrations are per dialect. */
export function buildDataSourceOptions(config: AppConfig, entities: EntityList, logger: QueryCountingLogger): DataSourceOptions {
  if (config.dialect === 'postgres') {
    const schema = config.databaseSchema;
    return {
      type: 'postgres',
      url: config.databaseUrl,
      entities,
      migrations: POSTGRES_MIGRATIONS,
      migrationsTableName: 'schema_migrations',
      logger,
      logging: ['query', 'error'],
      // A server that does not answer fails the request (SERVICE_UNAVAILABLE) instead of hanging it.
      connectTimeoutMS: 5000,
      // A schema is chosen by search_path alone, so migrations carry no schema names.
      extra: { max: 10, ...(schema ? { options: `-c search_path=${schema}` } : {}) },
      synchronize: false,
    };
  }
  fs.mkdirSync(config.dataDir, { recursive: true });
  return {
    type: 'better-sqlite3',
    database: sqliteFileFor(config),
    entities,
    migrations: SQLITE_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    logger,
    logging: ['query', 'error'],
    synchronize: false,
    prepareDatabase: (db: { pragma(sql: string): unknown; prepare(sql: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      // TypeORM opens transactions with a deferred BEGIN. When another process (the worker,
      // `npm run reindex`) writes between a transaction's first read and its first write, SQLite
      // fails it at once with SQLITE_BUSY; the busy timeout only helps a transaction that asks for
      // the write lock up front. So every transaction here begins IMMEDIATE.
      const prepare = db.prepare.bind(db);
      db.prepare = (sql: string) => prepare(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql);
    },
  };
}
