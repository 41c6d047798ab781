import { Injectable } from '@nestjs/common';
import { Actor, AppError, UnitOfWork } from '@tel/core';
import { Authenticator } from '../authenticator';
import { User } from '../accounts/user.entity';
import { ApiToken } from './api-token.entity';
import { hashApiToken, isWellFormedApiToken, looksLikeApiToken } from './api-token-secret';
import { INVALID_TOKEN, SessionTokens } from './session-tokens';

/**
 * Checks a bearer token on every request and loads the account behind it, so disabling an
 * account or revoking a token takes effect at once. One indexed read per request: the user row
 * by primary key (session tokens), or the token joined to its user by the token hash (API tokens).
 * Every failure is the same UNAUTHENTICATED "Invalid or expired token".
 */
@Injectable()
export class TokenAuthenticator extends Authenticator {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly sessions: SessionTokens,
  ) {
    super();
  }

  async authenticate(bearerToken: string): Promise<Actor> {
    const actor = looksLikeApiToken(bearerToken) ? await this.viaApiToken(bearerToken) : await this.viaSession(bearerToken);
    if (!actor) throw AppError.unauthenticated('TOKEN_INVALID', INVALID_TOKEN);
    return actor;
  }

  private async viaSession(token: string): Promise<Actor | null> {
    const claims = this.sessions.verify(token);
    if (!claims) return null;
    const user = await this.uow.manager.findOne(User, { where: { id: claims.sub } });
    if (!user || user.disabled || user.sessionVersion !== claims.sv) return null;
    return actorOf(user, 'session-token');
  }

  private async viaApiToken(token: string): Promise<Actor | null> {
    if (!isWellFormedApiToken(token)) return null;
    const row = (await this.uow.manager
      .createQueryBuilder(ApiToken, 't')
      .innerJoinAndMapOne('t.user', User, 'u', 'u.id = t.userId')
      .where('t.tokenHash = :hash', { hash: hashApiToken(token) })
      .getOne()) as (ApiToken & { user: User | undefined }) | null;
    if (!row?.user || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now()) || row.user.disabled) return null;
    return actorOf(row.user, 'api-token', row.id);
  }
}

export function actorOf(user: User, via: Actor['via'], tokenId?: string): Actor {
  return { userId: user.id, email: user.email, roles: [...user.roles], economyId: user.economyId, personId: user.personId ?? null, via, ...(tokenId ? { tokenId } : {}) };
}
