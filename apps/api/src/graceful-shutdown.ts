import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig, AppError, restErrorBody, retryAfterOf, toClientError } from '@tel/core';

/** Seconds a refused client is told to wait: long enough for a restarted process to be back. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Stops the API on SIGTERM/SIGINT without losing a request, for rolling restarts behind a load
 * balancer. Nest's own shutdown hooks (enableShutdownHooks) close the database and Redis while the
 * server still listens and requests are in flight, which then fail or are cut off. Instead:
 *
 * 1. **Drain** (SHUTDOWN_DRAIN_MS): connections are still accepted, but every new request — and
 *    /health/ready — answers 503 SERVICE_UNAVAILABLE (reason SHUTTING_DOWN, Retry-After,
 *    `Connection: close`), which a client or balancer may send again elsewhere; requests already
 *    running carry on. The balancer sees the process not ready and takes it out of rotation.
 * 2. **Stop listening**, close idle connections, and wait for the requests in flight (at most
 *    SHUTDOWN_TIMEOUT_MS).
 * 3. **Close the application** (jobs, Redis, database) and exit 0.
 *
 * A second signal, or shutdown taking far longer than configured, exits at once. /health/live
 * stays 200 while draining: the process is alive, only leaving.
 */
export function installGracefulShutdown(app: NestExpressApplication, config: AppConfig): void {
  const logger = new Logger('Shutdown');
  let draining = false;
  const running = new Set<Response>();
  let idle: (() => void) | undefined;

  app.use((req: Request, res: Response, next: NextFunction) => {
    if (draining && req.path !== '/health/live') {
      const error = toClientError(AppError.serviceUnavailable('SHUTTING_DOWN', 'This server is restarting; send the request again.', RETRY_AFTER_SECONDS));
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', String(retryAfterOf(error)));
      const body = restErrorBody(error, undefined);
      res.status(error.status).json(req.path === '/graphql' ? { ...body, errors: [{ message: error.message, extensions: { code: error.code, reason: error.reason } }] } : body);
      return;
    }
    running.add(res);
    const finished = () => {
      running.delete(res);
      if (running.size === 0) idle?.();
    };
    res.once('finish', finished);
    res.once('close', finished);
    next();
  });

  const stop = async (signal: string): Promise<void> => {
    draining = true;
    // Answers still to come close their connection: no keep-alive request may follow them.
    for (const res of running) if (!res.headersSent) res.setHeader('Connection', 'close');
    const force = (reason: string) => {
      logger.error(`${reason}: exiting now`);
      process.exit(1);
    };
    process.once('SIGINT', () => force('second signal'));
    process.once('SIGTERM', () => force('second signal'));
    setTimeout(() => force('shutdown did not finish in time'), config.shutdownDrainMs + config.shutdownTimeoutMs + 30_000).unref();

    logger.log(`${signal}: draining for ${config.shutdownDrainMs} ms (new requests answer 503), then finishing ${running.size} request(s) in flight`);
    await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    const server: Server = app.getHttpServer();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const settled = running.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([settled.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), config.shutdownTimeoutMs)))]);
    clearTimeout(timer);
    if (timedOut) logger.warn(`${running.size} request(s) still running after ${config.shutdownTimeoutMs} ms; closing their connections`);
    server.closeAllConnections();
    await closed;
    await app.close();
    logger.log('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
