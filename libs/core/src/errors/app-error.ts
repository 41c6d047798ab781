/** The error codes every client can rely on (`extensions.code`). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  INVALID_STATE = 'INVALID_STATE',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** A service the request needs (database, Redis) is unreachable; retry after `retryAfterSeconds`. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** The database or the files volume is full; nothing was written. */
  INSUFFICIENT_STORAGE = 'INSUFFICIENT_STORAGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  TOO_MANY_REQUESTS: 429,
  SERVICE_UNAVAILABLE: 503,
  INSUFFICIENT_STORAGE: 507,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * An error whose message is safe to show to the caller. Anything else that escapes a resolver
 * is masked as INTERNAL_SERVER_ERROR.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra, client-safe details (e.g. which field was wrong). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }

  static badInput(message: string, details?: Record<string, unknown>): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, message, details);
  }
  static notFound(what: string, key?: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, key === undefined ? `${what} not found` : `${what} "${key}" not found`);
  }
  static conflict(message: string, details?: Record<string, unknown>): AppError {
    return new AppError(ErrorCode.CONFLICT, message, details);
  }
  static invalidState(message: string, details?: Record<string, unknown>): AppError {
    return new AppError(ErrorCode.INVALID_STATE, message, details);
  }
  static unauthenticated(message = 'Sign in to do this'): AppError {
    return new AppError(ErrorCode.UNAUTHENTICATED, message);
  }
  static forbidden(message = 'You are not allowed to do this'): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message);
  }
  /** The client should retry after `retryAfterSeconds` (sent as `Retry-After` over HTTP). */
  static serviceUnavailable(message: string, retryAfterSeconds = 5): AppError {
    return new AppError(ErrorCode.SERVICE_UNAVAILABLE, message, { retryAfterSeconds });
  }
  static insufficientStorage(message = 'The server is out of storage space; nothing was saved. Try again later.', retryAfterSeconds = 60): AppError {
    return new AppError(ErrorCode.INSUFFICIENT_STORAGE, message, { retryAfterSeconds });
  }
}

export function httpStatusOf(code: string): number {
  return (HTTP_STATUS as Record<string, number>)[code] ?? 500;
}
