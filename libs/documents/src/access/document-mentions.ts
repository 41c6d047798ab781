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

/**
 * Lower case with runs of white space as one space: what `includes` compares. ſ and K (Kelvin) are
 * s and k as well: the patterns (flags `iu`) match them where an s or a k is written.
 */
const fold = (t: string) =>
  t
    .replace(/\s+/g, ' ')
    .toLowerCase()
    .replace(/\u017f/g, 's')
    .replace(/\u212a/g, 'k');

/**
 * One hidden document's mention patterns, the cheap test that rules them out for most texts —
 * every spelling of a symbol contains its group code (or, without one, its meeting's number) and
 * its number's digits; a title is in the text only if its folded words are — and the key a text
 * must contain for the test to pass at all (see MentionIndex).
 */
interface Mentionable {
  patterns: string[];
  mayOccurIn(folded: string): boolean;
  key: { number: string; before: string } | { titleHead: string } | null;
}

/** A title is looked up by its first characters (folded); titles are at least MIN_TITLE_LENGTH long. */
const TITLE_HEAD = 8;

function mentionable(d: HiddenDocument): Mentionable[] {
  const out: Mentionable[] = [];
  const title = titlePattern(d.title);
  if (title) {
    const words = fold(d.title).trim();
    out.push({ patterns: [title], mayOccurIn: (folded) => folded.includes(words), key: { titleHead: words.slice(0, TITLE_HEAD) } });
  }
  try {
    const s = parseDocumentSymbol(d.symbol);
    const code = s.code?.toLowerCase().split('-');
    const meetingNumber = /(\d+)$/.exec(s.meeting)?.[1];
    const anchor = code ? code[0] : (meetingNumber ?? s.meeting.toLowerCase());
    const digits = String(Number(s.number));
    // What every spelling has right before the number and its separators: the code's last part, or the meeting's number.
    const before = code ? code[code.length - 1] : (meetingNumber ?? '');
    out.push({ patterns: [mentionPattern(d.symbol)], mayOccurIn: (folded) => folded.includes(anchor) && folded.includes(digits), key: { number: digits, before } });
  } catch {
    // A stored symbol the parser no longer reads: its exact text, tested against every text.
    const exact = d.symbol.toLowerCase();
    out.push({ patterns: [escape(d.symbol)], mayOccurIn: (folded) => folded.includes(exact), key: null });
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
 * across lists: a new list (after any change to the documents, see DocumentVisibility) shares all
 * but the changed ones with the last, and preparing the patterns of 10,000 of them again cost
 * ~100 ms. Bounded: emptied when full.
 */
const prepared = new Map<string, Mentionable[]>();
const MAX_PREPARED = 200_000;

function mentionablesOf(d: HiddenDocument): Mentionable[] {
  const key = `${d.symbol}\u0000${d.title}`;
  let m = prepared.get(key);
  if (!m) {
    if (prepared.size >= MAX_PREPARED) prepared.clear();
    prepared.set(key, (m = mentionable(d)));
  }
  return m;
}

/**
 * The hidden documents' mentionables by the key a text must contain for each to occur in it, so a
 * text is tested against the few documents it may mention rather than all of them (10,000
 * restricted documents made every redacted field test 20,000 of them):
 * - a symbol by its number without leading zeros: every spelling mentionPattern accepts has the
 *   number as a whole run of digits after one or more separators (-, / or white space), and
 *   before those the code's last part (`SPSG-004`, `TEL37 PTAB-WS 16`) or, for a symbol without
 *   a code, the meeting's number (`TEL37-004`); so a text that mentions it has such a run, less
 *   its leading zeros, with that before it;
 * - a title by its first TITLE_HEAD folded characters, looked up at every position of the text.
 */
interface MentionIndex {
  byNumber: Map<string, Mentionable[]>;
  byTitleHead: Map<string, Mentionable[]>;
  always: Mentionable[];
}

/** One index per list of hidden documents: a list is one array, read by every field of every request that uses it. */
const indexes = new WeakMap<readonly HiddenDocument[], MentionIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexOf(hidden: readonly HiddenDocument[]): MentionIndex {
  let index = indexes.get(hidden);
  if (index) return index;
  index = { byNumber: new Map(), byTitleHead: new Map(), always: [] };
  for (const d of hidden) {
    for (const m of mentionablesOf(d)) {
      if (!m.key) index.always.push(m);
      else if ('number' in m.key) push(index.byNumber, m.key.number, m);
      else push(index.byTitleHead, m.key.titleHead, m);
    }
  }
  indexes.set(hidden, index);
  return index;
}

/** The mentionables whose key the folded text contains (each once). */
function candidatesIn(folded: string, index: MentionIndex): Set<Mentionable> {
  const found = new Set<Mentionable>(index.always);
  if (index.byNumber.size) {
    for (const run of folded.matchAll(/[0-9]+/g)) {
      const list = index.byNumber.get(run[0].replace(/^0+(?=[0-9])/, ''));
      if (!list) continue;
      const head = folded.slice(Math.max(0, run.index - 80), run.index);
      const separators = /[-/ ]+$/.exec(head);
      if (!separators) continue;
      const before = head.slice(0, separators.index);
      for (const m of list) if (m.key && 'before' in m.key && before.endsWith(m.key.before)) found.add(m);
    }
  }
  if (index.byTitleHead.size) {
    for (let i = 0; i + TITLE_HEAD <= folded.length; i++) {
      const list = index.byTitleHead.get(folded.slice(i, i + TITLE_HEAD));
      if (list) for (const m of list) found.add(m);
    }
  }
  return found;
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
 * documents with `[restricted document]`. Pure. Only the documents the text may mention (found by
 * their keys in the text, then the cheap test above) are compiled into patterns, so the cost
 * follows the text, not the number of restricted documents; where several patterns are needed,
 * the leftmost mention wins, and of
 * two starting at the same place the longer (a title containing another, a symbol with an annex).
 */
export function redactMentions(text: string, hidden: readonly HiddenDocument[]): string {
  if (!hidden.length || !text) return text;
  const folded = fold(text);
  const sources = new Set<string>();
  for (const m of candidatesIn(folded, indexOf(hidden))) if (m.mayOccurIn(folded)) for (const p of m.patterns) sources.add(p);
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
