import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { Readable, Transform, TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobTooLargeError, ByteRange, FileStorage, isOutOfSpace, SHA256_HEX, StagedBlob, StageOptions, StorageFullError, StoredBlobInfo } from './file-storage';

const STAGING_NAME = /^[0-9a-f-]{36}\.part$/;

/** Counts and hashes what streams through, and stops the stream once it exceeds the limit. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  constructor(private readonly options: StageOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.options.maxBytes) return done(new BlobTooLargeError(this.options.maxBytes));
    try {
      this.options.observe?.(chunk);
    } catch (error) {
      return done(error as Error);
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/**
 * Blobs on the local disk under `root`:
 *   root/blobs/ab/abcdef…  (the SHA-256 of the content; first two hex digits fan out the folder)
 *   root/staging/<uuid>.part  (uploads in progress)
 * Staging and blobs share one file system, so `commit` is an atomic rename: a reader (or a crash)
 * sees the whole file or none of it. Staged files are fsynced before they are renamed, and the
 * blob folder after, so a committed blob survives a power cut.
 */
export class LocalDiskFileStorage extends FileStorage {
  private readonly blobsDir: string;
  private readonly stagingDir: string;
  /** Staging ids this process is writing or holds staged: never swept, however old. */
  private readonly inUse = new Set<string>();

  constructor(readonly root: string) {
    super();
    this.blobsDir = path.join(root, 'blobs');
    this.stagingDir = path.join(root, 'staging');
    fs.mkdirSync(this.blobsDir, { recursive: true, mode: 0o750 });
    fs.mkdirSync(this.stagingDir, { recursive: true, mode: 0o750 });
  }

  async stage(source: Readable, options: StageOptions): Promise<StagedBlob> {
    const stagingId = randomUUID();
    const file = this.stagingPath(stagingId);
    const meter = new Meter(options);
    const sink = new StagingFile(file);
    this.inUse.add(stagingId);
    try {
      // Called before the first await, so the source has its listeners from the moment it is
      // handed over: an error on it (the client went away) cannot go unheard.
      await pipeline(source, meter, sink);
    } catch (error) {
      this.inUse.delete(stagingId);
      await sink.released;
      await fsp.rm(file, { force: true });
      throw asStorageFull(error);
    }
    return { stagingId, size: meter.size, sha256: meter.hash.digest('hex') };
  }

  async readStaged(blob: StagedBlob, offset: number, length: number): Promise<Buffer> {
    const handle = await fsp.open(this.stagingPath(blob.stagingId), 'r');
    try {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, blob.size - offset)));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async commit(blob: StagedBlob): Promise<void> {
    const target = this.blobPath(blob.sha256);
    const staged = this.stagingPath(blob.stagingId);
    try {
      await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o750 });
      if (await exists(target)) {
        // Same content already stored: keep that copy, freshen its time so a sweep running now leaves it alone.
        await fsp.rm(staged, { force: true });
        const now = new Date();
        await fsp.utimes(target, now, now);
      } else {
        await fsp.rename(staged, target);
        await fsyncDir(path.dirname(target));
      }
    } catch (error) {
      throw asStorageFull(error);
    }
    this.inUse.delete(blob.stagingId);
  }

  async discard(blob: StagedBlob): Promise<void> {
    await fsp.rm(this.stagingPath(blob.stagingId), { force: true });
    this.inUse.delete(blob.stagingId);
  }

  async stat(sha256: string): Promise<StoredBlobInfo | null> {
    try {
      const s = await fsp.stat(this.blobPath(sha256));
      return { sha256, size: s.size, modifiedAt: s.mtime };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  openRead(sha256: string, range?: ByteRange): Readable {
    return fs.createReadStream(this.blobPath(sha256), range ? { start: range.start, end: range.end } : {});
  }

  async delete(sha256: string): Promise<void> {
    await fsp.rm(this.blobPath(sha256), { force: true });
  }

  async *list(): AsyncIterable<StoredBlobInfo> {
    for (const fan of await fsp.readdir(this.blobsDir)) {
      if (!/^[0-9a-f]{2}$/.test(fan)) continue;
      for (const name of await fsp.readdir(path.join(this.blobsDir, fan)).catch(() => [] as string[])) {
        if (!SHA256_HEX.test(name) || !name.startsWith(fan)) continue;
        const info = await this.stat(name);
        if (info) yield info;
      }
    }
  }

  async sweepStaging(olderThan: Date): Promise<number> {
    let removed = 0;
    for (const name of await fsp.readdir(this.stagingDir)) {
      if (!STAGING_NAME.test(name) || this.inUse.has(name.slice(0, -'.part'.length))) continue;
      const file = path.join(this.stagingDir, name);
      const s = await fsp.stat(file).catch(() => null);
      if (s && s.mtime < olderThan) {
        await fsp.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  /** Where a blob lives on disk (tests and operators; domain code never needs it). */
  blobPath(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a sha256: ${JSON.stringify(sha256).slice(0, 80)}`);
    return path.join(this.blobsDir, sha256.slice(0, 2), sha256);
  }

  private stagingPath(stagingId: string): string {
    const name = `${stagingId}.part`;
    if (!STAGING_NAME.test(name)) throw new Error('not a staging id');
    return path.join(this.stagingDir, name);
  }
}

/**
 * A new staging file as a stream: opened (exclusively) in `construct`, every chunk written, flushed
 * to the disk (fsync) in `final` before the pipeline completes, closed however it ends. `released`
 * settles once the file is closed (or was never opened), so a failed stage can remove it after.
 */
class StagingFile extends Writable {
  private handle?: fsp.FileHandle;
  private release!: () => void;
  readonly released = new Promise<void>((resolve) => (this.release = resolve));

  constructor(private readonly file: string) {
    super();
  }

  override _construct(done: (error?: Error | null) => void): void {
    fsp.open(this.file, 'wx', 0o640).then((handle) => {
      this.handle = handle;
      done();
    }, done);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    writeAll(this.handle!, chunk).then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.handle!.sync().then(() => done(), done);
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    const handle = this.handle;
    this.handle = undefined;
    (handle ? handle.close() : Promise.resolve())
      .catch(() => undefined)
      .finally(() => {
        this.release();
        done(error);
      });
  }
}

/** A full volume or a spent quota as the port's StorageFullError; anything else unchanged. */
function asStorageFull(error: unknown): unknown {
  if (error instanceof StorageFullError || !isOutOfSpace(error)) return error;
  return new StorageFullError(String((error as NodeJS.ErrnoException).code), error);
}

async function writeAll(handle: fsp.FileHandle, chunk: Buffer): Promise<void> {
  let written = 0;
  while (written < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, written, chunk.length - written);
    written += bytesWritten;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

/** Makes a rename durable: the directory entry itself must reach the disk. */
async function fsyncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic there.
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}
