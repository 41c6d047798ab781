/**
 * APEC TEL document symbols: parsing, formatting and search-query recognition.
 *
 * Canonical form: `2008-TELWG37-SPSG-006` = YEAR-MEETING-CODE-NNN, optionally followed by a
 * revision: `2008-TELWG37-SPSG-006 [Rev.2]`. The APEC meeting-document database writes the same
 * document as `2008/TEL37/SPSG/006` (revisions glued: `006rev2`).
 *
 * Decisions (kept in one place so callers know what to expect):
 * - MEETING is letters followed by a number 1..999. Only TEL's meeting code is normalized:
 *   `TEL37` and `TELWG37` both become `TELWG37`. Others (`SOM1`, `TELMIN7`) are kept as written,
 *   upper-cased, with leading zeros dropped from the number (`SOM01` becomes `SOM1`) so that each
 *   document has exactly one key.
 * - CODE is optional (`2005/SOM1/001` has none) and has 1..3 segments of letters/digits, each
 *   1..12 characters and containing at least one letter. A segment made only of digits would be
 *   indistinguishable from the document number (`2008-TEL37-SPSG-006-2`), so it is rejected.
 *   Segments are joined with `-` (`PTAB-WS`).
 * - NNN is 1..99999, printed with at least 3 digits (`006`, `1234`).
 * - Annex (APEC database `026anxE`): parsed into `annex: 'E'` (1..3 letters/digits, upper-cased).
 *   An annex is a separate document, so it stays in the canonical form and in `symbolKey`, glued
 *   to the number in both styles: `2009-TELWG40-PLEN-026anxE`, `2009/TEL40/PLEN/026anxE`.
 * - Revision: `[Rev.2]`, `(Rev.2)`, ` Rev.2`, `Rev 2`, `-Rev.2`, `/Rev.2`, `rev2` glued to the
 *   number, `Revision 2`. Range 0..999. Revision 0 is the original: it parses as 0, but it is
 *   formatted without a suffix, so it reads back as `null` (no revision given). A bare `r2` is
 *   NOT a revision.
 * - File extension (`.doc`, `.docx`, `.pdf`, `.ppt`, `.pptx`, `.xls`, `.xlsx`, `.rtf`, `.txt`,
 *   `.htm`, `.html`, `.zip`): stripped and reported as `extension`, lower-cased without the dot
 *   (`'pdf'`). It may follow the revision (`2008-TELWG37-SPSG-006 [Rev.2].doc`) or precede it, as
 *   the TEL37 delegation report writes it (`2008-TELWG37-SPSG-006.doc [Rev.2]`).
 * - Input: any case; spaces around separators and suffixes are ignored; non-breaking and other
 *   Unicode spaces count as spaces and Unicode dashes (e.g. Word's en dash) count as `-`.
 *   Control characters, any other non-ASCII character and inputs longer than 200 characters are
 *   rejected.
 *
 * Pure module: no dependencies beyond the language itself.
 */

export interface DocumentSymbol {
  year: number;
  /** Canonical meeting code, e.g. `TELWG37` or `SOM1`. */
  meeting: string;
  /** Group or session code, e.g. `SPSG` or `PTAB-WS`; null when the symbol has none. */
  code: string | null;
  number: number;
  /** Annex designator from the APEC database suffix `anxE` (`'E'`). */
  annex?: string;
}

export interface ParsedSymbol extends DocumentSymbol {
  /** Revision number; null when the input named none. */
  revision: number | null;
  /** File extension that followed the symbol, lower-case without the dot (`'pdf'`). */
  extension: string | null;
}

export interface SymbolQuery {
  year?: number;
  meeting?: string;
  code?: string;
  number?: number;
  revision?: number;
  annex?: string;
}

export interface FormatSymbolOptions {
  /**
   * Revision to print. When omitted and the symbol itself carries a `revision` (a ParsedSymbol),
   * that one is used; pass `null` to print none. 0 and null print no suffix.
   */
  revision?: number | null;
  /** `canonical` (default): `2008-TELWG37-SPSG-006 [Rev.2]`; `apec-db`: `2008/TEL37/SPSG/006rev2`. */
  style?: 'canonical' | 'apec-db';
}

export const SYMBOL_LIMITS = Object.freeze({
  minYear: 1989, // APEC was founded in 1989
  maxYear: 2100,
  minNumber: 1,
  maxNumber: 99999,
  minMeetingNumber: 1,
  maxMeetingNumber: 999,
  maxMeetingLetters: 12,
  maxCodeSegments: 3,
  maxCodeSegmentLength: 12,
  maxRevision: 999,
  maxInputLength: 200,
});

