import { AppError, ErrorCode } from './app-error';

/** Seconds a caller is told to wait (`Retry-After`) when the database or Redis is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Socket-level codes of a service that is down, restarting or cut off (Node, pg, ioredis). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTCONN', 'ECONNABORTED', 'EAI_AGAIN']);

/**
 * PostgreSQL SQLSTATEs that say the server is not there to answer (not that the statement was wrong):
 * class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
 * cannot_connect_now (starting up, in recovery), 53300 too_many_connections.
 */
function isUnavailableSqlState(code: string): boolean {
  return /^08[0-9A-Z]{3}$/.test(code) || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300';
}

/** SQLite: the database stayed locked by another process past busy_timeout. */
const SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT']);

/** Error messages of drivers that carry no code: pg, pg-pool, ioredis, BullMQ, TypeORM. */
const MESSAGES: RegExp[] = [
  /^Connection terminated/i, // pg: "Connection terminated unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect/i, // pg-pool connectionTimeoutMillis
  /Client has encountered a connection error and is not queryable/i, // pg
  /Cannot use a pool after calling end on the pool/i,
  /^Connection is closed\.?$/i, // ioredis
  /Stream isn't writeable and enableOfflineQueue options is false/i, // ioredis, no offline queue
  /Reached the max retries per request limit/i, // ioredis MaxRetriesPerRequestError
  /^Command timed out$/i, // ioredis commandTimeout
  /Redis is unreachable/i, // our BullMQ adapter (QueueUnavailableError)
  /database is locked/i, // SQLite, after busy_timeout
  /Connection with (?:database|postgres) server is lost/i,
];

const UNAVAILABLE_NAMES = new Set(['QueueUnavailableError', 'MaxRetriesPerRequestError', 'ConnectionNotFoundError', 'CannotConnectAlreadyConnectedError']);

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown; thrownValue?: unknown };

/** Which dependency a driver error is about, as far as it says. */
export type UnavailableService = 'database' | 'redis' | 'service';

/**
 * The one place that decides whether an error means "a service this request needs (the database,
 * Redis) is unreachable right now" — as opposed to a bug or a bad statement. Looks through
 * TypeORM's QueryFailedError (`driverError`), `cause` chains, AggregateErrors (Node's
 * happy-eyeballs connect) and graphql-js's NonErrorThrown around a plain object. Returns null when the error is something else.
 */
export function unavailableService(error: unknown, depth = 0): UnavailableService | null {
  if (!error || typeof error !== 'object' || depth > 5) return null;
  const e = error as ErrorLike;
  if (e instanceof AppError) return e.code === ErrorCode.SERVICE_UNAVAILABLE ? 'service' : null;
  const code = typeof e.code === 'string' ? e.code : '';
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const redisish = /redis|queue/i.test(name) || /redis|ioredis|queue/i.test(message) || UNAVAILABLE_NAMES.has(name);
  if (SOCKET_CODES.has(code)) return redisish ? 'redis' : e.driverError || name === 'QueryFailedError' ? 'database' : 'service';
  if (isUnavailableSqlState(code)) return 'database';
  if (SQLITE_CODES.has(code)) return 'database';
  if (UNAVAILABLE_NAMES.has(name)) return name === 'ConnectionNotFoundError' ? 'database' : 'redis';
  if (MESSAGES.some((m) => m.test(message)))
    return /redis|stream|enableOfflineQueue|retries per request|Command timed out|Connection is closed/i.test(message) ? 'redis' : 'database';
  // graphql-js wraps a thrown non-Error (pg rejects some connects with a plain object) as NonErrorThrown.
  const nested = [e.driverError, e.cause, e.thrownValue, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  for (const inner of nested) {
    const found = unavailableService(inner, depth + 1);
    if (found) return found === 'service' && e.driverError === inner ? 'database' : found;
  }
  return null;
}

/** True when `error` means a service the request needs is unreachable (see unavailableService). */
export function isServiceUnavailableError(error: unknown): boolean {
  return unavailableService(error) !== null;
}

/**
 * The coded error a caller sees for `error`: SERVICE_UNAVAILABLE (503, Retry-After) when it says a
 * dependency is unreachable, else null (the caller keeps its own handling). The message names no
 * host, port or driver text.
 */
export function toServiceUnavailable(error: unknown): AppError | null {
  if (error instanceof AppError) return error.code === ErrorCode.SERVICE_UNAVAILABLE ? error : null;
  const service = unavailableService(error);
  if (!service) return null;
  const what = service === 'database' ? 'The database' : service === 'redis' ? 'The job queue' : 'A service this request needs';
  return AppError.serviceUnavailable('DEPENDENCY_UNAVAILABLE', `${what} is unreachable right now. Try again in a few seconds.`, UNAVAILABLE_RETRY_AFTER_SECONDS);
}

/** Seconds a caller is told to wait before sending a write the database stopped (WRITE_CONFLICT). */
export const WRITE_CONFLICT_RETRY_AFTER_SECONDS = 1;

/**
 * PostgreSQL SQLSTATEs of a transaction the server stopped because of others running at the same
 * moment, not because of what it asked: 40P01 deadlock_detected, 40001 serialization_failure.
 * Nothing of it was saved, and the same request sent again normally succeeds.
 */
const CONFLICT_SQL_STATES = new Set(['40P01', '40001']);

function isWriteConflict(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5 || error instanceof AppError) return false;
  const e = error as ErrorLike;
  if (typeof e.code === 'string' && CONFLICT_SQL_STATES.has(e.code)) return true;
  return [e.driverError, e.cause].some((inner) => isWriteConflict(inner, depth + 1));
}

/**
 * WRITE_CONFLICT (503, Retry-After) when `error` is a transaction PostgreSQL stopped for a deadlock
 * or a serialization failure, else null. Not retried here: a unit of work may have done something
 * outside the database (a stored file, a sent request) that running it again would repeat.
 */
export function toWriteConflict(error: unknown): AppError | null {
  if (!isWriteConflict(error)) return null;
  return AppError.serviceUnavailable(
    'WRITE_CONFLICT',
    'Another change to the same records was being saved at the same moment; nothing of this one was saved. Send it again.',
    WRITE_CONFLICT_RETRY_AFTER_SECONDS,
  );
}
