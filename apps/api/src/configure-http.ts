import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, trackRequest } from '@tel/core';
import type { NextFunction, Response } from 'express';
import { RequestContextMiddleware, requestIdOf, RequestWithContext, TrustProxyCheck } from '@tel/auth';

/** HTTP settings shared by the server and the tests: requests in flight, body limits, proxies (main.ts adds the graceful shutdown). */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  // First of all: the request's id (so that a failure before its context is made, e.g. in the
  // body parser, is answered with it), and the request is in flight until its response closes
  // (answered, or the client gone), so the last-resort log can name it.
  app.use((req: RequestWithContext, res: { once(event: 'close', listener: () => void): unknown }, next: () => void) => {
    const requestId = requestIdOf(req);
    res.once(
      'close',
      trackRequest(() => requestId),
    );
    next();
  });
  app.useBodyParser('json', { limit: config.jsonBodyLimit });
  // Then, for every route, the proxy check and the request's context (its id and caller). Plain
  // Express middleware rather than Nest's path-matched kind (`forRoutes('*path')`), which matched
  // its pattern against every request's path, twice: about 15 µs a request (bench/request). An
  // error goes to next() and so to Nest's exception filters, as from Nest's middleware.
  const trustProxyCheck = app.get(TrustProxyCheck);
  const requestContext = app.get(RequestContextMiddleware);
  app.use((req: RequestWithContext, res: Response, next: NextFunction) => trustProxyCheck.use(req, res, next));
  app.use((req: RequestWithContext, res: Response, next: NextFunction) => void requestContext.use(req, res, next).catch(next));
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);
  // Node closes an idle keep-alive connection after 5 s, and a client (a proxy, fetch's pool) that
  // reuses it at that moment gets ECONNRESET on a request the server never saw. Keep idle
  // connections longer than the usual proxy idle time (60 s) so the client, not the server, closes them.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}
