import { createHash, randomUUID } from 'node:crypto';
import { Index, Meilisearch, MeilisearchApiError, MeilisearchRequestError, MeilisearchRequestTimeOutError, MeilisearchTaskTimeOutError, Settings } from 'meilisearch';
import { AppError, pageWindow, toPage } from '@tel/core';
import type { ExtractedChunk } from '../../extraction/extraction.types';
import type { Language } from '../../language/language';
import { cleanText, foldedTermText, foldedText, ParsedQuery, parseSearchQuery, QueryClause } from '../../text/search-text';
import {
  DocumentAccess,
  DocumentMeta,
  FacetCount,
  IndexWriteOptions,
  MAX_RESULT_WINDOW,
  SearchFacets,
  SearchFilter,
  SearchIndex,
  SearchIndexStats,
  SearchRequest,
  SearchResult,
} from '../search-index';
import { makeSnippet } from '../snippet';

export interface MeilisearchConfig {
  url: string;
  apiKey?: string;
  /** Index uid (default tel_documents); tests use a fresh one each. */
  indexUid?: string;
  /** Chunks per documents request (default 1000). */
  batchSize?: number;
  /** How long to wait for an indexing task (default 60 s). */
  taskTimeoutMs?: number;
}

/** Chunk text goes to an attribute named after its language, so each gets its own segmenter. */
const TEXT_ATTRIBUTE: Record<Language, string> = { zh: 'text_zh', ja: 'text_ja', ko: 'text_ko', en: 'text', other: 'text' };
const TEXT_ATTRIBUTES = ['text', 'text_zh', 'text_ja', 'text_ko'];
const FACET_ATTRIBUTES = { meetings: 'meetingCode', groups: 'groupCode', types: 'type', economies: 'economyCodes', years: 'year' } as const;

/** One page (chunk) of one file: Meilisearch's document. */
interface ChunkDocument {
  id: string;
  documentId: string;
  revisionId: string;
  fileId: string;
  generation: string;
  chunkNo: number;
  page: number | null;
  section: string | null;
  symbol: string;
  title: string;
  meetingCode: string | null;
  groupCode: string | null;
  economyCodes: string[];
  type: string | null;
  year: number | null;
  language: Language;
  access: DocumentAccess;
  publishedTs: number;
  /** The chunk's text as extracted (not searchable): snippets are cut from it. */
  raw?: string;
  text?: string;
  text_zh?: string;
  text_ja?: string;
  text_ko?: string;
}

/**
 * The index settings. Attribute order ranks symbol over title over text; documentId is the
 * distinct attribute so one document is one hit (its best page) and facets and totalHits count
 * documents; localizedAttributes give Chinese, Japanese and Korean text their segmenters.
 */
export const MEILISEARCH_SETTINGS: Settings = {
  searchableAttributes: ['symbol', 'title', ...TEXT_ATTRIBUTES],
  filterableAttributes: ['documentId', 'fileId', 'generation', 'meetingCode', 'groupCode', 'economyCodes', 'type', 'year', 'language', 'access'],
  sortableAttributes: ['publishedTs'],
  distinctAttribute: 'documentId',
  displayedAttributes: ['*'],
  localizedAttributes: [
    { attributePatterns: ['text_zh'], locales: ['cmn'] },
    { attributePatterns: ['text_ja'], locales: ['jpn'] },
    { attributePatterns: ['text_ko'], locales: ['kor'] },
  ],
  typoTolerance: { disableOnAttributes: ['symbol'] },
  // totalCount must be exact; Meilisearch stops counting at maxTotalHits.
  pagination: { maxTotalHits: 1_000_000 },
  faceting: { maxValuesPerFacet: 200 },
};

