import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, AppConfig, AppError, ErrorCode } from '@tel/core';

/**
 * Slows down password guessing (in memory, per process): after LOGIN_MAX_FAILURES wrong passwords
 * for one e-mail from one address, or LOGIN_MAX_FAILURES_PER_IP from one address for any e-mail,
 * login answers TOO_MANY_REQUESTS until LOGIN_BLOCK_SECONDS have passed since the first of them.
 * A correct password clears the e-mail's count (not the address's).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly perEmailAndIp: RateLimiterMemory;
  private readonly perIp: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { loginMaxFailures, loginMaxFailuresPerIp, loginBlockSeconds } = config.auth;
    this.perEmailAndIp = new RateLimiterMemory({ keyPrefix: 'login_email_ip', points: loginMaxFailures, duration: loginBlockSeconds });
    this.perIp = new RateLimiterMemory({ keyPrefix: 'login_ip', points: loginMaxFailuresPerIp, duration: loginBlockSeconds });
  }

  /** Throws TOO_MANY_REQUESTS (with retryAfterSeconds) when either limit is used up. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [byEmail, byIp] = await Promise.all([this.perEmailAndIp.get(keyOf(email, ip)), this.perIp.get(ip)]);
    const blocked = [
      exhausted(byEmail, this.perEmailAndIp.points),
      exhausted(byIp, this.perIp.points),
    ].filter((ms): ms is number => ms !== null);
    if (blocked.length) throw tooMany(Math.max(...blocked));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([
      this.perEmailAndIp.penalty(keyOf(email, ip), 1),
      this.perIp.penalty(ip, 1),
    ]);
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.perEmailAndIp.delete(keyOf(email, ip));
  }
}

function keyOf(email: string, ip: string): string {
  return `${email}|${ip}`;
}

/** Milliseconds until the limit frees up, or null when there is room. */
function exhausted(res: RateLimiterRes | null, points: number): number | null {
  return res && res.consumedPoints >= points ? Math.max(res.msBeforeNext, 1000) : null;
}

export function tooMany(msBeforeNext: number): AppError {
  const retryAfterSeconds = Math.ceil(msBeforeNext / 1000);
  return new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed sign-in attempts; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
}
