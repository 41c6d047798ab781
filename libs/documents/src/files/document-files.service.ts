import { Injectable, Optional } from '@nestjs/common';
import { AppError, AuditTrail, isUniqueViolation, isUuid, RequestContext, UnitOfWork } from '@tel/core';
import { FileStorage, StorageFullError } from '@tel/storage';
import { canReadDocument, mayContribute } from '../documents/document-access.rules';
import { DocumentStatus } from '../documents/document.enums';
import { Document } from '../documents/document.entity';
import { parseSymbolInput, revisionNumberInput } from '../documents/document.rules';
import { DocumentsService } from '../documents/documents.service';
import { DocumentRevision } from '../revisions/document-revision.entity';
import { symbolKey } from '../symbol/document-symbol';
import { BlobJanitor } from './blob-janitor';
import { sniffContent } from './content-sniffer';
import { DocumentIndexEvents } from '../documents/document-index-events';
import { DocumentFile } from './document-file.entity';
import { contentTypeOf, FILE_KINDS, kindForName } from './file-kind';
import { extensionOf, originalFileName, safeFileName, withExtension } from './file-name.rules';
import { ReceivedFile } from './multipart-file';

export interface UploadTarget {
  document: Document;
  revision: DocumentRevision;
}

const unsupported = (message: string) => AppError.badInput('UPLOAD_TYPE_REFUSED', message);

/**
 * Files of document revisions: checks an upload (content, name, size), stores it and records it —
 * in that order, so a row always has its bytes on disk — and finds files for download.
 */
