import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the secret part of a private feed's address. */
export function newFeedSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret. */
export function hashFeedSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A secret as newFeedSecret writes it (43 base64url characters); anything else is refused before hashing. */
export function looksLikeFeedSecret(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}
