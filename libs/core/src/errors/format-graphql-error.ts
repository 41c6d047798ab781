import { GraphQLError, GraphQLFormattedError, Kind } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ClientError, graphqlExtensions, toClientError } from './client-error';

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
  const client = inputPaths(toClientError(original, request), error);
  return { formatted: { ...base, message: client.message, extensions: graphqlExtensions(client) }, internal: client.internal };
}

/** The argument that carries a mutation's (or a list's) input, in the order they are looked for. */
const INPUT_ARGUMENTS = ['input', 'filter'];

/**
 * Services name the input at fault as they know it (`number`); over GraphQL, `field` is its path
 * from the operation's argument (`input.number`). A field that already names an argument
 * (`symbol`, `input.title`) or an HTTP header (`Idempotency-Key`) stays as it is.
 */
export function inputPaths(client: ClientError, error: unknown): ClientError {
  if (client.field === undefined) return client;
  const node = error instanceof GraphQLError ? error.nodes?.[0] : undefined;
  if (!node || node.kind !== Kind.FIELD || !node.arguments?.length) return client;
  const names = node.arguments.map((a) => a.name.value);
  const holder = INPUT_ARGUMENTS.find((n) => names.includes(n));
  if (!holder) return client;
  const path = (field: string) => (names.includes(field.split('.')[0]) || /^[A-Z]/.test(field) ? field : `${holder}.${field}`);
  const fields = Array.isArray(client.details.fields) ? { fields: (client.details.fields as string[]).map(path) } : {};
  return { ...client, field: path(client.field), details: { ...client.details, ...fields } };
}
