import type { EntityManager } from 'typeorm';
import type { ExtractedChunk } from '../extraction/extraction.types';
import type { Language } from '../language/language';

export type DocumentAccess = 'PUBLIC' | 'RESTRICTED';

/** What the index keeps about the file a set of chunks came from. One file = one upsert unit. */
export interface DocumentMeta {
  documentId: string;
  revisionId: string;
  fileId: string;
  /** e.g. 2008-TELWG37-SPSG-006 */
  symbol: string;
  title: string;
  meetingCode: string | null;
  groupCode: string | null;
  economyCodes: string[];
  /** The document type (e.g. WORKING_PAPER); free text to the index. */
  type: string | null;
  year: number | null;
  /** The file's language (see dominantLanguage() when the upload does not say). */
  language: Language;
  access: DocumentAccess;
  /** ISO 8601; orders the results of an empty query (newest first). */
  publishedAt: string | null;
}

export interface SearchFilter {
  meetingCodes?: string[] | null;
  groupCodes?: string[] | null;
  economies?: string[] | null;
  types?: string[] | null;
  years?: number[] | null;
  languages?: Language[] | null;
}

export interface SearchRequest {
  /** What the person typed; blank = the newest documents. Never a syntax error. */
  query?: string | null;
  filter?: SearchFilter | null;
  /** Only callers allowed to see restricted documents pass true. */
  includeRestricted: boolean;
  /** Page size (default 20, at most MAX_PAGE_SIZE). */
  first?: number | null;
  /** The endCursor of the previous page. */
  after?: string | null;
}

/** One document that matched, at its best page. */
export interface SearchHit {
  documentId: string;
  revisionId: string;
  fileId: string;
  page: number | null;
  section: string | null;
  /** HTML: matched words in <mark>…</mark>, everything else escaped. */
  snippet: string;
  /** Higher is better; comparable only within one result. */
  score: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** Document counts per value, over all documents the query and filter match (not just this page). */
export interface SearchFacets {
  meetings: FacetCount[];
  groups: FacetCount[];
  types: FacetCount[];
  economies: FacetCount[];
  years: FacetCount[];
}

export interface SearchResult {
  /** Number of matching documents (a document counts once, however many pages match). */
  totalCount: number;
  /**
   * True when totalCount and the facet counts are estimated (a very large result: a word on most
   * pages); the hits and their order are exact all the same. Like Meilisearch's estimatedTotalHits.
   */
  totalCountIsEstimate: boolean;
  hits: SearchHit[];
  facets: SearchFacets;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** RELEVANCE for a query; NEWEST when the query was blank (the newest documents, newest first). */
  orderedBy: 'RELEVANCE' | 'NEWEST';
}

export type SearchEngineName = 'sqlite' | 'postgres' | 'meilisearch';

export interface SearchIndexStats {
  engine: SearchEngineName;
  documents: number;
  files: number;
  chunks: number;
}

/** Write options: the transaction to join, where the engine can. */
export interface IndexWriteOptions {
  /**
   * The caller's unit of work (`uow.write(em => …)`). The SQLite index in the main SQLite
   * database and the PostgreSQL index write inside it, so the index changes with the extraction
   * result or not at all.
   * Engines that cannot join (Meilisearch, or SQLite in its own file beside PostgreSQL) ignore it:
   * call them after commit — see `SearchIndex.joinsTransactions`.
   */
  em?: EntityManager;
}

/**
 * Full-text search over document files, by page. Domain services see only this port; which engine
 * runs is chosen once in `createSearchIndex()` (SEARCH_ENGINE=sqlite|postgres|meilisearch).
 */
export interface SearchIndex {
  readonly engine: SearchEngineName;
  /** True when writes given `{ em }` happen inside that transaction. */
  readonly joinsTransactions: boolean;
  /**
   * True when opening found an index built by an older version of the tokenization (folding,
   * stemming) and emptied it: every file must be indexed again (the API queues them on start).
   */
  readonly rebuilt?: boolean;
  /** Replaces everything indexed for `meta.fileId` with these chunks (idempotent). */
  upsertDocumentChunks(meta: DocumentMeta, chunks: ExtractedChunk[], options?: IndexWriteOptions): Promise<void>;
  /** Many files at once, as one write (a reindex; the bulk load of the benchmark). */
  upsertMany(files: { meta: DocumentMeta; chunks: ExtractedChunk[] }[], options?: IndexWriteOptions): Promise<void>;
  /** Changes PUBLIC/RESTRICTED for every indexed file of a document at once (no re-extraction). */
  setDocumentAccess(documentId: string, access: DocumentAccess, options?: IndexWriteOptions): Promise<void>;
  removeFile(fileId: string, options?: IndexWriteOptions): Promise<void>;
  removeDocument(documentId: string, options?: IndexWriteOptions): Promise<void>;
  search(request: SearchRequest): Promise<SearchResult>;
  stats(): Promise<SearchIndexStats>;
  /** The ids of every file the index holds, sorted (a reindex removes those the database no longer has). */
  listFileIds(): Promise<string[]>;
  close(): Promise<void>;
}

export const SEARCH_INDEX = Symbol('SEARCH_INDEX');

/** Results past this rank are not served (totalCount stays exact); Meilisearch has the same cap. */
export const MAX_RESULT_WINDOW = 1000;
