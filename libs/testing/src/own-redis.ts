/**
 * A redis-server of a test's own, on a spare loopback port: no snapshots, no append-only file, so
 * it forgets everything on FLUSHALL or when stopped. Tests that cut, empty or restart Redis use it
 * and never touch the machine's shared one.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import IORedis from 'ioredis';

/** Whether a command is on PATH (a suite that needs it says plainly when it is left out). */
export function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A loopback TCP port nobody listens on right now. */
export async function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

export class OwnRedis {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly dir: string,
  ) {}

  /** Starts it and waits (up to `timeoutMs`) until it answers PING. */
  static async start(timeoutMs = 10_000): Promise<OwnRedis> {
    const port = await sparePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-redis-'));
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    const redis = new OwnRedis(child, `redis://127.0.0.1:${port}`, dir);
    const probe = new IORedis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    const deadline = Date.now() + timeoutMs;
    try {
      for (;;) {
        try {
          if (probe.status !== 'ready') await probe.connect();
          if ((await probe.ping()) === 'PONG') return redis;
        } catch {
          probe.disconnect();
        }
        if (Date.now() > deadline) {
          await redis.stop();
          throw new Error(`our redis-server did not answer PING within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      probe.disconnect();
    }
  }

  async flushAll(): Promise<void> {
    const client = new IORedis(this.url);
    try {
      await client.flushall();
    } finally {
      client.disconnect();
    }
  }

  /** SIGTERM, SIGKILL after 5 s, and its directory removed. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
      clearTimeout(timer); // left running, it keeps jest from exiting after the run
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
