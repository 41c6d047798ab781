import { createHash, randomBytes } from 'node:crypto';

/** Personal API tokens look like `telp_<43 base64url characters>` (256 random bits). */
export const API_TOKEN_PREFIX = 'telp_';
const API_TOKEN_SHAPE = /^telp_[A-Za-z0-9_-]{43}$/;

export function newApiTokenSecret(): { token: string; hash: string; hint: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashApiToken(token), hint: token.slice(0, API_TOKEN_PREFIX.length + 7) };
}

export function looksLikeApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}

export function isWellFormedApiToken(token: string): boolean {
  return API_TOKEN_SHAPE.test(token);
}

/** A fast hash is enough: the token has 256 bits of entropy, so it cannot be guessed from its hash. */
export function hashApiToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
