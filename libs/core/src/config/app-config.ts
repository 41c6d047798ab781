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
  /**
   * SHUTDOWN_DRAIN_MS: after SIGTERM, how long the API still accepts connections but answers every
   * new request (and /health/ready) 503, so a load balancer takes it out of rotation before it stops
   * listening (default 5000).
   */
  shutdownDrainMs: number;
  /** SHUTDOWN_TIMEOUT_MS: then, how long requests in flight may take to finish before the process closes anyway (default 30000). */
  shutdownTimeoutMs: number;
  /** Accounts and tokens (libs/auth). */
  auth: AuthConfig;
  /** Background jobs and their outbox (libs/jobs). */
  jobs: JobsConfig;
  /** Largest uploaded file in bytes (UPLOAD_MAX_BYTES, default 50 MiB); enforced while the upload streams. */
  uploadMaxBytes: number;
  /** Where uploaded files are kept (FILES_DIR, default DATA_DIR/files): blobs by sha256, plus a staging folder. */
  filesDir: string;
  /**
   * Staged upload files no upload of this process holds any more (a crash left them) are removed
   * once unchanged this long (STAGING_MAX_AGE_SECONDS, default 300)…
   */
  stagingMaxAgeSeconds: number;
  /** …by a sweep this often (STAGING_SWEEP_INTERVAL_SECONDS, default 60). */
  stagingSweepIntervalSeconds: number;
  /** Projects and progress reports (libs/projects). */
  projects: ProjectsConfig;
  /** How long an Idempotency-Key is remembered (IDEMPOTENCY_TTL_HOURS, default 24), in seconds. */
  idempotencyTtlSeconds: number;
  /** E-mail and notifications (libs/notifications). */
  mail: MailConfig;
}

export interface MailConfig {
  /** SMTP_URL: smtp://user:pass@host:port or smtps://…; unset: messages are kept in the outbox and listed for the admin, not sent. */
  smtpUrl?: string;
  /** MAIL_FROM: the sender address (default "APEC TEL registry <no-reply@localhost>"). */
  from: string;
  /** PUBLIC_URL: where people reach the web app, for links in messages (default http://localhost:PORT). */
  publicUrl: string;
  /** INVITATION_TTL_HOURS: how long an invitation link works (default 168 = 7 days). */
  invitationTtlSeconds: number;
  /** PASSWORD_RESET_TTL_MINUTES: how long a reset link works (default 60). */
  resetTtlSeconds: number;
  /** REMINDER_INTERVAL_MS: how often the report-reminder pass runs (default 3600000 = hourly; 0 turns the timer off). */
  reminderIntervalMs: number;
  /** DIGEST_HOUR_UTC: the hour (UTC) after which the daily digest of followed documents goes out (default 6). */
  digestHourUtc: number;
}

export interface ProjectsConfig {
  /**
   * A project in progress owes a progress report this many days before the next TEL meeting
   * (REPORT_DUE_DAYS_BEFORE_MEETING, default 30); from the day after, it is listed as overdue.
   */
  reportDueDaysBeforeMeeting: number;
}

export interface JobsConfig {
  /** REDIS_URL: when set, jobs go through BullMQ and run in apps/worker; unset, they run inline in the API. */
  redisUrl?: string;
  /** JOB_QUEUE_PREFIX: prefix of every BullMQ key in Redis (default "tel"). */
  queuePrefix: string;
  /** JOB_ATTEMPTS: runs of a job before it finally fails (default 3; a job may say otherwise). */
  attempts: number;
  /** JOB_BACKOFF_MS: wait before the first retry; each further retry waits twice as long (default 5000). */
  backoffMs: number;
  /** JOB_CONCURRENCY: jobs of one name run at once per worker; the inline runner's total (default 2). */
  concurrency: number;
  /** OUTBOX_DRAIN_INTERVAL_MS: how often the API retries handing over outbox rows while some wait, e.g. Redis is away (default 1000). */
  outboxDrainIntervalMs: number;
  /** JOB_SHUTDOWN_TIMEOUT_MS: on shutdown, how long running jobs may take to finish (default 30000). */
  shutdownTimeoutMs: number;
  /** JOB_RETENTION_HOURS: how long finished jobs stay in Redis (dedupe window) and dispatched outbox rows in the database (default 168). */
  retentionHours: number;
  /**
   * JOB_RECONCILE_INTERVAL_MS: how often the API looks for owed work that no queue holds (a Redis
   * that lost its data) and enqueues it again; 0 turns it off (default 60000).
   */
  reconcileIntervalMs: number;
  /** JOB_RECONCILE_GRACE_MS: owed work younger than this is left to the outbox (default 60000). */
  reconcileGraceMs: number;
}

