import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, RequestContext, runInRequestScope } from '@tel/core';

/** HTTP settings shared by the server and the tests: request scope, body limits, proxies (main.ts adds the graceful shutdown). */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  // First of all: whatever the request's handling leaves running knows its id (for the last-resort log).
  app.use((req: { telContext?: RequestContext }, _res: unknown, next: () => void) => runInRequestScope(() => req.telContext?.requestId, next));
  app.useBodyParser('json', { limit: config.jsonBodyLimit });
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);
  // Node closes an idle keep-alive connection after 5 s, and a client (a proxy, fetch's pool) that
  // reuses it at that moment gets ECONNRESET on a request the server never saw. Keep idle
  // connections longer than the usual proxy idle time (60 s) so the client, not the server, closes them.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
}
