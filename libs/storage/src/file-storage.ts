import type { Readable } from 'node:stream';

/** Bytes of an upload that sit in the staging area: written and flushed, not yet stored. */
export interface StagedBlob {
  /** Opaque handle of the staged copy. */
  readonly stagingId: string;
  readonly size: number;
  /** Lower-case hex SHA-256 of the content: the key it is stored under. */
  readonly sha256: string;
}

export interface StageOptions {
  /** Refuse (BlobTooLargeError) as soon as more than this many bytes have arrived. */
  maxBytes: number;
  /** Sees every chunk as it streams past (e.g. to check the text is UTF-8), before it is written. */
  observe?: (chunk: Buffer) => void;
}

export interface StoredBlobInfo {
  sha256: string;
  size: number;
  modifiedAt: Date;
}

/** A byte range, both ends inclusive (as in HTTP). */
export interface ByteRange {
  start: number;
  end: number;
}

/** Thrown by `stage` when the content is larger than allowed; nothing of it is kept. */
export class BlobTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`content is larger than ${maxBytes} bytes`);
    this.name = 'BlobTooLargeError';
  }
}

/**
 * Thrown when the volume is full or the quota is spent (ENOSPC, EDQUOT): nothing of the write is
 * kept. `code` is the system's, so callers can treat it like any other out-of-space error.
 */
export class StorageFullError extends Error {
  constructor(
    readonly code: string,
    cause?: unknown,
  ) {
    super(`the files volume is full (${code})`, { cause });
    this.name = 'StorageFullError';
  }
}

/** True for the errors a full volume or a spent quota raises. */
export function isOutOfSpace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * Where uploaded files live: content-addressed by SHA-256, so identical content is stored once.
 *
 * Writing is two-step so that the database row is recorded only after the bytes are safely on
 * disk: `stage` streams into a private staging area (hashing, counting, flushing to disk), the
 * caller inspects the staged bytes, `commit` moves them into place atomically, and only then does
 * the caller record its row. `discard` drops a staged copy that was refused.
 *
 * Adapters: local disk (LocalDiskFileStorage). An object-store adapter would implement the same
 * port; domain code never touches paths.
 */
export abstract class FileStorage {
  /**
   * Streams `source` into the staging area. It listens to `source` from the moment it is called
   * (an upload's stream may fail — the client went away — before anything is written), and on any
   * failure keeps nothing and rejects: BlobTooLargeError, StorageFullError, or the source's error.
   */
  abstract stage(source: Readable, options: StageOptions): Promise<StagedBlob>;
  /** Reads up to `length` bytes of a staged blob from `offset` (fewer at the end). */
  abstract readStaged(blob: StagedBlob, offset: number, length: number): Promise<Buffer>;
  /** Moves a staged blob into place under its sha256. If that content is already stored, the staged copy is dropped. */
  abstract commit(blob: StagedBlob): Promise<void>;
  abstract discard(blob: StagedBlob): Promise<void>;

  abstract stat(sha256: string): Promise<StoredBlobInfo | null>;
  /** The content, or one range of it. */
  abstract openRead(sha256: string, range?: ByteRange): Readable;
  abstract delete(sha256: string): Promise<void>;
  /** Every stored blob (for sweeping blobs no row refers to). */
  abstract list(): AsyncIterable<StoredBlobInfo>;
  /**
   * Removes staged copies last written before `olderThan` (left behind by a crash mid-upload) and
   * not in use by this process (being staged, or staged and not yet committed or discarded); returns how many.
   */
  abstract sweepStaging(olderThan: Date): Promise<number>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
