import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { CookieOptions } from 'express';

/** The browser-session cookie. */
export const SESSION_COOKIE = 'tel_session';
/** The header a cookie-authenticated page sends its CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FAILURE = 'Missing or invalid CSRF token';

const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** 256 random bits, base64url: the cookie's value, and separately the CSRF token. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A fast hash is enough: the secret has 256 bits of entropy. */
export function hashSessionSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * The tel_session cookie of a Cookie header: null when there is none; `secret` null when its
 * value is not shaped like one of ours (it is then cleared like any dead session).
 */
export function readSessionCookie(cookieHeader: string | undefined): { secret: string | null } | null {
  if (!cookieHeader) return null;
  let value: string | undefined;
  try {
    value = parseCookies(cookieHeader)[SESSION_COOKIE];
  } catch {
    value = '';
  }
  if (value === undefined) return null;
  return { secret: SECRET_SHAPE.test(value) ? value : null };
}

/** Requests that may change something and so must prove they come from our own pages. */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Compares in constant time; any missing or malformed token fails. */
export function csrfTokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (other sites' forms and fetches do not carry it;
 * following a link does), Path=/ and Secure on HTTPS — `secure` is req.secure, which believes
 * X-Forwarded-Proto only with TRUST_PROXY.
 */
export function sessionCookieOptions(secure: boolean, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, ...(expires ? { expires } : {}) };
}

export type SessionState = 'active' | 'idle' | 'expired' | 'ended';

/** Whether a session still admits requests at `now`, given the idle timeout. */
export function sessionStateAt(session: { lastSeenAt: Date; expiresAt: Date; endedAt: Date | null }, now: Date, idleTimeoutSeconds: number): SessionState {
  if (session.endedAt) return 'ended';
  if (now.getTime() >= session.expiresAt.getTime()) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= idleTimeoutSeconds * 1000) return 'idle';
  return 'active';
}

/**
 * lastSeenAt is written at most once per this many milliseconds, so a busy page does not turn
 * every read into a write; the idle timeout is therefore exact to within this margin.
 */
export function touchIntervalMs(idleTimeoutSeconds: number): number {
  return Math.min(60_000, Math.floor((idleTimeoutSeconds * 1000) / 10));
}
