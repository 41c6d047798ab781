import { Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { APP_CONFIG, AppConfig, Role } from '@tel/core';
import { createTestApp, TestApp, tokenFor } from '@tel/testing';
import { reportDrill } from './drill-report';

/**
 * Fault drill: hostile and unlucky upload clients. A client that goes away at any byte of an
 * upload, or sends a body that ends before its closing boundary, ends that request and nothing
 * else: the server keeps serving, no row is written and no staged bytes are left behind.
 * The uploads come from a DELEGATE to their own economy's paper (the case that used to end the process).
 */

const BOUNDARY = '----tel-drill-boundary';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface RawUpload {
  /** The request line and headers, for a body of `bodyLength` bytes. */
  head: (bodyLength: number) => Buffer;
  body: Buffer;
  content: Buffer;
  /** Where the parts of `head + body` start, to spread the cut points over them. */
  marks: { headEnd: number; partHeaderEnd: number; closingStart: number; total: number };
}

/** `size` bytes of text that differ from every other call's (so each attempt has its own sha256). */
const unique = (label: string, size: number, fill: string) => {
  const head = Buffer.from(`${label} ${randomBytes(8).toString('hex')}\n`);
  return Buffer.concat([head, Buffer.alloc(size - head.length, fill)]);
};

/** A multipart upload as bytes on the wire, so it can be cut anywhere. */
function rawUpload(urlPath: string, token: string, content: Buffer, fileName: string): RawUpload {
  const partHeader = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`);
  const closing = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  const body = Buffer.concat([partHeader, content, closing]);
  const head = (bodyLength: number) =>
    Buffer.from(
      `POST ${urlPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${bodyLength}\r\nConnection: close\r\n\r\n`,
    );
  const headEnd = head(body.length).length;
  return {
    head,
    body,
    content,
    marks: { headEnd, partHeaderEnd: headEnd + partHeader.length, closingStart: headEnd + partHeader.length + content.length, total: headEnd + body.length },
  };
}

/** Sends `bytes`, then (after `delayMs`) drops the connection — with a FIN or a reset — as a closed tab does. Resolves once it is closed. */
function sendAndVanish(port: number, bytes: Buffer, delayMs: number, how: 'close' | 'reset'): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(bytes, () => {
        setTimeout(() => (how === 'reset' ? socket.resetAndDestroy() : socket.destroy()), delayMs);
      });
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve());
  });
}

/** Sends a complete HTTP request whose multipart body is cut short; resolves with the status the server answered. */
function sendTruncated(port: number, upload: RawUpload, bodyBytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(Buffer.concat([upload.head(bodyBytes), upload.body.subarray(0, bodyBytes)])));
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(Buffer.concat(chunks).toString('latin1'));
      if (status) resolve(Number(status[1]));
      else reject(new Error('no response to a truncated body'));
    });
  });
}

/** Points spread over the request: in the HTTP headers, the part header, the file, the closing boundary. */
function cutPoints(m: RawUpload['marks']): number[] {
  const spread = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => Math.floor(from + ((to - from) * (i + 1)) / (n + 1)));
  const points = [
    1,
    ...spread(0, m.headEnd, 3),
    m.headEnd, // headers only
    ...spread(m.headEnd, m.partHeaderEnd, 4),
    m.partHeaderEnd, // the part header and not a byte of the file: the case that ended the process
    m.partHeaderEnd + 1,
    ...spread(m.partHeaderEnd, m.closingStart, 8),
    m.closingStart,
    ...spread(m.closingStart, m.total - 2, 3),
    m.total - 3, // all but the last dash of the closing boundary
    m.total - 1, // all but the final LF
  ];
  return [...new Set(points)].sort((a, b) => a - b);
}

describe('fault drill: uploads cut off at any byte', () => {
  let t: TestApp;
  let port: number;
  let stagingDir: string;
  let delegate: string;
  let symbol: string;
  let uploadPath: string;
  let warnings: jest.SpyInstance;

  const rowsFor = async (shas: string[]) => {
    const param = t.dialect === 'postgres' ? '$1' : '?';
    const rows: { sha256: string }[] = await t.dataSource.query(
      `SELECT f.sha256 FROM document_file f JOIN document_revision r ON r.id = f."revisionId" JOIN document d ON d.id = r."documentId" WHERE d.symbol = ${param}`,
      [symbol],
    );
    return rows.map((r) => r.sha256).filter((s) => shas.includes(s));
  };
  /** Abandoned uploads are cleaned up as their requests end, which may be just after the client left. */
  const stagingSettles = async () => {
    const deadline = Date.now() + 10_000;
    while (fs.readdirSync(stagingDir).length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return fs.readdirSync(stagingDir);
  };
  const healthy = async () => (await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).status;

  beforeAll(async () => {
    // The abandoned uploads are logged as warnings: expected here, kept out of the output and counted.
    warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    t = await createTestApp();
    port = Number(new URL(t.url).port);
    stagingDir = path.join(t.app.get<AppConfig>(APP_CONFIG).filesDir, 'staging');
    const secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    delegate = await tokenFor(t, [Role.DELEGATE], { economyCode: 'ROK' });
    const res = await t.gql(
      `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
      {
        input: {
          meetingCode: 'TEL37',
          code: 'DRILL',
          groupCode: 'SPSG',
          title: 'Upload drill',
          type: 'REPORT',
          purpose: 'INFORMATION',
          access: 'PUBLIC',
          submittedBy: { economyCode: 'ROK' },
        },
      },
      secretariat,
    );
    expect(res.errors).toBeUndefined();
    symbol = res.data.registerDocument.symbol;
    uploadPath = `/api/documents/${encodeURIComponent(symbol)}/revisions/0/files`;
  });
  afterAll(async () => {
    warnings?.mockRestore();
    await t?.close();
  });

  it('a client that vanishes at any of 20+ byte offsets ends only its own request', async () => {
    const attempted: string[] = [];
    const fileSize = 200 * 1024; // several TCP segments, so the server is mid-file at the cuts inside it
    const probe = rawUpload(uploadPath, delegate, Buffer.alloc(fileSize, 'a'), 'drill.txt');
    const points = cutPoints(probe.marks);
    expect(points.length).toBeGreaterThanOrEqual(20);
    let i = 0;
    let reachedHandler = 0;
    for (const cut of points) {
      for (const how of ['close', 'reset'] as const) {
        if (cut >= probe.marks.headEnd) reachedHandler++;
        const content = unique(`drill ${i}`, fileSize, 'a');
        const upload = rawUpload(uploadPath, delegate, content, `drill-${i}.txt`);
        attempted.push(sha256(content));
        await sendAndVanish(port, Buffer.concat([upload.head(upload.body.length), upload.body]).subarray(0, cut), [0, 3, 20][i % 3], how);
        i++;
      }
    }
    expect(await healthy()).toBe(200);
    // Every cut after the request headers reached the upload handler, which logs the abandoned upload.
    // The client is gone at once, but its request still runs: the caller is identified and the
    // target read (on PostgreSQL, under CI's load, that can outlast the loop) before the handler
    // finds the body cut off, so wait for the last ones — and, until they have, staging may still
    // be empty only because they have not started writing.
    const abandonedCount = () => warnings.mock.calls.filter(([line]) => /upload to .* abandoned/.test(String(line))).length;
    const deadline = Date.now() + 15_000;
    while (abandonedCount() < reachedHandler && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await stagingSettles()).toEqual([]);
    const present = await rowsFor(attempted);
    const abandoned = abandonedCount();
    expect(abandoned).toBe(reachedHandler);

    // And the same delegate's next upload, whole this time, is taken.
    const content = Buffer.from(`the whole paper ${randomBytes(8).toString('hex')}\n`);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), 'whole.txt');
    const ok = await fetch(`${t.url}${uploadPath}`, { method: 'POST', headers: { authorization: `Bearer ${delegate}` }, body: form });
    expect(ok.status).toBe(201);
    const after = await rowsFor([...attempted, sha256(content)]);
    reportDrill(
      'upload cut off at a byte offset',
      t.dialect,
      {
        attempted: attempted.length + 1,
        acknowledged: 1,
        present: after.length,
        duplicated: after.length - new Set(after).size,
      },
      `${points.length} offsets × FIN/RST, ${abandoned} logged as abandoned, server up, staging empty`,
    );
    expect(present).toEqual([]);
    expect(after).toEqual([sha256(content)]);
  });

  it('a body that ends before its closing boundary is BAD_USER_INPUT, and leaves nothing', async () => {
    const attempted: string[] = [];
    const statuses = new Map<number, number>();
    const probe = rawUpload(uploadPath, delegate, Buffer.alloc(64 * 1024, 'b'), 'short.txt');
    const bodyStart = probe.marks.headEnd;
    // Cut points inside the body only (the headers are whole here), up to the last dash of the closing
    // delimiter: a body without its closing "--" is incomplete.
    const points = cutPoints(probe.marks)
      .map((p) => p - bodyStart)
      .filter((p) => p > 0 && p < probe.body.length - 2);
    expect(points.length).toBeGreaterThanOrEqual(12);
    let i = 0;
    for (const bodyBytes of points) {
      const content = unique(`short ${i++}`, 64 * 1024, 'b');
      const upload = rawUpload(uploadPath, delegate, content, 'short.txt');
      attempted.push(sha256(content));
      const status = await sendTruncated(port, upload, bodyBytes);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(await healthy()).toBe(200);
    expect(await stagingSettles()).toEqual([]);
    const present = await rowsFor(attempted);
    reportDrill(
      'upload body cut short (complete HTTP request)',
      t.dialect,
      {
        attempted: attempted.length,
        acknowledged: statuses.get(201) ?? 0,
        present: present.length,
        duplicated: present.length - new Set(present).size,
      },
      `answers ${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')}`,
    );
    expect([...statuses.keys()]).toEqual([400]);
    expect(present).toEqual([]);
  });
});
