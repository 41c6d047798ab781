import { Args, Field, ID, InputType, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Allow, Ctx, LinkSecrets, NotificationKind, RequestContext, Role, SignedIn } from '@tel/core';
import { MailMessage, MailStatus } from '../mail/mail-message.entity';
import { fillSecret } from '../mail/mail-render';
import { Notification } from './notification.entity';
import { NotificationsService } from './notifications.service';

@ObjectType()
export class NotificationList {
  @Field(() => [Notification], { description: 'Newest first.' })
  nodes: Notification[];

  @Field(() => Int)
  totalCount: number;

  @Field(() => Int, { description: 'Notifications not yet marked read (the number in the header).' })
  unreadCount: number;
}

@ObjectType()
export class NotificationSettingView {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: 'False: neither notified in the web app nor mailed.' })
  enabled: boolean;
}

@ObjectType()
export class MailOutbox {
  @Field(() => [MailMessage])
  nodes: MailMessage[];

  @Field(() => Int)
  totalCount: number;

  @Field({ description: 'False: SMTP_URL is unset, and messages are kept here instead of being sent.' })
  smtpConfigured: boolean;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'None: all of mine.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(36, { each: true })
  ids?: string[] | null;
}

@InputType()
export class SetNotificationSettingInput {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field()
  @IsBoolean()
  enabled: boolean;
}

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(private readonly notifications: NotificationsService) {}

  @SignedIn()
  @Query(() => NotificationList, { description: 'My notifications, newest first, with the unread count.' })
  myNotifications(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly: boolean | null,
  ): Promise<NotificationList> {
    return this.notifications.mine(ctx, first ?? 20, unreadOnly ?? false);
  }

  @SignedIn()
  @Mutation(() => Int, { description: 'Marks my notifications read (these, or all); answers how many stay unread.' })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Args('input') input: MarkNotificationsReadInput): Promise<number> {
    return this.notifications.markRead(ctx, input.ids ?? null);
  }

  @SignedIn()
  @Query(() => [NotificationSettingView], { description: 'Which kinds of notification I get (each can be switched off).' })
  myNotificationSettings(@Ctx() ctx: RequestContext): Promise<NotificationSettingView[]> {
    return this.notifications.settings(ctx);
  }

  @SignedIn()
  @Mutation(() => [NotificationSettingView], { description: 'Switches one kind of notification (web app and mail) on or off for me.' })
  setNotificationSetting(@Ctx() ctx: RequestContext, @Args('input') input: SetNotificationSettingInput): Promise<NotificationSettingView[]> {
    return this.notifications.setSetting(ctx, input.kind, input.enabled);
  }

  @ResolveField(() => String, { description: 'ISO 8601, UTC.' })
  createdAt(@Parent() n: Notification): string {
    return n.createdAt.toISOString();
  }

  @ResolveField(() => Boolean)
  read(@Parent() n: Notification): boolean {
    return n.readAt !== null;
  }
}

@Resolver(() => MailMessage)
export class MailOutboxResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly secrets: LinkSecrets,
  ) {}

  @Allow(Role.ADMIN)
  @Query(() => MailOutbox, { description: 'The mail outbox, newest first. With SMTP_URL unset, messages are kept here (PENDING) for the admin to pass on; nothing is lost.' })
  mailOutbox(
    @Args('status', { type: () => MailStatus, nullable: true }) status: MailStatus | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
  ): Promise<MailOutbox> {
    return this.notifications.outbox(status, first ?? 50);
  }

  @ResolveField(() => String, { description: 'The plain-text part as it is (or will be) sent, one-time links included: the admin passes it on while SMTP_URL is unset.' })
  text(@Parent() m: MailMessage): string {
    return m.secretRef ? fillSecret(m, this.secrets.reveal(m.secretRef)).text : m.text;
  }

  @ResolveField(() => String, { description: 'ISO 8601, UTC.' })
  createdAt(@Parent() m: MailMessage): string {
    return m.createdAt.toISOString();
  }

  @ResolveField(() => String, { nullable: true, description: 'ISO 8601, UTC.' })
  sentAt(@Parent() m: MailMessage): string | null {
    return m.sentAt?.toISOString() ?? null;
  }
}
