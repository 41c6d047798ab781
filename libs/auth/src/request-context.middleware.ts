import { Injectable, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError, createRequestContext, ErrorCode, graphqlExtensions, RequestContext, restErrorBody, toClientError } from '@tel/core';
import { Authenticator } from './authenticator';
import type { User } from './accounts/user.entity';
import type { BrowserSession } from './sessions/browser-session.entity';
import { BrowserSessions } from './sessions/browser-sessions.service';
import { CSRF_FAILURE, CSRF_HEADER, csrfTokenMatches, isStateChanging, readSessionCookie, SESSION_COOKIE, sessionCookieOptions } from './sessions/session.rules';

export type RequestWithContext = Request & {
  telContext?: RequestContext;
  /** Given by `requestIdOf` the first time anything asks. */
  telRequestId?: string;
  telAuthFailure?: string;
  /** The browser session the tel_session cookie signed this request in with. */
  telSession?: BrowserSession;
  telSessionUser?: User;
};

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The request's id: the client's X-Request-Id when it is safe to log, else a new UUID; the same
 * every time it is asked for. Given before the body is read (configureHttp asks first), so a
 * request still sending its body is named by it too.
 */
export function requestIdOf(req: Pick<RequestWithContext, 'telRequestId' | 'headers'>): string {
  if (req.telRequestId) return req.telRequestId;
  const incoming = req.headers['x-request-id'];
  req.telRequestId = typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  return req.telRequestId;
}

/** Signing in makes a new session, so it needs no CSRF token of the old one (its body must be JSON instead). */
function isSignIn(req: Request): boolean {
  return req.method === 'POST' && pathOf(req) === '/api/session';
}

function pathOf(req: Request): string {
  const url = req.originalUrl ?? req.url;
  const q = url.indexOf('?');
  return (q === -1 ? url : url.slice(0, q)).replace(/\/+$/, '') || '/';
}

/**
 * Gives every HTTP request its context: a request id (echoed as X-Request-Id, and put on every
 * GraphQL error) and the caller — from `Authorization: Bearer …` when present, else from the
 * tel_session cookie. A cookie that names no live session makes the request anonymous and is
 * cleared. A cookie-signed request that may change something (any method but GET, HEAD and
 * OPTIONS) must carry the session's X-CSRF-Token, or it is refused with 403 FORBIDDEN before it
 * reaches any route.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly sessions: BrowserSessions,
  ) {}

  async use(req: RequestWithContext, res: Response, next: NextFunction): Promise<void> {
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    const ctx = createRequestContext({ requestId, req, res });
    req.telContext = ctx;
    const header = req.header('authorization');
    if (header) {
      // A bearer token wins over a cookie: scripts keep working whatever the browser holds.
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
      return next();
    }
    const cookie = readSessionCookie(req.headers.cookie);
    if (!cookie) return next();
    let live;
    try {
      live = cookie.secret ? await this.sessions.resolve(cookie.secret) : null;
    } catch (error) {
      return next(error);
    }
    if (!live) {
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(req.secure));
      return next();
    }
    if (isStateChanging(req.method) && !isSignIn(req) && !csrfTokenMatches(live.session.csrfToken, req.headers[CSRF_HEADER])) {
      return refuseCsrf(req, res, requestId);
    }
    ctx.actor = live.actor;
    req.telSession = live.session;
    req.telSessionUser = live.user;
    next();
  }
}

/** 403 in the shape the caller reads: GraphQL's `errors`, or the REST routes' `error`. */
function refuseCsrf(req: Request, res: Response, requestId: string): void {
  // An upload refused here has not been read: do not wait for it.
  if (!req.complete) {
    res.setHeader('Connection', 'close');
    req.resume();
  }
  const error = toClientError(AppError.forbidden('CSRF_TOKEN_INVALID', CSRF_FAILURE));
  res.status(error.status);
  if (pathOf(req) === '/graphql') {
    res.json({ errors: [{ message: error.message, extensions: { ...graphqlExtensions(error), requestId } }] });
  } else {
    res.json(restErrorBody(error, requestId));
  }
}
