import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Actor, actorHasRole, AppError, AuditTrail, isUniqueViolation, newId, Page, PageArgs, pageWindow, RequestContext, Role, toPage, UnitOfWork } from '@tel/core';
import { BrowserSession, SessionEndReason } from '../sessions/browser-session.entity';
import { ApiToken } from '../tokens/api-token.entity';
import { newApiTokenSecret } from '../tokens/api-token-secret';
import { IssuedSession, SessionTokens } from '../tokens/session-tokens';
import { CreateApiTokenInput, CreateUserInput, UserFilter } from './account.inputs';
import { dummyPasswordHash, EMAIL_MAX_LENGTH, hashPassword, normalizeEmail, requireEmail, requireStrongPassword, verifyPassword } from './credentials';
import { MeetingsDirectory } from '@tel/meetings';
import { LoginRateLimiter } from './login-rate-limiter';
import { User } from './user.entity';

export const INVALID_LOGIN = 'Invalid email or password';
/** Active (not revoked, not expired) API tokens one account may hold. */
export const MAX_ACTIVE_API_TOKENS = 50;
/** Roles only an ADMIN (or the CLI) may give: they manage everyone else. */
export const PRIVILEGED_ROLES: readonly Role[] = [Role.ADMIN, Role.SECRETARIAT];

/**
 * Who is asking. A request over HTTP always carries `req`; a context without one and without an
 * actor is the system itself (CLI, bootstrap, seed) and may do anything.
 */
type Caller = { system: true; actor: null } | { system: false; actor: Actor };

function callerOf(ctx: RequestContext): Caller {
  if (ctx.actor) return { system: false, actor: ctx.actor };
  if (ctx.req) throw AppError.unauthenticated('SIGN_IN_REQUIRED');
  return { system: true, actor: null };
}

function isAdmin(caller: Caller): boolean {
  return caller.system || caller.actor.roles.includes(Role.ADMIN);
}

function requireSecretariat(caller: Caller): void {
  if (!caller.system && !actorHasRole(caller.actor, Role.SECRETARIAT)) throw AppError.forbidden('NOT_ALLOWED');
}

function sortRoles(roles: Iterable<string>): Role[] {
  const valid = new Set<string>(Object.values(Role));
  const list = [...new Set(roles)];
  const unknown = list.filter((r) => !valid.has(r));
  if (unknown.length) throw AppError.badInput('ROLE_UNKNOWN', `unknown role(s): ${unknown.join(', ')} (use ${[...valid].join(', ')})`, { field: 'roles' });
  if (!list.length) throw AppError.badInput('ROLE_UNKNOWN', 'give at least one role', { field: 'roles' });
  return (list as Role[]).sort();
}

