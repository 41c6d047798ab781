import { MeetingsDirectory } from '@tel/meetings';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import {
  actorHasRole,
  APP_CONFIG,
  AppConfig,
  AppError,
  AuditTrail,
  isUniqueViolation,
  isUuid,
  newId,
  NotificationKind,
  Notifier,
  RequestContext,
  Role,
  UnitOfWork,
} from '@tel/core';
import { BrowserSession, SessionEndReason } from '../sessions/browser-session.entity';
import { SessionTokens } from '../tokens/session-tokens';
import { AccountLinks, hashLinkSecret, isWellFormedLinkSecret } from './account-links';
import { AccountToken, AccountTokenPurpose } from './account-token.entity';
import { ChangePasswordInput, ChangePasswordResult, InviteUserInput, UpdateUserInput } from './account.inputs';
import { PRIVILEGED_ROLES } from './auth.service';
import { hashPassword, normalizeEmail, requireEmail, requireStrongPassword, verifyPassword } from './credentials';
import { User } from './user.entity';

const LINK_INVALID = 'This link is not valid any more: it was used already, it expired, or a newer one was sent. Ask for a new one.';

/**
 * Accounts as people: invitations (the secretariat invites, the invitee chooses a password from a
 * one-time link), forgotten passwords, changing one's password, and the secretariat's changes to
 * an account (name, roles, economy, the person of the directory it is). Messages go through the
 * Notifier port in the same transaction as the change.
 */
