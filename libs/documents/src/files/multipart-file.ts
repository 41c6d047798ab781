import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '@tel/core';
import { BlobTooLargeError, FileStorage, StagedBlob, StorageFullError } from '@tel/storage';
import { TextProbe, TextVerdict } from './content-sniffer';

export interface ReceivedFile {
  staged: StagedBlob;
  /** The file name as the client sent it (path included, if any). */
  filename: string;
  text: TextVerdict;
}

/** Bytes a multipart body may carry beyond the file itself (boundaries, part headers, small fields). */
export const MULTIPART_OVERHEAD = 64 * 1024;

export const tooLarge = (maxBytes: number) => AppError.badInput('UPLOAD_TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes`);

/** The client closed the connection before its request body was complete: there is no one left to answer. */
export class ClientGoneError extends Error {
  /** `bytesReceived`: of the body, when reading it had begun. */
  constructor(readonly bytesReceived: number | null) {
    super(bytesReceived === null ? 'the client went away before the body was read' : `the client went away mid-upload, after ${bytesReceived} bytes of the body`);
    this.name = 'ClientGoneError';
  }
}

/** What a failed parse answers: nothing to one who left, BAD_USER_INPUT to the rest. */
const verdictOn = (parseError: unknown): Error =>
  parseError instanceof ClientGoneError ? parseError : AppError.badInput('UPLOAD_MALFORMED', 'The multipart body is malformed or incomplete');

/**
 * Reads and drops the rest of a request body the server has refused to keep, so the answer reaches
 * a client that is still sending: a server that answers and closes mid-body makes the client's next
 * write fail (EPIPE or a reset), and many clients — fetch among them — then report that failure
 * instead of the answer. Bounded: a declared length over `maxBytes`, more than `maxBytes` read here,
 * or a body still arriving after `timeoutMs`, resolves false — answer at once and close the connection.
 * Resolves true once the body has ended (the connection can then be kept).
 */
export function drainRefusedBody(req: Request, maxBytes: number, timeoutMs = 15_000): Promise<boolean> {
  if (req.readableEnded) return Promise.resolve(true);
  if (req.destroyed) return Promise.resolve(false);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    let read = 0;
    const settle = (ended: boolean) => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      resolve(ended);
    };
    const onData = (chunk: Buffer) => {
      read += chunk.length;
      if (read > maxBytes) settle(false);
    };
    const onEnd = () => settle(true);
    const onClose = () => settle(req.readableEnded);
    const timer = setTimeout(() => settle(false), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('close', onClose);
    req.on('error', () => undefined); // a reset while draining: 'close' settles it
    req.resume();
  });
}

/** The file volume is full: a coded 507; anything else unchanged. */
const storageError = (error: Error): Error => (error instanceof StorageFullError ? AppError.insufficientStorage() : error);

/**
 * Streams the one file of a multipart/form-data request (field `field`) into the storage's staging
 * area — never buffering the body — while checking it is UTF-8 text on the way. Resolves once the
 * whole body has been read and found well-formed; on any failure the staged copy is discarded and
 * the rest of the request is drained and ignored.
 *
 * Every stream here has an 'error' listener from the moment it exists (one without would end the
 * process): the parser, each file stream busboy hands over, and the request. A client that goes
 * away rejects with ClientGoneError; a body cut short with BAD_USER_INPUT; a full volume with
 * INSUFFICIENT_STORAGE.
 */
export function receiveSingleFile(req: Request, storage: FileStorage, options: { field: string; maxBytes: number }): Promise<ReceivedFile> {
  return new Promise<ReceivedFile>((resolve, reject) => {
    // Gone while the target was being checked: its 'close' has fired already, and nothing more will come.
    if (req.destroyed && !req.readableEnded) return reject(new ClientGoneError(null));
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        preservePath: true, // keep "../../x" so the original name can be shown; sanitizing is ours
        defParamCharset: 'utf8', // browsers send raw UTF-8 in filename="…"
        limits: { files: 1, fileSize: options.maxBytes + 1, fields: 20, fieldSize: 64 * 1024, parts: 30, headerPairs: 50 },
      });
    } catch {
      return reject(AppError.badInput('UPLOAD_TYPE_REFUSED', `Send the file as multipart/form-data in the field "${options.field}"`));
    }
    let staging: Promise<ReceivedFile> | null = null;
    let problem: Error | null = null;
    let settled = false;

    /** Stops reading, drops whatever was staged (before answering, so a refusal leaves nothing), then rejects. */
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      parser.destroy(); // ends a file stream still being staged, so staging settles
      req.resume();
      void (staging ?? Promise.reject(new Error('nothing was staged')))
        .then((received) => storage.discard(received.staged))
        .catch(() => undefined)
        .finally(() => reject(error));
    };

    let bytesReceived = 0;
    const countBytes = (chunk: Buffer) => (bytesReceived += chunk.length);

    parser.on('file', (name, stream, info) => {
      // Busboy destroys a file stream with an error when the body ends mid-part or the client goes
      // away; the outcome is reported through the parser (and the staging promise), so here it is only heard.
      stream.on('error', () => undefined);
      if (name !== options.field || staging) {
        stream.resume();
        problem ??= AppError.badInput('UPLOAD_MALFORMED', staging ? 'Send one file per request' : `Unexpected file field "${name}": send the file in the field "${options.field}"`);
        return;
      }
      const probe = new TextProbe();
      staging = storage
        .stage(stream, { maxBytes: options.maxBytes, observe: (chunk) => probe.push(chunk) })
        .then((staged) => ({ staged, filename: info.filename ?? '', text: probe.finish() }));
      // When the parser failed (the body is cut short, the client left), that is the cause, whichever
      // of its 'error' and this rejection comes first; otherwise the staging's own error is.
      staging.catch((error: Error) => fail(error instanceof BlobTooLargeError ? tooLarge(options.maxBytes) : parser.errored ? verdictOn(parser.errored) : storageError(error)));
    });
    parser.on('filesLimit', () => (problem ??= AppError.badInput('UPLOAD_MALFORMED', 'Send one file per request')));
    parser.on('partsLimit', () => (problem ??= AppError.badInput('UPLOAD_MALFORMED', 'Too many parts in the multipart body')));
    parser.on('fieldsLimit', () => (problem ??= AppError.badInput('UPLOAD_MALFORMED', 'Too many fields in the multipart body')));
    parser.on('error', (error) => fail(verdictOn(error)));
    parser.on('close', () => {
      if (settled) return;
      if (!staging) return fail(problem ?? AppError.badInput('UPLOAD_FIELD_MISSING', `The request has no file in the multipart field "${options.field}"`));
      staging.then(
        (received) => {
          if (settled) return;
          if (problem) return fail(problem);
          settled = true;
          resolve(received);
        },
        () => undefined, // already failed above
      );
    });
    req.on('data', countBytes);
    req.on('error', () => undefined); // a reset connection: 'close' below says what to do
    // Not `req.complete`: a request whose last bytes arrived but were still buffered (the parser
    // applying backpressure) when the connection closed is destroyed with them unread, and 'end' never comes.
    req.on('close', () => {
      if (!req.readableEnded) parser.destroy(new ClientGoneError(bytesReceived));
    });
    req.pipe(parser);
  });
}
