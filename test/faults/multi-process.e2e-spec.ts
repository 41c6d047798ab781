/**
 * Fault drill: several processes on one deployment (issue 15). Two API processes and one worker share
 * a PostgreSQL schema, a Redis and a files directory, as behind a load balancer:
 *
 * - an upload through API 1 is found through API 2 within 2 s of the worker marking it INDEXED;
 * - a browser session opened on API 1 is valid on API 2;
 * - the login limit (LOGIN_MAX_FAILURES) holds across both: wrong passwords split over the two
 *   processes trip it at the configured count;
 * - a rolling restart (SIGTERM API 1, start it again, wait for /health/ready, then API 2) under a
 *   steady load of reads and writes loses nothing: every request is answered, or refused in a way a
 *   load balancer retries (connection refused before it was sent, 503 SERVICE_UNAVAILABLE), and is
 *   then retried against the other process; afterwards every acknowledged write is there exactly once.
 *
 * Runs when DATABASE_URL and REDIS_URL are set (as in CI) and redis-server is on PATH: the Redis is
 * one of the test's own on a spare port (never the shared one), the schema a private one (created
 * by the in-process control app, which migrates and seeds it, and dropped at the end). The three
 * processes run apps/api and apps/worker compiled in dist/ (built first when missing or older than
 * the sources: ensureServerBuild), which start in seconds where ts-node takes most of a minute.
 */
import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import * as path from 'node:path';
import { APP_CONFIG, AppConfig, Role } from '@tel/core';
import { OwnRedis, TestAccount, TestApp, accountFor, createTestApp, ensureServerBuild, onPath, serverEntryArgs, sparePort } from '@tel/testing';
import { reportDrill } from './drill-report';

// Generous: on a busy machine a process takes a minute to start; on an idle one the drill takes about one.
jest.setTimeout(420_000);

const ROOT = path.resolve(__dirname, '..', '..');
const LOGIN_MAX_FAILURES = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(what: string, check: () => Promise<T | false | null | undefined> | T | false | null | undefined, timeoutMs = 30_000, stepMs = 100): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await sleep(stepMs);
  }
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Why a request got no answer: `refused` means it never reached the server (safe to send elsewhere). */
class NoAnswer extends Error {
  constructor(
    readonly refused: boolean,
    readonly code: string,
  ) {
    super(`no answer (${code}${refused ? ', connection refused' : ', after the request was sent'})`);
  }
}

/**
 * One request on a connection of its own (no keep-alive pool), so "connection refused" means
 * exactly "not sent" and any other failure means the server dropped a request it had received.
 */
function request(port: number, method: string, urlPath: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method,
      path: urlPath,
      headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      agent: false,
    });
    req.setTimeout(30_000, () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e: NodeJS.ErrnoException) => reject(new NoAnswer(false, e.code ?? e.message)));
    });
    req.on('error', (e: NodeJS.ErrnoException) => reject(new NoAnswer(e.code === 'ECONNREFUSED', e.code ?? e.message)));
    req.end(body);
  });
}

interface GqlData {
  registerDocument?: { symbol: string };
  searchDocuments?: { totalCount: number };
}

