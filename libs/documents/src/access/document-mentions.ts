import { parseDocumentSymbol } from '../symbol/document-symbol';

/** A document a caller may not see, as far as finding its mentions in a text needs. */
export interface HiddenDocument {
  symbol: string;
  title: string;
}

/** The name of the per-request loader of what the caller may not see (field middleware reads it). */
export const HIDDEN_DOCUMENTS_LOADER = 'documents.hidden';

/** What a caller may not see: the documents, by id and by symbol. */
export interface HiddenDocuments {
  ids: Set<string>;
  symbols: Set<string>;
  documents: HiddenDocument[];
}

/** What a mention of a document the caller may not see becomes. */
export const REDACTED_DOCUMENT = '[restricted document]';

/** Titles shorter than this are common phrases ("Agenda"), not a trace of one paper. */
const MIN_TITLE_LENGTH = 12;

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SEP = '\\s*[-/\\s]\\s*';
const REVISION = '(?:\\s*[-/]?\\s*[\\[(]?\\s*REV(?:ISION)?\\.?\\s*\\d{1,3}\\s*[\\])]?)?';
const EXTENSION = '(?:\\.(?:docx?|pdf|pptx?|xlsx?|rtf|txt|html?|zip))?';

/**
 * The spellings of one symbol a text may carry, as a regular expression source: every form the
 * symbol parser accepts — canonical `2008-TELWG37-SPSG-004`, APEC database `2008/TEL37/SPSG/004`,
 * with or without the year, `TEL37 SPSG 4`, and the short `SPSG-004` / `SPSG 004` — with any
 * revision and file extension after it. The short form without the meeting is redacted whatever
 * meeting the text means: a public `SPSG-004` of another meeting is hidden too, which is the safe
 * way to be wrong.
 */
export function mentionPattern(symbol: string): string {
  const s = parseDocumentSymbol(symbol);
  const m = /^([A-Z]+?)(?:WG)?(\d+)$/.exec(s.meeting);
  const letters = m && (m[1] === 'TEL' || s.meeting.startsWith('TELWG')) ? 'TEL(?:WG)?' : escape(m?.[1] ?? s.meeting);
  const meeting = `${letters}\\s*0*${m?.[2] ?? ''}`;
  const code = s.code ? s.code.split('-').map(escape).join(SEP) : null;
  const number = `0*${s.number}`;
  const annex = s.annex ? `\\s*[-/]?\\s*(?:ANX|ANNEX)\\.?\\s*${escape(s.annex)}(?![A-Z0-9])` : '(?!\\s*[-/]?\\s*(?:ANX|ANNEX)\\.?\\s*[A-Z0-9])';
  const withMeeting = `(?:${s.year}${SEP})?${meeting}${SEP}${code ? `${code}${SEP}` : ''}${number}`;
  const forms = [withMeeting];
  if (code) forms.push(`${code}\\s*[-/]\\s*${number}`, `${code}\\s+0+${s.number}`);
  return `(?<![A-Z0-9])(?:${forms.join('|')})(?![0-9])${annex}${EXTENSION}${REVISION}${EXTENSION}`;
}

function titlePattern(title: string): string | null {
  const t = title.replace(/\s+/g, ' ').trim();
  if (t.length < MIN_TITLE_LENGTH) return null;
  return `(?<![\\p{L}\\p{N}])${t.split(' ').map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`;
}

const compiled = new WeakMap<readonly HiddenDocument[], RegExp | null>();

function patternFor(hidden: readonly HiddenDocument[]): RegExp | null {
  if (compiled.has(hidden)) return compiled.get(hidden)!;
  const parts: string[] = [];
  // Longest first, so a title that contains another title, or a symbol with an annex, wins.
  for (const d of hidden) {
    const title = titlePattern(d.title);
    if (title) parts.push(title);
  }
  for (const d of hidden) {
    try {
      parts.push(mentionPattern(d.symbol));
    } catch {
      parts.push(escape(d.symbol)); // a stored symbol the parser no longer reads: its exact text
    }
  }
  parts.sort((a, b) => b.length - a.length);
  const re = parts.length ? new RegExp(parts.join('|'), 'giu') : null;
  compiled.set(hidden, re);
  return re;
}

/**
 * Replaces every mention — symbol in any accepted spelling, or full title — of the hidden
 * documents with `[restricted document]`. Pure; the pattern is compiled once per hidden set.
 */
export function redactMentions(text: string, hidden: readonly HiddenDocument[]): string {
  const re = patternFor(hidden);
  return re ? text.replace(re, REDACTED_DOCUMENT) : text;
}