@Injectable()
export class AccountFlows {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
    @Optional() @Inject(Notifier) private readonly notifier: Notifier | null,
    private readonly links: AccountLinks,
    private readonly sessions: SessionTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly directory: MeetingsDirectory,
  ) {}

  /** Creates an account without a password and mails its holder a link to choose one. */
  async invite(ctx: RequestContext, input: InviteUserInput): Promise<User> {
    const actor = this.requireSecretariat(ctx);
    const email = requireEmail(input.email);
    const displayName = input.displayName.trim();
    if (!displayName) throw AppError.badInput('FIELD_REQUIRED', 'give the name of the person', { field: 'displayName' });
    const roles = checkRoles(input.roles, actor);
    const economyCode = input.economyCode?.trim().toUpperCase() || null;
    if (roles.includes(Role.DELEGATE) && !economyCode) {
      throw AppError.badInput('ACCOUNT_NEEDS_ECONOMY', 'a DELEGATE account needs economyCode (the economy it speaks for)', { field: 'economyCode' });
    }
    return this.uow.write(async (em) => {
      const economyId = economyCode ? await this.economyIdByCode(em, economyCode) : null;
      const personId = await this.personIdOf(em, input.personId);
      if (await em.exists(User, { where: { email } })) throw AppError.conflict('ACCOUNT_EXISTS', `An account for ${email} already exists`);
      const user = em.create(User, { id: newId(), email, passwordHash: '', roles, disabled: false, sessionVersion: 0, economyId, displayName, personId });
      try {
        await em.insert(User, user);
      } catch (error) {
        if (isUniqueViolation(error)) throw AppError.conflict('ACCOUNT_EXISTS', `An account for ${email} already exists`);
        throw error;
      }
      const token = await this.newLink(em, user.id, AccountTokenPurpose.INVITATION, this.config.mail.invitationTtlSeconds);
      const days = Math.round(this.config.mail.invitationTtlSeconds / 86400);
      await this.notify(em, {
        kind: NotificationKind.ACCOUNT,
        recipients: { userIds: [user.id] },
        title: 'You are invited to the APEC TEL registry',
        body: [
          `Dear ${displayName},`,
          `${ctx.actor ? 'The APEC TEL secretariat has' : 'An administrator has'} opened an account for you in the APEC TEL registry (${roles.join(', ').toLowerCase()}).`,
          `Choose your password with the link below. It works once, for ${days >= 1 ? `${days} day${days === 1 ? '' : 's'}` : `${Math.round(this.config.mail.invitationTtlSeconds / 3600)} hours`}.`,
        ],
        path: '/invitation/{secret}',
        secretRef: token.id,
      });
      await this.audit.record(em, ctx, {
        action: 'user.invite',
        entityType: 'User',
        entityId: user.id,
        summary: `invited ${email} (${roles.join(', ')}${economyCode ? `, economy ${economyCode}` : ''})`,
      });
      return em.findOneOrFail(User, { where: { id: user.id } });
    });
  }

  /** The invitee's first password, from the link. Afterwards they sign in as usual. */
  acceptInvitation(ctx: RequestContext, secret: string, password: string): Promise<User> {
    return this.useLink(ctx, secret, password, AccountTokenPurpose.INVITATION);
  }

  /**
   * Mails a reset link when the address is an active account's; answers the same either way
   * (so the answer does not tell whether an address has an account).
   */
  async requestPasswordReset(ctx: RequestContext, rawEmail: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    if (!email) return;
    await this.uow.write(async (em) => {
      const user = await em.findOne(User, { where: { email } });
      if (!user || user.disabled) return;
      // At most one reset mail a minute per account: a script cannot flood someone's mailbox.
      const recent = await em.exists(AccountToken, {
        where: { userId: user.id, purpose: AccountTokenPurpose.PASSWORD_RESET, createdAt: MoreThan(new Date(Date.now() - 60_000)) },
      });
      if (recent) return;
      const purpose = user.passwordHash === '' ? AccountTokenPurpose.INVITATION : AccountTokenPurpose.PASSWORD_RESET;
      const ttl = purpose === AccountTokenPurpose.INVITATION ? this.config.mail.invitationTtlSeconds : this.config.mail.resetTtlSeconds;
      const token = await this.newLink(em, user.id, purpose, ttl);
      const minutes = Math.round(this.config.mail.resetTtlSeconds / 60);
      await this.notify(em, {
        kind: NotificationKind.ACCOUNT,
        recipients: { userIds: [user.id] },
        title: purpose === AccountTokenPurpose.INVITATION ? 'Choose your password for the APEC TEL registry' : 'Reset your password for the APEC TEL registry',
        body: [
          `Dear ${user.displayName || user.email},`,
          'Someone (we hope you) asked to reset the password of your account in the APEC TEL registry.',
          purpose === AccountTokenPurpose.INVITATION
            ? 'Your account has no password yet: choose one with the link below.'
            : `Choose a new password with the link below. It works once, for ${minutes} minutes. If you did not ask, ignore this message: your password stays as it is.`,
        ],
        path: purpose === AccountTokenPurpose.INVITATION ? '/invitation/{secret}' : '/reset-password/{secret}',
        secretRef: token.id,
      });
      await this.audit.record(em, ctx, { action: 'user.reset_request', entityType: 'User', entityId: user.id, summary: `password reset link sent to ${user.email}` });
    });
  }

  /** A new password from a reset link; every session and session token of the account ends. */
  resetPassword(ctx: RequestContext, secret: string, password: string): Promise<User> {
    return this.useLink(ctx, secret, password, AccountTokenPurpose.PASSWORD_RESET);
  }

  /** The signed-in account's new password; its other sessions end (this one stays, or gets a new token). */
  async changePassword(ctx: RequestContext, input: ChangePasswordInput): Promise<ChangePasswordResult> {
    const actor = ctx.actor;
    if (!actor) throw AppError.unauthenticated('SIGN_IN_REQUIRED');
    if (actor.via === 'api-token') throw AppError.forbidden('API_TOKEN_REFUSED', 'API tokens cannot change the password; sign in with your password');
    requireStrongPassword(input.newPassword, 'newPassword');
    const current = await this.uow.manager.findOne(User, { where: { id: actor.userId } });
    if (!current || !(await verifyPassword(current.passwordHash, input.currentPassword))) {
      throw AppError.badInput('PASSWORD_CURRENT_WRONG', 'The current password is not right', { field: 'currentPassword' });
    }
    const passwordHash = await hashPassword(input.newPassword);
    const user = await this.uow.write(async (em) => {
      const user = await em.findOneOrFail(User, { where: { id: actor.userId } });
      await this.setPassword(em, user, passwordHash, actor.sessionId ?? null);
      await this.notify(em, {
        kind: NotificationKind.ACCOUNT,
        recipients: { userIds: [user.id] },
        title: 'Your password was changed',
        body: [
          `Dear ${user.displayName || user.email},`,
          'The password of your account in the APEC TEL registry was changed, and your other sessions were signed out.',
          'If you did not do this, reset your password now with "Forgot password" on the sign-in page, and tell the secretariat.',
        ],
        path: '/forgot-password',
      });
      await this.audit.record(em, ctx, { action: 'user.password_change', entityType: 'User', entityId: user.id, summary: `${user.email} changed their password` });
      return user;
    });
    return { ok: true, token: actor.via === 'session-token' ? this.sessions.issue(user.id, user.sessionVersion).token : null };
  }

  /** The secretariat changes an account's name, roles, economy or person (privileged roles: an ADMIN only). */
  async update(ctx: RequestContext, input: UpdateUserInput): Promise<User> {
    const actor = this.requireSecretariat(ctx);
    const email = normalizeEmail(input.email);
    return this.uow.write(async (em) => {
      const user = email ? await em.findOne(User, { where: { email } }) : null;
      if (!user) throw AppError.notFound('ACCOUNT_NOT_FOUND', 'Account', input.email.trim());
      const privileged = (roles: Role[]) => roles.some((r) => PRIVILEGED_ROLES.includes(r));
      const admin = !actor || actor.roles.includes(Role.ADMIN);
      if (privileged(user.roles) && !admin) throw AppError.forbidden('ADMIN_REQUIRED', 'Only an administrator may change SECRETARIAT or ADMIN accounts');
      const changes: string[] = [];
      const values: Partial<User> = {};
      if (input.displayName != null) {
        values.displayName = input.displayName.trim();
        if (!values.displayName) throw AppError.badInput('FIELD_REQUIRED', 'give the name of the person', { field: 'displayName' });
        changes.push(`name "${values.displayName}"`);
      }
      if (input.roles != null) {
        const roles = checkRoles(input.roles, actor);
        if (actor && actor.userId === user.id && user.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN)) {
          throw AppError.invalidState('ACCOUNT_SELF_DISABLE', 'You cannot take ADMIN from your own account');
        }
        values.roles = roles;
        changes.push(`roles ${roles.join(', ')}`);
      }
      if (input.economyCode !== undefined) {
        const code = input.economyCode?.trim().toUpperCase() || null;
        values.economyId = code ? await this.economyIdByCode(em, code) : null;
        changes.push(`economy ${code ?? 'none'}`);
      }
      if ((values.roles ?? user.roles).includes(Role.DELEGATE) && !(values.economyId !== undefined ? values.economyId : user.economyId)) {
        throw AppError.badInput('ACCOUNT_NEEDS_ECONOMY', 'a DELEGATE account needs economyCode (the economy it speaks for)', { field: 'economyCode' });
      }
      if (input.personId !== undefined) {
        values.personId = await this.personIdOf(em, input.personId);
        changes.push(values.personId ? `person ${values.personId}` : 'no person');
      }
      if (!changes.length) return user;
      await em.update(User, { id: user.id }, values);
      await this.audit.record(em, ctx, { action: 'user.update', entityType: 'User', entityId: user.id, summary: `changed ${user.email}: ${changes.join('; ')}` });
      return em.findOneOrFail(User, { where: { id: user.id } });
    });
  }

  private async useLink(ctx: RequestContext, secret: string, password: string, purpose: AccountTokenPurpose): Promise<User> {
    const secretText = secret.trim();
    if (!isWellFormedLinkSecret(secretText)) throw AppError.badInput('ACCOUNT_LINK_INVALID', LINK_INVALID, { field: 'token' });
    requireStrongPassword(password);
    const passwordHash = await hashPassword(password);
    return this.uow.write(async (em) => {
      const token = await em.findOne(AccountToken, { where: { tokenHash: hashLinkSecret(secretText), purpose } });
      const now = new Date();
      const user = token ? await em.findOne(User, { where: { id: token.userId } }) : null;
      if (!token || !user || token.usedAt || token.expiresAt <= now || user.disabled) throw AppError.badInput('ACCOUNT_LINK_INVALID', LINK_INVALID, { field: 'token' });
      // Single use even under a race: only one request turns usedAt from null.
      const claimed = await em.update(AccountToken, { id: token.id, usedAt: IsNull() }, { usedAt: now });
      if (claimed.affected !== 1) throw AppError.badInput('ACCOUNT_LINK_INVALID', LINK_INVALID, { field: 'token' });
      await this.setPassword(em, user, passwordHash, null);
      await this.audit.record(
        em,
        { ...ctx, actor: null },
        {
          action: purpose === AccountTokenPurpose.INVITATION ? 'user.accept_invitation' : 'user.password_reset',
          entityType: 'User',
          entityId: user.id,
          summary: `${user.email} ${purpose === AccountTokenPurpose.INVITATION ? 'accepted the invitation and chose a password' : 'reset their password'}`,
        },
      );
      return em.findOneOrFail(User, { where: { id: user.id } });
    });
  }

  /** Sets the hash and ends every session but `keepSessionId`; links still open end too. */
  private async setPassword(em: EntityManager, user: User, passwordHash: string, keepSessionId: string | null): Promise<void> {
    user.sessionVersion += 1;
    user.passwordHash = passwordHash;
    await em.update(User, { id: user.id }, { passwordHash, sessionVersion: user.sessionVersion });
    const now = new Date();
    await em.update(
      BrowserSession,
      { userId: user.id, endedAt: IsNull(), ...(keepSessionId ? { id: Not(keepSessionId) } : {}) },
      { endedAt: now, endReason: SessionEndReason.REVOKED },
    );
    if (keepSessionId) await em.update(BrowserSession, { id: keepSessionId }, { sessionVersion: user.sessionVersion });
    await em.update(AccountToken, { userId: user.id, usedAt: IsNull() }, { usedAt: now });
  }

  private async newLink(em: EntityManager, userId: string, purpose: AccountTokenPurpose, ttlSeconds: number): Promise<AccountToken> {
    const now = new Date();
    // A newer link ends the older ones of the same purpose.
    await em.update(AccountToken, { userId, purpose, usedAt: IsNull() }, { usedAt: now });
    const id = newId();
    const token = em.create(AccountToken, {
      id,
      userId,
      purpose,
      tokenHash: hashLinkSecret(this.links.reveal(id)),
      expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
      usedAt: null,
    });
    await em.insert(AccountToken, token);
    return token;
  }

  /** The CLI has no Notifier: it creates accounts with passwords and never sends links. */
  private notify(em: EntityManager, event: Parameters<Notifier['notify']>[1]): Promise<void> {
    if (!this.notifier) throw new Error('this process sends no messages (no Notifier): invitations and resets need the API');
    return this.notifier.notify(em, event);
  }

  private requireSecretariat(ctx: RequestContext) {
    if (ctx.actor) {
      if (!actorHasRole(ctx.actor, Role.SECRETARIAT)) throw AppError.forbidden('NOT_ALLOWED');
      return ctx.actor;
    }
    if (ctx.req) throw AppError.unauthenticated('SIGN_IN_REQUIRED');
    return null; // the system (CLI, tests)
  }

  private async economyIdByCode(em: EntityManager, code: string): Promise<string> {
    const economy = await this.directory.economyByCode(em, code);
    if (!economy) throw AppError.badInput('ECONOMY_UNKNOWN', `unknown economy "${code}"`, { field: 'economyCode' });
    return economy.id;
  }

  private async personIdOf(em: EntityManager, raw: string | null | undefined): Promise<string | null> {
    const id = raw?.trim();
    if (!id) return null;
    const person = isUuid(id) ? await this.directory.personById(em, id) : null;
    if (!person) throw AppError.badInput('PERSON_UNKNOWN', `no person with id "${id}" in the directory`, { field: 'personId' });
    return person.id;
  }
}

function checkRoles(raw: Role[], actor: { roles: Role[] } | null): Role[] {
  const roles = [...new Set(raw)].sort();
  if (!roles.length) throw AppError.badInput('ROLE_UNKNOWN', 'give at least one role', { field: 'roles' });
  if (roles.some((r) => PRIVILEGED_ROLES.includes(r)) && actor && !actor.roles.includes(Role.ADMIN)) {
    throw AppError.forbidden('ADMIN_REQUIRED', 'Only an administrator may give SECRETARIAT or ADMIN');
  }
  return roles;
}
