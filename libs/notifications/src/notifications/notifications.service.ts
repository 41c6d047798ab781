import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import {
  AccountContact,
  AccountDirectory,
  APP_CONFIG,
  AppConfig,
  AppError,
  FollowedDocumentEvent,
  newId,
  NotificationKind,
  Notifier,
  NotifyEvent,
  RequestContext,
  UnitOfWork,
} from '@tel/core';
import { JobsService } from '@tel/jobs';
import { MailMessage, MailStatus } from '../mail/mail-message.entity';
import { absoluteLink, MailContent, renderMail } from '../mail/mail-render';
import { Follow, FollowDigestItem, FollowKind } from '../follows/follow.entity';
import { SEND_MAIL } from '../mail/send-mail.job';
import { Notification, NotificationSetting } from './notification.entity';

/** Kinds a person may switch off (ACCOUNT messages always go out). */
export const SWITCHABLE_KINDS: readonly NotificationKind[] = Object.values(NotificationKind).filter((k) => k !== NotificationKind.ACCOUNT);

const KIND_REASON: Record<NotificationKind, string> = {
  REPORT_SUBMITTED: 'progress reports submitted to the secretariat',
  REPORT_HANDLED: 'the handling of your projects’ progress reports',
  DECISION_RECORDED: 'decisions on approval requests',
  REPORT_REMINDER: 'reminders of progress reports due',
  FOLLOWED_DOCUMENTS: 'new documents of groups and meetings you follow',
  ACCOUNT: '',
};

/**
 * The Notifier the domain libraries publish through: for each recipient who has not switched the
 * kind off, a notification (shown in the web app) and a message in the mail outbox with its
 * `send-mail` job — all in the caller's transaction, so they exist exactly when the change does.
 */
@Injectable()
export class NotificationsService extends Notifier {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: AccountDirectory,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async notify(em: EntityManager, event: NotifyEvent): Promise<void> {
    await this.deliver(em, event);
  }

  /**
   * What `notify` does, answering who was told (those who had the event's dedupeKey before, or
   * switched the kind off, are not). `list` adds linked lists to the mail (a digest).
   */
  async deliver(em: EntityManager, event: NotifyEvent, list?: MailContent['list']): Promise<string[]> {
    let contacts = await this.directory.contacts(em, event.recipients);
    if (!contacts.length) return [];
    if (event.kind !== NotificationKind.ACCOUNT) {
      const muted = await this.mutedAmong(
        em,
        contacts.map((c) => c.userId),
        event.kind,
      );
      contacts = contacts.filter((c) => !muted.has(c.userId));
    }
    const told: string[] = [];
    for (const contact of contacts) {
      if (event.kind !== NotificationKind.ACCOUNT && !(await this.addNotification(em, contact, event))) continue; // notified before (dedupeKey)
      await this.addMail(em, contact, event, list);
      told.push(contact.userId);
    }
    return told;
  }

