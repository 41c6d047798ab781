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

/** Lower case with runs of white space as one space: what `includes` compares. */
const fold = (t: string) => t.replace(/\s+/g, ' ').toLowerCase();

/**
 * One hidden document's mention patterns, and the cheap test that rules them out for most texts:
 * every spelling of a symbol contains its group code (or, without one, its meeting's number) and
 * its number's digits; a title is in the text only if its folded words are.
 */
interface Mentionable {
  patterns: string[];
  mayOccurIn(folded: string): boolean;
}

function mentionable(d: HiddenDocument): Mentionable[] {
  const out: Mentionable[] = [];
  const title = titlePattern(d.title);
  if (title) {
    const words = fold(d.title).trim();
    out.push({ patterns: [title], mayOccurIn: (folded) => folded.includes(words) });
  }
  try {
    const s = parseDocumentSymbol(d.symbol);
    const anchor = (s.code ? s.code.split('-')[0] : (/(\d+)$/.exec(s.meeting)?.[1] ?? s.meeting)).toLowerCase();
    const digits = String(Number(s.number));
    out.push({ patterns: [mentionPattern(d.symbol)], mayOccurIn: (folded) => folded.includes(anchor) && folded.includes(digits) });
  } catch {
    // A stored symbol the parser no longer reads: its exact text.
    const exact = d.symbol.toLowerCase();
    out.push({ patterns: [escape(d.symbol)], mayOccurIn: (folded) => folded.includes(exact) });
  }
  return out;
}

/**
 * The alternatives of one pattern stay under this many characters of source: V8 refuses a
 * regular expression whose compiled form is too large ("Regular expression too large").
 */
const MAX_PATTERN_SOURCE = 8_000;

/**
 * Each hidden document's mentionables, by its symbol and title (they depend on nothing else), kept
 * across requests: every request loads its own list of hidden documents, and preparing thousands
 * of patterns for each one cost ~100 ms a search on an archive of 100,000 documents
 * (bench/search, through GraphQL). Bounded: emptied when full.
 */
const prepared = new Map<string, Mentionable[]>();
const MAX_PREPARED = 200_000;

function mentionablesOf(hidden: readonly HiddenDocument[]): Mentionable[] {
  const list: Mentionable[] = [];
  for (const d of hidden) {
    const key = `${d.symbol}\u0000${d.title}`;
    let m = prepared.get(key);
    if (!m) {
      if (prepared.size >= MAX_PREPARED) prepared.clear();
      prepared.set(key, (m = mentionable(d)));
    }
    for (const x of m) list.push(x);
  }
  return list;
}

/** The patterns of the candidates, longest alternatives first, split where one would grow too large. */
function compile(sources: Set<string>): RegExp[] {
  const sorted = [...sources].sort((a, b) => b.length - a.length);
  const patterns: RegExp[] = [];
  let group: string[] = [];
  let size = 0;
  for (const part of sorted) {
    if (group.length && size + part.length + 1 > MAX_PATTERN_SOURCE) {
      patterns.push(new RegExp(group.join('|'), 'giu'));
      group = [];
      size = 0;
    }
    group.push(part);
    size += part.length + 1;
  }
  if (group.length) patterns.push(new RegExp(group.join('|'), 'giu'));
  return patterns;
}

/**
 * Replaces every mention — symbol in any accepted spelling, or full title — of the hidden
 * documents with `[restricted document]`. Pure. Only the documents the text may mention (by the
 * cheap test above) are compiled into patterns, so the cost follows the text, not the number of
 * restricted documents; where several patterns are needed, the leftmost mention wins, and of
 * two starting at the same place the longer (a title containing another, a symbol with an annex).
 */
export function redactMentions(text: string, hidden: readonly HiddenDocument[]): string {
  if (!hidden.length || !text) return text;
  const folded = fold(text);
  const sources = new Set<string>();
  for (const m of mentionablesOf(hidden)) if (m.mayOccurIn(folded)) for (const p of m.patterns) sources.add(p);
  if (!sources.size) return text;
  const patterns = compile(sources);
  let out = '';
  let pos = 0;
  for (;;) {
    let best: RegExpExecArray | null = null;
    for (const re of patterns) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (m && (!best || m.index < best.index || (m.index === best.index && m[0].length > best[0].length))) best = m;
    }
    if (!best || !best[0].length) break;
    out += text.slice(pos, best.index) + REDACTED_DOCUMENT;
    pos = best.index + best[0].length;
  }
  return out + text.slice(pos);
}