interface GqlAnswer {
  status: number;
  data?: GqlData;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql(port: number, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GqlAnswer> {
  const res = await request(port, 'POST', '/graphql', { 'content-type': 'application/json', ...headers }, JSON.stringify({ query, variables }));
  const parsed = JSON.parse(res.body) as Omit<GqlAnswer, 'status'>;
  return { status: res.status, ...parsed };
}

/** apps/api or apps/worker in a process of its own. */
class AppProcess {
  log = '';
  exited = false;
  exitCode: number | null = null;
  private readonly exit: Promise<void>;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcessWithoutNullStreams,
  ) {
    child.stdout.on('data', (d) => (this.log += d));
    child.stderr.on('data', (d) => (this.log += d));
    this.exit = new Promise((resolve) =>
      child.on('exit', (code) => {
        this.exited = true;
        this.exitCode = code;
        resolve();
      }),
    );
  }

  static spawn(name: string, entry: string, env: NodeJS.ProcessEnv): AppProcess {
    return new AppProcess(name, spawn(process.execPath, serverEntryArgs(entry), { cwd: ROOT, env }));
  }

  async until(what: string, ready: () => Promise<boolean> | boolean, timeoutMs = 180_000): Promise<void> {
    try {
      await eventually(
        `${this.name}: ${what}`,
        async () => {
          if (this.exited) throw new Error(`${this.name} exited (${this.exitCode}) before: ${what}\n${this.log}`);
          return ready();
        },
        timeoutMs,
        200,
      );
    } catch (error) {
      this.child.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n${this.name}'s log ends:\n${this.log.slice(-3000)}`);
    }
  }

  /** SIGTERM, then the exit (SIGKILL after `timeoutMs`). */
  async stop(timeoutMs = 45_000): Promise<number | null> {
    if (this.exited) return this.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exit;
    clearTimeout(timer);
    return this.exitCode;
  }
}

async function ready(port: number): Promise<boolean> {
  try {
    return (await request(port, 'GET', '/health/ready', {})).status === 200;
  } catch {
    return false;
  }
}

const haveServices = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
if (!haveServices || !onPath('redis-server')) {
  const why = !haveServices ? 'DATABASE_URL and REDIS_URL are not both set' : 'redis-server is not on PATH';
  process.stdout.write(`[fault drill] multi-process: left out — ${why} (it runs two APIs and a worker on PostgreSQL and Redis)\n`);
  test.skip('multi-process drill (needs DATABASE_URL, REDIS_URL and redis-server)', () => undefined);
} else {
  describe('fault drill: two API processes and a worker on one database, Redis and files directory', () => {
    let redis: OwnRedis;
    let control: TestApp;
    let env: NodeJS.ProcessEnv;
    const ports: number[] = [];
    const apis: AppProcess[] = [];
    let worker: AppProcess;
    let secretariat: TestAccount;
    const prefix = `tel-mp-${process.pid}`;
    const authSecret = randomBytes(32).toString('hex');

    const startApi = async (i: number): Promise<AppProcess> => {
      const api = AppProcess.spawn(`API ${i + 1}`, 'apps/api/src/main.js', { ...env, PORT: String(ports[i]) });
      apis[i] = api;
      await api.until('/health/ready answers 200', () => ready(ports[i]));
      return api;
    };

    beforeAll(async () => {
      ensureServerBuild();
      redis = await OwnRedis.start();
      const shared = {
        REDIS_URL: redis.url,
        JOB_QUEUE_PREFIX: prefix,
        AUTH_SECRET: authSecret,
        LOGIN_MAX_FAILURES: String(LOGIN_MAX_FAILURES),
        OUTBOX_DRAIN_INTERVAL_MS: '100',
        JOB_BACKOFF_MS: '200',
        JOB_SHUTDOWN_TIMEOUT_MS: '5000',
        SHUTDOWN_DRAIN_MS: '1000',
      };
      // The control app migrates and seeds the private schema once, makes accounts, and reads the
      // database for the assertions; it serves none of the drill's requests.
      control = await createTestApp({ env: shared });
      secretariat = await accountFor(control, [Role.SECRETARIAT]);
      const config = control.app.get<AppConfig>(APP_CONFIG);
      env = { ...process.env, ...shared, NODE_ENV: 'test', NO_COLOR: '1', DATA_DIR: config.dataDir, FILES_DIR: config.filesDir, SEED_ON_START: 'false' };
      env.DATABASE_URL = config.databaseUrl;
      env.DATABASE_SCHEMA = config.databaseSchema;
      ports.push(await sparePort(), await sparePort());
      worker = AppProcess.spawn('worker', 'apps/worker/src/main.js', env);
      await Promise.all([startApi(0), startApi(1), worker.until('worker ready', () => /worker ready/.test(worker.log))]);
    }, 600_000);

    afterAll(async () => {
      await Promise.all([...apis.map((a) => a?.stop()), worker?.stop()]);
      await control?.close();
      await redis?.stop();
    });

    const bearer = () => ({ authorization: `Bearer ${secretariat.token}` });
    const REGISTER = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`;
    const docInput = (title: string) => ({ meetingCode: 'TEL37', groupCode: 'SPSG', code: 'MPROC', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC', title });

    it('finds an upload made through API 1 through API 2 within 2 s of its indexing', async () => {
      const word = `quokka${randomBytes(4).toString('hex')}`;
      const reg = await gql(ports[0], REGISTER, { input: docInput(`Multi-process paper ${word}`) }, bearer());
      expect(reg.errors).toBeUndefined();
      const symbol = reg.data!.registerDocument!.symbol;
      const boundary = `----mp${randomBytes(8).toString('hex')}`;
      const body = Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="paper.txt"\r\ncontent-type: text/plain\r\n\r\n` +
          `The ${word} paper on processes that share one database.\n\r\n--${boundary}--\r\n`,
      );
      const upload = await request(
        ports[0],
        'POST',
        `/api/documents/${encodeURIComponent(symbol)}/revisions/0/files`,
        { ...bearer(), 'content-type': `multipart/form-data; boundary=${boundary}` },
        body,
      );
      expect(upload.status).toBe(201);
      const fileId = (JSON.parse(upload.body) as { id: string }).id;

      const indexedAt = await eventually(
        'the worker marks the upload INDEXED',
        async () => {
          const [row] = await control.dataSource.query<{ indexState: string }[]>(`SELECT "indexState" FROM file_index_state WHERE "fileId" = $1`, [fileId]);
          return row?.indexState === 'INDEXED' ? Date.now() : false;
        },
        60_000,
        20,
      );
      const foundAt = await eventually(
        'API 2 finds the upload',
        async () => {
          const hit = await gql(ports[1], `query($q: String!) { searchDocuments(query: $q, first: 5) { totalCount } }`, { q: word });
          return hit.data?.searchDocuments?.totalCount === 1 ? Date.now() : false;
        },
        10_000,
        20,
      );
      const lagMs = Math.max(0, foundAt - indexedAt);
      process.stdout.write(`[fault drill] multi-process: upload through API 1 found through API 2 ${lagMs} ms after it was marked INDEXED (bound 2000 ms)\n`);
      expect(lagMs).toBeLessThanOrEqual(2000);
    });

