import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { IsNull, LessThanOrEqual } from 'typeorm';
import { APP_CONFIG, AppConfig, NotificationKind, UnitOfWork } from '@tel/core';
import { JobsService } from '@tel/jobs';
import { NotificationsService } from '../notifications/notifications.service';
import { composeDigest } from './follow-digest';
import { FollowDigestItem } from './follow.entity';

/** The scheduled task's name (one BullMQ job scheduler for every API process). */
export const FOLLOW_DIGEST_TASK = 'follow-digest';

/**
 * The daily digest of followed documents: for each follower with items owed, one notification and
 * one mail (FOLLOWED_DOCUMENTS) listing them. Its dedupe key is the day (UTC): a follower gets at
 * most one digest per day, whichever process runs the pass and however often — items that come
 * after that day's digest wait for the next. A follower who switched FOLLOWED_DOCUMENTS off gets
 * nothing, and the items are dropped. Runs daily at DIGEST_HOUR_UTC (libs/jobs' schedule: a BullMQ
 * job scheduler with Redis, a timer without).
 */
@Injectable()
export class FollowDigest implements OnApplicationBootstrap {
  private readonly logger = new Logger('FollowDigest');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly notifications: NotificationsService,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Not awaited: with Redis away the scheduling waits for it, and the process must start meanwhile (and say it is not ready). */
  onApplicationBootstrap(): void {
    void this.jobs
      .schedule({
        name: FOLLOW_DIGEST_TASK,
        repeat: { dailyAtHourUtc: this.config.mail.digestHourUtc },
        run: async () => {
          const sent = await this.run();
          if (sent) this.logger.log(`sent ${sent} digest(s)`);
        },
      })
      .catch((error: unknown) => this.logger.error(`digest not scheduled: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** One pass: the items registered up to `now`, digested as of `now`'s day (UTC). Answers how many digests were sent. */
  async run(now = new Date()): Promise<number> {
    const day = now.toISOString().slice(0, 10);
    const owed = await this.uow.manager
      .createQueryBuilder(FollowDigestItem, 'i')
      .select('i.userId', 'userId')
      .distinct(true)
      .where('i.digestedOn IS NULL')
      .andWhere('i.createdAt <= :now', { now })
      .getRawMany<{ userId: string }>();
    let sent = 0;
    for (const { userId } of owed) {
      if (await this.digestFor(userId, day, now)) sent++;
    }
    return sent;
  }

  private digestFor(userId: string, day: string, now: Date): Promise<boolean> {
    return this.uow.write(async (em) => {
      const items = await em.find(FollowDigestItem, { where: { userId, digestedOn: IsNull(), createdAt: LessThanOrEqual(now) }, order: { createdAt: 'ASC', citation: 'ASC' } });
      // (createdAt has whole seconds on SQLite: a document and its revision registered together list in symbol order.)
      if (!items.length) return false; // another process took them
      const done = () =>
        em.update(
          FollowDigestItem,
          items.map((i) => i.id),
          { digestedOn: day },
        );
      if ((await this.notifications.mutedAmong(em, [userId], NotificationKind.FOLLOWED_DOCUMENTS)).has(userId)) {
        await done();
        return false;
      }
      const digest = composeDigest(items, this.config.mail.publicUrl);
      const told = await this.notifications.deliver(
        em,
        { kind: NotificationKind.FOLLOWED_DOCUMENTS, recipients: { userIds: [userId] }, title: digest.title, body: digest.body, path: null, dedupeKey: `digest:${day}` },
        digest.sections,
      );
      // Not told: today's digest went out already (or the account is disabled); the items wait.
      if (!told.length) return false;
      await done();
      return true;
    });
  }
}
