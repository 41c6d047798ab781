import { Inject, Injectable } from '@nestjs/common';
import { IsNull, LessThan } from 'typeorm';
import { Actor, APP_CONFIG, AppConfig, AuditTrail, newId, RequestContext, UnitOfWork } from '@tel/core';
import { User } from '../accounts/user.entity';
import { actorOf } from '../tokens/token-authenticator';
import { BrowserSession, SessionEndReason } from './browser-session.entity';
import { SessionClock } from './session-clock';
import { hashSessionSecret, newSessionSecret, sessionStateAt, touchIntervalMs } from './session.rules';

export interface StartedSession {
  /** The cookie's value; exists only in the answer to the sign-in. */
  secret: string;
  session: BrowserSession;
}

export interface LiveSession {
  session: BrowserSession;
  user: User;
  actor: Actor;
}

const END_REASON_OF_STATE = { idle: SessionEndReason.IDLE, expired: SessionEndReason.EXPIRED, ended: null } as const;

/**
 * Browser sessions: the server side of the tel_session cookie. A session ends when it is signed
 * out, after SESSION_IDLE_TIMEOUT without a request, SESSION_TTL after sign-in, or as soon as
 * its account is disabled or the account's sessionVersion is raised. An ended session never
 * comes back, whoever replays its cookie.
 */
@Injectable()
export class BrowserSessions {
  private readonly ttlMs: number;
  private readonly idleTimeoutSeconds: number;
  private readonly touchMs: number;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly clock: SessionClock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.ttlMs = config.auth.sessionTtlSeconds * 1000;
    this.idleTimeoutSeconds = config.auth.sessionIdleTimeoutSeconds;
    this.touchMs = touchIntervalMs(this.idleTimeoutSeconds);
  }

  /**
   * A new session for an account that has just proved its password. `replacing` is the session
   * the browser had until now (ended, so one browser holds one session). Sessions past their
   * expiry are deleted here, so the table stays as small as the number of people signed in.
   */
  async start(ctx: RequestContext, user: User, replacing: string | null): Promise<StartedSession> {
    const now = this.clock.now();
    const secret = newSessionSecret();
    const session = await this.uow.write(async (em) => {
      await em.delete(BrowserSession, { expiresAt: LessThan(now) });
      if (replacing) await em.update(BrowserSession, { id: replacing, endedAt: IsNull() }, { endedAt: now, endReason: SessionEndReason.REPLACED });
      const row = em.create(BrowserSession, {
        id: newId(),
        secretHash: hashSessionSecret(secret),
        userId: user.id,
        sessionVersion: user.sessionVersion,
        csrfToken: newSessionSecret(),
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.ttlMs),
        endedAt: null,
        endReason: null,
      });
      await em.insert(BrowserSession, row);
      // The audit event's actor is the account that signed in.
      await this.audit.record(
        em,
        { ...ctx, actor: { ...actorOf(user, 'browser-session'), sessionId: row.id } },
        {
          action: 'session.start',
          entityType: 'BrowserSession',
          entityId: row.id,
          summary: `${user.email} signed in in a browser (session until ${row.expiresAt.toISOString()})`,
        },
      );
      return row;
    });
    return { secret, session };
  }

  /**
   * The live session a cookie's secret belongs to, with its account; null for a secret that is
   * unknown, ended, idle too long, expired, or whose account was disabled or revoked since —
   * those are ended here, for good.
   */
  async resolve(secret: string): Promise<LiveSession | null> {
    const row = (await this.uow.manager
      .createQueryBuilder(BrowserSession, 's')
      .innerJoinAndMapOne('s.user', User, 'u', 'u.id = s.userId')
      .where('s.secretHash = :hash', { hash: hashSessionSecret(secret) })
      .getOne()) as (BrowserSession & { user: User | undefined }) | null;
    if (!row?.user) return null;
    const now = this.clock.now();
    const state = sessionStateAt(row, now, this.idleTimeoutSeconds);
    if (state !== 'active') {
      const reason = END_REASON_OF_STATE[state];
      if (reason) await this.markEnded(row.id, now, reason);
      return null;
    }
    const { user } = row;
    if (user.disabled || user.sessionVersion !== row.sessionVersion) {
      await this.markEnded(row.id, now, SessionEndReason.REVOKED);
      return null;
    }
    if (now.getTime() - row.lastSeenAt.getTime() >= this.touchMs) {
      await this.uow.write((em) => em.update(BrowserSession, { id: row.id, endedAt: IsNull() }, { lastSeenAt: now }));
      row.lastSeenAt = now;
    }
    delete (row as { user?: User }).user;
    return { session: row, user, actor: { ...actorOf(user, 'browser-session'), sessionId: row.id } };
  }

  /** Signs a session out. Ending one that has already ended changes nothing. */
  async signOut(ctx: RequestContext, sessionId: string): Promise<void> {
    const now = this.clock.now();
    await this.uow.write(async (em) => {
      const result = await em.update(BrowserSession, { id: sessionId, endedAt: IsNull() }, { endedAt: now, endReason: SessionEndReason.SIGNED_OUT });
      if (!result.affected) return;
      await this.audit.record(em, ctx, { action: 'session.end', entityType: 'BrowserSession', entityId: sessionId, summary: `${ctx.actor?.email ?? 'a browser'} signed out` });
    });
  }

  private async markEnded(id: string, now: Date, reason: SessionEndReason): Promise<void> {
    await this.uow.write((em) => em.update(BrowserSession, { id, endedAt: IsNull() }, { endedAt: now, endReason: reason }));
  }
}
