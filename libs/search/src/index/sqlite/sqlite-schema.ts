import type { Database } from 'better-sqlite3';

/**
 * Bump when the tables or what goes into them changes: the index is derived data, so a new
 * version drops and recreates the tables and the documents are indexed again (`stats()` reports
 * zero files, which the reindex job looks at).
 */
export const SEARCH_SCHEMA_VERSION = 4; // 4: CJK folded to simplified, English stems, inflected forms per file
/**
 * The SQLite tables' own layout within a tokenization version (PostgreSQL's index does not
 * change with it): 1 = file ids grouped by document bucket; 2 = a prefix index of each token's
 * first character. Stored as `4.2`.
 */
const SQLITE_LAYOUT_VERSION = 2;
const STORED_VERSION = `${SEARCH_SCHEMA_VERSION}.${SQLITE_LAYOUT_VERSION}`;

/**
 * One row per indexed file in search_file; its id is also the FTS rowid, and the ids of its chunks
 * are id * 2^20 + n, so "the chunks of this file" is a range scan with no extra index. File ids
 * are bucket * 2^26 + n, the bucket a hash of the document id (documentBucket): the files of the
 * first b buckets are one rowid range, a random sample of documents that FTS5 reads without
 * touching the rest of a doclist (estimated counts, see SqliteSearchIndex.search).
 * The FTS table is contentless (the text lives once, in search_chunk) and indexes a file as one
 * row: symbol, title and all of its text (CJK as bigrams, see indexableText), so ranking, counts
 * and facets work per file (per document after GROUP BY) and never touch one row per page.
 * search_title_fts repeats symbol and title alone: its short doclists find the title matches of
 * a very common word without walking the big index (see SqliteSearchIndex.rank).
 * Both keep a prefix index of each token's first character (`prefix = '1'`, in characters): a
 * query of one Chinese character is a prefix query over every bigram that starts with it, which
 * without it merges hundreds of doclists in every statement of a search (count, facets, rank
 * order, title scores); with it, one doclist. On 20,000 of the benchmark's pages: 國 36 → 5 ms
 * for its count and top 10, the build 9 % slower, the index 58 % larger (the Latin letters'
 * prefix lists are long) — bench/search measures it.
 */
const TABLES = `
CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS search_file (
  id INTEGER PRIMARY KEY,
  file_id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL,
  revision_id TEXT NOT NULL,
  symbol TEXT NOT NULL,
  title TEXT NOT NULL,
  meeting_code TEXT,
  group_code TEXT,
  type TEXT,
  year INTEGER,
  language TEXT NOT NULL,
  -- '|AUS|USA|': sorted, so GROUP BY economies yields each combination once (the facet is
  -- summed from those few rows) and a filter is instr(economies, '|AUS|').
  economies TEXT NOT NULL DEFAULT '|',
  restricted INTEGER NOT NULL,
  published_at TEXT,
  -- Order of indexing (ids are by bucket, not by time): breaks ties between equally new files.
  seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS search_file_seq ON search_file (seq);
CREATE INDEX IF NOT EXISTS search_file_document ON search_file (document_id);
CREATE INDEX IF NOT EXISTS search_file_newest ON search_file (published_at);
CREATE TABLE IF NOT EXISTS search_chunk (
  id INTEGER PRIMARY KEY,
  page INTEGER,
  section TEXT,
  language TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
  symbol, title, body,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1'
);
CREATE VIRTUAL TABLE IF NOT EXISTS search_title_fts USING fts5(
  symbol, title,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1'
);
`;

const DROP = `
DROP TABLE IF EXISTS search_fts;
DROP TABLE IF EXISTS search_title_fts;
DROP TABLE IF EXISTS search_chunk;
DROP TABLE IF EXISTS search_file;
DROP TABLE IF EXISTS search_meta;
`;

/**
 * Creates the search tables, or recreates them when they are of another version; says whether it
 * threw away an index of another version (its files must then be indexed again).
 */
export function ensureSearchSchema(db: Database): { rebuilt: boolean } {
  const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_meta'").get();
  const version = hasMeta ? (db.prepare("SELECT value FROM search_meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value : undefined;
  if (version === STORED_VERSION) return { rebuilt: false };
  const hadIndex = !!hasMeta || !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_file'").get();
  db.transaction(() => {
    if (version !== undefined || hasMeta) db.exec(DROP);
    db.exec(TABLES);
    db.prepare("INSERT OR REPLACE INTO search_meta (key, value) VALUES ('schema_version', ?)").run(STORED_VERSION);
  })();
  return { rebuilt: hadIndex };
}

export const CHUNK_ID_BITS = 20;
export const CHUNKS_PER_FILE = 2 ** CHUNK_ID_BITS;

/** Documents are spread over this many buckets of file ids (a sample is the first few). */
export const SAMPLE_BUCKETS = 64;
/** Bits of a file id within its bucket: 2^26 files per bucket; chunk ids stay below 2^52 (exact in a JS number). */
export const BUCKET_ID_BITS = 26;
export const BUCKET_SPAN = 2 ** BUCKET_ID_BITS;

/** The bucket of a document: FNV-1a of its id (stable, and even over any id scheme). */
export function documentBucket(documentId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < documentId.length; i++) {
    h ^= documentId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SAMPLE_BUCKETS;
}