export const DOCUMENT_EXTENSIONS: readonly string[] = Object.freeze(['doc', 'docx', 'pdf', 'ppt', 'pptx', 'xls', 'xlsx', 'rtf', 'txt', 'htm', 'html', 'zip']);

const EXPECTED_FORM = 'YEAR-MEETING-CODE-NNN, e.g. 2008-TELWG37-SPSG-006 (optionally [Rev.2])';

/** Thrown by parseDocumentSymbol. `reason` says what was wrong, `expected` names the form. */
export class SymbolParseError extends Error {
  readonly expected = EXPECTED_FORM;
  readonly reason: string;

  constructor(reason: string, input?: unknown) {
    super(`Invalid document symbol${describeInput(input)}: ${reason}. Expected ${EXPECTED_FORM}`);
    this.name = 'SymbolParseError';
    this.reason = reason;
  }
}

function describeInput(input: unknown): string {
  if (typeof input !== 'string') return '';
  const shown = input.length > 60 ? `${input.slice(0, 60)}…` : input;
  return ` ${JSON.stringify(shown)}`; // JSON escapes control characters, so logs stay readable
}

// ---------------------------------------------------------------------------------------------
// Shared lexical steps

// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused in a symbol
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/;
const UNICODE_SPACE_RE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const UNICODE_DASH_RE = /[\u2010-\u2015\u2212\ufe63\uff0d]/g;
const NON_ASCII_RE = /[^\u0020-\u007e]/;

const EXTENSION_RE = new RegExp(`\\s*\\.(${DOCUMENT_EXTENSIONS.join('|')})$`, 'i');
const REVISION_WORD = 'REV(?:ISION)?\\.?\\s*(\\d+)';
const REVISION_BRACKETED_RE = new RegExp(`\\s*(?:\\[\\s*${REVISION_WORD}\\s*\\]|\\(\\s*${REVISION_WORD}\\s*\\))$`);
const REVISION_TRAILING_RE = new RegExp(`\\s*[-/]?\\s*${REVISION_WORD}$`);
/** `anxE` right after the number (optionally spaced / separated): `026anxE`, `026 Annex E`. */
const ANNEX_RE = /(?<=\d)\s*[-/]?\s*(?:ANX|ANNEX)\.?\s*([A-Z0-9]{1,3})$/;

const SEGMENT_SEPARATOR_RE = /\s*[-/]\s*/;
const QUERY_SEPARATOR_RE = /[\s\-/_]+/;
const MEETING_RE = /^([A-Z]+)(\d+)$/;
const CODE_SEGMENT_RE = /^[A-Z0-9]+$/;
const HAS_LETTER_RE = /[A-Z]/;
const DIGITS_RE = /^\d+$/;

interface Stripped {
  core: string;
  extension: string | null;
  revision: number | null;
  annex: string | null;
}

/** Length/character checks, Unicode space+dash folding, trim and upper-case. */
function prepare(input: unknown): string {
  if (typeof input !== 'string') throw new SymbolParseError('input must be a string');
  if (input.length > SYMBOL_LIMITS.maxInputLength) {
    throw new SymbolParseError(`input is ${input.length} characters long (at most ${SYMBOL_LIMITS.maxInputLength} allowed)`, input);
  }
  if (CONTROL_RE.test(input)) throw new SymbolParseError('input contains control characters', input);
  const folded = input.replace(UNICODE_SPACE_RE, ' ').replace(UNICODE_DASH_RE, '-');
  const bad = NON_ASCII_RE.exec(folded);
  if (bad) {
    const cp = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new SymbolParseError(`input contains unsupported character U+${cp}`, input);
  }
  const trimmed = folded.trim();
  if (trimmed === '') throw new SymbolParseError('input is empty', input);
  return trimmed.toUpperCase();
}

