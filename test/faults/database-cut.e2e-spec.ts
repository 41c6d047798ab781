/**
 * Fault drill: the database goes away under a running API, and comes back.
 *
 * PostgreSQL (DATABASE_URL set): the API reaches the server through a TCP proxy of the test's own;
 * cutting it drops every pooled connection and refuses new ones — the shared server is never
 * touched. Requests during the cut answer SERVICE_UNAVAILABLE (GraphQL and REST, 503 with
 * Retry-After), /health/ready goes 503 naming the database, /health/live stays 200, and once the
 * proxy listens again the pool reconnects on its own: writes succeed, nothing acknowledged is
 * lost, nothing is written twice, and the process never went down.
 *
 * SQLite: there is no connection to cut. What can be cut is the write lock: another connection
 * (as `npm run reindex` or a stuck tool would) holds it past busy_timeout, so writes answer
 * SERVICE_UNAVAILABLE with Retry-After instead of INTERNAL_SERVER_ERROR; reads and readiness go on
 * (WAL lets readers through).
 */
import BetterSqlite3 from 'better-sqlite3';
import * as path from 'node:path';
import { expect } from '@jest/globals';
import { APP_CONFIG, AppConfig, Role } from '@tel/core';
import { createTestApp, JsonData, TcpProxy, TestApp, tokenFor, waitForJobs } from '@tel/testing';
import { reportDrill } from './drill-report';

jest.setTimeout(120_000);

