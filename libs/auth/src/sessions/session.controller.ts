import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, Ctx, ErrorCode, PublicIgnoringInvalidToken, RequestContext, Role, UnitOfWork } from '@tel/core';
import { MeetingsDirectory } from '@tel/meetings';
import { LoginInput } from '../accounts/account.inputs';
import { AuthService } from '../accounts/auth.service';
import { User } from '../accounts/user.entity';
import { RequestWithContext } from '../request-context.middleware';
import { BrowserSessions } from './browser-sessions.service';
import { SESSION_COOKIE, sessionCookieOptions } from './session.rules';

function dropSetCookie(res: Response, name: string): void {
  const current = res.getHeader('Set-Cookie');
  if (current === undefined) return;
  const kept = (Array.isArray(current) ? current : [String(current)]).filter((c) => !c.startsWith(`${name}=`));
  if (kept.length) res.setHeader('Set-Cookie', kept);
  else res.removeHeader('Set-Cookie');
}

export const WRONG_CREDENTIALS = 'Wrong e-mail or password';

/** What the web app and the explorer know about who is signed in. */
export interface SessionUser {
  id: string;
  email: string;
  roles: Role[];
  economyCode: string | null;
}

export interface SessionAnswer {
  user: SessionUser | null;
  csrfToken: string | null;
}

/**
 * Signing in and out in a browser:
 * - POST /api/session {email, password} → 200 {user, csrfToken} and the tel_session cookie;
 * - GET /api/session → 200 {user|null, csrfToken|null}, never cached;
 * - DELETE /api/session → 204: the session ends on the server, the cookie is cleared.
 * The cookie then signs in GraphQL, downloads and the explorer (RequestContextMiddleware), and
 * every state-changing request it signs must carry X-CSRF-Token: <csrfToken>.
 */
@Controller('api/session')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: BrowserSessions,
    private readonly uow: UnitOfWork,
    private readonly meetings: MeetingsDirectory,
  ) {}

  @PublicIgnoringInvalidToken()
  @Post()
  @HttpCode(200)
  async signIn(@Ctx() ctx: RequestContext, @Body() input: LoginInput, @Req() req: RequestWithContext, @Res({ passthrough: true }) res: Response): Promise<SessionAnswer> {
    // A JSON body cannot come from another site's plain form (that would need a CORS preflight we never allow): no signing a browser into someone else's account.
    if (!req.is('application/json')) throw AppError.badInput('LOGIN_INPUT_MISSING', 'Send {"email", "password"} as application/json');
    if (typeof input?.email !== 'string' || typeof input?.password !== 'string')
      throw AppError.badInput('LOGIN_INPUT_MISSING', 'email and password are required', { fields: ['email', 'password'] });
    let userId: string;
    try {
      // The one sign-in path (rate limit, dummy hash for unknown e-mails), shared with GraphQL's login.
      userId = (await this.auth.login(input.email, input.password, req.ip ?? 'unknown')).userId;
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) throw AppError.unauthenticated('LOGIN_FAILED', WRONG_CREDENTIALS);
      throw error;
    }
    const user = await this.auth.userById(userId);
    if (!user) throw AppError.unauthenticated('LOGIN_FAILED', WRONG_CREDENTIALS);
    const { secret, session } = await this.sessions.start(ctx, user, req.telSession?.id ?? null);
    // The middleware may already have cleared a dead cookie in this answer; only the new one goes out.
    dropSetCookie(res, SESSION_COOKIE);
    res.cookie(SESSION_COOKIE, secret, sessionCookieOptions(req.secure, session.expiresAt));
    res.setHeader('Cache-Control', 'no-store');
    return { user: await this.sessionUser(user), csrfToken: session.csrfToken };
  }

  @PublicIgnoringInvalidToken()
  @Get()
  async current(@Ctx() ctx: RequestContext, @Req() req: RequestWithContext, @Res({ passthrough: true }) res: Response): Promise<SessionAnswer> {
    res.setHeader('Cache-Control', 'no-store');
    if (!ctx.actor) return { user: null, csrfToken: null };
    const user = req.telSessionUser ?? (await this.auth.userById(ctx.actor.userId));
    if (!user) return { user: null, csrfToken: null };
    return { user: await this.sessionUser(user), csrfToken: req.telSession?.csrfToken ?? null };
  }

  @PublicIgnoringInvalidToken()
  @Delete()
  @HttpCode(204)
  async signOut(@Ctx() ctx: RequestContext, @Req() req: RequestWithContext, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.telSession) await this.sessions.signOut(ctx, req.telSession.id);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req.secure));
    res.setHeader('Cache-Control', 'no-store');
  }

  private async sessionUser(user: User): Promise<SessionUser> {
    let economyCode: string | null = null;
    if (user.economyId) {
      const economy = await this.meetings.economyById(this.uow.manager, user.economyId);
      economyCode = economy?.code ?? null;
    }
    return { id: user.id, email: user.email, roles: [...user.roles], economyCode };
  }
}
