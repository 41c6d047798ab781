import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, NotificationKind } from '@tel/core';

export enum MailStatus {
  /** Written with the change that caused it; waiting to be sent (or kept, while SMTP_URL is unset). */
  PENDING = 'PENDING',
  SENT = 'SENT',
}
registerEnumType(MailStatus, { name: 'MailStatus' });

/**
 * The mail outbox: one message to one address, written in the same transaction as the change
 * that causes it, sent by the `send-mail` job. A `{secret}` in the text stands for a one-time
 * link's secret, filled in when it is sent (never stored).
 */
@ObjectType()
@Entity('mail_message')
@Index(['status', 'createdAt'])
export class MailMessage extends BaseEntity {
  @Column({ type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @ManyToOne('User', { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  private userRef?: unknown;

  @Field()
  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Field(() => NotificationKind)
  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  /** The one-time link whose secret `{secret}` stands for (an account_token id), if any. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  secretRef: string | null;

  @Field(() => MailStatus)
  @Column({ type: 'varchar', length: 16, default: MailStatus.PENDING })
  status: MailStatus;

  @Field(() => Number, { description: 'Failed tries to hand it to the SMTP server.' })
  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ type: Date, nullable: true })
  sentAt: Date | null;
}
