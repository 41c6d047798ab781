import { createHash, createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AccountContact, AccountDirectory, APP_CONFIG, AppConfig, LinkSecrets, Recipients } from '@tel/core';
import { resolveAuthSecret } from '../tokens/auth-secret';
import { User } from './user.entity';

/**
 * The secret of a one-time link (invitation, password reset): HMAC-SHA256 of the link's row id
 * under AUTH_SECRET. Derived, not stored — the database keeps only its SHA-256 (`account_token`)
 * and the mail outbox only the row id — and made again when the mail is sent.
 */
@Injectable()
export class AccountLinks extends LinkSecrets {
  private readonly key: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super();
    this.key = resolveAuthSecret(config);
  }

  reveal(secretRef: string): string {
    return createHmac('sha256', this.key).update(`tel-account-link:${secretRef}`).digest('base64url');
  }
}

export function hashLinkSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Link secrets are 43 base64url characters; anything else is refused before a database read. */
export function isWellFormedLinkSecret(secret: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(secret);
}

/** Accounts as the notifications library sees them: active ones only, by id or role. */
@Injectable()
export class UserDirectory extends AccountDirectory {
  async contacts(em: EntityManager, recipients: Recipients): Promise<AccountContact[]> {
    const found = new Map<string, User>();
    const ids = [...new Set(recipients.userIds ?? [])];
    if (ids.length) for (const u of await em.find(User, { where: { id: In(ids), disabled: false } })) found.set(u.id, u);
    if (recipients.roles?.length) {
      const qb = em.createQueryBuilder(User, 'u').where('u.disabled = :disabled', { disabled: false });
      const ors = recipients.roles.map((role, i) => {
        qb.setParameter(`role${i}`, `%,${role},%`);
        return `(',' || u.roles || ',') LIKE :role${i}`;
      });
      qb.andWhere(`(${ors.join(' OR ')})`);
      for (const u of await qb.getMany()) found.set(u.id, u);
    }
    const except = new Set(recipients.except ?? []);
    return [...found.values()]
      .filter((u) => !except.has(u.id))
      .sort((a, b) => a.email.localeCompare(b.email))
      .map((u) => ({ userId: u.id, email: u.email, displayName: u.displayName || u.email }));
  }
}