    it('accepts on API 2 a browser session opened on API 1', async () => {
      const signIn = await request(
        ports[0],
        'POST',
        '/api/session',
        { 'content-type': 'application/json' },
        JSON.stringify({ email: secretariat.email, password: secretariat.password }),
      );
      expect(signIn.status).toBe(200);
      const cookie = /^tel_session=([^;]+)/.exec((signIn.headers['set-cookie'] ?? []).find((c) => c.startsWith('tel_session=')) ?? '')?.[1];
      expect(cookie).toBeTruthy();
      const onTwo = await request(ports[1], 'GET', '/api/session', { cookie: `tel_session=${cookie}` });
      expect(onTwo.status).toBe(200);
      expect(JSON.parse(onTwo.body)).toMatchObject({ user: { email: secretariat.email } });
      const anonymous = await request(ports[1], 'GET', '/api/session', { cookie: `tel_session=${cookie}x` });
      expect(JSON.parse(anonymous.body)).not.toMatchObject({ user: { email: secretariat.email } });
      process.stdout.write(`[fault drill] multi-process: session opened on API 1 is valid on API 2\n`);
    });

    it('trips the login limit at the configured count with wrong passwords split across both APIs', async () => {
      const victim = await accountFor(control, [Role.SECRETARIAT]);
      const statuses: number[] = [];
      for (let i = 0; i < LOGIN_MAX_FAILURES + 2; i++) {
        const res = await request(ports[i % 2], 'POST', '/api/session', { 'content-type': 'application/json' }, JSON.stringify({ email: victim.email, password: `wrong-${i}` }));
        statuses.push(res.status);
      }
      // The right password is refused too while the limit holds, on either process.
      const right = await request(ports[1], 'POST', '/api/session', { 'content-type': 'application/json' }, JSON.stringify({ email: victim.email, password: victim.password }));
      process.stdout.write(
        `[fault drill] multi-process: login limit ${LOGIN_MAX_FAILURES}: wrong passwords alternating API 1/API 2 answered ${statuses.join(' ')}; then the right one ${right.status}\n`,
      );
      expect(statuses).toEqual([...Array<number>(LOGIN_MAX_FAILURES).fill(401), 429, 429]);
      expect(right.status).toBe(429);
    });