/** Removes extension, then revision and annex (either order) from the end. */
function stripSuffixes(text: string, input: string): Stripped {
  let s = text;
  let extension: string | null = null;
  let revision: number | null = null;
  let annex: string | null = null;
  // Each suffix at most once, in any order: `006 [Rev.2].doc` and the report's `006.doc [Rev.2]`.
  for (let pass = 0; pass < 3; pass++) {
    if (extension === null) {
      const m = EXTENSION_RE.exec(s);
      if (m) {
        extension = m[1].toLowerCase();
        s = s.slice(0, m.index);
        continue;
      }
    }
    if (revision === null) {
      const m = REVISION_BRACKETED_RE.exec(s) ?? REVISION_TRAILING_RE.exec(s);
      if (m) {
        const digits = m[1] ?? m[2];
        revision = Number(digits);
        if (digits.length > 3 || revision > SYMBOL_LIMITS.maxRevision) {
          throw new SymbolParseError(`revision ${digits} is out of range 0..${SYMBOL_LIMITS.maxRevision}`, input);
        }
        s = s.slice(0, m.index);
        continue;
      }
    }
    if (annex === null) {
      const m = ANNEX_RE.exec(s);
      if (m) {
        annex = m[1];
        s = s.slice(0, m.index);
        continue;
      }
    }
    break;
  }

  const core = s.trim();
  if (core === '') throw new SymbolParseError('no symbol before the revision/extension', input);
  return { core, extension, revision, annex };
}

/** Canonical meeting code, or a reason string when invalid. */
function canonicalMeetingOrReason(upper: string): { meeting: string } | { reason: string } {
  const m = MEETING_RE.exec(upper);
  if (!m) {
    return { reason: `meeting "${upper}" must be letters followed by a number, e.g. TELWG37, TEL37 or SOM1` };
  }
  const [, letters, digits] = m;
  if (letters.length > SYMBOL_LIMITS.maxMeetingLetters) {
    return { reason: `meeting "${upper}" has more than ${SYMBOL_LIMITS.maxMeetingLetters} letters` };
  }
  const n = Number(digits);
  if (digits.length > 4 || n < SYMBOL_LIMITS.minMeetingNumber || n > SYMBOL_LIMITS.maxMeetingNumber) {
    return {
      reason: `meeting number ${digits} in "${upper}" is out of range ${SYMBOL_LIMITS.minMeetingNumber}..${SYMBOL_LIMITS.maxMeetingNumber}`,
    };
  }
  const prefix = letters === 'TEL' || letters === 'TELWG' ? 'TELWG' : letters;
  return { meeting: `${prefix}${n}` };
}

function codeSegmentReason(seg: string): string | null {
  if (!CODE_SEGMENT_RE.test(seg)) return `code segment "${seg}" may contain only letters and digits`;
  if (seg.length > SYMBOL_LIMITS.maxCodeSegmentLength) {
    return `code segment "${seg}" is longer than ${SYMBOL_LIMITS.maxCodeSegmentLength} characters`;
  }
  if (!HAS_LETTER_RE.test(seg)) return `code segment "${seg}" must contain a letter`;
  return null;
}

function numberReason(digits: string): string | null {
  const n = Number(digits);
  if (digits.length > 12 || n < SYMBOL_LIMITS.minNumber || n > SYMBOL_LIMITS.maxNumber) {
    return `document number ${digits} is out of range ${SYMBOL_LIMITS.minNumber}..${SYMBOL_LIMITS.maxNumber}`;
  }
  return null;
}

function isYear(n: number): boolean {
  return n >= SYMBOL_LIMITS.minYear && n <= SYMBOL_LIMITS.maxYear;
}

// ---------------------------------------------------------------------------------------------
// Strict parsing

/** Parses a full symbol; throws SymbolParseError saying what was wrong. */
export function parseDocumentSymbol(input: string): ParsedSymbol {
  const raw: unknown = input;
  const text = prepare(raw);
  const { core, extension, revision, annex } = stripSuffixes(text, input);

  const segments = core.split(SEGMENT_SEPARATOR_RE);
  const empty = segments.indexOf('');
  if (empty !== -1) {
    throw new SymbolParseError(`empty segment at position ${empty + 1} (doubled, leading or trailing separator)`, input);
  }
  for (const seg of segments) {
    if (/\s/.test(seg)) {
      throw new SymbolParseError(`segment "${seg}" contains spaces; separate parts with "-" or "/"`, input);
    }
  }
  if (segments.length < 3) {
    throw new SymbolParseError(`expected at least YEAR, MEETING and NNN but found ${segments.length} part(s)`, input);
  }
  const maxSegments = 3 + SYMBOL_LIMITS.maxCodeSegments;
  if (segments.length > maxSegments) {
    throw new SymbolParseError(`too many parts (${segments.length}); CODE may have at most ${SYMBOL_LIMITS.maxCodeSegments} segments`, input);
  }

  const [yearText, meetingText] = segments;
  const numberText = segments[segments.length - 1];
  const codeSegments = segments.slice(2, -1);

  if (!/^\d{4}$/.test(yearText)) throw new SymbolParseError(`"${yearText}" is not a 4-digit year`, input);
  const year = Number(yearText);
  if (!isYear(year)) {
    throw new SymbolParseError(`year ${year} is out of range ${SYMBOL_LIMITS.minYear}..${SYMBOL_LIMITS.maxYear}`, input);
  }

  const meeting = canonicalMeetingOrReason(meetingText);
  if ('reason' in meeting) throw new SymbolParseError(meeting.reason, input);

  for (const seg of codeSegments) {
    const reason = codeSegmentReason(seg);
    if (reason) throw new SymbolParseError(reason, input);
  }

  if (!DIGITS_RE.test(numberText)) {
    throw new SymbolParseError(`last part "${numberText}" is not a document number`, input);
  }
  const numReason = numberReason(numberText);
  if (numReason) throw new SymbolParseError(numReason, input);

  const result: ParsedSymbol = {
    year,
    meeting: meeting.meeting,
    code: codeSegments.length ? codeSegments.join('-') : null,
    number: Number(numberText),
    revision,
    extension,
  };
  if (annex !== null) result.annex = annex;
  return result;
}

