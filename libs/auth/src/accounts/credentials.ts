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

/**
 * Scripts a letter of an address may belong to, checked in this order. A letter of any other
 * script counts as "Other" (one script of its own, so it may not mix with Latin either).
 */
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Armenian',
  'Georgian',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Thai',
  'Lao',
  'Tibetan',
  'Myanmar',
  'Khmer',
  'Mongolian',
  'Ethiopic',
  'Cherokee',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Bopomofo',
] as const;
const SCRIPT_PATTERNS = SCRIPTS.map((name) => [name, new RegExp(`^\\p{Script=${name}}$`, 'u')] as const);
/**
 * The sets of scripts one address may combine (Unicode TS #39, "highly restrictive"): one script,
 * or Latin with the scripts Chinese, Japanese and Korean are written in together.
 */
const ALLOWED_SCRIPT_SETS: ReadonlySet<string>[] = [new Set(['Latin', 'Han', 'Hiragana', 'Katakana']), new Set(['Latin', 'Han', 'Bopomofo']), new Set(['Latin', 'Han', 'Hangul'])];
/** Invisible and control characters (zero-width space, joiners, bidi controls…): never part of an address. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\s]/u;

/** The scripts of the letters in `text` (digits, punctuation and combining marks belong to none). */
export function scriptsOf(text: string): Set<string> {
  const scripts = new Set<string>();
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    scripts.add(SCRIPT_PATTERNS.find(([, pattern]) => pattern.test(ch))?.[0] ?? 'Other');
  }
  return scripts;
}

/** True when `text` mixes scripts the way look-alike addresses do (Latin "a" next to Cyrillic "а"). */
export function isMixedScript(text: string): boolean {
  const scripts = scriptsOf(text);
  if (scripts.size <= 1) return false;
  return !ALLOWED_SCRIPT_SETS.some((allowed) => [...scripts].every((s) => allowed.has(s)));
}

/**
 * The one form an e-mail address is stored and looked up in: Unicode NFKC (full-width and other
 * compatibility letters folded: "ａｄｍｉｎ" is "admin"), trimmed, lower-cased. Null when it is not
 * an address, holds invisible characters, or mixes scripts (a Cyrillic "а" in a Latin address) —
 * so a look-alike can neither be registered nor sign in as anyone.
 */
export function normalizeEmail(raw: string): string | null {
  const checked = checkEmail(raw);
  return checked.ok ? checked.email : null;
}

/** The normalized address, or why it is refused. */
export function checkEmail(raw: string): { ok: true; email: string } | { ok: false; problem: string } {
  const email = raw.normalize('NFKC').trim().toLowerCase();
  if (!email || email.length > EMAIL_MAX_LENGTH) return { ok: false, problem: `email must be 1 to ${EMAIL_MAX_LENGTH} characters` };
  if (INVISIBLE.test(email)) return { ok: false, problem: 'email must not contain spaces, invisible or control characters' };
  if (isMixedScript(email)) {
    return { ok: false, problem: `email mixes letters of different scripts (${[...scriptsOf(email)].join(', ')}), as look-alike addresses do` };
  }
  if (!isEmail(email, { allow_display_name: false, require_tld: true, allow_ip_domain: false })) return { ok: false, problem: 'email is not a valid e-mail address' };
  return { ok: true, email };
}

/** The normalized e-mail, or BAD_USER_INPUT saying what is wrong with it. */
export function requireEmail(raw: string): string {
  const checked = checkEmail(raw);
  if (!checked.ok) throw AppError.badInput('EMAIL_INVALID', checked.problem, { field: 'email' });
  return checked.email;
}

/** Length is counted in characters (code points), so non-Latin passwords are treated fairly. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  if (!password.trim()) return 'password must not be only spaces';
  return null;
}

export function requireStrongPassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) throw AppError.badInput('PASSWORD_WEAK', problem, { field });
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
