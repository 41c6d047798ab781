import { AppError } from '@tel/core';
import { DocumentSymbol, formatDocumentSymbol, ParsedSymbol, parseDocumentSymbol, SymbolParseError, SYMBOL_LIMITS } from '../symbol/document-symbol';

/** Parses a symbol the caller typed; garbage is BAD_USER_INPUT naming the expected form. */
export function parseSymbolInput(text: string, field = 'symbol'): ParsedSymbol {
  try {
    return parseDocumentSymbol(text);
  } catch (error) {
    if (error instanceof SymbolParseError) throw AppError.badInput('SYMBOL_MALFORMED', error.message, { field, expected: error.expected });
    throw error;
  }
}

/**
 * The symbol of a new document of `meetingCode` (e.g. TEL37 → TELWG37) under `code`; throws
 * BAD_USER_INPUT when the parts cannot form a symbol (a meeting code like "C-1", a code with spaces).
 */
export function symbolFor(meetingCode: string, parts: Omit<DocumentSymbol, 'meeting'>): DocumentSymbol {
  const symbol: DocumentSymbol = { meeting: meetingCode, ...parts };
  try {
    formatDocumentSymbol(symbol);
  } catch (error) {
    if (error instanceof RangeError) {
      throw AppError.badInput('SYMBOL_MALFORMED', `These parts do not make a document symbol: ${error.message.replace(/^Invalid DocumentSymbol: /, '')}`, { field: 'code' });
    }
    throw error;
  }
  return symbol;
}

/** Revision numbers in URLs and inputs: 0 … 999. */
export function revisionNumberInput(value: string | number, field = 'revision'): number {
  const text = String(value).trim();
  const m = /^(?:rev\.?\s*)?(\d{1,3})$/i.exec(text);
  if (!m) throw AppError.badInput('REVISION_MALFORMED', `"${text.slice(0, 20)}" is not a revision number (0 for the original, 1, 2 …)`, { field });
  const n = Number(m[1]);
  if (n > SYMBOL_LIMITS.maxRevision) throw AppError.badInput('REVISION_MALFORMED', `revision must be at most ${SYMBOL_LIMITS.maxRevision}`, { field });
  return n;
}

const LANGUAGE = /^([a-z]{2,3})(?:-([a-z]{4}))?(?:-([a-z]{2}|\d{3}))?$/i;

/** A BCP 47 tag in its usual case (`zh-hant-tw` → `zh-Hant-TW`), or null when it is not one we accept. */
export function normalizeLanguageTag(tag: string): string | null {
  const m = LANGUAGE.exec(tag.trim());
  if (!m) return null;
  const [, language, script, region] = m;
  return [language.toLowerCase(), script && script[0].toUpperCase() + script.slice(1).toLowerCase(), region?.toUpperCase()].filter(Boolean).join('-');
}

/** The year a new symbol may carry for a meeting: the year before it starts (papers go out early) to the year it ends. */
export function yearFits(year: number, meeting: { startDate: string | null; endDate: string | null }): boolean {
  if (!meeting.startDate || !meeting.endDate) return true;
  return year >= Number(meeting.startDate.slice(0, 4)) - 1 && year <= Number(meeting.endDate.slice(0, 4));
}
