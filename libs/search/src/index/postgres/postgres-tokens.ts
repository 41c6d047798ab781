import type { ExtractedChunk } from '../../extraction/extraction.types';
import { indexTokens, ParsedQuery, QueryClause, QueryTerm, tokenKey } from '../../text/search-text';

/**
 * The bridge from the shared tokenization (text/search-text.ts, the SQLite engine's) to
 * PostgreSQL's tsvector and tsquery. PostgreSQL never tokenizes here: the tokens FTS5 would index
 * are written as tsvector literals with our own positions, and a parsed query becomes a tsquery
 * of the same tokens, so both engines match the same documents.
 */

/** A tsvector keeps positions 1..16383 and 256 positions per lexeme; a segment stays well under both. */
export const SEGMENT_POSITIONS = 4096;
/** Tokens repeated at the start of the next segment, so a phrase (at most 32 tokens) across the cut still matches. */
const SEGMENT_OVERLAP = 32;
/** Positions between symbol, title and text, so no phrase spans two of them (FTS5 columns). */
const COLUMN_GAP = 40;
/** tsvector lexemes are at most 2 KB, a tsvector at most 1 MB: longer tokens (no word is) are left out. */
export const MAX_TOKEN_CHARS = 200;
const MAX_SEGMENT_BYTES = 768 * 1024;
const MAX_POSITIONS_PER_LEXEME = 256;

type Weight = 'A' | 'B' | 'D';

function quote(lexeme: string): string {
  return `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Writes a token stream into tsvector literals of at most SEGMENT_POSITIONS positions each. */
class SegmentWriter {
  readonly segments: string[] = [];
  private lexemes = new Map<string, string[]>();
  private position = 0;
  private bytes = 0;
  private recent: string[] = [];

  add(token: string, weight: Weight): void {
    if (token.length > MAX_TOKEN_CHARS) return;
    if (this.position >= SEGMENT_POSITIONS || this.bytes >= MAX_SEGMENT_BYTES) this.cut();
    this.position++;
    this.put(token, weight);
    if (weight === 'D') {
      this.recent.push(token);
      if (this.recent.length > SEGMENT_OVERLAP) this.recent.shift();
    }
  }

  /** Leaves a gap before the next column (symbol → title → text). */
  gap(): void {
    this.position = Math.min(this.position + COLUMN_GAP, SEGMENT_POSITIONS);
  }

  private put(token: string, weight: Weight): void {
    let positions = this.lexemes.get(token);
    if (!positions) {
      this.lexemes.set(token, (positions = []));
      this.bytes += Buffer.byteLength(token) + 8;
    }
    if (positions.length >= MAX_POSITIONS_PER_LEXEME) return;
    positions.push(weight === 'D' ? String(this.position) : `${this.position}${weight}`);
    this.bytes += 2;
  }

  private cut(): void {
    this.flush();
    for (const t of this.recent) {
      this.position++;
      this.put(t, 'D');
    }
  }

  private flush(): void {
    if (this.lexemes.size) this.segments.push([...this.lexemes].map(([t, p]) => `${quote(t)}:${p.join(',')}`).join(' '));
    this.lexemes = new Map();
    this.position = 0;
    this.bytes = 0;
  }

  finish(): string[] {
    this.flush();
    if (!this.segments.length) this.segments.push('');
    return this.segments;
  }
}

/**
 * A file as tsvector segments: the first holds the symbol (weight A), the title with its
 * inflected forms (B) and the start of the text (D); the text goes on in further segments of
 * SEGMENT_POSITIONS positions, each starting with the last tokens of the one before. The tokens
 * are exactly those of the SQLite engine's columns (indexTokens, inflected forms once at the end).
 */
export function fileSegments(symbol: string, title: string, chunks: ExtractedChunk[]): string[] {
  const w = new SegmentWriter();
  for (const t of indexTokens(symbol)) w.add(t, 'A');
  w.gap();
  const titleForms = new Set<string>();
  for (const t of indexTokens(title, titleForms)) w.add(t, 'B');
  for (const f of titleForms) w.add(tokenKey(f), 'B');
  w.gap();
  const forms = new Set<string>();
  for (const c of chunks) for (const t of indexTokens(c.text, forms)) w.add(t, 'D');
  for (const f of forms) w.add(tokenKey(f), 'D');
  return w.finish();
}

/** A term as a tsquery (a phrase with <->, the last token a prefix with :*), or null when it cannot match. */
function termQuery(term: QueryTerm, weights: string, join = ' <-> '): string | null {
  const tokens = term.tokens.map(tokenKey);
  if (!tokens.length || tokens.some((t) => !t || t.length > MAX_TOKEN_CHARS)) return null;
  const parts = tokens.map((t, i) => {
    const star = term.prefix && i === tokens.length - 1 ? '*' : '';
    return star || weights ? `${quote(t)}:${star}${weights}` : quote(t);
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(join)})`;
}

/** A clause as a tsquery: its alternatives OR-ed; null when none of them can match. */
export function clauseQuery(clause: QueryClause, weights = '', join = ' <-> '): string | null {
  const alts = clause.alternatives.map((a) => termQuery(a, weights, join)).filter((q): q is string => q !== null);
  if (!alts.length) return null;
  return alts.length === 1 ? alts[0] : `(${alts.join(' | ')})`;
}

export interface PostgresQuery {
  /** One tsquery per clause; a file matches when each is found in one of its segments. */
  clauses: string[];
  /** Any clause (which segments to look at, and what ts_rank_cd scores). */
  any: string;
  /** Every clause in the symbol or title alone (weights A and B): the title-match bonus. */
  head: string;
  /** Any exclusion; a file with a segment matching it is left out. Null when there is none. */
  excluded: string | null;
  /**
   * `any` with each phrase's words AND-ed instead of adjacent: every segment that matches `any`
   * matches it, and the GIN index answers it without reading a tsvector (a phrase needs the
   * positions, so PostgreSQL rechecks every candidate). Equal to `any` when there is no phrase.
   */
  loose: string;
  /** Each clause's part of `loose`, in the order of `clauses`: a file matches only if each is in one of its segments. */
  looseClauses: string[];
}

/** The tsqueries for a parsed (non-blank) query, or null when some clause can match nothing. */
export function postgresQuery(query: Pick<ParsedQuery, 'clauses' | 'excluded'>): PostgresQuery | null {
  const clauses: string[] = [];
  const head: string[] = [];
  const loose: string[] = [];
  for (const c of query.clauses) {
    const q = clauseQuery(c);
    const h = clauseQuery(c, 'AB');
    if (!q || !h) return null;
    clauses.push(q);
    head.push(h);
    loose.push(clauseQuery(c, '', ' & ')!);
  }
  if (!clauses.length) return null;
  const excluded = query.excluded.map((c) => clauseQuery(c)).filter((q): q is string => q !== null);
  return {
    clauses,
    any: clauses.join(' | '),
    head: head.join(' & '),
    excluded: excluded.length ? excluded.join(' | ') : null,
    loose: loose.join(' | '),
    looseClauses: loose,
  };
}
