import { Global, Module } from '@nestjs/common';
import { Notifier } from '@tel/core';
import { JobsModule } from '@tel/jobs';
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
 * publish through, the web app's notification list and settings, and the admin's mail outbox.
 * Needs an AccountDirectory and LinkSecrets (libs/auth provides both).
 */
@Global()
@Module({
  imports: [MailModule],
  providers: [NotificationsService, { provide: Notifier, useExisting: NotificationsService }, NotificationsResolver, MailOutboxResolver],
  exports: [Notifier, NotificationsService],
})
export class NotificationsModule {}