export interface AuthConfig {
  /**
   * HMAC key for session tokens (AUTH_SECRET, at least 32 characters). Required in production;
   * elsewhere, when unset, one is generated once and kept in DATA_DIR/auth-secret (mode 0600).
   */
  secret?: string;
  /** Lifetime of a session token in seconds (TOKEN_TTL, default 8 hours). */
  tokenTtlSeconds: number;
  /** Browser sessions (the tel_session cookie): longest life in seconds, however active (SESSION_TTL, default 12 hours). */
  sessionTtlSeconds: number;
  /** Browser sessions end after this many seconds without a request (SESSION_IDLE_TIMEOUT, default 1 hour). */
  sessionIdleTimeoutSeconds: number;
  /** With BOOTSTRAP_ADMIN_PASSWORD: the first start on a database without accounts creates this admin. */
  bootstrapAdminEmail?: string;
  bootstrapAdminPassword?: string;
  /** Wrong passwords for one e-mail from one address before login is refused for a while. */
  loginMaxFailures: number;
  /** Wrong passwords from one address (any e-mail) before login is refused for a while. */
  loginMaxFailuresPerIp: number;
  /** How long the failures are counted, and how long login then stays refused (seconds). */
  loginBlockSeconds: number;
  /**
   * Once an address has spent LOGIN_MAX_FAILURES_PER_IP, it may try once per this many seconds
   * (LOGIN_SLOWDOWN_SECONDS, default 10) until the window ends: slowed down, not locked out, since
   * many people may share one address behind a NAT or proxy.
   */
  loginSlowdownSeconds: number;
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

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A byte count written as digits (`52428800`) or with a unit (`512kb`, `50mb`, `1gb`; binary units). */
function bytesFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const m = /^(\d{1,13})\s*(b|kb|mb|gb)?$/i.exec(raw);
  if (!m) throw new ConfigError(`${name} must be a number of bytes or a size like 512kb or 50mb, got "${raw}"`);
  const value = Number(m[1]) * BYTE_UNITS[(m[2] ?? '').toLowerCase()];
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max} bytes, got ${value}`);
  return value;
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
    sessionTtlSeconds: intFrom(env, 'SESSION_TTL', 12 * 3600, 60, 30 * 24 * 3600),
    sessionIdleTimeoutSeconds: intFrom(env, 'SESSION_IDLE_TIMEOUT', 3600, 60, 30 * 24 * 3600),
    bootstrapAdminEmail,
    bootstrapAdminPassword,
    loginMaxFailures: intFrom(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginMaxFailuresPerIp: intFrom(env, 'LOGIN_MAX_FAILURES_PER_IP', 100, 1, 100000),
    loginBlockSeconds: intFrom(env, 'LOGIN_BLOCK_SECONDS', 900, 1, 24 * 3600),
    loginSlowdownSeconds: intFrom(env, 'LOGIN_SLOWDOWN_SECONDS', 10, 1, 3600),
  };
}

function reconcileIntervalFrom(env: NodeJS.ProcessEnv): number {
  const value = intFrom(env, 'JOB_RECONCILE_INTERVAL_MS', 60_000, 0, 24 * 3600 * 1000);
  if (value !== 0 && value < 100) throw new ConfigError(`JOB_RECONCILE_INTERVAL_MS must be 0 (off) or at least 100, got ${value}`);
  return value;
}

function jobsFrom(env: NodeJS.ProcessEnv): JobsConfig {
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\/\S+$/i.test(redisUrl)) {
    throw new ConfigError('REDIS_URL must be a redis:// or rediss:// URL (leave it unset to run jobs inline in the API)');
  }
  const queuePrefix = env.JOB_QUEUE_PREFIX?.trim() || 'tel';
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(queuePrefix)) throw new ConfigError('JOB_QUEUE_PREFIX must be 1 to 40 letters, digits, "_" or "-"');
  return {
    redisUrl,
    queuePrefix,
    attempts: intFrom(env, 'JOB_ATTEMPTS', 3, 1, 20),
    backoffMs: intFrom(env, 'JOB_BACKOFF_MS', 5000, 1, 3600 * 1000),
    concurrency: intFrom(env, 'JOB_CONCURRENCY', 2, 1, 64),
    outboxDrainIntervalMs: intFrom(env, 'OUTBOX_DRAIN_INTERVAL_MS', 1000, 20, 600 * 1000),
    shutdownTimeoutMs: intFrom(env, 'JOB_SHUTDOWN_TIMEOUT_MS', 30000, 0, 3600 * 1000),
    retentionHours: intFrom(env, 'JOB_RETENTION_HOURS', 168, 1, 24 * 365),
    reconcileIntervalMs: reconcileIntervalFrom(env),
    reconcileGraceMs: intFrom(env, 'JOB_RECONCILE_GRACE_MS', 60_000, 0, 24 * 3600 * 1000),
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
  const dataDir = path.resolve(env.DATA_DIR?.trim() || './data');
  return {
    port: intFrom(env, 'PORT', 3000, 0, 65535),
    dataDir,
    databaseUrl,
    dialect,
    databaseSchema: schema,
    nodeEnv: env.NODE_ENV?.trim() || 'development',
    seedOnStart: boolFrom(env, 'SEED_ON_START', true),
    logSql: boolFrom(env, 'LOG_SQL', false),
    maxPageSize: intFrom(env, 'MAX_PAGE_SIZE', 100, 1, 1000),
    explorerInProduction: boolFrom(env, 'EXPLORER_ENABLED', false),
    jsonBodyLimit: sizeFrom(env, 'JSON_BODY_LIMIT', '1mb'),
    shutdownDrainMs: intFrom(env, 'SHUTDOWN_DRAIN_MS', 5000, 0, 120_000),
    shutdownTimeoutMs: intFrom(env, 'SHUTDOWN_TIMEOUT_MS', 30_000, 0, 3600 * 1000),
    trustProxy: boolFrom(env, 'TRUST_PROXY', false),
    auth: authFrom(env),
    jobs: jobsFrom(env),
    // File sizes are kept in an integer column, so 2 GiB − 1 is the ceiling.
    uploadMaxBytes: bytesFrom(env, 'UPLOAD_MAX_BYTES', 50 * 1024 * 1024, 1, 2 ** 31 - 1),
    filesDir: path.resolve(env.FILES_DIR?.trim() || path.join(dataDir, 'files')),
    stagingMaxAgeSeconds: intFrom(env, 'STAGING_MAX_AGE_SECONDS', 300, 1, 7 * 24 * 3600),
    stagingSweepIntervalSeconds: intFrom(env, 'STAGING_SWEEP_INTERVAL_SECONDS', 60, 1, 24 * 3600),
    projects: { reportDueDaysBeforeMeeting: intFrom(env, 'REPORT_DUE_DAYS_BEFORE_MEETING', 30, 0, 365) },
    idempotencyTtlSeconds: intFrom(env, 'IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 30) * 3600,
    mail: mailFrom(env, intFrom(env, 'PORT', 3000, 0, 65535)),
  };
}

function mailFrom(env: NodeJS.ProcessEnv, port: number): MailConfig {
  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\/\S+$/i.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL (leave it unset to keep messages for the admin)');
  const from = env.MAIL_FROM?.trim() || 'APEC TEL registry <no-reply@localhost>';
  if (!/@/.test(from) || /[\r\n]/.test(from)) throw new ConfigError('MAIL_FROM must be an e-mail address, optionally with a name: "Name <address>"');
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/i.test(publicUrl)) throw new ConfigError('PUBLIC_URL must be an http:// or https:// URL, e.g. https://tel.example.org');
  const reminderIntervalMs = intFrom(env, 'REMINDER_INTERVAL_MS', 3600_000, 0, 24 * 3600 * 1000);
  if (reminderIntervalMs !== 0 && reminderIntervalMs < 1000) throw new ConfigError(`REMINDER_INTERVAL_MS must be 0 (off) or at least 1000, got ${reminderIntervalMs}`);
  return {
    smtpUrl,
    from,
    publicUrl,
    invitationTtlSeconds: intFrom(env, 'INVITATION_TTL_HOURS', 168, 1, 24 * 60) * 3600,
    resetTtlSeconds: intFrom(env, 'PASSWORD_RESET_TTL_MINUTES', 60, 5, 24 * 60) * 60,
    reminderIntervalMs,
    digestHourUtc: intFrom(env, 'DIGEST_HOUR_UTC', 6, 0, 23),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
