import * as path from 'node:path';

export type DatabaseDialect = 'sqlite' | 'postgres';

/** Everything the process reads from its environment, validated once at start-up. */
export interface AppConfig {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  dialect: DatabaseDialect;
  /** PostgreSQL schema to use (tests give each run a fresh one). */
  databaseSchema?: string;
  nodeEnv: string;
  /** Load the TEL37 seed on start when the database has no meetings yet. */
  seedOnStart: boolean;
  logSql: boolean;
  maxPageSize: number;
  /** Serve /explorer and allow introspection when NODE_ENV=production. */
  explorerInProduction: boolean;
  /** Largest JSON request body, e.g. "1mb". */
  jsonBodyLimit: string;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
}

export class ConfigError extends Error {}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function sizeFrom(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d{1,6}(b|kb|mb)$/i.test(raw)) throw new ConfigError(`${name} must be a size like 512kb or 2mb, got "${raw}"`);
  return raw.toLowerCase();
}

/** Reads and validates configuration; throws ConfigError so a bad setting stops start-up. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  let dialect: DatabaseDialect = 'sqlite';
  if (databaseUrl) {
    if (!/^postgres(ql)?:\/\//i.test(databaseUrl)) {
      throw new ConfigError('DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database)');
    }
    dialect = 'postgres';
  }
  const schema = env.DATABASE_SCHEMA?.trim() || undefined;
  if (schema && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new ConfigError('DATABASE_SCHEMA must be a lower-case SQL identifier');
  }
  return {
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl,
    dialect,
    databaseSchema: schema,
    nodeEnv: env.NODE_ENV?.trim() || 'development',
    seedOnStart: boolFrom(env, 'SEED_ON_START', true),
    logSql: boolFrom(env, 'LOG_SQL', false),
    maxPageSize: intFrom(env, 'MAX_PAGE_SIZE', 100, 1, 1000),
    explorerInProduction: boolFrom(env, 'EXPLORER_ENABLED', false),
    jsonBodyLimit: sizeFrom(env, 'JSON_BODY_LIMIT', '1mb'),
    trustProxy: boolFrom(env, 'TRUST_PROXY', false),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
