import type { EntityManager } from 'typeorm';
import { registerEnumType } from '@nestjs/graphql';
import { Role } from '../access/roles';

/**
 * Kinds of notification; each can be switched off per account (its settings). ACCOUNT messages
 * (invitations, password resets, password changed) cannot be switched off.
 */
export enum NotificationKind {
  REPORT_SUBMITTED = 'REPORT_SUBMITTED',
  REPORT_HANDLED = 'REPORT_HANDLED',
  DECISION_RECORDED = 'DECISION_RECORDED',
  REPORT_REMINDER = 'REPORT_REMINDER',
  FOLLOWED_DOCUMENTS = 'FOLLOWED_DOCUMENTS',
  ACCOUNT = 'ACCOUNT',
}

registerEnumType(NotificationKind, { name: 'NotificationKind', description: 'What a notification is about; each kind but ACCOUNT can be switched off in the settings.' });

/** Who is told: accounts by id, and/or every active account holding one of `roles`. */
export interface Recipients {
  userIds?: readonly string[];
  roles?: readonly Role[];
  /** Accounts left out (e.g. the one who acted), after the others are resolved. */
  except?: readonly string[];
}

/**
 * One thing that happened, as a domain library tells it. The notifications library turns it into a
 * notification per recipient (shown in the web app) and an e-mail (text and HTML) in the same
 * transaction. Domain libraries never import the notifications library: they call this port.
 */
export interface NotifyEvent {
  kind: NotificationKind;
  recipients: Recipients;
  /** One line, English; the mail's subject and the notification's title. */
  title: string;
  /** Paragraphs of plain English text. */
  body: readonly string[];
  /** A page of the web app, e.g. `/projects/…`; the mail links to PUBLIC_URL + path. */
  path?: string | null;
  /**
   * The same key for the same recipient is notified once, ever (unique in the table): reminders use
   * `reminder:<project>:<meeting>:<dueOn>:<stage>`, so a pass run twice — or by two processes — sends nothing twice.
   */
  dedupeKey?: string;
  /**
   * A one-time secret link: the path holds `{secret}`, filled in only when the mail is sent (the
   * secret is derived from this reference and never stored). Only ACCOUNT messages have one; they
   * make no in-app notification.
   */
  secretRef?: string;
}

/**
 * A new document or revision registered for a meeting (and its group). Not sent at once: it is
 * gathered, for everyone who follows that meeting or group, into one daily digest
 * (FOLLOWED_DOCUMENTS) per person.
 */
export interface FollowedDocumentEvent {
  meetingId: string;
  groupId: string | null;
  /** Where it belongs, for people: `SPSG at TEL37`, or `TEL37` without a group. */
  heading: string;
  /** The symbol as cited, with its revision after the original: `2008-TELWG37-SPSG-006 [Rev.1]`. */
  citation: string;
  title: string;
  /** The page of the web app, e.g. `/documents/2008-TELWG37-SPSG-006-Rev.1`. */
  path: string;
  /** A restricted paper: only followers who may read restricted papers (members, i.e. active accounts) are told. */
  restricted: boolean;
  /** One item per key and follower (e.g. the revision's id), however often it is told. */
  itemKey: string;
}

/** The port domain libraries publish through (provided by libs/notifications in the API). */
export abstract class Notifier {
  /** Inside the caller's `uow.write` transaction: the notifications and e-mails commit (or roll back) with the change. */
  abstract notify(em: EntityManager, event: NotifyEvent): Promise<void>;
  /** Inside the caller's transaction: queues the item for the daily digest of the meeting's and group's followers. */
  abstract followedDocument(em: EntityManager, event: FollowedDocumentEvent): Promise<void>;
}

/** A contact the notifications library may write to. */
export interface AccountContact {
  userId: string;
  email: string;
  displayName: string;
}

/** Accounts as the notifications library needs them (provided by libs/auth). */
export abstract class AccountDirectory {
  /** The active accounts among `userIds` and those holding one of `roles`, without duplicates. */
  abstract contacts(em: EntityManager, recipients: Recipients): Promise<AccountContact[]>;
}

/** Turns a `secretRef` into the secret of a one-time link at send time (provided by libs/auth; the secret is never stored). */
export abstract class LinkSecrets {
  abstract reveal(secretRef: string): string;
}
