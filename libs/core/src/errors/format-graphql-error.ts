import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException } from '@nestjs/common';
import { AppError, ErrorCode } from './app-error';
import { toServiceUnavailable } from './service-unavailable';

/** Codes that Apollo and graphql-js raise about the request itself: their messages are safe. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const HTTP_TO_CODE: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.BAD_USER_INPUT,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

export interface ClassifyOptions {
  /**
   * Strip graphql-js's "Did you mean …?" hints from request errors. They name fields, arguments,
   * types and enum values, which is the schema that turning introspection off hides.
   */
  hideSuggestions?: boolean;
}

/** graphql-js appends hints as ` Did you mean "a", "b", or "c"?` (also "…the enum value …"). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The message without "Did you mean …?" hints. */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '').trim();
}

export interface ClassifiedError {
  formatted: GraphQLFormattedError;
  /** True when the original error was unexpected and must be logged server-side. */
  internal: boolean;
}

/**
 * Turns any error raised while executing an operation into what the client may see:
 * coded errors keep their message; everything else becomes INTERNAL_SERVER_ERROR with no
 * stack trace, SQL or driver text.
 */
export function classifyGraphQLError(formatted: GraphQLFormattedError, error: unknown, options: ClassifyOptions = {}): ClassifiedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  // A database or Redis that does not answer is the caller's to retry, not a bug to hide.
  const unavailable = original instanceof AppError ? null : toServiceUnavailable(original);
  if (unavailable) {
    return { formatted: { ...base, message: unavailable.message, extensions: { ...unavailable.details, code: unavailable.code } }, internal: false };
  }
  if (original instanceof AppError) {
    return {
      formatted: { ...base, message: original.message, extensions: { ...(original.details ?? {}), code: original.code } },
      internal: false,
    };
  }
  if (original instanceof HttpException) {
    const code = HTTP_TO_CODE[original.getStatus()];
    if (code) {
      const response = original.getResponse() as string | { message?: string | string[] };
      const message = typeof response === 'string' ? response : Array.isArray(response.message) ? response.message.join('; ') : (response.message ?? original.message);
      return { formatted: { ...base, message, extensions: { code } }, internal: false };
    }
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && !(original instanceof Error && original !== error && !(original as { extensions?: unknown }).extensions)) {
    const message = options.hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message;
    return { formatted: { ...base, message, extensions: { code } }, internal: false };
  }
  return {
    formatted: { ...base, message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } },
    internal: true,
  };
}