const REGISTER = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`;
const MARK = `drill-${process.pid}-${Date.now().toString(36)}`;

interface Attempt {
  title: string;
  acknowledged: boolean;
  code?: string;
  status: number;
  retryAfter: string | null;
}

async function eventually<T>(what: string, check: () => Promise<T | false | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function health(t: TestApp, which: 'live' | 'ready' | ''): Promise<{ status: number; retryAfter: string | null; body: JsonData }> {
  const res = await fetch(`${t.url}/health${which ? `/${which}` : ''}`);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as JsonData };
}

function registerWith(t: TestApp, token: string) {
  let n = 0;
  return async (phase: string): Promise<Attempt> => {
    const title = `${MARK} ${phase} ${++n}`;
    const res = await t.gql(
      REGISTER,
      { input: { meetingCode: 'TEL37', groupCode: 'SPSG', code: 'DRILL', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC', title } },
      token,
    );
    return {
      title,
      acknowledged: !res.errors?.length && !!res.data?.registerDocument?.symbol,
      code: res.errors?.[0]?.extensions?.code,
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
    };
  };
}

/** Titles of the drill's documents as the database has them (duplicates included). */
async function titlesInDatabase(t: TestApp): Promise<string[]> {
  const placeholder = t.dialect === 'postgres' ? '$1' : '?';
  const rows: { title: string }[] = await t.dataSource.query(`SELECT title FROM document WHERE title LIKE ${placeholder}`, [`${MARK}%`]);
  return rows.map((r) => r.title);
}

function tally(attempts: Attempt[], titles: string[]) {
  const acknowledged = attempts.filter((a) => a.acknowledged);
  const counts = new Map<string, number>();
  for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  return {
    attempted: attempts.length,
    acknowledged: acknowledged.length,
    present: acknowledged.filter((a) => counts.has(a.title)).length,
    duplicated: [...counts.values()].filter((c) => c > 1).length,
  };
}

const pgUrl = process.env.DATABASE_URL?.trim();

if (pgUrl) {
  describe('fault drill: PostgreSQL cut off through the test’s own TCP proxy', () => {
    const target = new URL(pgUrl);
    const proxy = new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    let t: TestApp;

    beforeAll(async () => {
      await proxy.listen();
      t = await createTestApp({ env: { DATABASE_URL: proxy.urlFor(pgUrl) } });
    });

    afterAll(async () => {
      // The schema is dropped through the proxy: it must be listening again.
      await proxy.listen().catch(() => undefined);
      await t?.close();
      await proxy.cut();
    });

    it('answers SERVICE_UNAVAILABLE with Retry-After during the cut, loses nothing acknowledged, and recovers without a restart', async () => {
      const token = await tokenFor(t, [Role.SECRETARIAT]);
      const register = registerWith(t, token);
      const attempts: Attempt[] = [];
      await waitForJobs(t, 60_000);
      const [{ id: fileId }] = await t.dataSource.query<{ id: string }[]>(
        `SELECT f.id FROM document_file f JOIN document_revision r ON r.id = f."revisionId" JOIN document d ON d.id = r."documentId" WHERE d.access = 'PUBLIC' LIMIT 1`,
      );
      expect((await fetch(`${t.url}/files/${fileId}`)).status).toBe(200);

      for (let i = 0; i < 5; i++) attempts.push(await register('before'));
      expect(attempts.every((a) => a.acknowledged)).toBe(true);
      expect((await health(t, 'ready')).status).toBe(200);

      // Writes in flight while the connections drop: each either commits (and is acknowledged) or not.
      const inFlight = Array.from({ length: 8 }, () => register('cut-while-in-flight'));
      await new Promise((resolve) => setTimeout(resolve, 15));
      process.stderr.write('[fault drill] expected below: connection errors logged by the API while the database is cut off\n');
      await proxy.cut();
      attempts.push(...(await Promise.all(inFlight)));

      // During the cut.
      const during: Attempt[] = [];
      for (let i = 0; i < 5; i++) during.push(await register('during'));
      attempts.push(...during);
      for (const a of during) expect([a.acknowledged, a.code, a.status, a.retryAfter]).toEqual([false, 'SERVICE_UNAVAILABLE', 503, '5']);
      const read = await t.gql(`{ meetings(first: 1) { totalCount } }`);
      expect([read.status, read.errors?.[0]?.extensions?.code, read.headers.get('retry-after')]).toEqual([503, 'SERVICE_UNAVAILABLE', '5']);
      expect(read.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|ECONN|:\d{4,5}/);
      const rest = await fetch(`${t.url}/files/${fileId}`);
      expect([rest.status, rest.headers.get('retry-after')]).toEqual([503, '5']);
      expect(((await rest.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');
      const ready = await health(t, 'ready');
      expect([ready.status, ready.retryAfter, ready.body.failed, ready.body.database.status]).toEqual([503, '5', ['database'], 'down']);
      expect((await health(t, '')).status).toBe(503);
      expect((await health(t, 'live')).status).toBe(200);

      // Back: the pool reconnects by itself; no restart.
      await proxy.listen();
      await eventually('/health/ready answers 200 again', async () => (await health(t, 'ready')).status === 200);
      for (let i = 0; i < 5; i++) attempts.push(await register('after'));
      expect(attempts.filter((a) => a.title.includes(' after ')).every((a) => a.acknowledged)).toBe(true);
      expect((await fetch(`${t.url}/files/${fileId}`)).status).toBe(200);

      // Nothing acknowledged lost, nothing written twice; failures were all coded.
      const counts = tally(attempts, await titlesInDatabase(t));
      const unexpected = attempts.filter((a) => !a.acknowledged && a.code !== 'SERVICE_UNAVAILABLE');
      reportDrill('database cut (TCP proxy)', t.dialect, counts, `${during.length} request(s) during the cut answered 503 + Retry-After; /health/ready 503 → 200`);
      expect(unexpected).toEqual([]);
      expect(counts.present).toBe(counts.acknowledged);
      expect(counts.duplicated).toBe(0);
      // The acknowledged set is exactly what is there (no unacknowledged write slipped in twice either).
      expect((await titlesInDatabase(t)).length).toBeGreaterThanOrEqual(counts.acknowledged);
    });
  });
} else {
  describe('fault drill: the SQLite database locked by another process past busy_timeout', () => {
    let t: TestApp;

    beforeAll(async () => {
      process.stdout.write(
        '[fault drill] database cut: there is no connection to cut on SQLite (it runs on PostgreSQL with DATABASE_URL); the drill holds the write lock instead\n',
      );
      t = await createTestApp();
    });

    afterAll(async () => {
      await t?.close();
    });

    it('answers SERVICE_UNAVAILABLE with Retry-After while another connection holds the write lock, then writes again', async () => {
      const token = await tokenFor(t, [Role.SECRETARIAT]);
      const register = registerWith(t, token);
      const attempts: Attempt[] = [];
      for (let i = 0; i < 3; i++) attempts.push(await register('before'));
      await waitForJobs(t, 60_000); // the seed's indexing done, so only the drill's writes meet the lock

      const file = path.join(t.app.get<AppConfig>(APP_CONFIG).dataDir, 'tel-registry.sqlite');
      const holder = new BetterSqlite3(file);
      holder.pragma('busy_timeout = 0');
      holder.prepare('BEGIN IMMEDIATE').run();
      process.stderr.write('[fault drill] expected below: "database is locked" errors logged by the API while the lock is held\n');
      let during: Attempt[];
      try {
        // busy_timeout is 5 s: each of these waits that long, then gives up.
        during = await Promise.all([register('during'), register('during')]);
        // Reads go on under WAL, and so does readiness.
        const read = await t.gql(`{ meetings(first: 1) { totalCount } }`);
        expect(read.errors).toBeUndefined();
        expect((await health(t, 'ready')).status).toBe(200);
      } finally {
        holder.prepare('ROLLBACK').run();
        holder.close();
      }
      attempts.push(...during);
      for (const a of during) expect([a.acknowledged, a.code, a.status, a.retryAfter]).toEqual([false, 'SERVICE_UNAVAILABLE', 503, '5']);

      for (let i = 0; i < 3; i++) attempts.push(await register('after'));
      const counts = tally(attempts, await titlesInDatabase(t));
      reportDrill('database write lock held (SQLite)', t.dialect, counts, 'writes during the lock answered 503 + Retry-After; reads and /health/ready stayed up');
      expect(attempts.filter((a) => a.title.includes(' after ')).every((a) => a.acknowledged)).toBe(true);
      expect(counts.present).toBe(counts.acknowledged);
      expect(counts.acknowledged).toBe(6);
      expect(counts.duplicated).toBe(0);
    });
  });
}

describe('health endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('/health/live answers without touching a dependency; /health/ready and /health check the database', async () => {
    const live = await health(t, 'live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
    const ready = await health(t, 'ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ok', database: { status: 'up', dialect: t.dialect }, redis: { status: 'not configured' } });
    expect(ready.body.failed).toBeUndefined();
    const plain = await health(t, '');
    expect(plain.status).toBe(200);
    expect(plain.body.database.pendingMigrations).toBe(false);
  });

  it('/health/ready is 503 naming redis when REDIS_URL points at nothing', async () => {
    // A port nobody listens on: bind one, note it, close it.
    const net = await import('node:net');
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const t2 = await createTestApp({ seed: false, env: { REDIS_URL: `redis://127.0.0.1:${port}`, JOB_QUEUE_PREFIX: `health-${process.pid}` } });
    try {
      const ready = await health(t2, 'ready');
      expect([ready.status, ready.retryAfter, ready.body.failed, ready.body.redis.status, ready.body.database.status]).toEqual([503, '5', ['redis'], 'down', 'up']);
      expect(JSON.stringify(ready.body)).not.toContain(String(port));
      expect((await health(t2, 'live')).status).toBe(200);
    } finally {
      await t2.close();
    }
  });
});
