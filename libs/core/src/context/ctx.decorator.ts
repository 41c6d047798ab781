import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from './request-context';

/** Injects the per-request RequestContext into a resolver or controller method. */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<RequestContext>();
  }
  const req = context.switchToHttp().getRequest<{ telContext?: RequestContext }>();
  if (!req.telContext) throw new Error('request context missing: RequestContextMiddleware not installed');
  return req.telContext;
});
