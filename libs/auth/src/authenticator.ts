import { Actor } from '@tel/core';

/**
 * Turns a bearer token into the account behind it. Implementations throw
 * AppError(UNAUTHENTICATED) for a token that is malformed, tampered, expired, revoked or whose
 * account is disabled — without saying which.
 */
export abstract class Authenticator {
  abstract authenticate(bearerToken: string): Promise<Actor>;
}