/** A Meilisearch filter string literal. */
function lit(value: string | number): string {
  return typeof value === 'number' ? String(value) : `"${String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function anyOf(attribute: string, values: (string | number)[] | null | undefined): string | null {
  return values && values.length ? `${attribute} IN [${values.map(lit).join(', ')}]` : null;
}

/** Keeps Meilisearch's primary key rules (a-z A-Z 0-9 - _, at most 511 bytes). */
function keyOf(fileId: string): string {
  return /^[A-Za-z0-9_-]{1,200}$/.test(fileId) ? fileId : createHash('sha256').update(fileId).digest('hex').slice(0, 40);
}

function clauseText(clause: QueryClause): string {
  // Meilisearch has no OR: a clause is its first form (the query as written, folded).
  const t = clause.alternatives[0];
  const text = foldedTermText(t).replace(/"/g, ' ').replace(/^-+/, '').trim();
  return t.quoted || t.elements.length > 1 ? `"${text}"` : text;
}

/**
 * The query for Meilisearch, folded as the documents were (foldedText): phrases quoted, every
 * clause's first form, exclusions with Meilisearch's own '-' operator.
 */
export function meiliQuery(query: Pick<ParsedQuery, 'clauses' | 'excluded'>): string {
  const positive = query.clauses.map(clauseText).filter((t) => t && t !== '""');
  if (!positive.length) return '';
  const negative = query.excluded
    .map(clauseText)
    .filter((t) => t && t !== '""')
    .map((t) => `-${t}`);
  return [...positive, ...negative].join(' ');
}

function emptyResult(): SearchResult {
  return {
    totalCount: 0,
    totalCountIsEstimate: false,
    hits: [],
    facets: { meetings: [], groups: [], types: [], economies: [], years: [] },
    pageInfo: { hasNextPage: false, endCursor: null },
    orderedBy: 'RELEVANCE',
  };
}

/** Meilisearch behind the SearchIndex port (SEARCH_ENGINE=meilisearch, MEILI_URL, MEILI_API_KEY). */
export class MeilisearchSearchIndex implements SearchIndex {
  readonly engine = 'meilisearch' as const;
  /** Meilisearch cannot join a SQL transaction: the upload pipeline calls it after commit. */
  readonly joinsTransactions = false;
  private readonly client: Meilisearch;
  private readonly index: Index<ChunkDocument>;
  private readonly batchSize: number;
  private readonly taskTimeoutMs: number;
  readonly indexUid: string;

  /** Builds the client; no request is made until `ensureIndex()` or a search. */
  constructor(config: MeilisearchConfig) {
    this.client = new Meilisearch({ host: config.url, apiKey: config.apiKey });
    this.indexUid = config.indexUid ?? 'tel_documents';
    this.index = this.client.index<ChunkDocument>(this.indexUid);
    this.batchSize = config.batchSize ?? 1000;
    this.taskTimeoutMs = config.taskTimeoutMs ?? 60_000;
  }

  /** Creates the index if needed and applies MEILISEARCH_SETTINGS (call once at start-up). */
  async ensureIndex(): Promise<void> {
    await this.call(async () => {
      try {
        await this.client.getIndex(this.indexUid);
      } catch (e) {
        if (!(e instanceof MeilisearchApiError && e.cause?.code === 'index_not_found')) throw e;
        await this.wait(this.client.createIndex(this.indexUid, { primaryKey: 'id' }));
      }
      await this.wait(this.index.updateSettings(MEILISEARCH_SETTINGS));
    });
  }

  /** Drops the whole index (tests). */
  async deleteIndex(): Promise<void> {
    await this.call(() => this.wait(this.client.deleteIndex(this.indexUid)));
  }

  private async wait(task: { waitTask(options?: { timeout?: number }): Promise<{ status: string; error?: { message: string; code: string } | null }> }): Promise<void> {
    const done = await task.waitTask({ timeout: this.taskTimeoutMs });
    if (done.status !== 'succeeded') {
      throw new AppError('SEARCH_ENGINE_FAILED', `search index task ${done.status}: ${done.error?.code ?? 'unknown'}`, { meilisearch: done.error?.message });
    }
  }

  /** Maps the client's errors onto AppError codes; messages stay free of URLs and keys. */
  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (e instanceof MeilisearchApiError) {
        const code = e.cause?.code ?? 'unknown';
        const status = e.response?.status ?? 500;
        if (status === 429) throw new AppError('SEARCH_ENGINE_BUSY', 'The search engine is busy; try again shortly');
        if (code.startsWith('invalid_search') || code.startsWith('invalid_document_filter')) throw AppError.badInput('SEARCH_REQUEST_INVALID', `Search request refused: ${code}`);
        if (code === 'index_not_found') throw AppError.notFound('SEARCH_INDEX_NOT_FOUND', 'Search index', this.indexUid);
        throw new AppError('SEARCH_ENGINE_FAILED', `The search engine refused the request (${code})`);
      }
      if (e instanceof MeilisearchRequestTimeOutError || e instanceof MeilisearchTaskTimeOutError) {
        throw new AppError('SEARCH_ENGINE_FAILED', 'The search engine did not answer in time');
      }
      if (e instanceof MeilisearchRequestError) throw new AppError('SEARCH_ENGINE_FAILED', 'The search engine cannot be reached');
      throw e;
    }
  }

  /**
   * New chunks go in under a new generation before the old generation is deleted, so a search
   * in between finds the file (twice at worst, which distinct hides), never not at all.
   */
  async upsertDocumentChunks(meta: DocumentMeta, chunks: ExtractedChunk[], _options?: IndexWriteOptions): Promise<void> {
    const generation = randomUUID().replace(/-/g, '').slice(0, 16);
    const key = keyOf(meta.fileId);
    const docs: ChunkDocument[] = chunks.map((c, n) => ({
      ...this.fileFields(meta, key, generation, n),
      page: c.page,
      section: c.section,
      raw: cleanText(c.text),
      // The same folding as the SQLite index: either Chinese script, full-width forms, stems.
      [TEXT_ATTRIBUTE[c.language]]: foldedText(c.text),
    }));
    if (!docs.length) {
      // A file without text still shows up by symbol and title.
      docs.push({ ...this.metaOnly(meta, key, generation) });
    }
    await this.call(async () => {
      for (let i = 0; i < docs.length; i += this.batchSize) {
        await this.wait(this.index.addDocuments(docs.slice(i, i + this.batchSize), { primaryKey: 'id' }));
      }
      await this.wait(this.index.deleteDocuments({ filter: `fileId = ${lit(meta.fileId)} AND generation != ${lit(generation)}` }));
    });
  }

  /** What every chunk document of a file carries: its key and the file's metadata. */
  private fileFields(meta: DocumentMeta, key: string, generation: string, chunkNo: number) {
    return {
      id: `${key}_${generation}_${chunkNo}`,
      documentId: meta.documentId,
      revisionId: meta.revisionId,
      fileId: meta.fileId,
      generation,
      chunkNo,
      symbol: meta.symbol,
      title: foldedText(meta.title),
      meetingCode: meta.meetingCode,
      groupCode: meta.groupCode,
      economyCodes: [...new Set(meta.economyCodes)],
      type: meta.type,
      year: meta.year,
      language: meta.language,
      access: meta.access,
      publishedTs: meta.publishedAt ? Date.parse(meta.publishedAt) || 0 : 0,
    };
  }

  private metaOnly(meta: DocumentMeta, key: string, generation: string): ChunkDocument {
    return { ...this.fileFields(meta, key, generation, 0), page: null, section: null, text: '' };
  }

  async upsertMany(files: { meta: DocumentMeta; chunks: ExtractedChunk[] }[]): Promise<void> {
    for (const f of files) await this.upsertDocumentChunks(f.meta, f.chunks);
  }

  async setDocumentAccess(documentId: string, access: DocumentAccess): Promise<void> {
    await this.call(async () => {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = await this.index.getDocuments({ filter: `documentId = ${lit(documentId)}`, fields: ['id'], limit: 1000, offset });
        ids.push(...page.results.map((d) => String(d.id)));
        if (page.results.length < 1000) break;
      }
      for (let i = 0; i < ids.length; i += this.batchSize) {
        await this.wait(this.index.updateDocuments(ids.slice(i, i + this.batchSize).map((id) => ({ id, access }))));
      }
    });
  }

  async removeFile(fileId: string): Promise<void> {
    await this.call(() => this.wait(this.index.deleteDocuments({ filter: `fileId = ${lit(fileId)}` })));
  }

  async removeDocument(documentId: string): Promise<void> {
    await this.call(() => this.wait(this.index.deleteDocuments({ filter: `documentId = ${lit(documentId)}` })));
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const window = pageWindow({ first: request.first, after: request.after });
    const parsed = parseSearchQuery(request.query);
    if (!parsed.blank && !parsed.clauses.length) return emptyResult();
    const q = parsed.blank ? '' : meiliQuery(parsed);
    if (!parsed.blank && !q) return emptyResult();
    const limit = Math.max(0, Math.min(window.limit, MAX_RESULT_WINDOW - window.offset));
    // Page mode (hitsPerPage/page) is the one with an exact totalHits; ask for everything up
    // to the end of the requested window and cut the window out.
    const response = await this.call(() =>
      this.index.search(q, {
        filter: this.filterFor(request.filter, request.includeRestricted),
        facets: Object.values(FACET_ATTRIBUTES),
        hitsPerPage: Math.max(1, window.offset + limit),
        page: 1,
        sort: parsed.blank ? ['publishedTs:desc'] : undefined,
        // The chunk as extracted: the snippet is cut from it with the query's own matcher, so
        // folded and stemmed matches are marked as written.
        attributesToRetrieve: ['documentId', 'revisionId', 'fileId', 'page', 'section', 'raw'],
        showRankingScore: true,
      }),
    );
    const hits = response.hits.slice(window.offset, window.offset + limit).map((h) => {
      return {
        documentId: h.documentId,
        revisionId: h.revisionId,
        fileId: h.fileId,
        page: h.page ?? null,
        section: h.section ?? null,
        snippet: h.raw ? makeSnippet(h.raw, parsed.blank ? { clauses: [] } : parsed) : '',
        score: parsed.blank ? 0 : (h._rankingScore ?? 0),
      };
    });
    const totalCount = response.totalHits ?? 0;
    const facets = {} as SearchFacets;
    for (const [key, attribute] of Object.entries(FACET_ATTRIBUTES) as [keyof SearchFacets, string][]) {
      const distribution = response.facetDistribution?.[attribute] ?? {};
      facets[key] = Object.entries(distribution)
        .map(([value, count]): FacetCount => ({ value, count }))
        .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    }
    const page = toPage(hits, Math.min(totalCount, MAX_RESULT_WINDOW), window);
    // Page mode answers with an exhaustive totalHits (not estimatedTotalHits): never an estimate.
    return { totalCount, totalCountIsEstimate: false, hits, facets, pageInfo: page.pageInfo, orderedBy: parsed.blank ? 'NEWEST' : 'RELEVANCE' };
  }

  /** Access first (restricted chunks never leave Meilisearch), then the caller's filters. */
  private filterFor(filter: SearchFilter | null | undefined, includeRestricted: boolean): string[] {
    return [
      includeRestricted === true ? null : `access = "PUBLIC"`,
      anyOf('meetingCode', filter?.meetingCodes),
      anyOf('groupCode', filter?.groupCodes),
      anyOf('economyCodes', filter?.economies),
      anyOf('type', filter?.types),
      anyOf('year', filter?.years?.map(Number).filter(Number.isFinite)),
      anyOf('language', filter?.languages),
    ].filter((f): f is string => f !== null);
  }

  async stats(): Promise<SearchIndexStats> {
    return this.call(async () => {
      const stats = await this.index.getStats();
      const distinct = async (attribute: string) => {
        const r = await this.index.search('', { hitsPerPage: 1, page: 1, distinct: attribute });
        return r.totalHits ?? 0;
      };
      return { engine: 'meilisearch' as const, documents: await distinct('documentId'), files: await distinct('fileId'), chunks: stats.numberOfDocuments };
    });
  }

  async listFileIds(): Promise<string[]> {
    return this.call(async () => {
      const ids = new Set<string>();
      for (let offset = 0; ; offset += 1000) {
        const page = await this.index.getDocuments({ fields: ['fileId'], limit: 1000, offset });
        for (const d of page.results) ids.add(String(d.fileId));
        if (page.results.length < 1000) break;
      }
      return [...ids].sort();
    });
  }

  async close(): Promise<void> {
    // The client holds no connection of its own (fetch).
  }
}
