import { Follow, FollowDigestItem } from './follows/follow.entity';
import { MailMessage } from './mail/mail-message.entity';
import { Notification, NotificationSetting } from './notifications/notification.entity';

export const NOTIFICATIONS_ENTITIES = [MailMessage, Notification, NotificationSetting, Follow, FollowDigestItem];
