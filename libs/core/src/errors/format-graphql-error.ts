import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { graphqlExtensions, toClientError } from './client-error';

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
 * Turns any error raised while executing an operation into what the client may see (through the
 * one map, toClientError): coded errors keep their message and get `reason` (and `field`);
 * everything else becomes INTERNAL_SERVER_ERROR (reason INTERNAL) with no stack trace, SQL or
 * driver text.
 */
export function classifyGraphQLError(formatted: GraphQLFormattedError, error: unknown, options: ClassifyOptions = {}): ClassifiedError {
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };
  const code = formatted.extensions?.code;
  // Apollo's and graphql-js's own request errors; not an Error a resolver threw that Apollo wrapped.
  const isRequestError = typeof code === 'string' && !(original instanceof Error && original !== error && !(original as { extensions?: unknown }).extensions);
  const request = isRequestError
    ? { code, message: options.hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message, reason: formatted.extensions?.reason }
    : undefined;
  const client = toClientError(original, request);
  return { formatted: { ...base, message: client.message, extensions: graphqlExtensions(client) }, internal: client.internal };
}
