import { Injectable, Logger } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { LinkSecrets, UnitOfWork } from '@tel/core';
import { defineJob, JobHandler, JobHandlerFor, JobRun, PendingWork, PendingWorkFor } from '@tel/jobs';
import { MailMessage, MailStatus } from './mail-message.entity';
import { fillSecret } from './mail-render';
import { MailTransport } from './mail-transport';

/** Sends one message of the mail outbox. Retried with backoff (JOB_ATTEMPTS, JOB_BACKOFF_MS); the reconciliation tries again after that. */
export const SEND_MAIL = defineJob<{ mailId: string }>('send-mail', { key: (p) => p.mailId });

@JobHandler(SEND_MAIL)
export class SendMailHandler implements JobHandlerFor<typeof SEND_MAIL> {
  private readonly logger = new Logger('Mail');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly transport: MailTransport,
    private readonly secrets: LinkSecrets,
  ) {}

  /**
   * Idempotent: a message already SENT is not sent again. Without SMTP_URL the message is kept
   * (PENDING, listed for the admin) and the job ends; the reconciliation sends it once SMTP_URL is set.
   */
  async handle({ mailId }: { mailId: string }, run: JobRun): Promise<void> {
    if (!this.transport.configured) return;
    const mail = await this.uow.manager.findOne(MailMessage, { where: { id: mailId } });
    if (!mail || mail.status === MailStatus.SENT) return;
    const parts = mail.secretRef ? fillSecret(mail, this.secrets.reveal(mail.secretRef)) : mail;
    try {
      await this.transport.send({ to: mail.toAddress, subject: parts.subject, text: parts.text, html: parts.html, messageId: `<${mail.id}@tel-registry>` });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`mail ${mail.id} to ${mail.toAddress} not sent (try ${run.attempt}/${run.maxAttempts}): ${message}`);
      await this.uow.write((em) => em.update(MailMessage, { id: mail.id }, { failures: mail.failures + 1, lastError: message.slice(0, 1000) }));
      throw error;
    }
    await this.uow.write((em) => em.update(MailMessage, { id: mail.id, sentAt: IsNull() }, { status: MailStatus.SENT, sentAt: new Date(), lastError: null }));
  }
}

/**
 * The record of owed mail: PENDING messages. While SMTP_URL is set, the reconciliation enqueues
 * again those no queue holds (their tries ran out while the server was down, or they were kept
 * while SMTP_URL was unset).
 */
@Injectable()
@PendingWork(SEND_MAIL)
export class PendingMail implements PendingWorkFor<typeof SEND_MAIL> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly transport: MailTransport,
  ) {}

  async pending(olderThan: Date, limit: number): Promise<{ mailId: string }[]> {
    if (!this.transport.configured) return [];
    const rows = await this.uow.manager.find(MailMessage, {
      where: { status: MailStatus.PENDING },
      select: { id: true, updatedAt: true },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    return rows.filter((m) => m.updatedAt.getTime() <= olderThan.getTime()).map((m) => ({ mailId: m.id }));
  }

  stillPending({ mailId }: { mailId: string }): Promise<boolean> {
    return this.uow.manager.exists(MailMessage, { where: { id: mailId, status: MailStatus.PENDING } });
  }
}