    it('loses no request in a rolling restart under a steady load of reads and writes', async () => {
      const runId = randomBytes(3).toString('hex');
      const up = [true, true]; // what a load balancer believes, from the answers it gets
      const counts = { reads: 0, writes: 0, retried: 0, refusedConnections: 0, unavailable: 0 };
      const dropped: string[] = [];
      const acknowledged = new Map<string, string>(); // title → symbol
      let attempted = 0;
      let next = 0;

      /** Sends like a load balancer: to a process believed up, again to the other when refused before it was sent or answered 503. */
      const send = async (what: string, call: (port: number) => Promise<GqlAnswer>) => {
        for (let attempt = 0; attempt < 40; attempt++) {
          const candidates = [0, 1].filter((i) => up[i]);
          const i = candidates.length ? candidates[next++ % candidates.length] : next++ % 2;
          try {
            const res = await call(ports[i]);
            if (res.status === 503 || res.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
              counts.unavailable++;
              counts.retried++;
              up[i] = false;
              await sleep(50);
              continue;
            }
            return res;
          } catch (error) {
            if (error instanceof NoAnswer && error.refused) {
              counts.refusedConnections++;
              counts.retried++;
              up[i] = false;
              await sleep(50);
              continue;
            }
            dropped.push(`${what} on API ${i + 1}: ${(error as Error).message}`);
            return undefined;
          }
        }
        dropped.push(`${what}: no process took it in 40 attempts`);
        return undefined;
      };

      let stop = false;
      const client = async (c: number) => {
        for (let n = 0; !stop; n++) {
          if (n % 2 === 0) {
            const res = await send('read', (port) => gql(port, `query { searchDocuments(query: "report", first: 3) { totalCount } }`, {}));
            if (res) {
              if (res.errors) dropped.push(`read answered ${JSON.stringify(res.errors)}`);
              counts.reads++;
            }
          } else {
            const title = `Rolling ${runId} c${c} n${n}`;
            const key = `mp-${runId}-${c}-${n}`;
            attempted++;
            const res = await send(`write ${title}`, (port) => gql(port, REGISTER, { input: docInput(title) }, { ...bearer(), 'idempotency-key': key }));
            if (res) {
              if (res.errors) dropped.push(`write ${title} answered ${JSON.stringify(res.errors)}`);
              else acknowledged.set(title, res.data!.registerDocument!.symbol);
              counts.writes++;
            }
          }
        }
      };
      // Puts a process back in rotation once it says it is ready, as a load balancer's health check does.
      const healthCheck = async () => {
        while (!stop) {
          for (const i of [0, 1]) if (!up[i] && (await ready(ports[i]))) up[i] = true;
          await sleep(200);
        }
      };

      const load = Promise.all([client(0), client(1), client(2), client(3), healthCheck()]);
      const restarts: string[] = [];
      const exits: string[] = [];
      try {
        await sleep(1500);
        for (const i of [0, 1]) {
          const started = Date.now();
          exits.push(`API ${i + 1} exited ${await apis[i].stop()}${/ERROR/.test(apis[i].log) ? ' after logging errors' : ''}`);
          await startApi(i);
          restarts.push(`API ${i + 1} back in ${((Date.now() - started) / 1000).toFixed(1)} s`);
          await sleep(1500);
        }
      } finally {
        stop = true;
        await load;
      }

      const titles = [...acknowledged.keys()];
      const rows: { title: string; n: string }[] = await control.dataSource.query(`SELECT title, COUNT(*) AS n FROM document WHERE title LIKE $1 GROUP BY title`, [
        `Rolling ${runId} %`,
      ]);
      const stored = new Map(rows.map((r) => [r.title, Number(r.n)]));
      reportDrill(
        'multi-process rolling restart',
        control.dialect,
        {
          attempted,
          acknowledged: acknowledged.size,
          present: titles.filter((t) => (stored.get(t) ?? 0) >= 1).length,
          duplicated: [...stored.values()].filter((n) => n > 1).length,
        },
        `${counts.reads} reads, ${counts.writes} writes answered; ${counts.retried} sent again (${counts.refusedConnections} connection refused, ${counts.unavailable} answered 503); ` +
          `${dropped.length} dropped; ${restarts.join(', ')}`,
      );
      expect(dropped).toEqual([]);
      expect(exits).toEqual(['API 1 exited 0', 'API 2 exited 0']);
      expect(acknowledged.size).toBe(attempted);
      expect(counts.writes).toBeGreaterThan(10);
      expect(titles.filter((t) => stored.get(t) !== 1)).toEqual([]);
      expect(rows.length).toBe(acknowledged.size);
    });
  });
}
