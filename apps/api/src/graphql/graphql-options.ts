import { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { Request, Response } from 'express';
import { GraphQLError, GraphQLSchema, OperationTypeNode, ValidationContext } from 'graphql';
import { AppConfig, AppError, classifyGraphQLError, createRequestContext, ErrorCode, ErrorReason, RequestContext, UNAVAILABLE_RETRY_AFTER_SECONDS } from '@tel/core';

export const GRAPHQL_LIMITS = {
  maxDepth: 12,
  maxAliases: 20,
  maxCost: 20000,
  maxTokens: 3000,
  maxDirectives: 20,
};

const logger = new Logger('GraphQL');

/** Adds the request id to every error and logs the unexpected ones with it, server-side only. */
function errorReportingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const error of errors) {
            const { internal, formatted } = classifyGraphQLError({ message: error.message, extensions: error.extensions }, error);
            if (internal) logger.error(`[${contextValue.requestId}] ${error.originalError?.stack ?? error.stack ?? error.message}`);
            // The caller sees a plain SERVICE_UNAVAILABLE; the operator sees which driver error it was.
            else if (formatted.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE && !(error.originalError instanceof AppError)) {
              logger.warn(`[${contextValue.requestId}] a dependency is unreachable: ${error.originalError?.message ?? error.message}`);
            }
          }
        },
        async willSendResponse({ contextValue, response }) {
          // What Apollo's cache-control plugin answered for a schema without cache hints (it is
          // off, see graphqlOptions): an answer may hold what only this caller may see.
          response.http.headers.set('cache-control', 'no-store');
          if (response.body.kind !== 'single') return;
          // Once execution ran (the body has `data`), the answer is 200 whatever status an error
          // asked for (what @nestjs/apollo's preserve-status plugin did, which this replaces so
          // that SERVICE_UNAVAILABLE can still be a 503) — some clients refuse a { data, errors }
          // body on another status. Parse and validation failures (no `data`) keep theirs.
          if ('data' in response.body.singleResult) response.http.status = 200;
          if (!response.body.singleResult.errors) return;
          const errors = response.body.singleResult.errors;
          response.body.singleResult.errors = errors.map((e) => ({
            ...e,
            extensions: { ...e.extensions, requestId: contextValue.requestId },
          }));
          // The database or Redis did not answer: 503 with Retry-After, as the REST routes answer,
          // so clients and proxies that honour it back off. The body still has data and errors.
          const unavailable = errors.filter((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE);
          if (unavailable.length) {
            const seconds = Math.max(...unavailable.map((e) => Number(e.extensions?.retryAfterSeconds) || UNAVAILABLE_RETRY_AFTER_SECONDS));
            response.http.status = 503;
            response.http.headers.set('retry-after', String(Math.ceil(seconds)));
          }
        },
      };
    },
  };
}

/**
 * The schema has no subscriptions (and the server no WebSocket transport): a subscription operation
 * is refused as a request error (BAD_REQUEST, HTTP 400) before anything runs, instead of failing
 * inside graphql-js as an internal error.
 */
function refuseSubscriptionsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return;
          throw new GraphQLError('Subscriptions are not supported by this server; send a query or a mutation', {
            nodes: [operation],
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        },
      };
    },
  };
}

/**
 * graphql-armor rules report a refusal as a validation error (GRAPHQL_VALIDATION_FAILED) instead of
 * throwing, with the reason (QUERY_TOO_DEEP …) that the formatter passes on.
 */
const report = (reason: ErrorReason) => ({
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code: 'GRAPHQL_VALIDATION_FAILED', reason } })),
  ],
});

/** What the API adds per request at the GraphQL layer (the schema generator needs neither). */
export interface GraphqlRequestHooks {
  /** Called once per GraphQL request with its context (e.g. DocumentVisibility.attach). */
  onContext(ctx: RequestContext): void;
  /** Wraps resolvers once, at start-up (e.g. idempotentMutations). */
  transformSchema(schema: GraphQLSchema): GraphQLSchema;
}

/** Apollo settings shared by the API and the schema generator. */
export function graphqlOptions(config: AppConfig, explorerEnabled: boolean, hooks?: GraphqlRequestHooks): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: explorerEnabled,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // errorReportingPlugin sets the status instead (200 once executed, 503 when a dependency is away).
    preserveHttpStatusForExecutionErrors: false,
    // Per-request work belongs here, once per request, not in global Nest interceptors, which run
    // an rxjs chain around every root field (see bench/request and the README's request-path section).
    context: ({ req, res }: { req: Request & { telContext?: RequestContext }; res: Response }): RequestContext => {
      const ctx = req.telContext ?? createRequestContext({ requestId: 'no-request-id', req, res });
      hooks?.onContext(ctx);
      return ctx;
    },
    ...(hooks ? { transformSchema: (schema: GraphQLSchema) => hooks.transformSchema(schema) } : {}),
    // With introspection off, "Did you mean …?" hints would leak the schema field by field.
    formatError: (formatted, error) => classifyGraphQLError(formatted, error, { hideSuggestions: !explorerEnabled }).formatted,
    validationRules: [
      maxDepthRule({ n: GRAPHQL_LIMITS.maxDepth, exposeLimits: true, flattenFragments: true, ...report('QUERY_TOO_DEEP') }),
      maxAliasesRule({ n: GRAPHQL_LIMITS.maxAliases, exposeLimits: true, ...report('QUERY_TOO_MANY_ALIASES') }),
      costLimitRule({ maxCost: GRAPHQL_LIMITS.maxCost, exposeLimits: true, ...report('QUERY_TOO_COSTLY') }),
      maxDirectivesRule({ n: GRAPHQL_LIMITS.maxDirectives, exposeLimits: true, ...report('QUERY_TOO_MANY_DIRECTIVES') }),
    ],
    // graphql-js stops parsing past this many tokens (the token limit of the OWASP cheat sheet).
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    // Apollo installs its cache-control plugin unless told not to. Its per-field hook
    // (willResolveField) makes Apollo wrap every resolver of the schema and run the hook for every
    // field of every answer, to compute a policy that, with no @cacheControl hints in this schema,
    // is always "no-store" — which errorReportingPlugin sets instead. (bench/request: see the README.)
    plugins: [errorReportingPlugin(), refuseSubscriptionsPlugin(), ApolloServerPluginCacheControlDisabled()],
  };
}

export type { AppConfig };
