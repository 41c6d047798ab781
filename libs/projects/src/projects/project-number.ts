/**
 * APEC project numbers: forum, sequence, year and funding letter(s). Papers write them
 * `TEL 01/2007S`; today's project database writes `EWG 06 2014A`. Both read the same; the
 * canonical form is the papers' one, `TEL 01/2007S` (sequence at least two digits).
 * The Secretariat assigns them, so a project may have none yet.
 */

export interface ProjectNumber {
  forum: string;
  sequence: number;
  year: number;
  /** e.g. `A` (APEC-funded) or `S`, upper case; kept as written, not interpreted. */
  fundingCode: string;
}

const NUMBER = /^([A-Z]{2,10})\s*(\d{1,3})\s*(?:\/|\s)\s*(\d{4})\s*([A-Z]{1,3})$/;

export function parseProjectNumber(input: string): ProjectNumber | null {
  if (typeof input !== 'string' || input.length > 40) return null;
  const text = input.trim().toUpperCase().replace(/\s+/g, ' ');
  const m = NUMBER.exec(text);
  if (!m) return null;
  const sequence = Number(m[2]);
  const year = Number(m[3]);
  if (sequence < 1 || year < 1989 || year > 2100) return null;
  return { forum: m[1], sequence, year, fundingCode: m[4] };
}

export function formatProjectNumber(n: ProjectNumber): string {
  return `${n.forum} ${String(n.sequence).padStart(2, '0')}/${n.year}${n.fundingCode}`;
}

/** The canonical form of a printed number, or null when it is not one. */
export function canonicalProjectNumber(input: string): string | null {
  const parsed = parseProjectNumber(input);
  return parsed ? formatProjectNumber(parsed) : null;
}