/** Like parseDocumentSymbol but returns null instead of throwing. */
export function tryParseDocumentSymbol(input: string): ParsedSymbol | null {
  try {
    return parseDocumentSymbol(input);
  } catch (err) {
    if (err instanceof SymbolParseError) return null;
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting

interface NormalizedSymbol {
  year: number;
  meeting: string;
  codeSegments: string[];
  number: number;
  annex: string | null;
}

function invalid(what: string): never {
  throw new RangeError(`Invalid DocumentSymbol: ${what}`);
}

function normalizeMeeting(meeting: unknown): string {
  if (typeof meeting !== 'string') invalid('meeting must be a string');
  const r = canonicalMeetingOrReason(meeting.trim().toUpperCase());
  if ('reason' in r) invalid(r.reason);
  return r.meeting;
}

function normalizeSymbol(s: DocumentSymbol): NormalizedSymbol {
  if (s === null || typeof s !== 'object') invalid('expected an object');
  if (!Number.isInteger(s.year) || !isYear(s.year)) {
    invalid(`year ${String(s.year)} is not an integer in ${SYMBOL_LIMITS.minYear}..${SYMBOL_LIMITS.maxYear}`);
  }
  const meeting = normalizeMeeting(s.meeting);

  let codeSegments: string[] = [];
  if (s.code !== null && s.code !== undefined && s.code !== '') {
    if (typeof s.code !== 'string') invalid('code must be a string or null');
    codeSegments = s.code.trim().toUpperCase().split(SEGMENT_SEPARATOR_RE);
    if (codeSegments.length > SYMBOL_LIMITS.maxCodeSegments) {
      invalid(`code "${s.code}" has more than ${SYMBOL_LIMITS.maxCodeSegments} segments`);
    }
    for (const seg of codeSegments) {
      const reason = seg === '' ? `code "${s.code}" has an empty segment` : codeSegmentReason(seg);
      if (reason) invalid(reason);
    }
  }

  if (!Number.isInteger(s.number) || s.number < SYMBOL_LIMITS.minNumber || s.number > SYMBOL_LIMITS.maxNumber) {
    invalid(`number ${String(s.number)} is not an integer in ${SYMBOL_LIMITS.minNumber}..${SYMBOL_LIMITS.maxNumber}`);
  }

  let annex: string | null = null;
  if (s.annex !== undefined && s.annex !== null && s.annex !== '') {
    if (typeof s.annex !== 'string' || !/^[A-Z0-9]{1,3}$/.test(s.annex.trim().toUpperCase())) {
      invalid(`annex ${JSON.stringify(s.annex)} must be 1..3 letters or digits`);
    }
    annex = s.annex.trim().toUpperCase();
  }
  return { year: s.year, meeting, codeSegments, number: s.number, annex };
}

function resolveRevision(s: DocumentSymbol, opts: FormatSymbolOptions): number | null {
  let revision: unknown = null;
  if (opts.revision !== undefined) revision = opts.revision;
  else if ('revision' in s) revision = (s as Partial<ParsedSymbol>).revision ?? null;
  if (revision === null) return null;
  if (!Number.isInteger(revision) || (revision as number) < 0 || (revision as number) > SYMBOL_LIMITS.maxRevision) {
    invalid(`revision ${JSON.stringify(revision)} is not an integer in 0..${SYMBOL_LIMITS.maxRevision}`);
  }
  return revision as number;
}

/**
 * Formats a symbol. Canonical: `2008-TELWG37-SPSG-006`, `2008-TELWG37-SPSG-006 [Rev.2]`;
 * apec-db: `2008/TEL37/SPSG/006`, `2008/TEL37/SPSG/006rev2`. Revision 0 prints no suffix.
 * Throws RangeError when a field is out of range (the output always parses back).
 */
export function formatDocumentSymbol(s: DocumentSymbol, opts: FormatSymbolOptions = {}): string {
  const n = normalizeSymbol(s);
  const revision = resolveRevision(s, opts);
  const style = opts.style ?? 'canonical';
  const num = String(n.number).padStart(3, '0') + (n.annex ? `anx${n.annex}` : '');
  const code = n.codeSegments.join('-');

  if (style === 'apec-db') {
    const parts = [String(n.year), meetingCodeOfCanonical(n.meeting), ...(code ? [code] : []), num];
    return parts.join('/') + (revision ? `rev${revision}` : '');
  }
  if (style !== 'canonical') invalid(`unknown style ${JSON.stringify(style)}`);
  const parts = [String(n.year), n.meeting, ...(code ? [code] : []), num];
  return parts.join('-') + (revision ? ` [Rev.${revision}]` : '');
}

/** Canonical symbol without revision: the document's unique key (annex included). */
export function symbolKey(s: DocumentSymbol): string {
  return formatDocumentSymbol(s, { revision: null, style: 'canonical' });
}

function meetingCodeOfCanonical(meeting: string): string {
  const m = /^TELWG(\d+)$/.exec(meeting);
  return m ? `TEL${m[1]}` : meeting;
}

/** The meeting's code in the registry: `TEL37` for TELWG37; other meetings as they are. */
export function meetingCodeOf(s: DocumentSymbol): string {
  return meetingCodeOfCanonical(normalizeMeeting(s?.meeting));
}

// ---------------------------------------------------------------------------------------------
// Search queries

/**
 * Recognizes a full or partial symbol typed into a search box. Spaces (and `_`) also separate
 * parts. Grammar, in order and each optional: [YEAR] [MEETING] [CODE...] [NNN], then revision /
 * annex / extension as in parseDocumentSymbol. `TEL 37` counts as the meeting TELWG37.
 *
 * Returns null (never throws) unless every token is recognized, at least two of year, meeting,
 * code and number are present, and one of them is the number or the year — so single words
 * (`hello`, `IPv6`, `2008`) and word pairs (`IPv6 security`) are not treated as symbols.
 * This is a heuristic: `APEC 2008` still reads as code APEC, number 2008, so callers should use the
 * result to add symbol matches to a full-text search, not to replace it.
 */
export function parseSymbolQuery(text: string): SymbolQuery | null {
  try {
    return parseQuery(text);
  } catch {
    return null;
  }
}

function parseQuery(text: string): SymbolQuery | null {
  const prepared = prepare(text);
  const { core, revision, annex } = stripSuffixes(prepared, text);
  const tokens = core.split(QUERY_SEPARATOR_RE).filter((t) => t !== '');
  if (tokens.length === 0) return null;

  const q: SymbolQuery = {};
  let i = 0;
  let end = tokens.length;

  if (/^\d{4}$/.test(tokens[0]) && isYear(Number(tokens[0])) && tokens.length > 1) {
    q.year = Number(tokens[0]);
    i = 1;
  }

  if (i < end) {
    const t = tokens[i];
    const next = tokens[i + 1];
    if (MEETING_RE.test(t)) {
      const r = canonicalMeetingOrReason(t);
      if ('reason' in r) return null;
      q.meeting = r.meeting;
      i += 1;
    } else if ((t === 'TEL' || t === 'TELWG') && next !== undefined && DIGITS_RE.test(next)) {
      const r = canonicalMeetingOrReason(t + next);
      if ('reason' in r) return null;
      q.meeting = r.meeting;
      i += 2;
    }
  }

  if (i < end && DIGITS_RE.test(tokens[end - 1])) {
    const digits = tokens[end - 1];
    if (numberReason(digits)) return null;
    q.number = Number(digits);
    end -= 1;
  }

  const codeSegments = tokens.slice(i, end);
  if (codeSegments.length > SYMBOL_LIMITS.maxCodeSegments) return null;
  if (codeSegments.some((seg) => codeSegmentReason(seg) !== null)) return null;
  if (codeSegments.length) q.code = codeSegments.join('-');

  const parts = [q.year, q.meeting, q.code, q.number].filter((p) => p !== undefined).length;
  if (parts < 2 || (q.number === undefined && q.year === undefined)) return null;

  if (revision !== null) q.revision = revision;
  if (annex !== null) {
    if (q.number === undefined) return null;
    q.annex = annex;
  }
  return q;
}
