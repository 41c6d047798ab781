import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { reportDrill } from './drill-report';
import type { GqlData } from '@tel/testing';

/**
 * Fault drill on a really full files volume: the API runs with FILES_DIR on a small tmpfs of its
 * own, mounted without privileges inside a user and mount namespace (`unshare -rm`). The volume is
 * filled to the last byte; an upload is then answered INSUFFICIENT_STORAGE (507) and leaves no
 * row and no staged bytes; with room again the same upload is stored. Where unprivileged user
 * namespaces are not allowed, the drill says so and is left out (the unit test of
 * LocalDiskFileStorage covers the mapping of ENOSPC with a simulated failure).
 */

const ROOT = path.resolve(__dirname, '../..');

function namespacesAllowed(): boolean {
  try {
    execFileSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /mnt'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

describe('fault drill: the files volume is full (a real tmpfs)', () => {
  const allowed = namespacesAllowed();
  let api: ChildProcess | undefined;
  let output = '';
  let dataDir: string;
  let schema: string | undefined;

  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((resolve) => api!.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
    }
    if (schema) {
      const pg = new Client({ connectionString: process.env.DATABASE_URL });
      await pg.connect();
      await pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pg.end();
    }
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers INSUFFICIENT_STORAGE, keeps nothing, and stores the upload once there is room', async () => {
    if (!allowed) {
      console.log('Left out: this drill mounts a small tmpfs in a user namespace (unshare -rm), which this system does not allow.');
      return;
    }
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-full-volume-'));
    const filesDir = path.join(dataDir, 'files');
    fs.mkdirSync(filesDir);
    const port = await freePort();
    const email = 'drill@test.example';
    const password = `pw-${randomBytes(12).toString('hex')}`;
    schema = process.env.DATABASE_URL ? `t_full_${process.pid}_${randomBytes(3).toString('hex')}` : undefined;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      FILES_DIR: filesDir,
      NODE_ENV: 'test',
      BOOTSTRAP_ADMIN_EMAIL: email,
      BOOTSTRAP_ADMIN_PASSWORD: password,
      ...(schema ? { DATABASE_SCHEMA: schema } : {}),
    };
    delete env.REDIS_URL;
    // unshare and sh exec in turn, so api.pid is the API's own process, inside the namespaces.
    api = spawn(
      'unshare',
      [
        '-rm',
        'sh',
        '-c',
        `mount -t tmpfs -o size=16m tmpfs "$FILES_DIR" && exec "${process.execPath}" -r ts-node/register/transpile-only -r tsconfig-paths/register apps/api/src/main.ts`,
      ],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    api.stdout!.on('data', (c) => (output += c));
    api.stderr!.on('data', (c) => (output += c));
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 150_000;
    for (;;) {
      const up = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (api.exitCode !== null || Date.now() > deadline) throw new Error(`the API did not start:\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    // The tmpfs as the API sees it, through its process's root.
    const volume = `/proc/${api.pid}/root${filesDir}`;
    expect(fs.existsSync(path.join(volume, 'staging'))).toBe(true);

    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as { data: GqlData; errors?: unknown[] };
    };
    const login = await gql(`mutation($input: LoginInput!) { login(input: $input) { token } }`, { input: { email, password } });
    expect(login.errors).toBeUndefined();
    const token = login.data.login.token as string;
    const registered = await gql(
      `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
      { input: { meetingCode: 'TEL37', code: 'VOL', groupCode: 'SPSG', title: 'Full volume drill', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC' } },
      token,
    );
    expect(registered.errors).toBeUndefined();
    const symbol = registered.data.registerDocument.symbol as string;
    const content = Buffer.concat([Buffer.from(`a paper for a full volume ${randomBytes(8).toString('hex')}\n`), Buffer.alloc(256 * 1024, 'p'), Buffer.from('\n')]);
    const send = async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)]), 'paper.txt');
      const res = await fetch(`${url}/api/documents/${encodeURIComponent(symbol)}/revisions/0/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error?: { code?: string } } };
    };
    const files = async () => (await gql(`query($s: String!) { document(symbol: $s) { revision { files { sha256 } } } }`, { s: symbol })).data.document.revision.files as unknown[];

    // Fill the volume to the last byte.
    const ballast = path.join(volume, 'ballast');
    const fd = fs.openSync(ballast, 'w');
    let full = false;
    try {
      for (let i = 0; i < 64 && !full; i++) {
        try {
          fs.writeSync(fd, Buffer.alloc(1024 * 1024, 1));
        } catch (error) {
          expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
          full = true;
        }
      }
    } finally {
      fs.closeSync(fd);
    }
    expect(full).toBe(true);

    const refused = await send();
    expect(refused).toMatchObject({ status: 507, body: { error: { code: 'INSUFFICIENT_STORAGE' } } });
    expect(refused.retryAfter).toMatch(/^\d+$/);
    expect(await files()).toEqual([]);
    expect(fs.readdirSync(path.join(volume, 'staging'))).toEqual([]);

    fs.rmSync(ballast);
    const stored = await send();
    expect(stored.status).toBe(201);
    const present = await files();
    reportDrill(
      'files volume full (real tmpfs via unshare)',
      schema ? 'postgres' : 'sqlite',
      { attempted: 2, acknowledged: 1, present: present.length, duplicated: Math.max(0, present.length - 1) },
      'first upload 507 INSUFFICIENT_STORAGE, second 201 after freeing space',
    );
    expect(present).toHaveLength(1);
    expect(api.exitCode).toBeNull();
  }, 240_000);
});
