import { QueryFailedError } from 'typeorm';
import { AppError, ErrorCode } from './app-error';
import { classifyGraphQLError, withoutSuggestions } from './format-graphql-error';
import { toServiceUnavailable, toWriteConflict, unavailableService } from './service-unavailable';

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('unavailableService: which driver errors mean "a dependency is not answering"', () => {
  it.each([
    ['ECONNREFUSED from pg connect', coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 'service'],
    ['ECONNRESET', coded('ECONNRESET', 'read ECONNRESET'), 'service'],
    ['ETIMEDOUT', coded('ETIMEDOUT'), 'service'],
    ['PostgreSQL admin_shutdown 57P01', coded('57P01', 'terminating connection due to administrator command'), 'database'],
    ['PostgreSQL cannot_connect_now 57P03', coded('57P03', 'the database system is starting up'), 'database'],
    ['PostgreSQL 08006 connection_failure', coded('08006'), 'database'],
    ['PostgreSQL 08P01 protocol_violation', coded('08P01'), 'database'],
    ['SQLITE_BUSY after busy_timeout', coded('SQLITE_BUSY', 'database is locked'), 'database'],
    ['pg "Connection terminated unexpectedly"', new Error('Connection terminated unexpectedly'), 'database'],
    ['pg "Connection terminated due to connection timeout"', new Error('Connection terminated due to connection timeout'), 'database'],
    ['pg-pool connect timeout', new Error('timeout exceeded when trying to connect'), 'database'],
    ['ioredis "Connection is closed."', new Error('Connection is closed.'), 'redis'],
    ['ioredis without offline queue', new Error("Stream isn't writeable and enableOfflineQueue options is false"), 'redis'],
    ['ioredis MaxRetriesPerRequestError', Object.assign(new Error('Reached the max retries per request limit (which is 1).'), { name: 'MaxRetriesPerRequestError' }), 'redis'],
    ['our QueueUnavailableError', Object.assign(new Error('Redis is unreachable (reconnecting)'), { name: 'QueueUnavailableError' }), 'redis'],
    ['TypeORM QueryFailedError around ECONNRESET', new QueryFailedError('SELECT 1', [], coded('ECONNRESET')), 'database'],
    ['TypeORM QueryFailedError around 57P01', new QueryFailedError('SELECT 1', [], coded('57P01')), 'database'],
    ['fetch failed with a cause', Object.assign(new TypeError('fetch failed'), { cause: coded('ECONNREFUSED') }), 'service'],
    ['AggregateError of connect attempts', Object.assign(new Error(''), { errors: [coded('ECONNREFUSED'), coded('ECONNREFUSED')] }), 'service'],
    [
      'a plain object thrown (pg connect), as graphql-js wraps it',
      Object.assign(new Error('Unexpected error value: { code: "ECONNREFUSED" }'), {
        name: 'NonErrorThrown',
        thrownValue: { errno: -111, code: 'ECONNREFUSED', syscall: 'connect' },
      }),
      'service',
    ],
    ['the plain object itself', { errno: -111, code: 'ECONNREFUSED', syscall: 'connect' }, 'service'],
    ['AppError SERVICE_UNAVAILABLE', AppError.serviceUnavailable('DEPENDENCY_UNAVAILABLE', 'down'), 'service'],
  ])('%s', (_label, error, expected) => {
    expect(unavailableService(error)).toBe(expected);
  });

  it.each([
    ['a unique violation', new QueryFailedError('INSERT', [], coded('23505', 'duplicate key value'))],
    ['a syntax error', new QueryFailedError('SELEC', [], coded('42601', 'syntax error'))],
    ['SQLITE_CONSTRAINT', coded('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['an AppError of another code', AppError.notFound('MEETING_NOT_FOUND', 'Meeting')],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('not %s', (_label, error) => {
    expect(unavailableService(error)).toBeNull();
  });

  it('becomes SERVICE_UNAVAILABLE with retryAfterSeconds, naming no host or driver text', () => {
    const mapped = toServiceUnavailable(coded('ECONNREFUSED', 'connect ECONNREFUSED 10.1.2.3:5432'))!;
    expect(mapped.code).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    expect(mapped.httpStatus).toBe(503);
    expect(mapped.details).toEqual({ retryAfterSeconds: 5 });
    expect(mapped.message).not.toMatch(/10\.1|5432|ECONN/);
    expect(toServiceUnavailable(new Error('bug'))).toBeNull();
  });

  it('is what a GraphQL client sees, instead of INTERNAL_SERVER_ERROR', () => {
    const { formatted, internal } = classifyGraphQLError({ message: 'connect ECONNREFUSED 127.0.0.1:5432' }, coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'));
    expect(internal).toBe(false);
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'DEPENDENCY_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(formatted.message).not.toMatch(/127\.0\.0\.1/);
  });
});

describe('toWriteConflict: a transaction PostgreSQL stopped because of another one', () => {
  const failed = (code: string, message: string) => new QueryFailedError('UPDATE search_file SET restricted = $1', [true], coded(code, message));

  it.each([
    ['a deadlock (40P01)', failed('40P01', 'deadlock detected')],
    ['a serialization failure (40001)', failed('40001', 'could not serialize access due to concurrent update')],
    ['the driver error itself', coded('40P01', 'deadlock detected')],
  ])('is WRITE_CONFLICT, retryable after a second, for %s', (_label, error) => {
    const mapped = toWriteConflict(error)!;
    expect([mapped.code, mapped.reason, mapped.httpStatus, mapped.details]).toEqual([ErrorCode.SERVICE_UNAVAILABLE, 'WRITE_CONFLICT', 503, { retryAfterSeconds: 1 }]);
    expect(mapped.message).not.toMatch(/deadlock|serialize|search_file/);
    expect(unavailableService(error)).toBeNull();
  });

  it.each([
    ['a unique violation', failed('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', failed('42601', 'syntax error')],
    ['a plain error', new Error('deadlock detected')],
    ['a coded AppError', AppError.badInput('INPUT_INVALID', 'no')],
  ])('is not %s', (_label, error) => {
    expect(toWriteConflict(error)).toBeNull();
  });

  it('is what a GraphQL client sees, instead of INTERNAL_SERVER_ERROR', () => {
    const { formatted, internal } = classifyGraphQLError({ message: 'deadlock detected' }, failed('40P01', 'deadlock detected'));
    expect(internal).toBe(false);
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', reason: 'WRITE_CONFLICT', retryAfterSeconds: 1 });
  });
});

describe('withoutSuggestions', () => {
  it.each([
    ['Cannot query field "meetingz" on type "Query". Did you mean "meeting" or "meetings"?', 'Cannot query field "meetingz" on type "Query".'],
    ['Value "PUBLK" does not exist in "DocumentAccess" enum. Did you mean the enum value "PUBLIC"?', 'Value "PUBLK" does not exist in "DocumentAccess" enum.'],
    ['Unknown argument "frist" on field "Query.meetings". Did you mean "first"?', 'Unknown argument "frist" on field "Query.meetings".'],
    ['Unknown type "Meting". Did you mean "Meeting", "Message", or "Setting"?', 'Unknown type "Meting".'],
    ['Syntax Error: Unexpected Name "x".', 'Syntax Error: Unexpected Name "x".'],
  ])('%s', (message, expected) => {
    expect(withoutSuggestions(message)).toBe(expected);
  });

  it('is applied to request errors only when asked (introspection off)', () => {
    const formatted = { message: 'Cannot query field "x" on type "Query". Did you mean "y"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(classifyGraphQLError(formatted, formatted, { hideSuggestions: true }).formatted.message).toBe('Cannot query field "x" on type "Query".');
    expect(classifyGraphQLError(formatted, formatted).formatted.message).toBe(formatted.message);
  });
});
