import { HttpException } from '@nestjs/common';
import { AppError } from './app-error';
import { ERROR_REASONS, ErrorCode, ErrorReason, httpStatusOfReason, isErrorReason } from './error-reasons';
import { toServiceUnavailable, toWriteConflict } from './service-unavailable';

/**
 * What a client is told about an error, the same over GraphQL and REST: the code, the reason
 * (ERROR_REASONS), the input at fault, a safe message and the HTTP status. This module is the one
 * map from errors to that shape; Apollo's formatter and the HTTP filter both use it.
 */
export interface ClientError {
  status: number;
  code: string;
  reason: ErrorReason;
  message: string;
  field?: string;
  /** Other client-safe details (`retryAfterSeconds`, `fields`, `currentVersion` …). */
  details: Record<string, unknown>;
  /** The error was unexpected: log it server-side (the client sees INTERNAL only). */
  internal: boolean;
  /** A driver error that means a dependency is unreachable (log which one, server-side). */
  unavailable: boolean;
}

/** HttpExceptions (Nest, our upload limits) by status; any other status is internal. */
const HTTP_EXCEPTION_REASONS: Record<number, ErrorReason> = {
  400: 'REQUEST_INVALID',
  401: 'SIGN_IN_REQUIRED',
  403: 'NOT_ALLOWED',
  404: 'ROUTE_NOT_FOUND',
  413: 'BODY_TOO_LARGE',
  415: 'MEDIA_TYPE_REFUSED',
  429: 'RATE_LIMITED',
};

/** Apollo's and graphql-js's request-error codes: their messages are safe. */
const GRAPHQL_REQUEST_REASONS: Record<string, ErrorReason> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION',
  BAD_USER_INPUT: 'GRAPHQL_VARIABLES_INVALID',
  BAD_REQUEST: 'GRAPHQL_REQUEST_INVALID',
  OPERATION_RESOLUTION_FAILURE: 'OPERATION_UNKNOWN',
  PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
};

/** graphql-js's parser: "Syntax Error: Document contains more that 3000 tokens. Parsing aborted." (sic) */
const TOO_MANY_TOKENS = /Document contains more tha[nt] \d+ tokens/;

/** A GraphQL request error (parse, validation, coercion) as Apollo formatted it. */
export interface GraphQLRequestError {
  code: string;
  message: string;
  /** A reason set where the error was raised (the hardening limits set theirs). */
  reason?: unknown;
}

export const INTERNAL_MESSAGE = 'Internal server error';

function fromAppError(error: AppError, unavailable = false): ClientError {
  const { field: _field, ...details } = error.details ?? {};
  return { status: error.httpStatus, code: error.code, reason: error.reason, message: error.message, field: error.field, details, internal: false, unavailable };
}

function ofReason(reason: ErrorReason, message: string): ClientError {
  return { status: httpStatusOfReason(reason), code: ERROR_REASONS[reason].code, reason, message, details: {}, internal: false, unavailable: false };
}

/**
 * The client-facing form of any error. `request` is given for GraphQL request errors that Apollo
 * or graphql-js raised themselves (never for errors thrown by resolvers).
 */
export function toClientError(error: unknown, request?: GraphQLRequestError): ClientError {
  if (error instanceof AppError) return fromAppError(error);
  // A database or Redis that does not answer is the caller's to retry, not a bug to hide.
  const unavailable = toServiceUnavailable(error);
  if (unavailable) return fromAppError(unavailable, true);
  // A deadlock or serialization failure: nothing was saved, and sending it again normally works.
  const conflict = toWriteConflict(error);
  if (conflict) return fromAppError(conflict);
  if (error instanceof HttpException) {
    const reason = HTTP_EXCEPTION_REASONS[error.getStatus()];
    if (reason) {
      const response = error.getResponse() as string | { message?: string | string[] };
      const message =
        reason === 'ROUTE_NOT_FOUND'
          ? 'Not found'
          : typeof response === 'string'
            ? response
            : Array.isArray(response.message)
              ? response.message.join('; ')
              : (response.message ?? error.message);
      return { ...ofReason(reason, message), status: error.getStatus() };
    }
  }
  // body-parser (express.json) refusals, raised before any route runs.
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return ofReason('BODY_TOO_LARGE', 'The request body is too large');
  if (type === 'entity.parse.failed') return ofReason('BODY_MALFORMED', 'The request body is not valid JSON');
  if (request && GRAPHQL_REQUEST_REASONS[request.code]) {
    const reason =
      isErrorReason(request.reason) && (ERROR_REASONS[request.reason].code as string) === request.code
        ? request.reason
        : request.code === 'GRAPHQL_PARSE_FAILED' && TOO_MANY_TOKENS.test(request.message)
          ? 'QUERY_TOO_LARGE'
          : GRAPHQL_REQUEST_REASONS[request.code];
    return { ...ofReason(reason, request.message), code: request.code };
  }
  return { ...ofReason('INTERNAL', INTERNAL_MESSAGE), code: ErrorCode.INTERNAL_SERVER_ERROR, internal: true };
}

/** GraphQL's `extensions` for a client error (`requestId` is added when the response is sent). */
export function graphqlExtensions(error: ClientError): Record<string, unknown> {
  return { ...error.details, code: error.code, reason: error.reason, ...(error.field === undefined ? {} : { field: error.field }) };
}

/** The REST routes' body: `{ "error": { "code", "reason", "field"?, "message", "requestId" } }`. */
export function restErrorBody(error: ClientError, requestId: string | undefined): { error: Record<string, unknown> } {
  return { error: { code: error.code, reason: error.reason, ...(error.field === undefined ? {} : { field: error.field }), message: error.message, requestId } };
}

/** Seconds the client should wait before retrying (`Retry-After`), when the error says. */
export function retryAfterOf(error: ClientError): number | undefined {
  const seconds = error.details.retryAfterSeconds;
  return typeof seconds === 'number' ? Math.ceil(seconds) : undefined;
}
