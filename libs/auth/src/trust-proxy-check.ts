import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '@tel/core';

/** What to warn about, or null when the request fits TRUST_PROXY. Pure, for the tests. */
export function trustProxyProblem(trustProxy: boolean, forwardedFor: string | undefined): string | null {
  if (!trustProxy && forwardedFor) {
    return (
      'A request arrived with X-Forwarded-For while TRUST_PROXY=false: if a reverse proxy sits in front, every client has the ' +
      "proxy's address, and the sign-in limits of one address apply to all of them. Set TRUST_PROXY=true behind a proxy."
    );
  }
  if (trustProxy && !forwardedFor) {
    return (
      'A request arrived without X-Forwarded-For while TRUST_PROXY=true: it came straight from a client, not through the proxy. ' +
      'If the server is reachable directly, a client can choose its own address by sending X-Forwarded-For and so escape the ' +
      'sign-in limits; let only the proxy reach it, or set TRUST_PROXY=false.'
    );
  }
  return null;
}

/**
 * Warns once (per process and kind) when requests do not look the way TRUST_PROXY says: the
 * sign-in limits count per client address, so a wrong setting makes them count the wrong thing.
 */
@Injectable()
export class TrustProxyCheck implements NestMiddleware {
  private readonly logger = new Logger('TrustProxy');
  private readonly warned = new Set<string>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  use(req: Request, _res: Response, next: NextFunction): void {
    if (this.warned.size < 2) {
      const problem = trustProxyProblem(this.config.trustProxy, req.header('x-forwarded-for'));
      if (problem && !this.warned.has(problem)) {
        this.warned.add(problem);
        this.logger.warn(problem);
      }
    }
    next();
  }
}