@Injectable()
export class DocumentFilesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly storage: FileStorage,
    private readonly janitor: BlobJanitor,
    private readonly documents: DocumentsService,
    private readonly audit: AuditTrail,
    @Optional() private readonly indexEvents?: DocumentIndexEvents,
  ) {}

  /** The revision an upload goes to, checked before a byte of the body is read. */
  async uploadTarget(ctx: RequestContext, symbolText: string, revisionText: string): Promise<UploadTarget> {
    const parsed = parseSymbolInput(symbolText);
    const number = revisionNumberInput(revisionText);
    if (parsed.revision !== null && parsed.revision !== number) {
      throw AppError.badInput('SYMBOL_MISMATCH', `The symbol names Rev.${parsed.revision} but the path names revision ${number}`, { field: 'revision' });
    }
    const key = symbolKey(parsed);
    const em = this.uow.manager;
    const document = await em.findOne(Document, { where: { symbol: key } });
    if (!document || !canReadDocument(ctx.actor, document)) throw AppError.notFound('DOCUMENT_NOT_FOUND', 'Document', key);
    if (!mayContribute(ctx.actor, document)) throw AppError.forbidden('NOT_SUBMITTER', `Only the secretariat or delegates of the submitting economy may add files to ${key}`);
    if (document.status !== DocumentStatus.REGISTERED) {
      throw AppError.invalidState('DOCUMENT_CLOSED', `${key} is ${document.status.toLowerCase()}: it takes no new revisions or files`, { status: document.status });
    }
    const revision = await em.findOne(DocumentRevision, { where: { documentId: document.id, number } });
    if (!revision) throw AppError.notFound('REVISION_NOT_FOUND', 'Revision', `${key} [Rev.${number}]`);
    return { document, revision };
  }

  /**
   * Decides the kind from the content, names the file, moves the bytes into place and records the
   * row. Whatever fails, nothing is left behind: a refused upload is discarded from staging, and
   * a blob whose row did not commit is deleted again unless another row or upload uses it.
   */
  async store(ctx: RequestContext, target: UploadTarget, received: ReceivedFile): Promise<DocumentFile> {
    const { staged } = received;
    let committed = false;
    try {
      if (staged.size === 0) throw AppError.badInput('UPLOAD_EMPTY', 'The file is empty');
      const sniffed = await sniffContent({ size: staged.size, read: (offset, length) => this.storage.readStaged(staged, offset, length) }, received.text);
      if (!sniffed.ok) throw unsupported(sniffed.reason);
      const safe = safeFileName(received.filename);
      const resolved = kindForName(sniffed.kind, extensionOf(safe));
      if (!resolved.ok) throw unsupported(resolved.reason);
      const name = withExtension(safe, FILE_KINDS[resolved.kind].extensions[0]);
      const originalName = originalFileName(received.filename) || name;

      return await this.janitor.pinned(staged.sha256, async () => {
        await this.janitor.exclusive(staged.sha256, () => this.storage.commit(staged));
        committed = true;
        return this.record(ctx, target, {
          name,
          originalName,
          size: staged.size,
          sha256: staged.sha256,
          kind: resolved.kind,
          contentType: contentTypeOf(resolved.kind, sniffed.charset),
        });
      });
    } catch (error) {
      // The pin is released by now, so only other uploads and rows can keep the blob.
      if (committed) await this.janitor.releaseIfUnreferenced(staged.sha256);
      else await this.storage.discard(staged);
      throw error instanceof StorageFullError ? AppError.insufficientStorage() : error;
    }
  }

  private record(ctx: RequestContext, target: UploadTarget, file: Pick<DocumentFile, 'name' | 'originalName' | 'size' | 'sha256' | 'kind' | 'contentType'>): Promise<DocumentFile> {
    return this.uow.write(async (em) => {
      // Again inside the transaction (locking the document on PostgreSQL): it may have been withdrawn meanwhile.
      const doc = await this.documents.lockedForChange(ctx, em, target.document.symbol, 'pessimistic_read');
      const revisionLabel = `${doc.symbol} [Rev.${target.revision.number}]`;
      const sameName = await em.findOne(DocumentFile, { where: { revisionId: target.revision.id, name: file.name } });
      if (sameName) throw AppError.conflict('FILE_EXISTS', `${revisionLabel} already has a file named "${file.name}"`, { fileId: sameName.id });
      const sameContent = await em.findOne(DocumentFile, { where: { revisionId: target.revision.id, sha256: file.sha256 } });
      if (sameContent) throw AppError.conflict('FILE_EXISTS', `${revisionLabel} already has this content, as "${sameContent.name}"`, { fileId: sameContent.id });
      const row = em.create(DocumentFile, { ...file, revisionId: target.revision.id, uploadedById: ctx.actor?.userId ?? null });
      try {
        await em.insert(DocumentFile, row);
      } catch (error) {
        if (isUniqueViolation(error)) throw AppError.conflict('FILE_EXISTS', `${revisionLabel} already has a file named "${file.name}" or with this content`);
        throw error;
      }
      await this.audit.record(em, ctx, {
        action: 'document.file.upload',
        entityType: 'DocumentFile',
        entityId: row.id,
        summary: `added ${file.name} (${file.kind}, ${file.size} bytes) to ${revisionLabel}`,
      });
      await this.indexEvents?.fileAdded(em, row.id);
      return row;
    });
  }

  /** A file the caller may download; a restricted one is NOT_FOUND for anonymous callers, exactly like a missing one. */
  async forDownload(ctx: RequestContext, id: string): Promise<{ file: DocumentFile; document: Document }> {
    const found = isUuid(id)
      ? await this.uow.manager
          .createQueryBuilder(DocumentFile, 'f')
          .innerJoin(DocumentRevision, 'r', 'r.id = f.revisionId')
          .innerJoinAndMapOne('f.document', Document, 'd', 'd.id = r.documentId')
          .where('f.id = :id', { id })
          .getOne()
      : null;
    const document = (found as (DocumentFile & { document: Document | undefined }) | null)?.document;
    if (!found || !document || !canReadDocument(ctx.actor, document)) throw AppError.notFound('FILE_NOT_FOUND', 'File', id.slice(0, 40));
    return { file: found, document };
  }
}
