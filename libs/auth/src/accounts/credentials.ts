import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { isEmail } from 'class-validator';
import { AppError } from '@tel/core';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const EMAIL_MAX_LENGTH = 254;

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's parameters (19 MiB, 2 passes, 1 lane):
 * about 40 ms per hash here, against 250 ms and 64 MiB for the library's defaults — which would
 * let a burst of logins tie up the server's memory. The parameters are stored in each hash, so
 * raising them later keeps old hashes verifiable.
 */
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/** Trims and lower-cases an e-mail address; null when it is not one. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (!email || email.length > EMAIL_MAX_LENGTH) return null;
  return isEmail(email, { allow_display_name: false, require_tld: true, allow_ip_domain: false }) ? email : null;
}

/** The normalized e-mail, or BAD_USER_INPUT. */
export function requireEmail(raw: string): string {
  const email = normalizeEmail(raw);
  if (!email) throw AppError.badInput('email is not a valid e-mail address', { field: 'email' });
  return email;
}

/** Length is counted in characters (code points), so non-Latin passwords are treated fairly. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (!password.trim()) return 'password must not be only spaces';
  return null;
}

export function requireStrongPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw AppError.badInput(problem, { field: 'password' });
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** False (never an error) for a wrong password or an unreadable hash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password made with the same settings, verified against when the e-mail is
 * unknown, so a login for a missing account costs as much as one for a real account.
 */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  return dummyHash;
}
