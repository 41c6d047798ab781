import { Global, Module } from '@nestjs/common';
import { Notifier } from '@tel/core';
import { JobsModule } from '@tel/jobs';
import { MeetingsModule } from '@tel/meetings';
import { FollowDigest } from './follows/follow-digest.service';
import { FollowsResolver, GroupFollowResolver, MeetingFollowResolver } from './follows/follows.resolver';
import { FollowsService } from './follows/follows.service';
import { MailTransport } from './mail/mail-transport';
import { PendingMail, SEND_MAIL, SendMailHandler } from './mail/send-mail.job';
import { MailOutboxResolver, NotificationsResolver } from './notifications/notifications.resolver';
import { NotificationsService } from './notifications/notifications.service';

/**
 * Sending mail: the `send-mail` job and its handler. The API imports it through
 * NotificationsModule; the worker imports it alone (with AccountLinksModule for the link secrets).
 */
@Module({
  imports: [JobsModule.forFeature([SEND_MAIL])],
  providers: [MailTransport, SendMailHandler, PendingMail],
  exports: [MailTransport],
})
export class MailModule {}

/**
 * Notifications and mail for the API: provides the Notifier port (global) that domain libraries
 * publish through, the web app's notification list and settings, the admin's mail outbox, and
 * follows of groups and meetings with their daily digest.
 * Needs an AccountDirectory and LinkSecrets (libs/auth provides both).
 */
@Global()
@Module({
  imports: [MailModule, MeetingsModule],
  providers: [
    NotificationsService,
    { provide: Notifier, useExisting: NotificationsService },
    NotificationsResolver,
    MailOutboxResolver,
    FollowsService,
    FollowsResolver,
    GroupFollowResolver,
    MeetingFollowResolver,
    FollowDigest,
  ],
  exports: [Notifier, NotificationsService, FollowsService, FollowDigest],
})
export class NotificationsModule {}
