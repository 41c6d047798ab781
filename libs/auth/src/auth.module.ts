import { Global, Module } from '@nestjs/common';
import { AccountDirectory, LinkSecrets } from '@tel/core';
import { AccountFlows } from './accounts/account-flows.service';
import { AccountLinks, UserDirectory } from './accounts/account-links';
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
import { RequestContextMiddleware } from './request-context.middleware';
import { TrustProxyCheck } from './trust-proxy-check';

/**
 * Accounts, sign-in, session and API tokens, browser sessions (/api/session). Needs the database (DatabaseModule) and an
 * AuditTrail from the importing application. The API adds the guard and the middleware
 * (TrustProxyCheck, RequestContextMiddleware: apps/api/src/configure-http.ts); the CLI
 * uses AuthService directly.
 */
@Global()
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
    AccountLinks,
    { provide: LinkSecrets, useExisting: AccountLinks },
    { provide: AccountDirectory, useClass: UserDirectory },
    AccountFlows,
    UserResolver,
    ApiTokenResolver,
    TrustProxyCheck,
    RequestContextMiddleware,
  ],
  exports: [TrustProxyCheck, RequestContextMiddleware, Authenticator, AuthService, AccountFlows, SessionTokens, BrowserSessions, SessionClock, LinkSecrets, AccountDirectory],
})
export class AuthModule {}

/**
 * The secrets of one-time links, for a process that sends mail without serving accounts (the
 * worker): the same AUTH_SECRET derivation as the API's.
 */
@Global()
@Module({
  providers: [AccountLinks, { provide: LinkSecrets, useExisting: AccountLinks }],
  exports: [LinkSecrets],
})
export class AccountLinksModule {}
