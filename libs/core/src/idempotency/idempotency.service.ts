import { Inject, Injectable, Logger } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { UnitOfWork } from '../database/unit-of-work';
import { IdempotencyKey } from './idempotency-key.entity';
import { IDEMPOTENT_REPLAY_HEADER, IdempotencyScope, IdempotentReplay, loadReplay, parseIdempotencyKey, requestFingerprint } from './idempotency';

const SWEEP_EVERY_MS = 3600 * 1000;

/**
 * Idempotency-Key for HTTP callers: makes the scope of a request that sent one, and answers a
 * replay with what the first request returned. GraphQL mutations get this from
 * idempotentMutations (the GraphQL schema's Mutation fields); REST routes that create (uploads) call it themselves.
 */
@Injectable()
export class Idempotency {
  private readonly logger = new Logger('Idempotency');
  private lastSweep = 0;

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The scope for this request, or null when it sent no Idempotency-Key or has no signed-in
   * caller (keys are per account). `args` are hashed with the operation; a REST route that knows
   * its body only later passes null and sets `scope.fingerprint` with `fingerprint()`.
   */
  scopeFor(ctx: RequestContext, operation: string, args: unknown): IdempotencyScope | null {
    const key = parseIdempotencyKey(ctx.req?.headers['idempotency-key']);
    if (key === undefined || !ctx.actor) return null;
    this.sweepNow();
    return new IdempotencyScope(ctx.actor.userId, key, operation, args === null ? null : requestFingerprint(operation, args), this.config.idempotencyTtlSeconds);
  }

  fingerprint(operation: string, args: unknown): string {
    return requestFingerprint(operation, args);
  }

  /** The first request's result for a replay, marked with `Idempotent-Replayed: true`. */
  async replay(ctx: RequestContext, replay: IdempotentReplay): Promise<unknown> {
    const result = await loadReplay(this.uow.manager, replay);
    if (ctx.res && !ctx.res.headersSent) ctx.res.setHeader(IDEMPOTENT_REPLAY_HEADER, 'true');
    return result;
  }

  /** Forgets expired keys, at most once an hour, in the background. */
  private sweepNow(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    this.uow
      .write((em) => em.delete(IdempotencyKey, { expiresAt: LessThan(new Date(now)) }))
      .then((res) => res.affected && this.logger.log(`forgot ${res.affected} expired idempotency key(s)`))
      .catch((error: unknown) => this.logger.warn(`could not forget expired idempotency keys: ${String(error)}`));
  }
}
