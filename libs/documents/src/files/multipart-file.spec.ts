import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Request } from 'express';
import { AppError } from '@tel/core';
import { FileStorage, LocalDiskFileStorage, StagedBlob, StorageFullError } from '@tel/storage';
import { ClientGoneError, receiveSingleFile } from './multipart-file';

const BOUNDARY = 'unit-boundary';
const body = (content: string) =>
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\n${content}\r\n--${BOUNDARY}--\r\n`);

/** An incoming request as receiveSingleFile sees it: a readable body with headers. */
function fakeRequest(bytes: Buffer, opts: { endAfter?: number } = {}): Request & PassThrough {
  const req = new PassThrough() as unknown as Request & PassThrough & { complete: boolean };
  req.headers = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(bytes.length) };
  req.complete = false;
  const sent = opts.endAfter === undefined ? bytes : bytes.subarray(0, opts.endAfter);
  setImmediate(() => {
    req.write(sent);
    if (opts.endAfter === undefined) {
      req.complete = true;
      req.end();
    } else {
      setImmediate(() => req.destroy()); // the connection closes with the body unfinished
    }
  });
  return req;
}

/** The storage port, failing the way a full volume does. */
function fullStorage(): FileStorage {
  return {
    stage(source: Readable): Promise<StagedBlob> {
      source.resume();
      return Promise.reject(new StorageFullError('ENOSPC'));
    },
    discard: () => Promise.resolve(),
  } as unknown as FileStorage;
}

describe('receiveSingleFile', () => {
  it('answers a full files volume (ENOSPC from the storage port) with INSUFFICIENT_STORAGE', async () => {
    const failure = await receiveSingleFile(fakeRequest(body('hello')), fullStorage(), { field: 'file', maxBytes: 1000 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: 'INSUFFICIENT_STORAGE', httpStatus: 507 });
  });

  it('rejects with ClientGoneError when the connection closes mid-file, and never with an unheard error', async () => {
    const staged: Readable[] = [];
    const storage = {
      stage: async (source: Readable): Promise<StagedBlob> => {
        staged.push(source);
        // Reads only after a while, as an adapter that opens a file first might: the stream may
        // have failed by then, which must not have been an 'error' no one heard.
        await new Promise((r) => setTimeout(r, 20));
        await finished(source.resume());
        throw new Error('the stream ended, but this test expects it to fail');
      },
      discard: () => Promise.resolve(),
    } as unknown as FileStorage;
    const bytes = body('x'.repeat(5000));
    const failure = await receiveSingleFile(fakeRequest(bytes, { endAfter: 200 }), storage, { field: 'file', maxBytes: 10_000 }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ClientGoneError);
    expect(staged).toHaveLength(1);
  });

  it.each([
    ['in the part header', 40],
    ['in the file', 130],
    ['in the closing boundary', 5000 + 120],
  ])('answers a complete request whose body is cut short %s with BAD_USER_INPUT, and keeps nothing', async (_label, cut) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-multipart-'));
    try {
      const bytes = body('y'.repeat(5000)).subarray(0, cut);
      const failure = await receiveSingleFile(fakeRequest(bytes), new LocalDiskFileStorage(root), { field: 'file', maxBytes: 10_000 }).catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: 'BAD_USER_INPUT', message: 'The multipart body is malformed or incomplete' });
      expect(fs.readdirSync(path.join(root, 'staging'))).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('rejects at once when the client left before the body was read', async () => {
    const req = fakeRequest(body('late'), { endAfter: 0 });
    req.destroy();
    await expect(receiveSingleFile(req, fullStorage(), { field: 'file', maxBytes: 1000 })).rejects.toBeInstanceOf(ClientGoneError);
  });
});
