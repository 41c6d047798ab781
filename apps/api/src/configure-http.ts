import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '@tel/core';

/** HTTP settings shared by the server and the tests: body limits, proxies, shutdown. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.useBodyParser('json', { limit: config.jsonBodyLimit });
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);
  app.enableShutdownHooks();
}
