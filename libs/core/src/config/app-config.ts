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
  /** Accounts and tokens (libs/auth). */
  auth: AuthConfig;
}

export interface AuthConfig {
  /**
   * HMAC key for session tokens (AUTH_SECRET, at least 32 characters). Required in production;
   * elsewhere, when unset, one is generated once and kept in DATA_DIR/auth-secret (mode 0600).
   */
  secret?: string;
  /** Lifetime of a session token in seconds (TOKEN_TTL, default 8 hours). */
  tokenTtlSeconds: number;
  /** With BOOTSTRAP_ADMIN_PASSWORD: the first start on a database without accounts creates this admin. */
  bootstrapAdminEmail?: string;
  bootstrapAdminPassword?: string;
  /** Wrong passwords for one e-mail from one address before login is refused for a while. */
  loginMaxFailures: number;
  /** Wrong passwords from one address (any e-mail) before login is refused for a while. */
  loginMaxFailuresPerIp: number;
  /** How long the failures are counted, and how long login then stays refused (seconds). */
  loginBlockSeconds: number;
}

export const MIN_AUTH_SECRET_LENGTH = 32;

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

// AUTH_SECRET being required in production is checked where tokens are made (libs/auth), so
// migrations, the seed and the worker run without it.
function authFrom(env: NodeJS.ProcessEnv): AuthConfig {
  const secret = env.AUTH_SECRET?.trim() || undefined;
  if (secret && secret.length < MIN_AUTH_SECRET_LENGTH) {
    throw new ConfigError(`AUTH_SECRET must be at least ${MIN_AUTH_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 48\`)`);
  }
  const bootstrapAdminEmail = env.BOOTSTRAP_ADMIN_EMAIL?.trim() || undefined;
  const bootstrapAdminPassword = env.BOOTSTRAP_ADMIN_PASSWORD || undefined;
  if (!!bootstrapAdminEmail !== !!bootstrapAdminPassword) {
    throw new ConfigError('Set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD, or neither');
  }
  if (bootstrapAdminPassword && (bootstrapAdminPassword.length < 12 || bootstrapAdminPassword.length > 256)) {
    throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD must be 12 to 256 characters');
  }
  return {
    secret,
    tokenTtlSeconds: intFrom(env, 'TOKEN_TTL', 8 * 3600, 1, 30 * 24 * 3600),
    bootstrapAdminEmail,
    bootstrapAdminPassword,
    loginMaxFailures: intFrom(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginMaxFailuresPerIp: intFrom(env, 'LOGIN_MAX_FAILURES_PER_IP', 100, 1, 100000),
    loginBlockSeconds: intFrom(env, 'LOGIN_BLOCK_SECONDS', 900, 1, 24 * 3600),
  };
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
    auth: authFrom(env),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
