import { Inject, Injectable } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';
import { APP_CONFIG, AppConfig } from '@tel/core';
import { resolveAuthSecret } from './auth-secret';

export const INVALID_TOKEN = 'Invalid or expired token';

const ISSUER = 'tel-registry';
const AUDIENCE = 'tel-registry/api';

export interface SessionClaims {
  /** The user id. */
  sub: string;
  /** The user's sessionVersion when the token was made. */
  sv: number;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  /** Whose session it is (what a browser session is then started for). */
  userId: string;
}

/** Signed session tokens (JWT, HS256): what `login` hands out. */
@Injectable()
export class SessionTokens {
  private readonly secret: string;
  private readonly ttlSeconds: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secret = resolveAuthSecret(config);
    this.ttlSeconds = config.auth.tokenTtlSeconds;
  }

  issue(userId: string, sessionVersion: number): IssuedSession {
    const token = jwt.sign({ sv: sessionVersion }, this.secret, {
      algorithm: 'HS256',
      subject: userId,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: this.ttlSeconds,
    });
    const { exp } = jwt.decode(token) as { exp: number };
    return { token, expiresAt: new Date(exp * 1000), userId };
  }

  /** The claims of a valid token; null for one that is malformed, tampered with or expired. */
  verify(token: string): SessionClaims | null {
    try {
      const claims = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string' || !Number.isInteger(claims.sv)) return null;
      return { sub: claims.sub, sv: claims.sv as number };
    } catch {
      return null;
    }
  }
}