  /** Those among `userIds` who switched `kind` off. */
  async mutedAmong(em: EntityManager, userIds: readonly string[], kind: NotificationKind): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const off = await em.find(NotificationSetting, { where: { userId: In([...userIds]), kind, enabled: false }, select: { userId: true } });
    return new Set(off.map((s) => s.userId));
  }

  /**
   * A new document or revision: one digest item per active follower of its meeting or its group
   * (once, however many of them they follow), in the caller's transaction; the daily digest
   * (FollowDigest) sends them. Restricted papers go only to those who may read them: members —
   * by the documents rule (`readableAccess`) every signed-in account, so every active follower,
   * as AccountDirectory lists only active accounts.
   */
  async followedDocument(em: EntityManager, event: FollowedDocumentEvent): Promise<void> {
    const targets = [{ kind: FollowKind.MEETING, targetId: event.meetingId }, ...(event.groupId ? [{ kind: FollowKind.GROUP, targetId: event.groupId }] : [])];
    const follows = await em.find(Follow, { where: targets, select: { id: true, userId: true } });
    const userIds = [...new Set(follows.map((f) => f.userId))];
    if (!userIds.length) return;
    const readers = await this.directory.contacts(em, { userIds });
    for (const reader of readers) {
      await em
        .createQueryBuilder()
        .insert()
        .into(FollowDigestItem)
        .values({
          id: newId(),
          userId: reader.userId,
          itemKey: event.itemKey.slice(0, 100),
          heading: event.heading.slice(0, 120),
          citation: event.citation.slice(0, 100),
          title: event.title.slice(0, 500),
          path: event.path.slice(0, 500),
          digestedOn: null,
        })
        .orIgnore()
        .execute();
    }
  }

  /** False when this recipient already had the event's dedupeKey (a reminder sent before, by any process). */
  private async addNotification(em: EntityManager, contact: AccountContact, event: NotifyEvent): Promise<boolean> {
    const id = newId();
    const row = {
      id,
      userId: contact.userId,
      kind: event.kind,
      title: event.title.slice(0, 300),
      body: event.body.join('\n\n'),
      path: event.path ?? null,
      dedupeKey: event.dedupeKey ?? null,
      readAt: null,
    };
    if (!event.dedupeKey) {
      await em.insert(Notification, row);
      return true;
    }
    // ON CONFLICT DO NOTHING (INSERT OR IGNORE): a concurrent pass waits on the unique index and then inserts nothing.
    await em.createQueryBuilder().insert().into(Notification).values(row).orIgnore().execute();
    const kept = await em.findOne(Notification, { where: { userId: contact.userId, dedupeKey: event.dedupeKey }, select: { id: true } });
    return kept?.id === id;
  }

  private async addMail(em: EntityManager, contact: AccountContact, event: NotifyEvent, list?: MailContent['list']): Promise<void> {
    const link = event.path ? absoluteLink(this.config.mail.publicUrl, event.path) : null;
    const footer =
      event.kind === NotificationKind.ACCOUNT
        ? null
        : `You receive this because you are told of ${KIND_REASON[event.kind]}. Switch it off in your settings: ${absoluteLink(this.config.mail.publicUrl, '/account')}`;
    const rendered = renderMail({ title: event.title, body: list ? [] : event.body, link, footer, list });
    const mail = em.create(MailMessage, {
      id: newId(),
      userId: contact.userId,
      toAddress: contact.email,
      kind: event.kind,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      secretRef: event.secretRef ?? null,
      status: MailStatus.PENDING,
      failures: 0,
      lastError: null,
      sentAt: null,
    });
    await em.insert(MailMessage, mail);
    await this.jobs.enqueueInTransaction(em, SEND_MAIL, { mailId: mail.id });
  }

  // ---- what the web app and the admin read ---------------------------------------------------

  async mine(ctx: RequestContext, first: number, unreadOnly: boolean): Promise<{ nodes: Notification[]; unreadCount: number; totalCount: number }> {
    const userId = ctx.actor!.userId;
    const em = this.uow.manager;
    const [nodes, totalCount] = await em.findAndCount(Notification, {
      where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: Math.max(1, Math.min(first, 100)),
    });
    const unreadCount = await em.count(Notification, { where: { userId, readAt: IsNull() } });
    return { nodes, unreadCount, totalCount };
  }

  /** Marks the caller's notifications read: these ids, or all when none are given. Returns the unread count left. */
  async markRead(ctx: RequestContext, ids: string[] | null): Promise<number> {
    const userId = ctx.actor!.userId;
    await this.uow.write((em) => em.update(Notification, { userId, readAt: IsNull(), ...(ids?.length ? { id: In(ids) } : {}) }, { readAt: new Date() }));
    return this.uow.manager.count(Notification, { where: { userId, readAt: IsNull() } });
  }

  async settings(ctx: RequestContext): Promise<{ kind: NotificationKind; enabled: boolean }[]> {
    const rows = await this.uow.manager.find(NotificationSetting, { where: { userId: ctx.actor!.userId } });
    return SWITCHABLE_KINDS.map((kind) => ({ kind, enabled: rows.find((r) => r.kind === kind)?.enabled ?? true }));
  }

  async setSetting(ctx: RequestContext, kind: NotificationKind, enabled: boolean): Promise<{ kind: NotificationKind; enabled: boolean }[]> {
    if (!SWITCHABLE_KINDS.includes(kind))
      throw AppError.badInput('NOTIFICATION_KIND_FIXED', 'Account messages (invitations, password resets) cannot be switched off', { field: 'kind' });
    const userId = ctx.actor!.userId;
    await this.uow.write(async (em) => {
      const row = await em.findOne(NotificationSetting, { where: { userId, kind } });
      if (row) await em.update(NotificationSetting, { id: row.id }, { enabled });
      else await em.insert(NotificationSetting, em.create(NotificationSetting, { id: newId(), userId, kind, enabled }));
    });
    return this.settings(ctx);
  }

  /** The mail outbox, newest first: what waits (kept while SMTP_URL is unset, or failing) and what was sent. */
  async outbox(status: MailStatus | null, first: number): Promise<{ nodes: MailMessage[]; totalCount: number; smtpConfigured: boolean }> {
    const [nodes, totalCount] = await this.uow.manager.findAndCount(MailMessage, {
      where: status ? { status } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      take: Math.max(1, Math.min(first, 100)),
    });
    return { nodes, totalCount, smtpConfigured: !!this.config.mail.smtpUrl };
  }
}
