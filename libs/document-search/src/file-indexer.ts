import { Inject, Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { AppError, ErrorCode, UnitOfWork } from '@tel/core';
import { DocumentIndexSource } from '@tel/documents';
import { FileStorage } from '@tel/storage';
import { ExtractionError, SEARCH_INDEX, SearchIndex, TEXT_EXTRACTOR, TextExtractor } from '@tel/search';
import { FileIndexState } from './file-index-entry.entity';
import { FileIndexStates } from './file-index-states';
import { indexMetaFor } from './index-meta';

export type IndexOutcome = { state: 'INDEXED'; chunks: number } | { state: 'FAILED'; reason: string } | { state: 'GONE' };

/** The largest file whose text we try to extract; larger ones fail with a reason instead of exhausting memory. */
export const MAX_EXTRACT_BYTES = 100 * 1024 * 1024;

async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      stream.destroy();
      throw new ExtractionError('REFUSED', `the file is larger than ${Math.round(limit / 1048576)} MB, too large to extract`);
    }
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

/** Rolls the indexing transaction back: the file (or its document) was deleted meanwhile. */
class FileGone extends Error {}

/**
 * Extracts one file's text and writes it to the search index. Idempotent: the index replaces a
 * file's chunks wholesale, so a second run (a retry, a second delivery) leaves the same state.
 * Where the index lives in the application database, the chunks and the file's INDEXED state are
 * written in one transaction.
 */
@Injectable()
export class FileIndexer {
  private readonly logger = new Logger('FileIndexer');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly storage: FileStorage,
    @Inject(TEXT_EXTRACTOR) private readonly extractor: TextExtractor,
    @Inject(SEARCH_INDEX) private readonly index: SearchIndex,
    private readonly source: DocumentIndexSource,
    private readonly states: FileIndexStates,
  ) {}

  /**
   * Throws only for failures worth retrying (storage or index unavailable); a file that cannot be
   * read as text is recorded FAILED with the reason and returned as such.
   */
  async indexFile(fileId: string): Promise<IndexOutcome> {
    const file = await this.source.file(this.uow.manager, fileId);
    if (!file) {
      await this.index.removeFile(fileId);
      return { state: 'GONE' };
    }
    let result;
    try {
      const bytes = await readAll(this.storage.openRead(file.sha256), MAX_EXTRACT_BYTES);
      result = await this.extractor.extract(bytes, file.contentType);
    } catch (error) {
      if (error instanceof ExtractionError) {
        await this.markFailed(fileId, error.reason);
        return { state: 'FAILED', reason: error.reason };
      }
      throw error;
    }
    const indexedAt = new Date().toISOString();
    const record = { indexState: FileIndexState.INDEXED, indexError: null, pageCount: result.pageCount, indexedAt };
    try {
      if (this.index.joinsTransactions) {
        await this.uow.write(async (em) => {
          // The write comes first, before any read: on SQLite it takes the database's write lock
          // at once (waiting up to busy_timeout), so this transaction cannot fail with SQLITE_BUSY
          // when another process (apps/worker beside the API, `npm run reindex`) commits between
          // its reads and its first write — SQLite never upgrades a read transaction once someone
          // else has written. The state and the chunks still commit together. State row first,
          // then the index: the order an access change takes them in too (documentChanged), so
          // the two never deadlock on PostgreSQL.
          if (!(await this.states.save(em, fileId, record))) throw new FileGone();
          const subject = await this.source.subject(em, fileId);
          if (!subject) throw new FileGone();
          const meta = indexMetaFor(subject, result.chunks);
          await this.index.upsertDocumentChunks(meta, result.chunks, { em });
        });
      } else {
        const subject = await this.source.subject(this.uow.manager, fileId);
        if (!subject) return { state: 'GONE' };
        await this.index.upsertDocumentChunks(indexMetaFor(subject, result.chunks), result.chunks);
        await this.uow.write((em) => this.states.save(em, fileId, record));
      }
    } catch (error) {
      if (error instanceof FileGone) return { state: 'GONE' };
      // The index refusing the content itself (too many chunks) will not change on a retry.
      if (error instanceof AppError && error.code === ErrorCode.BAD_USER_INPUT) {
        await this.markFailed(fileId, error.message);
        return { state: 'FAILED', reason: error.message };
      }
      throw error;
    }
    return { state: 'INDEXED', chunks: result.chunks.length };
  }

  async markFailed(fileId: string, reason: string): Promise<void> {
    this.logger.warn(`file ${fileId} could not be indexed: ${reason}`);
    await this.uow.write((em) => this.states.save(em, fileId, { indexState: FileIndexState.FAILED, indexError: reason.slice(0, 1000) }));
  }
}
