import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { graphqlExtensions, RequestContext, restErrorBody, retryAfterOf, toClientError } from '@tel/core';

/**
 * HTTP routes answer errors as `{ "error": { "code", "reason", "field"?, "message", "requestId" } }`
 * with the matching status — the shape and status come from toClientError (@tel/core), the same
 * map Apollo's formatter uses. GraphQL errors are left to Apollo's formatter — except those raised
 * before Apollo runs (the body parser; the request-context middleware reading the caller's token
 * while the database is away), which on /graphql also carry GraphQL's
 * `errors: [{ message, extensions: { code, reason, requestId } }]`.
 * A database or Redis that does not answer is SERVICE_UNAVAILABLE (503, Retry-After), wherever it surfaces.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') throw exception;
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<{ telContext?: RequestContext; telRequestId?: string; method?: string; url?: string; path?: string }>();
    // A failure before the request context was made (the body parser) still has the id given
    // on arrival (configure-http.ts, requestIdOf).
    const requestId = req.telContext?.requestId ?? req.telRequestId;
    const error = toClientError(exception);
    if (error.unavailable) {
      this.logger.warn(`[${requestId}] ${req.method} ${req.url}: a dependency is unreachable: ${(exception as Error)?.message ?? String(exception)}`);
    } else if (error.internal) {
      this.logger.error(`[${requestId}] ${req.method} ${req.url}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    if (res.headersSent) return res.end();
    if (requestId && !res.hasHeader('X-Request-Id')) res.setHeader('X-Request-Id', requestId);
    const retryAfter = retryAfterOf(error);
    if (retryAfter !== undefined) res.setHeader('Retry-After', String(retryAfter));
    const body = restErrorBody(error, requestId);
    // Failures before Apollo ran (body parser, the middleware's token lookup) on /graphql also carry
    // `errors`, so a GraphQL client reads them as it reads any other.
    if (req.path === '/graphql') return res.status(error.status).json({ ...body, errors: [{ message: error.message, extensions: { ...graphqlExtensions(error), requestId } }] });
    return res.status(error.status).json(body);
  }
}
