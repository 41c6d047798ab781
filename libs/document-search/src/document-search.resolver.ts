import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { AppError, Ctx, DEFAULT_PAGE_SIZE, isUuid, MAX_PAGE_SIZE, Public, RequestContext, SecretariatOnly, SignedIn, UnitOfWork } from '@tel/core';
import { canReadDocument, DocumentFile, DocumentIndexSource, DocumentsLoaders, readableAccess } from '@tel/documents';
import { JobsService } from '@tel/jobs';
import { Language, LANGUAGES, SEARCH_INDEX, SearchIndex } from '@tel/search';
import { OutboxDocumentIndexEvents } from './document-index-events.impl';
import { DocumentSearchHit, DocumentSearchResult, IndexStatus, SearchDocumentsFilter, SearchOrder } from './search.types';
import { FileIndexState } from './file-index-entry.entity';
import { FileIndexStates } from './file-index-states';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

@Resolver()
export class DocumentSearchResolver {
  constructor(
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly loaders: DocumentsLoaders,
    private readonly uow: UnitOfWork,
    private readonly jobs: JobsService,
    private readonly events: OutboxDocumentIndexEvents,
    private readonly source: DocumentIndexSource,
    private readonly states: FileIndexStates,
  ) {}

  @Public()
  @Query(() => DocumentSearchResult, {
    description:
      'Full-text search over the papers, in English, Chinese, Japanese and Korean. A query that is a symbol or part of one (SPSG-006, TEL37 SPSG 6) puts that document first; an empty query lists the newest documents (orderedBy: NEWEST). Traditional and simplified Chinese and their regional words (網路/网络) find each other; English words match their inflections. A document is one hit, at its newest matching revision and its best page. Restricted documents appear only to signed-in members.',
  })
  async searchDocuments(
    @Ctx() ctx: RequestContext,
    @Args('query', {
      description: 'words (all must match), "exact phrase", a OR b, -word to exclude, word* for a prefix; anything else is literal text, never an error.',
    })
    query: string,
    @Args('filter', { type: () => SearchDocumentsFilter, nullable: true }) filter: SearchDocumentsFilter | null,
    @Args('first', { type: () => Int, nullable: true }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<DocumentSearchResult> {
    const size = first ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE)
      throw AppError.badInput('PAGE_SIZE_OUT_OF_RANGE', `first must be between 0 and ${MAX_PAGE_SIZE}`, { maxPageSize: MAX_PAGE_SIZE });
    const languages = filter?.languages?.map((l) => l.toLowerCase());
    if (languages?.some((l) => !LANGUAGES.includes(l as Language))) throw AppError.badInput('LANGUAGE_UNKNOWN', `languages are ${LANGUAGES.join(', ')}`, { field: 'languages' });
    const includeRestricted = ctx.actor !== null;
    const text = query.slice(0, 10_000);

    // Page 1 of a query that names a document by symbol starts with that document.
    const named = after ? [] : await this.source.namedBy(text, readableAccess(ctx.actor));
    const result = await this.index.search({
      query: text,
      filter: filter ? { ...filter, languages: languages as Language[] | undefined } : null,
      includeRestricted,
      first: Math.max(size - named.length, 0),
      after,
    });

    const nodes: DocumentSearchHit[] = named.map((doc) => ({
      document: doc,
      revision: doc.requestedRevision ?? 0,
      file: null,
      page: null,
      section: null,
      snippet: `<mark>${escapeHtml(doc.symbol)}</mark> ${escapeHtml(doc.title)}`,
      score: Number.MAX_SAFE_INTEGER,
      symbolMatch: true,
    }));
    const namedIds = new Set(named.map((d) => d.id));
    // Resolved together, so each loader batches the page's hits into one statement.
    const resolved = await Promise.all(
      result.hits
        .filter((hit) => !namedIds.has(hit.documentId))
        .map(async (hit) => {
          const [doc, revision] = await Promise.all([this.loaders.document(ctx, hit.documentId), this.loaders.revision(ctx, hit.revisionId)]);
          // The database has the last word: a paper made restricted a moment ago never shows.
          if (!doc || !canReadDocument(ctx.actor, doc)) return null;
          const files = revision ? await this.loaders.filesOf(ctx, revision.id) : [];
          return {
            document: doc,
            revision: revision?.number ?? 0,
            file: files.find((f) => f.id === hit.fileId) ?? null,
            page: hit.page,
            section: hit.section,
            snippet: hit.snippet,
            score: hit.score,
            symbolMatch: false,
          };
        }),
    );
    for (const node of resolved) if (node) nodes.push(node);
    const extra = named.filter((d) => !result.hits.some((h) => h.documentId === d.id)).length;
    return {
      totalCount: result.totalCount + extra,
      totalCountIsEstimate: result.totalCountIsEstimate,
      nodes,
      facets: result.facets,
      pageInfo: result.pageInfo,
      orderedBy: result.orderedBy === 'NEWEST' ? SearchOrder.NEWEST : SearchOrder.RELEVANCE,
    };
  }

  @SignedIn()
  @Query(() => IndexStatus, { description: 'How many files are indexed, pending or failed, and the state of the job queue.' })
  async indexStatus(): Promise<IndexStatus> {
    const [counts, stats, jobs] = await Promise.all([this.states.counts(), this.index.stats(), this.jobs.counts()]);
    return {
      files: Object.values(FileIndexState).map((state) => ({ state, count: counts.get(state) ?? 0 })),
      engine: stats.engine,
      chunks: stats.chunks,
      queue: jobs.adapter,
      outboxPending: jobs.outboxPending,
      queueError: jobs.queueError ?? null,
    };
  }

  @SecretariatOnly()
  @Mutation(() => DocumentFile, { description: 'Extracts and indexes a file again (after FAILED, or to refresh it).' })
  async retryIndexing(@Args('fileId', { type: () => ID }) fileId: string): Promise<DocumentFile> {
    return this.uow.write(async (em) => {
      const file = isUuid(fileId) ? await this.source.file(em, fileId) : null;
      if (!file) throw AppError.notFound('FILE_NOT_FOUND', 'File', fileId);
      await this.events.retry(em, file.id);
      return file;
    });
  }
}

/**
 * A file's indexing state on `DocumentFile`, contributed by document-search (the table is its
 * own; libs/documents knows nothing of search). One statement per list of files.
 */
@Resolver(() => DocumentFile)
export class DocumentFileIndexResolver {
  constructor(private readonly states: FileIndexStates) {}

  @ResolveField(() => FileIndexState, { description: 'PENDING until its text is in the search index; FAILED with indexError when it cannot be read.' })
  async indexState(@Parent() file: DocumentFile, @Ctx() ctx: RequestContext): Promise<FileIndexState> {
    return (await this.states.entry(ctx, file.id))?.indexState ?? FileIndexState.PENDING;
  }

  @ResolveField(() => String, { nullable: true, description: 'Why indexing failed, in words fit for the uploader.' })
  async indexError(@Parent() file: DocumentFile, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.states.entry(ctx, file.id))?.indexError ?? null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Pages found in the file (PDF).' })
  async pageCount(@Parent() file: DocumentFile, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await this.states.entry(ctx, file.id))?.pageCount ?? null;
  }

  @ResolveField(() => String, { nullable: true, description: 'When its text was last indexed (ISO 8601).' })
  async indexedAt(@Parent() file: DocumentFile, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await this.states.entry(ctx, file.id))?.indexedAt ?? null;
  }
}
