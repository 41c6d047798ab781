import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ACCESS_RULE, AccessRule, actorHasRole, AppError, RequestContext } from '@tel/core';
import { RequestWithContext } from './request-context.middleware';

/**
 * The one place access rules are enforced. Every query, mutation and controller route declares
 * a rule (@Public, @SignedIn, @Allow(...roles)); a handler without one is refused, so a
 * forgotten rule fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const { ctx, authFailure } = this.contextOf(context);
    if (authFailure && !(rule?.kind === 'public' && rule.ignoresInvalidToken)) throw AppError.unauthenticated('TOKEN_INVALID', authFailure);
    if (!rule) throw AppError.forbidden('NOT_ALLOWED');
    if (rule.kind === 'public') return true;
    const actor = ctx?.actor;
    if (!actor) throw AppError.unauthenticated('SIGN_IN_REQUIRED');
    if (rule.kind === 'signedIn') return true;
    if (rule.roles.some((role) => actorHasRole(actor, role))) return true;
    throw AppError.forbidden('NOT_ALLOWED');
  }

  private contextOf(context: ExecutionContext): { ctx?: RequestContext; authFailure?: string } {
    if (context.getType<string>() === 'graphql') {
      const ctx = GqlExecutionContext.create(context).getContext<RequestContext>();
      return { ctx, authFailure: (ctx.req as RequestWithContext | undefined)?.telAuthFailure };
    }
    const req = context.switchToHttp().getRequest<RequestWithContext>();
    return { ctx: req.telContext, authFailure: req.telAuthFailure };
  }
}
