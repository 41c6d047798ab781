import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from '@tel/core';
import { DocumentVisibility } from './document-visibility';

/**
 * Every GraphQL operation starts at a root resolver: this interceptor hands the request's
 * DocumentVisibility loader to its context there, so the field middleware below — plain functions
 * without injection — can ask the same rule as everyone else.
 */
@Injectable()
export class DocumentVisibilityInterceptor implements NestInterceptor {
  constructor(private readonly visibility: DocumentVisibility) {}

  intercept(context: ExecutionContext, next: CallHandler) {
    if (context.getType<string>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
      if (ctx?.loaders) this.visibility.attach(ctx);
    }
    return next.handle();
  }
}