/** Accounts, sign-in and personal API tokens. Every rule about them is here, for the API and the CLI alike. */
@Injectable()
export class AuthService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly sessions: SessionTokens,
    private readonly limiter: LoginRateLimiter,
    private readonly meetings: MeetingsDirectory,
  ) {}

  /** Makes the dummy hash now, so the first login for an unknown e-mail is not slower than the rest. */
  async onModuleInit(): Promise<void> {
    await dummyPasswordHash();
  }

  // ---- sign-in ----------------------------------------------------------------------------

  /**
   * E-mail + password → a session token; `ip` is the client's address (req.ip — what a REST
   * sign-in route passes too). The attempt is counted before the password is checked, atomically
   * (see LoginRateLimiter), so a burst of parallel guesses checks no more passwords than the limit;
   * TOO_MANY_REQUESTS and SERVICE_UNAVAILABLE carry `retryAfterSeconds`. Unknown e-mails (and
   * look-alike addresses, which normalize to nothing) cost as much as known ones (argon2 runs
   * against a dummy hash) and answer the same, as do disabled accounts.
   */
  async login(email: string, password: string, ip: string): Promise<IssuedSession> {
    const normalized = normalizeEmail(email);
    const key = normalized ?? email.normalize('NFKC').trim().toLowerCase().slice(0, EMAIL_MAX_LENGTH);
    await this.limiter.consume(key, ip || 'unknown');
    const user = normalized ? await this.uow.manager.findOne(User, { where: { email: normalized } }) : null;
    // An invited account has no password yet: it costs what any other wrong password costs.
    const passwordOk = await verifyPassword(user?.passwordHash || (await dummyPasswordHash()), password);
    if (user && user.passwordHash === '') throw AppError.unauthenticated('LOGIN_FAILED', INVALID_LOGIN);
    if (!user || !passwordOk || user.disabled) throw AppError.unauthenticated('LOGIN_FAILED', INVALID_LOGIN);
    await this.limiter.succeeded(key, ip || 'unknown');
    await this.uow.write((em) => em.update(User, { id: user.id }, { lastSignInAt: new Date() }));
    return this.sessions.issue(user.id, user.sessionVersion);
  }

  /** A session token for an account, without its password (tests, tools that already trust the caller). */
  issueSession(user: Pick<User, 'id' | 'sessionVersion'>): IssuedSession {
    return this.sessions.issue(user.id, user.sessionVersion);
  }

  // ---- accounts ---------------------------------------------------------------------------

  async createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
    const caller = callerOf(ctx);
    requireSecretariat(caller);
    const email = requireEmail(input.email);
    requireStrongPassword(input.password);
    const roles = sortRoles(input.roles ?? []);
    if (roles.some((r) => PRIVILEGED_ROLES.includes(r)) && !isAdmin(caller)) {
      throw AppError.forbidden('ADMIN_REQUIRED', 'Only an administrator may create SECRETARIAT or ADMIN accounts');
    }
    const economyCode = input.economyCode?.trim().toUpperCase() || null;
    if (roles.includes(Role.DELEGATE) && !economyCode) {
      throw AppError.badInput('ACCOUNT_NEEDS_ECONOMY', 'a DELEGATE account needs economyCode (the economy it speaks for)', { field: 'economyCode' });
    }
    const passwordHash = await hashPassword(input.password);
    return this.uow.write(async (em) => {
      const economyId = economyCode ? await this.economyIdByCode(em, economyCode) : null;
      if (await em.exists(User, { where: { email } })) throw AppError.conflict('ACCOUNT_EXISTS', `An account for ${email} already exists`);
      const user = em.create(User, {
        id: newId(),
        email,
        passwordHash,
        roles,
        disabled: false,
        sessionVersion: 0,
        economyId,
        displayName: input.displayName?.trim() || '',
        personId: null,
      });
      try {
        await em.insert(User, user);
      } catch (error) {
        if (isUniqueViolation(error)) throw AppError.conflict('ACCOUNT_EXISTS', `An account for ${email} already exists`);
        throw error;
      }
      await this.audit.record(em, ctx, {
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        summary: `created account ${email} (${roles.join(', ')}${economyCode ? `, economy ${economyCode}` : ''})`,
      });
      return em.findOneOrFail(User, { where: { id: user.id } });
    });
  }

  /**
   * Disables an account: it can no longer sign in, its session tokens stop working for good, and
   * its API tokens are revoked. Only an ADMIN may disable SECRETARIAT or ADMIN accounts; nobody
   * may disable themselves or the last active ADMIN.
   */
  async disableUser(ctx: RequestContext, rawEmail: string): Promise<User> {
    const caller = callerOf(ctx);
    requireSecretariat(caller);
    const email = normalizeEmail(rawEmail);
    return this.uow.write(async (em) => {
      const user = email ? await em.findOne(User, { where: { email } }) : null;
      if (!user) throw AppError.notFound('ACCOUNT_NOT_FOUND', 'Account', rawEmail.trim());
      if (user.roles.some((r) => PRIVILEGED_ROLES.includes(r)) && !isAdmin(caller)) {
        throw AppError.forbidden('ADMIN_REQUIRED', 'Only an administrator may disable SECRETARIAT or ADMIN accounts');
      }
      if (!caller.system && caller.actor.userId === user.id) throw AppError.invalidState('ACCOUNT_SELF_DISABLE', 'You cannot disable your own account');
      if (user.disabled) return user;
      if (user.roles.includes(Role.ADMIN)) {
        const admins = await em.find(User, { where: { disabled: false }, select: { id: true, roles: true } });
        if (!admins.some((u) => u.id !== user.id && u.roles.includes(Role.ADMIN))) {
          throw AppError.invalidState('LAST_ADMIN', 'This is the last active ADMIN account; create another administrator first');
        }
      }
      user.disabled = true;
      user.sessionVersion += 1;
      await em.update(User, { id: user.id }, { disabled: true, sessionVersion: user.sessionVersion });
      const revoked = await em.update(ApiToken, { userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      // Browser sessions would die at their next request anyway (sessionVersion); ended now, the table says so at once.
      await em.update(BrowserSession, { userId: user.id, endedAt: IsNull() }, { endedAt: new Date(), endReason: SessionEndReason.REVOKED });
      await this.audit.record(em, ctx, {
        action: 'user.disable',
        entityType: 'User',
        entityId: user.id,
        summary: `disabled account ${user.email}${revoked.affected ? ` and revoked ${revoked.affected} API token(s)` : ''}`,
      });
      return user;
    });
  }

  /**
   * Lets a disabled account sign in again with its password (or a reset link). What ended when it
   * was disabled stays ended: its old session tokens (the raised sessionVersion), browser sessions
   * and API tokens. The same rules as disabling: SECRETARIAT and ADMIN accounts are for an ADMIN.
   */
  async enableUser(ctx: RequestContext, rawEmail: string): Promise<User> {
    const caller = callerOf(ctx);
    requireSecretariat(caller);
    const email = normalizeEmail(rawEmail);
    return this.uow.write(async (em) => {
      const user = email ? await em.findOne(User, { where: { email } }) : null;
      if (!user) throw AppError.notFound('ACCOUNT_NOT_FOUND', 'Account', rawEmail.trim());
      if (user.roles.some((r) => PRIVILEGED_ROLES.includes(r)) && !isAdmin(caller)) {
        throw AppError.forbidden('ADMIN_REQUIRED', 'Only an administrator may enable SECRETARIAT or ADMIN accounts');
      }
      if (!user.disabled) return user;
      user.disabled = false;
      await em.update(User, { id: user.id }, { disabled: false });
      await this.audit.record(em, ctx, { action: 'user.enable', entityType: 'User', entityId: user.id, summary: `enabled account ${user.email} again` });
      return user;
    });
  }

  async listUsers(filter: UserFilter | null, page: PageArgs): Promise<Page<User>> {
    const window = pageWindow(page);
    const qb = this.uow.manager.createQueryBuilder(User, 'u');
    if (filter?.disabled != null) qb.andWhere('u.disabled = :disabled', { disabled: filter.disabled });
    // Roles are a sorted comma list; match a whole item.
    if (filter?.role) qb.andWhere("(',' || u.roles || ',') LIKE :role", { role: `%,${filter.role},%` });
    const [nodes, total] = await qb.orderBy('u.email', 'ASC').skip(window.offset).take(window.limit).getManyAndCount();
    return toPage(nodes, total, window);
  }

  async userById(id: string): Promise<User | null> {
    return this.uow.manager.findOne(User, { where: { id } });
  }

  async userByEmail(rawEmail: string): Promise<User | null> {
    const email = normalizeEmail(rawEmail);
    return email ? this.uow.manager.findOne(User, { where: { email } }) : null;
  }

  /**
   * BOOTSTRAP_ADMIN_*: on a database without any account, creates the first administrator
   * (ADMIN + SECRETARIAT). Returns false when accounts already exist.
   */
  async bootstrapAdmin(ctx: RequestContext, rawEmail: string, password: string): Promise<boolean> {
    if (await this.uow.manager.exists(User)) return false;
    const email = requireEmail(rawEmail);
    requireStrongPassword(password);
    const passwordHash = await hashPassword(password);
    try {
      return await this.uow.write(async (em) => {
        if (await em.exists(User)) return false;
        const user = em.create(User, {
          id: newId(),
          email,
          passwordHash,
          roles: [Role.ADMIN, Role.SECRETARIAT],
          disabled: false,
          sessionVersion: 0,
          economyId: null,
          displayName: '',
          personId: null,
        });
        await em.insert(User, user);
        await this.audit.record(em, ctx, {
          action: 'user.bootstrap',
          entityType: 'User',
          entityId: user.id,
          summary: `created the first administrator ${email} (ADMIN, SECRETARIAT)`,
        });
        return true;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return false; // another process created it first
      throw error;
    }
  }

  // ---- API tokens -------------------------------------------------------------------------

  /**
   * A new personal API token for the caller. Only a password sign-in may make one: a leaked API
   * token must not be able to mint replacements that outlive its revocation.
   */
  async createApiToken(ctx: RequestContext, input: CreateApiTokenInput): Promise<{ token: string; apiToken: ApiToken }> {
    const caller = callerOf(ctx);
    if (caller.system) throw AppError.badInput('API_TOKEN_INPUT_INVALID', 'the system has no tokens of its own; use createApiTokenFor');
    if (caller.actor.via === 'api-token') throw AppError.forbidden('API_TOKEN_REFUSED', 'API tokens cannot create API tokens; sign in with your password');
    return this.insertApiToken(ctx, caller.actor.userId, caller.actor.email, input);
  }

  /** The CLI's way: a token for any active account. */
  async createApiTokenFor(ctx: RequestContext, rawEmail: string, input: CreateApiTokenInput): Promise<{ token: string; apiToken: ApiToken }> {
    const caller = callerOf(ctx);
    if (!isAdmin(caller)) throw AppError.forbidden('NOT_ALLOWED');
    const user = await this.userByEmail(rawEmail);
    if (!user) throw AppError.notFound('ACCOUNT_NOT_FOUND', 'Account', rawEmail.trim());
    if (user.disabled) throw AppError.invalidState('ACCOUNT_DISABLED', `The account ${user.email} is disabled`);
    return this.insertApiToken(ctx, user.id, user.email, input);
  }

  async listApiTokens(ctx: RequestContext): Promise<ApiToken[]> {
    const caller = callerOf(ctx);
    if (caller.system) return [];
    return this.uow.manager
      .createQueryBuilder(ApiToken, 't')
      .where('t.userId = :userId AND t.revokedAt IS NULL', { userId: caller.actor.userId })
      .orderBy('t.createdAt', 'DESC')
      .addOrderBy('t.id', 'ASC')
      .take(100)
      .getMany();
  }

  /** Revokes one of the caller's tokens (an ADMIN may revoke anyone's). Someone else's token is NOT_FOUND. */
  async revokeApiToken(ctx: RequestContext, id: string): Promise<ApiToken> {
    const caller = callerOf(ctx);
    return this.uow.write(async (em) => {
      const token = await em.findOne(ApiToken, { where: { id } });
      if (!token || (!isAdmin(caller) && token.userId !== caller.actor?.userId)) throw AppError.notFound('API_TOKEN_NOT_FOUND', 'API token', id);
      if (token.revokedAt) return token;
      token.revokedAt = new Date();
      await em.update(ApiToken, { id: token.id }, { revokedAt: token.revokedAt });
      await this.audit.record(em, ctx, { action: 'api_token.revoke', entityType: 'ApiToken', entityId: token.id, summary: `revoked API token "${token.name}"` });
      return token;
    });
  }

  private async insertApiToken(ctx: RequestContext, userId: string, email: string, input: CreateApiTokenInput): Promise<{ token: string; apiToken: ApiToken }> {
    const name = input.name?.trim() ?? '';
    if (!name || name.length > 100) throw AppError.badInput('API_TOKEN_INPUT_INVALID', 'name must be 1 to 100 characters', { field: 'name' });
    const expiresAt = parseExpiry(input.expiresAt);
    const secret = newApiTokenSecret();
    return this.uow.write(async (em) => {
      const now = new Date();
      const active = await em
        .createQueryBuilder(ApiToken, 't')
        .where('t.userId = :userId AND t.revokedAt IS NULL', { userId })
        .andWhere('(t.expiresAt IS NULL OR t.expiresAt > :now)', { now })
        .getCount();
      if (active >= MAX_ACTIVE_API_TOKENS) {
        throw AppError.invalidState('API_TOKEN_LIMIT', `An account may hold at most ${MAX_ACTIVE_API_TOKENS} active API tokens; revoke some first`);
      }
      const apiToken = em.create(ApiToken, { id: newId(), userId, name, tokenHash: secret.hash, hint: secret.hint, expiresAt, revokedAt: null });
      await em.insert(ApiToken, apiToken);
      await this.audit.record(em, ctx, {
        action: 'api_token.create',
        entityType: 'ApiToken',
        entityId: apiToken.id,
        summary: `created API token "${name}" for ${email}${expiresAt ? `, expiring ${expiresAt.toISOString()}` : ''}`,
      });
      return { token: secret.token, apiToken: await em.findOneOrFail(ApiToken, { where: { id: apiToken.id } }) };
    });
  }

  private async economyIdByCode(em: EntityManager, code: string): Promise<string> {
    const economy = await this.meetings.economyByCode(em, code);
    if (!economy) throw AppError.badInput('ECONOMY_UNKNOWN', `unknown economy "${code}"`, { field: 'economyCode' });
    return economy.id;
  }

  // ---- reads for other libraries -------------------------------------------------------------

  /** The accounts with these ids (those that exist), in one statement: for loaders of other libraries. */
  usersByIds(ids: readonly string[], em: EntityManager = this.uow.manager): Promise<User[]> {
    return ids.length ? em.find(User, { where: { id: In([...new Set(ids)]) } }) : Promise.resolve([]);
  }

  /** The accounts with these (normalized) email addresses (those that exist), in one statement. */
  usersByEmails(emails: readonly string[], em: EntityManager = this.uow.manager): Promise<User[]> {
    return emails.length ? em.find(User, { where: { email: In([...new Set(emails)]) } }) : Promise.resolve([]);
  }
}

/** A date (midnight UTC) or a date-time with its offset: a bare local time would depend on the server's zone. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function parseExpiry(raw: string | null | undefined): Date | null {
  if (raw == null || raw.trim() === '') return null;
  const text = raw.trim();
  const at = ISO_DATE_TIME.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(at.getTime()))
    throw AppError.badInput('DATE_MALFORMED', 'expiresAt must be an ISO 8601 date-time, e.g. 2026-12-31 or 2026-12-31T23:59:59Z', { field: 'expiresAt' });
  if (at.getTime() <= Date.now()) throw AppError.badInput('DATE_OUT_OF_RANGE', 'expiresAt must be in the future', { field: 'expiresAt' });
  return at;
}
