import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, installLastResortHandlers, loadConfig } from '@tel/core';
import { ApiModule } from './api.module';
import { configureHttp } from './configure-http';
import { installGracefulShutdown } from './graceful-shutdown';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), { bodyParser: false });
  configureHttp(app, config);
  installGracefulShutdown(app, config);
  await app.listen(config.port);
  // Once serving (a failure while starting still ends the process, for the supervisor to see).
  installLastResortHandlers('API');
  new Logger('API').log(`tel-registry listening on http://localhost:${config.port} (the site at /, GraphQL at /graphql, ${config.dialect} database)`);
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
