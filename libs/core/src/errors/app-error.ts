import { ERROR_REASONS, ErrorCode, ErrorReason, HTTP_STATUS, httpStatusOfReason, ReasonOf } from './error-reasons';

export { ErrorCode } from './error-reasons';

/** Client-safe details. `field` (or `fields`) names the input that was wrong. */
export type ErrorDetails = { field?: string; fields?: string[] } & Record<string, unknown>;

/**
 * An error whose message is safe to show to the caller. Anything else that escapes a resolver
 * is masked as INTERNAL_SERVER_ERROR. Every AppError has a `reason` from the catalogue
 * (ERROR_REASONS, docs/ERRORS.md), which decides its code and HTTP status: clients branch on it.
 */
export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(
    readonly reason: ErrorReason,
    message: string,
    /** Extra, client-safe details (e.g. which field was wrong). */
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'AppError';
    this.code = ERROR_REASONS[reason].code as ErrorCode;
  }

  get httpStatus(): number {
    return httpStatusOfReason(this.reason);
  }

  /** The input that was wrong (the first, when several were). */
  get field(): string | undefined {
    return this.details?.field ?? this.details?.fields?.[0];
  }

  static badInput(reason: ReasonOf<ErrorCode.BAD_USER_INPUT>, message: string, details?: ErrorDetails): AppError {
    return new AppError(reason, message, details);
  }
  /** The same answer whether `what` does not exist or the caller may not see it. */
  static notFound(reason: ReasonOf<ErrorCode.NOT_FOUND>, what: string, key?: string): AppError {
    return new AppError(reason, key === undefined ? `${what} not found` : `${what} "${key}" not found`);
  }
  static conflict(reason: ReasonOf<ErrorCode.CONFLICT>, message: string, details?: ErrorDetails): AppError {
    return new AppError(reason, message, details);
  }
  static invalidState(reason: ReasonOf<ErrorCode.INVALID_STATE>, message: string, details?: ErrorDetails): AppError {
    return new AppError(reason, message, details);
  }
  static unauthenticated(reason: ReasonOf<ErrorCode.UNAUTHENTICATED>, message = 'Sign in to do this'): AppError {
    return new AppError(reason, message);
  }
  static forbidden(reason: ReasonOf<ErrorCode.FORBIDDEN>, message = 'You are not allowed to do this'): AppError {
    return new AppError(reason, message);
  }
  /** The client should retry after `retryAfterSeconds` (sent as `Retry-After` over HTTP). */
  static serviceUnavailable(reason: ReasonOf<ErrorCode.SERVICE_UNAVAILABLE>, message: string, retryAfterSeconds = 5): AppError {
    return new AppError(reason, message, { retryAfterSeconds });
  }
  static insufficientStorage(message = 'The server is out of storage space; nothing was saved. Try again later.', retryAfterSeconds = 60): AppError {
    return new AppError('STORAGE_FULL', message, { retryAfterSeconds });
  }
}

export function httpStatusOf(code: string): number {
  return (HTTP_STATUS as Record<string, number>)[code] ?? 500;
}
