import { Injectable, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError, createRequestContext, ErrorCode, RequestContext } from '@tel/core';
import { Authenticator } from './authenticator';

export type RequestWithContext = Request & { telContext?: RequestContext; telAuthFailure?: string };

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every HTTP request its context: a request id (echoed as X-Request-Id, and put on every
 * GraphQL error) and the caller, from `Authorization: Bearer …` when present.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(private readonly authenticator: Authenticator) {}

  async use(req: RequestWithContext, res: Response, next: NextFunction): Promise<void> {
    const incoming = req.header('x-request-id');
    const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    const ctx = createRequestContext({ requestId, req, res });
    req.telContext = ctx;
    const header = req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S{1,4096})\s*$/i.exec(header);
      if (!match) {
        req.telAuthFailure = 'The Authorization header must be "Bearer <token>"';
      } else {
        try {
          ctx.actor = await this.authenticator.authenticate(match[1]);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== ErrorCode.UNAUTHENTICATED) return next(error);
          req.telAuthFailure = error.message;
        }
      }
    }
    next();
  }
}
