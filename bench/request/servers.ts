/**
 * The two servers of the request-path benchmark, each a child process of its own on a shared
 * SQLite file: the real API (compiled, from dist/, as `npm start` runs it) and the bare server
 * (bare-server.ts). Both run with NODE_ENV=production.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { serverEntryArgs } from '../../libs/testing/src/server-build';

const ROOT = path.resolve(__dirname, '../..');

export interface Server {
  name: string;
  url: string;
  pid: number;
  /** User + system CPU of the process so far, in ms (Linux). */
  cpuMs(): number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function cpuMsOf(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** A GraphQL answer, as far as the benchmark reads it. */
export interface GraphqlBody {
  data?: Record<string, Record<string, unknown> | null> | null;
  errors?: unknown[];
}

export function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: GraphqlBody }> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/graphql`,
      { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => {
          const raw = Buffer.concat(parts).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, json: JSON.parse(raw) as GraphqlBody });
          } catch {
            reject(new Error(`not JSON (${res.statusCode}): ${raw.slice(0, 300)}`));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

async function waitFor(child: ChildProcess, log: string, ready: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`a server exited (code ${child.exitCode}); see ${log}`);
    if (await ready().catch(() => false)) return;
    if (Date.now() - started > 180_000) throw new Error(`a server did not answer within 180 s; see ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function track(name: string, child: ChildProcess, url: string): Server {
  process.once('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  return {
    name,
    url,
    pid: child.pid!,
    cpuMs: () => cpuMsOf(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface RealOptions {
  dataDir: string;
  logDir: string;
  adminEmail: string;
  adminPassword: string;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeFlags: string[];
}

/** The real API as `npm start` runs it, seeding TEL37 into an empty DATA_DIR on its first start. */
export async function startReal(o: RealOptions): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = path.join(o.logDir, 'real-api.log');
  const child = spawn(process.execPath, [...o.nodeFlags, ...serverEntryArgs('apps/api/src/main.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATA_DIR: o.dataDir,
      PORT: String(port),
      AUTH_SECRET: randomBytes(36).toString('base64'),
      BOOTSTRAP_ADMIN_EMAIL: o.adminEmail,
      BOOTSTRAP_ADMIN_PASSWORD: o.adminPassword,
      SHUTDOWN_DRAIN_MS: '0',
      NO_COLOR: '1',
    },
    stdio: ['ignore', fs.openSync(log, 'a'), fs.openSync(log, 'a')],
  });
  await waitFor(
    child,
    log,
    () =>
      new Promise((resolve) =>
        http
          .get(`${url}/health/ready`, (res) => {
            res.resume();
            resolve(res.statusCode === 200);
          })
          .on('error', () => resolve(false)),
      ),
  );
  return track('real', child, url);
}

/** The bare NestJS + Apollo + TypeORM server on the same database file. */
export async function startBare(sqliteFile: string, logDir: string, nodeFlags: string[]): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = path.join(logDir, 'bare-server.log');
  const child = spawn(process.execPath, [...nodeFlags, '-r', 'ts-node/register/transpile-only', path.join(__dirname, 'bare-server.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      PORT: String(port),
      SQLITE_FILE: sqliteFile,
      TS_NODE_TRANSPILE_ONLY: 'true',
      NO_COLOR: '1',
      BARE_REQUEST_SCOPE: process.env.BARE_REQUEST_SCOPE ?? '',
    },
    stdio: ['ignore', fs.openSync(log, 'a'), fs.openSync(log, 'a')],
  });
  await waitFor(child, log, async () => (await post(url, { query: '{ meeting(code: "TEL37") { code } }' })).status === 200);
  return track('bare', child, url);
}

/** Waits until the process has been (nearly) idle for a second: the seed's indexing jobs are done. */
export async function settle(server: Server, maxSeconds = 120): Promise<void> {
  const started = Date.now();
  let last = server.cpuMs();
  while (Date.now() - started < maxSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = server.cpuMs();
    if (now - last < 50) return;
    last = now;
  }
  throw new Error(`${server.name} was still busy after ${maxSeconds} s`);
}
