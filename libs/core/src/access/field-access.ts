import { Field, FieldOptions, MiddlewareContext, NextFn, ReturnTypeFunc } from '@nestjs/graphql';
import { Actor, RequestContext } from '../context/request-context';
import { Role } from './roles';

/** ADMIN may do everything the secretariat may do. */
export function actorHasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role) || actor.roles.includes(Role.ADMIN);
}

/**
 * Who may read a field. `parent` is the object the field belongs to (e.g. the User whose e-mail it
 * is). Rules never throw: a caller who may not read a field gets null, so one hidden field does
 * not fail a whole list.
 */
export type ReadRule<P = unknown> = (actor: Actor | null, parent: P) => boolean;

/** Any signed-in account. */
export const signedIn: ReadRule = (actor) => actor !== null;

/** Accounts holding one of the roles (ADMIN always). */
export function withRole(...roles: Role[]): ReadRule {
  return (actor) => actor !== null && roles.some((r) => actorHasRole(actor, r));
}

/** The account the object belongs to (`ownerIdOf(parent)` is its user id), or one of the roles. */
export function selfOr<P>(ownerIdOf: (parent: P) => string | null | undefined, ...roles: Role[]): ReadRule<P> {
  return (actor, parent) => actor !== null && (ownerIdOf(parent) === actor.userId || roles.some((r) => actorHasRole(actor, r)));
}

/** For @ResolveField methods and services: may this caller read a field guarded by `rule`? */
export function canRead<P>(ctx: Pick<RequestContext, 'actor'> | null | undefined, rule: ReadRule<P>, parent: P): boolean {
  return rule(ctx?.actor ?? null, parent);
}

/** A field middleware that answers null to callers the rule does not admit (and never runs the resolver for them). */
export function readableBy<P>(rule: ReadRule<P>) {
  return async (mctx: MiddlewareContext<P, RequestContext>, next: NextFn): Promise<unknown> => (canRead(mctx.context, rule, mctx.source) ? next() : null);
}

/**
 * `@Field` for a restricted field: callers the rule does not admit read null. The field is always
 * nullable in the schema, because that is what those callers see.
 *
 *   @FieldAccess(signedIn, () => String, { description: '…' })
 *   email: string | null;
 */
export function FieldAccess<P = unknown>(rule: ReadRule<P>, type: ReturnTypeFunc, options: Omit<FieldOptions, 'nullable'> = {}): PropertyDecorator & MethodDecorator {
  const note = 'Null for callers who may not read it.';
  return Field(type, {
    ...options,
    nullable: true,
    description: options.description ? `${options.description} ${note}` : note,
    middleware: [...(options.middleware ?? []), readableBy(rule)],
  });
}
