import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import IORedis, { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig, AppError, ErrorCode } from '@tel/core';

/**
 * Slows down password guessing. Every attempt takes a point *before* the password is checked, in
 * one atomic step of the store (memory, or Redis when REDIS_URL is set, so every API process shares
 * the counts); a burst of parallel guesses can therefore never check more passwords than the limit.
 *
 * - **Per account + address** (LOGIN_MAX_FAILURES in LOGIN_BLOCK_SECONDS): the hard limit. A
 *   correct password clears it.
 * - **Per address, any account** (LOGIN_MAX_FAILURES_PER_IP in LOGIN_BLOCK_SECONDS): many people
 *   may sit behind one NAT or proxy, so a spent address budget does not lock them all out. The
 *   address is slowed down instead: one attempt per LOGIN_SLOWDOWN_SECONDS until the window ends.
 *   Correct passwords give their point back, so only failures use the budget up.
 *
 * Refused attempts give back what they took, so the counts stay "attempts that were checked".
 * When Redis is configured but does not answer, login is SERVICE_UNAVAILABLE: guesses are never
 * let through uncounted.
 */
@Injectable()
export class LoginRateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger('LoginRateLimiter');
  private readonly perAccountAndIp: RateLimiterAbstract;
  private readonly perIp: RateLimiterAbstract;
  private readonly slowedIp: RateLimiterAbstract;
  private readonly redis?: Redis;
  private reportedDown = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { loginMaxFailures, loginMaxFailuresPerIp, loginBlockSeconds, loginSlowdownSeconds } = config.auth;
    const redisUrl = config.jobs.redisUrl;
    if (redisUrl) {
      this.redis = new IORedis(redisUrl, {
        // Fail fast rather than queue: a login waiting on a dead Redis should answer 503 at once.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 3000,
        commandTimeout: 3000,
        retryStrategy: (times) => Math.min(times * 200, 2000),
        connectionName: `${config.jobs.queuePrefix}:login-limits`,
      });
      this.redis.on('error', (error: Error) => {
        if (this.reportedDown) return;
        this.reportedDown = true;
        this.logger.warn(`Redis unreachable (${error.message}); sign-in answers SERVICE_UNAVAILABLE until it is back`);
      });
      this.redis.on('ready', () => {
        if (this.reportedDown) this.logger.log('Redis reachable again; sign-in works');
        this.reportedDown = false;
      });
    }
    const prefix = `${config.jobs.queuePrefix}:login`;
    const make = (name: string, points: number, duration: number): RateLimiterAbstract =>
      this.redis
        ? new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `${prefix}:${name}`, points, duration, rejectIfRedisNotReady: true })
        : new RateLimiterMemory({ keyPrefix: `${prefix}:${name}`, points, duration });
    this.perAccountAndIp = make('account_ip', loginMaxFailures, loginBlockSeconds);
    this.perIp = make('ip', loginMaxFailuresPerIp, loginBlockSeconds);
    this.slowedIp = make('ip_slowed', 1, loginSlowdownSeconds);
  }

  get store(): 'redis' | 'memory' {
    return this.redis ? 'redis' : 'memory';
  }

  /**
   * Takes one attempt for `account` from `ip`, or throws TOO_MANY_REQUESTS (with
   * retryAfterSeconds) — or SERVICE_UNAVAILABLE when the shared store does not answer. Call it
   * before checking the password; call `succeeded` after a correct one.
   */
  async consume(account: string, ip: string): Promise<void> {
    const pairKey = keyOf(account, ip);
    await this.take(this.perAccountAndIp, pairKey);
    try {
      try {
        await this.take(this.perIp, ip);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== ErrorCode.TOO_MANY_REQUESTS) throw error;
        // The address budget is spent: slowed down, not blocked.
        await this.take(this.slowedIp, ip);
      }
    } catch (error) {
      // Refused before the password was checked: this attempt does not count against the account.
      await this.perAccountAndIp.reward(pairKey, 1).catch(() => undefined);
      throw error;
    }
  }

  /** A correct password: clears the account+address count and gives the address its point back. */
  async succeeded(account: string, ip: string): Promise<void> {
    await Promise.all([this.perAccountAndIp.delete(keyOf(account, ip)), this.perIp.reward(ip, 1)]).catch((error: unknown) => {
      this.logger.warn(`could not clear sign-in counts: ${String(error)}`);
    });
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.redis) return;
    // quit() waits for a reply that a dead connection never gives; disconnect() also stops reconnecting.
    if (this.redis.status === 'ready') await this.redis.quit().catch(() => this.redis!.disconnect());
    else this.redis.disconnect();
  }

  private async take(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooMany(rejection.msBeforeNext);
      if (!this.reportedDown) {
        this.reportedDown = true;
        this.logger.warn(
          `sign-in limit store failed (${rejection instanceof Error ? rejection.message : String(rejection)}); sign-in answers SERVICE_UNAVAILABLE until it is back`,
        );
      }
      throw AppError.serviceUnavailable('LOGIN_LIMITER_UNAVAILABLE', 'Sign-in is unavailable for a moment (its rate-limit store does not answer); try again shortly', 5);
    }
  }
}

function keyOf(account: string, ip: string): string {
  return `${account}|${ip}`;
}

export function tooMany(msBeforeNext: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError('LOGIN_RATE_LIMITED', `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
}
