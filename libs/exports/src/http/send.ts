import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { contentDisposition, etagMatches } from '@tel/documents';

export interface Representation {
  body: string;
  contentType: 'text/calendar; charset=utf-8' | 'text/csv; charset=utf-8';
  /** The download's name; non-ASCII names go in filename* (RFC 6266 / 5987). */
  filename: string;
  /** True when the content depends on who asks (members see more, a private feed): no shared cache keeps it. */
  personal: boolean;
  lastModified?: Date | null;
}

/**
 * Sends an export with its type, a download name, a strong ETag of the body (a conditional
 * request gets 304) and Last-Modified when known. Content that depends on the caller is
 * `private` and varies by Authorization and Cookie; the rest is `public`. Both revalidate
 * every time (`no-cache`): access and data change.
 */
export function sendRepresentation(req: Request, res: Response, rep: Representation): void {
  const etag = `"${createHash('sha256').update(rep.body, 'utf8').digest('base64url')}"`;
  res.setHeader('Content-Type', rep.contentType);
  res.setHeader('Content-Disposition', contentDisposition('attachment', rep.filename));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('ETag', etag);
  res.setHeader('Cache-Control', rep.personal ? 'private, no-cache' : 'public, no-cache');
  res.setHeader('Vary', 'Authorization, Cookie');
  if (rep.lastModified) res.setHeader('Last-Modified', new Date(Math.floor(rep.lastModified.getTime() / 1000) * 1000).toUTCString());
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).send(Buffer.from(rep.body, 'utf8'));
}
