import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity, NotificationKind } from '@tel/core';

/** What the web app lists for one account (newest first, with the unread count in the header). */
@ObjectType()
@Entity('notification')
@Index(['userId', 'createdAt'])
@Index(['userId', 'dedupeKey'], { unique: true })
export class Notification extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  private userRef?: unknown;

  @Field(() => NotificationKind)
  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Field()
  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Field({ description: 'Plain text, paragraphs separated by blank lines.' })
  @Column({ type: 'text' })
  body: string;

  @Field(() => String, { nullable: true, description: 'The page of the web app it is about.' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  path: string | null;

  /** The same key for the same account is notified once, ever (reminders). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: Date, nullable: true })
  readAt: Date | null;
}

/** A kind an account has switched off (no row: on). */
@Entity('notification_setting')
@Index(['userId', 'kind'], { unique: true })
export class NotificationSetting extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  userId: string;

  @ManyToOne('User', { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  private userRef?: unknown;

  @Column({ type: 'varchar', length: 32 })
  kind: NotificationKind;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;
}
