import { defaultFieldResolver, GraphQLFieldResolver, GraphQLSchema, Kind } from 'graphql';
import { AppError } from '../errors/app-error';
import { RequestContext } from '../context/request-context';
import { IDEMPOTENCY_HEADER, IdempotentReplay, runWithIdempotency } from './idempotency';
import { Idempotency } from './idempotency.service';

/**
 * A GraphQL request with an Idempotency-Key header and one mutation field: the mutation runs in an
 * idempotency scope (its first write claims the key), and a replay answers with the stored result.
 * Queries ignore the header.
 *
 * Applied to the schema's Mutation fields (GraphQL `transformSchema`) rather than as a global Nest
 * interceptor: an interceptor wraps every root field of every query too, and Nest's interceptor
 * chain (rxjs, AsyncResource.bind) was a measurable part of a simple query's cost
 * (bench/request). The access guard now runs inside the scope instead of before it; a refused
 * mutation writes nothing, so it claims no key.
 */
export function idempotentMutations(schema: GraphQLSchema, idempotency: Idempotency): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation) return schema;
  for (const field of Object.values(mutation.getFields())) {
    const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args: Record<string, unknown>, ctx: RequestContext, info) => {
      const scope = idempotency.scopeFor(ctx, info.fieldName, args);
      if (!scope) return resolve(source, args, ctx, info);
      const roots = info.operation.selectionSet.selections;
      if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) {
        throw AppError.badInput('IDEMPOTENCY_KEY_SCOPE', `An ${IDEMPOTENCY_HEADER} covers one mutation: send one mutation field per request`, { field: IDEMPOTENCY_HEADER });
      }
      return runWithIdempotency(scope, async () => {
        try {
          return await resolve(source, args, ctx, info);
        } catch (error) {
          if (error instanceof IdempotentReplay) return idempotency.replay(ctx, error);
          throw error;
        }
      });
    };
  }
  return schema;
}
