import { SetMetadata } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  DELEGATE = 'DELEGATE',
  OVERSEER = 'OVERSEER',
  SECRETARIAT = 'SECRETARIAT',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'What an account may do. ADMIN includes everything SECRETARIAT may do.' });

export const ACCESS_RULE = 'tel:access-rule';

/**
 * The access rule of a resolver or controller method. One guard (libs/auth) reads it, so the
 * rules live in one place instead of inside resolvers.
 * - `public`: anyone, signed in or not (reads of public data).
 * - `signedIn`: any account.
 * - `roles`: an account holding one of the roles (ADMIN always passes).
 */
export type AccessRule = { kind: 'public'; ignoresInvalidToken?: boolean } | { kind: 'signedIn' } | { kind: 'roles'; roles: Role[] };

export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
/**
 * Public, and a stale or broken bearer token is ignored rather than refused: signing in must
 * work even while an expired token still sits in the client's headers.
 */
export const PublicIgnoringInvalidToken = () => SetMetadata(ACCESS_RULE, { kind: 'public', ignoresInvalidToken: true } satisfies AccessRule);
export const SignedIn = () => SetMetadata(ACCESS_RULE, { kind: 'signedIn' } satisfies AccessRule);
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);
/** Managing meetings, sessions and agendas. */
export const SecretariatOnly = () => Allow(Role.SECRETARIAT);
