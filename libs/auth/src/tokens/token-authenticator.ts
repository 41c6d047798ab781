import { Injectable } from '@nestjs/common';
import { Actor, AppError, PreparedRead, Role, UnitOfWork } from '@tel/core';
import { Authenticator } from '../authenticator';
import { User } from '../accounts/user.entity';
import { ApiToken } from './api-token.entity';
import { hashApiToken, isWellFormedApiToken, looksLikeApiToken } from './api-token-secret';
import { INVALID_TOKEN, SessionTokens } from './session-tokens';

/** What identifying a caller needs of the account. */
interface Account extends Record<string, unknown> {
  userId: string;
  email: string;
  roles: Role[];
  economyId: string | null;
  personId: string | null;
  disabled: boolean;
}

const ACCOUNT_COLUMNS = { userId: 'u.id', email: 'u.email', roles: 'u.roles', economyId: 'u.economyId', personId: 'u.personId', disabled: 'u.disabled' };

/** The account behind a session token, by primary key. */
const USER_BY_ID = new PreparedRead<Account & { sessionVersion: number }>(
  (source) => source.createQueryBuilder(User, 'u').where('u.id = :id', { id: '' }),
  { ...ACCOUNT_COLUMNS, sessionVersion: 'u.sessionVersion' },
  1,
);

/** An API token and its account, by the token's hash (unique). */
const API_TOKEN_BY_HASH = new PreparedRead<Account & { tokenId: string; revokedAt: Date | null; expiresAt: Date | null }>(
  (source) => source.createQueryBuilder(ApiToken, 't').innerJoin(User, 'u', 'u.id = t.userId').where('t.tokenHash = :hash', { hash: '' }),
  { ...ACCOUNT_COLUMNS, tokenId: 't.id', revokedAt: 't.revokedAt', expiresAt: 't.expiresAt' },
  1,
);

/**
 * Checks a bearer token on every request and loads the account behind it, so disabling an
 * account or revoking a token takes effect at once. One indexed read per request: the user row
 * by primary key (session tokens), or the token joined to its user by the token hash (API tokens),
 * each of just the columns an actor needs, its SQL built once (`PreparedRead`).
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
    const account = await USER_BY_ID.first(this.uow.dataSource, [claims.sub]);
    if (!account || account.disabled || account.sessionVersion !== claims.sv) return null;
    return actorOfAccount(account, 'session-token');
  }

  private async viaApiToken(token: string): Promise<Actor | null> {
    if (!isWellFormedApiToken(token)) return null;
    const row = await API_TOKEN_BY_HASH.first(this.uow.dataSource, [hashApiToken(token)]);
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now()) || row.disabled) return null;
    return actorOfAccount(row, 'api-token', row.tokenId);
  }
}

function actorOfAccount(account: Account, via: Actor['via'], tokenId?: string): Actor {
  return {
    userId: account.userId,
    email: account.email,
    roles: [...account.roles],
    economyId: account.economyId,
    personId: account.personId ?? null,
    via,
    ...(tokenId ? { tokenId } : {}),
  };
}

export function actorOf(user: User, via: Actor['via'], tokenId?: string): Actor {
  return actorOfAccount(
    { userId: user.id, email: user.email, roles: user.roles, economyId: user.economyId, personId: user.personId ?? null, disabled: user.disabled },
    via,
    tokenId,
  );
}
