import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, ErrorCode, httpStatusOf, RequestContext, toServiceUnavailable } from '@tel/core';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.BAD_USER_INPUT,
  415: ErrorCode.BAD_USER_INPUT,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

/**
 * HTTP routes answer errors as `{ "error": { "code", "message", "requestId" } }` with the matching
 * status. GraphQL errors are left to Apollo's formatter — except those raised before Apollo runs
 * (the body parser; the request-context middleware reading the caller's token while the database
 * is away), which on /graphql also carry GraphQL's `errors: [{ message, extensions: { code, requestId } }]`.
 * A database or Redis that does not answer is SERVICE_UNAVAILABLE (503, Retry-After), wherever it surfaces.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') throw exception;
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<{ telContext?: RequestContext; method?: string; url?: string; path?: string }>();
    const requestId = req.telContext?.requestId;
    const unavailable = exception instanceof AppError ? null : toServiceUnavailable(exception);
    if (unavailable) {
      this.logger.warn(`[${requestId}] ${req.method} ${req.url}: a dependency is unreachable: ${(exception as Error)?.message ?? String(exception)}`);
      exception = unavailable;
    }
    let status = 500;
    let code: string = ErrorCode.INTERNAL_SERVER_ERROR;
    let message = 'Internal server error';
    if (exception instanceof AppError) {
      status = httpStatusOf(exception.code);
      code = exception.code;
      message = exception.message;
      const retryAfter = exception.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number' && !res.headersSent) res.setHeader('Retry-After', String(Math.ceil(retryAfter)));
    } else if (exception instanceof HttpException && HTTP_CODES[exception.getStatus()]) {
      status = exception.getStatus();
      code = HTTP_CODES[status];
      message = status === 404 ? 'Not found' : exception.message;
    } else if ((exception as { type?: string; status?: number })?.type === 'entity.too.large') {
      status = 413;
      code = ErrorCode.BAD_USER_INPUT;
      message = 'The request body is too large';
    } else if ((exception as { type?: string })?.type === 'entity.parse.failed') {
      status = 400;
      code = ErrorCode.BAD_USER_INPUT;
      message = 'The request body is not valid JSON';
    } else {
      this.logger.error(`[${requestId}] ${req.method} ${req.url}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    if (res.headersSent) return res.end();
    const error = { code, message, requestId };
    // Failures before Apollo ran (body parser, the middleware's token lookup) on /graphql also carry
    // `errors`, so a GraphQL client reads them as it reads any other.
    if (req.path === '/graphql') return res.status(status).json({ error, errors: [{ message, extensions: { code, requestId } }] });
    return res.status(status).json({ error });
  }
}
