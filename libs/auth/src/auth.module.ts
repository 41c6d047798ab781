import { Module } from '@nestjs/common';
import { MeetingsModule } from '@tel/meetings';
import { ApiTokenResolver, UserResolver } from './accounts/accounts.resolver';
import { AuthService } from './accounts/auth.service';
import { LoginRateLimiter } from './accounts/login-rate-limiter';
import { Authenticator } from './authenticator';
import { BootstrapAdmin } from './bootstrap-admin';
import { BrowserSessions } from './sessions/browser-sessions.service';
import { SessionClock } from './sessions/session-clock';
import { SessionController } from './sessions/session.controller';
import { SessionTokens } from './tokens/session-tokens';
import { TokenAuthenticator } from './tokens/token-authenticator';

/**
 * Accounts, sign-in, session and API tokens, browser sessions (/api/session). Needs the database (DatabaseModule) and an
 * AuditTrail from the importing application. The API adds the guard and the middleware; the CLI
 * uses AuthService directly.
 */
@Module({
  imports: [MeetingsModule],
  controllers: [SessionController],
  providers: [
    SessionTokens,
    SessionClock,
    BrowserSessions,
    LoginRateLimiter,
    AuthService,
    TokenAuthenticator,
    { provide: Authenticator, useExisting: TokenAuthenticator },
    BootstrapAdmin,
    UserResolver,
    ApiTokenResolver,
  ],
  exports: [Authenticator, AuthService, SessionTokens, BrowserSessions, SessionClock],
})
export class AuthModule {}
