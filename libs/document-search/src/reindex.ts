import { UnitOfWork } from '@tel/core';
import { DocumentIndexSource } from '@tel/documents';
import { SEARCH_CONFIG, SEARCH_INDEX, SearchConfig, SearchIndex, SearchIndexStats } from '@tel/search';
import { FileIndexState } from './file-index-entry.entity';
import { FileIndexStates } from './file-index-states';
import { FileIndexer, IndexOutcome } from './file-indexer';

/** What `reindex` needs from a Nest application (the API, or the context `npm run reindex` boots). */
export interface ReindexHost {
  get<T = unknown>(token: unknown): T;
}

export interface ReindexOptions {
  /** Only files whose indexing FAILED (with onlyPending: FAILED and PENDING ones). */
  onlyFailed?: boolean;
  /** Only files still PENDING (with onlyFailed: PENDING and FAILED ones). */
  onlyPending?: boolean;
  /** Files read from the database per query (default 100). */
  batchSize?: number;
  /** Files extracted at once (default EXTRACTION_CONCURRENCY, else 1). */
  concurrency?: number;
  /** Attempts per file for errors other than "this file cannot be read" (default 3). */
  attempts?: number;
  /** Called after every file. */
  onProgress?(progress: ReindexProgress): void;
  /** Stops between files (e.g. on Ctrl-C); the summary says so. */
  signal?: AbortSignal;
}

export interface ReindexProgress {
  done: number;
  /** Files selected when the walk started (grows if uploads add more meanwhile). */
  total: number;
  indexed: number;
  failed: number;
  gone: number;
  elapsedMs: number;
}

export interface ReindexFailure {
  fileId: string;
  name: string;
  reason: string;
}

export interface ReindexSummary {
  /** Which files were walked. */
  selection: 'all' | 'failed' | 'pending' | 'failed+pending';
  total: number;
  indexed: number;
  /** Files recorded FAILED, with the reason (also in the file's indexError). */
  failed: ReindexFailure[];
  /** Files deleted while the walk ran. */
  gone: number;
  /**
   * Index entries of files that are not in the database any more, removed (full runs only; every
   * engine lists its files through the SearchIndex port).
   */
  staleRemoved: number;
  /** True when the signal stopped the walk early. */
  stopped: boolean;
  before: SearchIndexStats;
  after: SearchIndexStats;
  tookMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Rebuilds the search index from the database, file by file, while the application keeps serving:
 * every file is extracted and upserted by FileIndexer (as the `index-file` job does: one short
 * transaction per file, the file's INDEXED/FAILED state with it), so the index is never emptied —
 * a file's old chunks are replaced by its new ones in one write. Files are walked in id order, in
 * batches, by keyset (no OFFSET: uploads meanwhile do not shift the walk). A full run then removes
 * the index entries of files the database no longer has.
 */
export async function reindex(host: ReindexHost, options: ReindexOptions = {}): Promise<ReindexSummary> {
  const started = Date.now();
  const uow = host.get<UnitOfWork>(UnitOfWork);
  const indexer = host.get<FileIndexer>(FileIndexer);
  const index = host.get<SearchIndex>(SEARCH_INDEX);
  const source = host.get<DocumentIndexSource>(DocumentIndexSource);
  const fileStates = host.get<FileIndexStates>(FileIndexStates);
  const config = host.get<SearchConfig>(SEARCH_CONFIG);
  const batchSize = Math.max(1, options.batchSize ?? 100);
  const concurrency = Math.max(1, options.concurrency ?? config.extraction.concurrency ?? 1);
  const attempts = Math.max(1, options.attempts ?? 3);

  const states = [...(options.onlyFailed ? [FileIndexState.FAILED] : []), ...(options.onlyPending ? [FileIndexState.PENDING] : [])];
  const selection: ReindexSummary['selection'] = !states.length ? 'all' : states.length === 2 ? 'failed+pending' : options.onlyFailed ? 'failed' : 'pending';
  // Files the seed recorded have no state yet: PENDING ones, given their rows before the walk.
  if (states.includes(FileIndexState.PENDING)) await fileStates.adoptUnknownFiles();

  const before = await index.stats();
  let total = states.length ? await fileStates.countIn(states) : await source.countFiles();
  const progress: ReindexProgress = { done: 0, total, indexed: 0, failed: 0, gone: 0, elapsedMs: 0 };
  const failed: ReindexFailure[] = [];
  let stopped = false;

  const indexOne = async (file: { id: string; name: string }): Promise<void> => {
    let outcome: IndexOutcome | null = null;
    let lastError = '';
    for (let attempt = 1; attempt <= attempts && !outcome; attempt++) {
      try {
        outcome = await indexer.indexFile(file.id);
      } catch (error) {
        // Storage or index trouble, or the database busy with another process: worth another go.
        lastError = messageOf(error);
        if (attempt < attempts) await sleep(250 * 2 ** (attempt - 1));
      }
    }
    if (!outcome) {
      const reason = lastError || 'indexing failed';
      await indexer.markFailed(file.id, reason).catch(() => undefined);
      outcome = { state: 'FAILED', reason };
    }
    if (outcome.state === 'INDEXED') progress.indexed++;
    else if (outcome.state === 'GONE') progress.gone++;
    else {
      progress.failed++;
      failed.push({ fileId: file.id, name: file.name, reason: outcome.reason });
    }
    progress.done++;
    progress.total = total = Math.max(total, progress.done);
    progress.elapsedMs = Date.now() - started;
    options.onProgress?.({ ...progress });
  };

  /** A batch of files in these states, with their names (files deleted meanwhile drop out). */
  const filesIn = async (wanted: FileIndexState[], afterId: string, limit: number): Promise<{ id: string; name: string }[]> => {
    const ids = await fileStates.idsIn(wanted, afterId, limit);
    const names = await source.fileNames(uow.manager, ids);
    // The last id keeps the walk going even when every file of the batch is gone.
    return ids.map((id) => ({ id, name: names.get(id) ?? '' }));
  };

  let after = '';
  walk: for (;;) {
    const batch = states.length ? await filesIn(states, after, batchSize) : await source.filesAfter(after, batchSize);
    if (!batch.length) break;
    after = batch[batch.length - 1].id;
    // A small pool: extraction runs in worker threads; writes queue behind the unit-of-work lock.
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
        while (next < batch.length && !options.signal?.aborted) await indexOne(batch[next++]);
      }),
    );
    if (options.signal?.aborted) {
      stopped = true;
      break walk;
    }
    if (batch.length < batchSize) break;
  }

  let staleRemoved = 0;
  if (selection === 'all' && !stopped) {
    // Index ids first, database ids second: a file in the index was committed to the database
    // before it was indexed, so a file uploaded meanwhile is never taken for a stale one.
    const indexed = await index.listFileIds();
    const known = new Set<string>();
    for (let from = ''; ;) {
      const ids = await source.filesAfter(from, 1000);
      for (const f of ids) known.add(f.id);
      if (ids.length < 1000) break;
      from = ids[ids.length - 1].id;
    }
    const stale = indexed.filter((id) => !known.has(id));
    for (const id of stale) await index.removeFile(id);
    staleRemoved = stale.length;
  }

  return {
    selection,
    total,
    indexed: progress.indexed,
    failed,
    gone: progress.gone,
    staleRemoved,
    stopped,
    before,
    after: await index.stats(),
    tookMs: Date.now() - started,
  };
}
