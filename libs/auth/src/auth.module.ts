import { Module } from '@nestjs/common';
import { AppError } from '@tel/core';
import { Authenticator } from './authenticator';

// Placeholder until accounts land: every token is refused.
class NoAccountsAuthenticator extends Authenticator {
  async authenticate(): Promise<never> {
    throw AppError.unauthenticated('Invalid or expired token');
  }
}

@Module({
  providers: [{ provide: Authenticator, useClass: NoAccountsAuthenticator }],
  exports: [Authenticator],
})
export class AuthModule {}
