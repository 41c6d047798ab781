import { Controller, Get, Inject, Logger, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Allow, APP_CONFIG, AppConfig, AppError, Ctx, Idempotency, IdempotencyScope, IdempotentReplay, Public, RequestContext, Role, runWithIdempotency } from '@tel/core';
import { FileStorage } from '@tel/storage';
import { DocumentAccess } from '../documents/document.enums';
import { DocumentFile } from './document-file.entity';
import { DocumentFilesService, UploadTarget } from './document-files.service';
import { contentDisposition, etagMatches, ifRangeAllows, parseRange } from './download.rules';
import { FileKind } from './file-kind';
import { ClientGoneError, drainRefusedBody, MULTIPART_OVERHEAD, receiveSingleFile, tooLarge } from './multipart-file';

/** Shown inline in the browser; everything else (HTML above all) is downloaded as an attachment. */
const INLINE_KINDS = new Set<FileKind>([FileKind.PDF, FileKind.TXT]);

/**
 * Upload: POST /api/documents/{symbol}/revisions/{n}/files (multipart field `file`, bearer token)
 * answers 201 { id, name, size, sha256, contentType }.
 * With an Idempotency-Key header, the same upload sent again (same revision, name and bytes)
 * answers the first one's file (with `Idempotent-Replayed: true`) instead of a second row or a CONFLICT.
 * Download: GET /files/{id} with ETag / If-None-Match, single byte ranges and a safe disposition.
 * Errors answer { error: { code, message, requestId } } (HttpErrorFilter).
 */
@Controller()
export class DocumentFilesController {
  private readonly logger = new Logger('Files');

  constructor(
    private readonly files: DocumentFilesService,
    private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly idempotency: Idempotency,
  ) {}

  @Allow(Role.SECRETARIAT, Role.DELEGATE, Role.OVERSEER)
  @Post('api/documents/:symbol/revisions/:revision/files')
  async upload(@Ctx() ctx: RequestContext, @Param('symbol') symbol: string, @Param('revision') revision: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const target = await this.files.uploadTarget(ctx, symbol, revision);
      const scope = this.idempotency.scopeFor(ctx, 'uploadDocumentFile', null); // a malformed key is refused before the body is read
      if (!/^multipart\/form-data\s*;/i.test(req.headers['content-type'] ?? '')) {
        throw AppError.badInput('UPLOAD_TYPE_REFUSED', 'Send the file as multipart/form-data in the field "file"');
      }
      const maxBytes = this.config.uploadMaxBytes;
      if (Number(req.headers['content-length'] ?? 0) > maxBytes + MULTIPART_OVERHEAD) throw tooLarge(maxBytes);
      const received = await receiveSingleFile(req, this.storage, { field: 'file', maxBytes });
      const file = await this.storeOnce(ctx, scope, target, received);
      res
        .status(201)
        .location(`/files/${file.id}`)
        .json({
          id: file.id,
          name: file.name,
          originalName: file.originalName,
          size: file.size,
          sha256: file.sha256,
          contentType: file.contentType,
          kind: file.kind,
          url: `/files/${file.id}`,
        });
    } catch (error) {
      if (error instanceof ClientGoneError) {
        // Routine (a closed tab, a dropped line): nothing was kept, and no one is left to answer.
        this.logger.warn(`[${ctx.requestId}] upload to ${symbol} [Rev.${revision}] abandoned: ${error.message}; nothing kept`);
        res.destroy(); // normally closed already; never left waiting for an answer
        return;
      }
      // Refused before the whole body was read: read the rest (within the upload limit) and drop it,
      // so a client still sending gets the answer; past the limit, answer now and close the connection.
      if (!req.readableEnded && !(await drainRefusedBody(req, this.config.uploadMaxBytes + MULTIPART_OVERHEAD))) {
        res.setHeader('Connection', 'close');
        req.resume();
      }
      throw error;
    }
  }

  /** Stores the upload; with an Idempotency-Key, a repeat of the same upload answers the first one's file. */
  private async storeOnce(
    ctx: RequestContext,
    scope: IdempotencyScope | null,
    target: UploadTarget,
    received: Awaited<ReturnType<typeof receiveSingleFile>>,
  ): Promise<DocumentFile> {
    if (!scope) return this.files.store(ctx, target, received);
    scope.fingerprint = this.idempotency.fingerprint(scope.operation, {
      revisionId: target.revision.id,
      filename: received.filename,
      sha256: received.staged.sha256,
      size: received.staged.size,
    });
    try {
      return await runWithIdempotency(scope, () => this.files.store(ctx, target, received));
    } catch (error) {
      if (error instanceof IdempotentReplay) return (await this.idempotency.replay(ctx, error)) as DocumentFile;
      throw error;
    }
  }

  @Public()
  @Get('files/:id')
  async download(@Ctx() ctx: RequestContext, @Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { file, document } = await this.files.forDownload(ctx, id);
    // Rows are written only after their blob is stored, so a missing blob is a fault to log, not a 404.
    if (!(await this.storage.stat(file.sha256))) throw new Error(`blob ${file.sha256} of file ${file.id} is missing from storage`);
    const etag = `"${file.sha256}"`;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('ETag', etag);
    res.setHeader('Accept-Ranges', 'bytes');
    // Revalidate every time (the ETag makes that cheap): access may change, and shared caches must not keep restricted papers.
    res.setHeader('Cache-Control', document.access === DocumentAccess.PUBLIC ? 'public, no-cache' : 'private, no-cache');
    res.setHeader('Vary', 'Authorization, Cookie');
    if (etagMatches(req.headers['if-none-match'], etag)) {
      res.status(304).end();
      return;
    }
    const range = ifRangeAllows(req.header('if-range'), etag) ? parseRange(req.headers.range, file.size) : ({ kind: 'whole' } as const);
    if (range.kind === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${file.size}`);
      res.status(416).json({ error: { code: 'BAD_USER_INPUT', message: `The range is outside the file (${file.size} bytes)`, requestId: ctx.requestId } });
      return;
    }
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(INLINE_KINDS.has(file.kind) ? 'inline' : 'attachment', file.name));
    // Opened directly, an uploaded file may run no script and load nothing on our origin. Not for
    // PDFs: browsers show them in their own sandboxed viewer, which such a policy would block.
    if (file.kind !== FileKind.PDF) res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    if (range.kind === 'partial') {
      res.status(206);
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
      res.setHeader('Content-Length', String(range.end - range.start + 1));
    } else {
      res.status(200);
      res.setHeader('Content-Length', String(file.size));
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = this.storage.openRead(file.sha256, range.kind === 'partial' ? { start: range.start, end: range.end } : undefined);
    await pipeline(stream, res).catch((error: NodeJS.ErrnoException) => {
      // A client that goes away mid-download is routine; anything else is worth a line in the log.
      if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') this.logger.warn(`[${ctx.requestId}] download of ${file.id} broke off: ${error.message}`);
    });
  }
}
