import type { Request } from 'express';

/** The address the caller reached us at (scheme from X-Forwarded-Proto only with TRUST_PROXY, as Express decides). */
export function originOf(req: Request | undefined): string {
  if (!req) return '';
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
