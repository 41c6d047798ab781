import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLResolveInfo, Kind } from 'graphql';
import { catchError, from, Observable, throwError } from 'rxjs';
import { AppError } from '../errors/app-error';
import { RequestContext } from '../context/request-context';
import { IDEMPOTENCY_HEADER, IdempotentReplay, runWithIdempotency } from './idempotency';
import { Idempotency } from './idempotency.service';

/**
 * A GraphQL request with an Idempotency-Key header and one mutation field: the mutation runs in an
 * idempotency scope (its first write claims the key), and a replay answers with the stored result.
 * Queries ignore the header.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: Idempotency) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    if (info.parentType.name !== 'Mutation' || info.path.prev !== undefined) return next.handle();
    const ctx = gql.getContext<RequestContext>();
    const scope = this.idempotency.scopeFor(ctx, info.fieldName, gql.getArgs());
    if (!scope) return next.handle();
    const roots = info.operation.selectionSet.selections;
    if (roots.length !== 1 || roots[0].kind !== Kind.FIELD) {
      throw AppError.badInput('IDEMPOTENCY_KEY_SCOPE', `An ${IDEMPOTENCY_HEADER} covers one mutation: send one mutation field per request`, { field: IDEMPOTENCY_HEADER });
    }
    return runWithIdempotency(scope, () => next.handle()).pipe(
      catchError((error: unknown) => (error instanceof IdempotentReplay ? from(this.idempotency.replay(ctx, error)) : throwError(() => error))),
    );
  }
}
