import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public, TEL_DATA_SOURCE, UNAVAILABLE_RETRY_AFTER_SECONDS } from '@tel/core';
import { JOB_QUEUE, JobQueue } from '@tel/jobs';

/** How long a dependency may take to answer a health check before it counts as down. */
export const HEALTH_CHECK_TIMEOUT_MS = 3000;

type Check = { status: 'up'; latencyMs: number } | { status: 'down'; reason: string };

function roundMs(started: bigint): number {
  return Math.round((Number(process.hrtime.bigint() - started) / 1e6) * 100) / 100;
}

/** Resolves with the work's value, or rejects with "timed out" after `ms`. */
async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  work.catch(() => undefined); // a late rejection after the timeout is not unhandled
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Health for orchestrators and load balancers, always JSON:
 * - `GET /health/live` — liveness: the process answers (200). It touches no dependency, so a
 *   database outage does not get the process restarted.
 * - `GET /health/ready` — readiness: the database answers a query and, when REDIS_URL is set, Redis
 *   answers PING. 200, or 503 with `Retry-After` and `failed: ["database" | "redis"]`.
 * - `GET /health` — readiness as above, plus the migrations still pending (as it always answered).
 */
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');
  private lastFailed = '';

  constructor(
    @Inject(TEL_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  @Public()
  @Get('live')
  live(@Res() res: Response): void {
    res.status(200).json({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) });
  }

  @Public()
  @Get('ready')
  async ready(@Res() res: Response): Promise<void> {
    await this.answer(res, false);
  }

  @Public()
  @Get()
  async health(@Res() res: Response): Promise<void> {
    await this.answer(res, true);
  }

  private async answer(res: Response, withMigrations: boolean): Promise<void> {
    const dialect = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const [database, redis] = await Promise.all([this.checkDatabase(), this.checkRedis()]);
    const failed = [...(database.status === 'down' ? ['database'] : []), ...(redis && redis.status === 'down' ? ['redis'] : [])];
    const body: Record<string, unknown> = {
      status: failed.length ? 'unavailable' : 'ok',
      ...(failed.length ? { failed } : {}),
      database: { ...database, dialect },
      redis: redis ?? { status: 'not configured' },
      uptimeSeconds: Math.round(process.uptime()),
    };
    if (withMigrations && database.status === 'up') {
      body.database = { ...(body.database as object), pendingMigrations: await within(this.dataSource.showMigrations(), HEALTH_CHECK_TIMEOUT_MS).catch(() => null) };
    }
    const key = failed.join(',');
    if (key !== this.lastFailed) {
      const reasons = { database, redis } as Record<string, Check | null>;
      if (key) this.logger.warn(`not ready: ${failed.map((f) => `${f} ${(reasons[f] as { reason: string }).reason}`).join('; ')}`);
      else this.logger.log('ready again');
      this.lastFailed = key;
    }
    if (failed.length) res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    res.status(failed.length ? 503 : 200).json(body);
  }

  private async checkDatabase(): Promise<Check> {
    const started = process.hrtime.bigint();
    try {
      await within(this.dataSource.query('SELECT 1'), HEALTH_CHECK_TIMEOUT_MS);
      return { status: 'up', latencyMs: roundMs(started) };
    } catch (error) {
      return { status: 'down', reason: reasonOf(error) };
    }
  }

  /** null when jobs run inline (no Redis to ask). */
  private async checkRedis(): Promise<Check | null> {
    if (this.queue.kind !== 'bullmq') return null;
    const started = process.hrtime.bigint();
    try {
      await this.queue.ping(HEALTH_CHECK_TIMEOUT_MS);
      return { status: 'up', latencyMs: roundMs(started) };
    } catch (error) {
      return { status: 'down', reason: reasonOf(error) };
    }
  }
}

/** A short reason without hosts, ports or credentials. */
function reasonOf(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : '';
  if (/within \d+ ms/.test(message)) return 'no answer in time';
  if (typeof e?.code === 'string' && /^[A-Z0-9_]{3,40}$/.test(e.code)) return `unreachable (${e.code})`;
  return 'unreachable';
}
