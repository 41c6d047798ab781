/**
 * HTTP rules of file downloads, as plain functions: Content-Disposition with an RFC 5987/6266
 * `filename*` and an ASCII fallback, single byte ranges (RFC 9110 §14), and entity-tag matching.
 */

export type Disposition = 'inline' | 'attachment';

const RFC5987_EXTRA = /['()*]/g;

/** `attachment; filename="report.pdf"` — plus `filename*=UTF-8''…` when the name is not plain ASCII. */
export function contentDisposition(disposition: Disposition, name: string): string {
  const fallback = asciiFallback(name);
  const header = `${disposition}; filename="${fallback.replace(/["\\]/g, '\\$&')}"`;
  if (fallback === name) return header;
  const encoded = encodeURIComponent(name).replace(RFC5987_EXTRA, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${header}; filename*=UTF-8''${encoded}`;
}

/** The name in printable ASCII: accents dropped, other letters replaced; `document` when no letter or digit is left. */
export function asciiFallback(name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const ascii = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]+/g, '_')
      .replace(/[%"\\]/g, '_');
  let plainStem = ascii(stem).replace(/_+/g, '_').trim();
  if (!/[A-Za-z0-9]/.test(plainStem)) plainStem = 'document';
  return plainStem + ascii(ext);
}

export type RangeRequest = { kind: 'whole' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

/**
 * Reads a Range header for a representation of `size` bytes. One range is served as 206; several
 * ranges, other units or a malformed header are ignored (the whole file, 200), as RFC 9110
 * allows; a range that starts beyond the end is unsatisfiable (416).
 */
export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (!header) return { kind: 'whole' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'whole' };
  if (m[1].length > 15 || m[2].length > 15) return { kind: 'whole' };
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return { kind: 'whole' }; // invalid range: ignore it
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}

/** True when If-None-Match names `etag` (weak comparison, as RFC 9110 requires for it) or is `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * If-Range: serve the range only when the validator is this representation's (strong) ETag.
 * A date validator is not honoured (we have no Last-Modified), so the whole file is sent.
 */
export function ifRangeAllows(header: string | undefined, etag: string): boolean {
  if (!header) return true;
  return header.trim() === etag;
}
