import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { BlobTooLargeError, StorageFullError } from './file-storage';
import { LocalDiskFileStorage } from './local-disk-file-storage';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const chunks = (...parts: string[]) => Readable.from(parts.map((p) => Buffer.from(p)));
const readAll = async (stream: Readable) => {
  const out: Buffer[] = [];
  for await (const chunk of stream) out.push(chunk as Buffer);
  return Buffer.concat(out);
};
const filesUnder = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('LocalDiskFileStorage', () => {
  let root: string;
  let storage: LocalDiskFileStorage;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-storage-'));
    storage = new LocalDiskFileStorage(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stages while hashing and counting, and commits under the sha256', async () => {
    const seen: string[] = [];
    const staged = await storage.stage(chunks('hello ', 'world'), { maxBytes: 100, observe: (c) => seen.push(c.toString()) });
    expect(staged).toMatchObject({ size: 11, sha256: sha(Buffer.from('hello world')) });
    expect(seen.join('')).toBe('hello world');
    expect((await storage.readStaged(staged, 6, 100)).toString()).toBe('world');
    expect(await storage.stat(staged.sha256)).toBeNull(); // not visible before commit
    await storage.commit(staged);
    expect(await storage.stat(staged.sha256)).toMatchObject({ size: 11 });
    expect((await readAll(storage.openRead(staged.sha256))).toString()).toBe('hello world');
    expect((await readAll(storage.openRead(staged.sha256, { start: 6, end: 8 }))).toString()).toBe('wor');
    expect(filesUnder(path.join(root, 'staging'))).toEqual([]);
  });

  it('stores identical content once', async () => {
    const a = await storage.stage(chunks('same bytes'), { maxBytes: 100 });
    const b = await storage.stage(chunks('same ', 'bytes'), { maxBytes: 100 });
    await storage.commit(a);
    await storage.commit(b);
    expect(filesUnder(path.join(root, 'blobs'))).toEqual([storage.blobPath(a.sha256)]);
    expect(filesUnder(path.join(root, 'staging'))).toEqual([]);
  });

  it('refuses content over the limit while it streams, and keeps nothing', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(Buffer.alloc(1024, 1));
      },
    });
    await expect(storage.stage(endless, { maxBytes: 10_000 })).rejects.toBeInstanceOf(BlobTooLargeError);
    expect(pulled).toBeLessThan(40); // stopped soon after 10 kB, not at the end of the stream
    expect(filesUnder(root)).toEqual([]);
  });

  it('keeps nothing when the source fails mid-stream', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(storage.stage(failing, { maxBytes: 100 })).rejects.toThrow('connection reset');
    expect(filesUnder(root)).toEqual([]);
  });

  it('hears a source that fails before anything is written (a client gone right after the part header)', async () => {
    // Destroyed in the same tick it is handed over: an 'error' with no listener yet would end the process.
    const source = new PassThrough();
    const staging = storage.stage(source, { maxBytes: 100 });
    source.destroy(new Error('the client went away'));
    await expect(staging).rejects.toThrow('the client went away');
    const alreadyFailed = new PassThrough();
    alreadyFailed.on('error', () => undefined).destroy(new Error('reset earlier'));
    await expect(storage.stage(alreadyFailed, { maxBytes: 100 })).rejects.toThrow();
    expect(filesUnder(root)).toEqual([]);
  });

  it('turns a full volume (ENOSPC, EDQUOT) into StorageFullError and keeps nothing', async () => {
    for (const code of ['ENOSPC', 'EDQUOT']) {
      // Only writes fail, as on a full disk: open, close and removal still work.
      const probe = await fsp.open(__filename, 'r');
      const fileHandle = Object.getPrototypeOf(probe) as fsp.FileHandle;
      await probe.close();
      const spy = jest.spyOn(fileHandle, 'write').mockRejectedValue(Object.assign(new Error(`${code}: no space left on device, write`), { code }));
      try {
        const failure = await storage.stage(chunks('will not fit'), { maxBytes: 100 }).catch((e: unknown) => e);
        expect(failure).toBeInstanceOf(StorageFullError);
        expect(failure).toMatchObject({ code });
      } finally {
        spy.mockRestore();
      }
      expect(filesUnder(root)).toEqual([]);
    }
  });

  it('never sweeps a staged copy still in use, however old', async () => {
    const held = await storage.stage(chunks('being checked'), { maxBytes: 100 });
    const [file] = filesUnder(path.join(root, 'staging'));
    const aDayAgo = new Date(Date.now() - 86_400_000);
    fs.utimesSync(file, aDayAgo, aDayAgo);
    expect(await storage.sweepStaging(new Date())).toBe(0);
    await storage.commit(held);
    expect(await storage.stat(held.sha256)).toMatchObject({ size: 13 });
    // A copy no one holds (a crash left it behind) is swept.
    fs.writeFileSync(path.join(root, 'staging', `${randomUUID()}.part`), 'left by a crash');
    expect(await storage.sweepStaging(new Date(Date.now() + 1000))).toBe(1);
  });

  it('discards a staged copy, deletes blobs and lists what is stored', async () => {
    const kept = await storage.stage(chunks('kept'), { maxBytes: 10 });
    const dropped = await storage.stage(chunks('dropped'), { maxBytes: 10 });
    await storage.commit(kept);
    await storage.discard(dropped);
    const listed = [];
    for await (const blob of storage.list()) listed.push(blob.sha256);
    expect(listed).toEqual([kept.sha256]);
    await storage.delete(kept.sha256);
    expect(await storage.stat(kept.sha256)).toBeNull();
    expect(filesUnder(root)).toEqual([]);
  });

  it('sweeps staged copies older than a cutoff only', async () => {
    const old = await storage.stage(chunks('old'), { maxBytes: 10 });
    const fresh = await storage.stage(chunks('fresh'), { maxBytes: 10 });
    const oldFile = filesUnder(path.join(root, 'staging')).find((f) => f.includes(old.stagingId))!;
    const anHourAgo = new Date(Date.now() - 3600_000);
    fs.utimesSync(oldFile, anHourAgo, anHourAgo);
    // As after a crash: the process that staged them is gone, a new one sweeps.
    const restarted = new LocalDiskFileStorage(root);
    expect(await restarted.sweepStaging(new Date(Date.now() - 60_000))).toBe(1);
    expect(filesUnder(path.join(root, 'staging'))).toEqual([expect.stringContaining(fresh.stagingId)]);
  });

  it('refuses keys that are not a sha256 (no path tricks)', () => {
    expect(() => storage.blobPath('../../etc/passwd')).toThrow(/not a sha256/);
    expect(() => storage.openRead('a'.repeat(63))).toThrow(/not a sha256/);
  });
});
