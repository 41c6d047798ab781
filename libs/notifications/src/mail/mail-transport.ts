import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import * as nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { APP_CONFIG, AppConfig } from '@tel/core';
import { RenderedMail } from './mail-render';

export interface OutgoingMail extends RenderedMail {
  to: string;
  /** Message-ID: the same for every try, so a receiver can tell a repeat. */
  messageId: string;
}

/** SMTP through nodemailer (SMTP_URL); without it, `configured` is false and nothing is sent. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: nodemailer.Transporter | null;
  readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = config.mail.from;
    this.transporter = config.mail.smtpUrl
      ? nodemailer.createTransport({ url: config.mail.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as SMTPTransport.Options)
      : null;
  }

  get configured(): boolean {
    return this.transporter !== null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transporter) throw new Error('SMTP_URL is not set');
    await this.transporter.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
