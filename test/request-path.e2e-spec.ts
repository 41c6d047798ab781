import * as net from 'node:net';
import { inFlightRequests, Role } from '@tel/core';
import { accountFor, createTestApp, signInBrowser, TestApp, waitForJobs } from '@tel/testing';

/**
 * The request path (middleware, guard, GraphQL context, plugins) sends no SQL of its own beyond
 * identifying the caller: a simple query costs the statement its resolver sends, plus one indexed
 * read for a bearer token, and a nested read costs the same however the caller signed in. The
 * request-path benchmark (bench/request) measures these same queries for time.
 */
describe('request path: SQL statements per request (e2e)', () => {
  let t: TestApp;
  let sessionToken: string;
  let apiToken: string;
  let browser: Awaited<ReturnType<typeof signInBrowser>>;

  const SIMPLE = '{ meeting(code: "TEL37") { id code number title city startDate endDate timeZone } }';
  const NESTED = '{ meeting(code: "TEL37") { code title group { code name } sessions { kind title tentative } } }';

  /** Statements one request costs: the fewest over a few runs, as background jobs may query too. */
  async function statements(query: string, headers: Record<string, string> = {}): Promise<number> {
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = t.queryCount();
      const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
      const body = (await res.json()) as { data?: unknown; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(res.status).toBe(200);
      seen.push(t.queryCount() - before);
    }
    return Math.min(...seen);
  }

  beforeAll(async () => {
    t = await createTestApp();
    await waitForJobs(t);
    const account = await accountFor(t, [Role.SECRETARIAT]);
    sessionToken = account.token;
    const created = await t.gql<{ createApiToken: { token: string } }>('mutation { createApiToken(input: { name: "request path" }) { token } }', {}, sessionToken);
    expect(created.errors).toBeUndefined();
    apiToken = created.data.createApiToken.token;
    browser = await signInBrowser(t, account);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a simple query costs its one statement anonymously, and one more to identify a signed-in caller', async () => {
    expect(await statements(SIMPLE)).toBe(1);
    expect(await statements(SIMPLE, { authorization: `Bearer ${sessionToken}` })).toBe(2);
    expect(await statements(SIMPLE, { authorization: `Bearer ${apiToken}` })).toBe(2);
    // A browser session: the session and its account in one read (a touch is a write, at most once per interval).
    expect(await statements(SIMPLE, browser.headers)).toBeLessThanOrEqual(2);
  });

  it('an Idempotency-Key on a query costs nothing: only mutations claim keys', async () => {
    expect(await statements(SIMPLE, { authorization: `Bearer ${sessionToken}`, 'idempotency-key': 'request-path-query-1' })).toBe(2);
  });

  it('a nested read costs the same statements for every kind of caller, beyond identifying them', async () => {
    const anonymous = await statements(NESTED);
    expect(anonymous).toBe(3);
    expect(await statements(NESTED, { authorization: `Bearer ${apiToken}` })).toBe(anonymous + 1);
  });

  it('GraphQL is matched before the REST routes, and its answers are never cached', async () => {
    // Express's router: Apollo's /graphql layers stand before the first controller route, so a
    // GraphQL request does not walk the REST routes first (graphql-route-first.ts).
    const stack = (t.app.getHttpAdapter().getInstance() as { router: { stack: { rawPath?: unknown; route?: unknown }[] } }).router.stack;
    const firstRoute = stack.findIndex((layer) => layer.route !== undefined);
    const graphql = stack.flatMap((layer, i) => (layer.rawPath === '/graphql' ? [i] : []));
    expect(firstRoute).toBeGreaterThan(0);
    expect(graphql.length).toBeGreaterThan(0);
    expect(Math.max(...graphql)).toBeLessThan(firstRoute);
    // The routes after it still answer, and the web app's fallback still passes /graphql on.
    expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true', accept: 'text/html, application/json' },
    });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    // Cache-Control: no-store on every GraphQL answer (Apollo's cache-control plugin is off; the API sets it).
    const post = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SIMPLE }) });
    expect(post.headers.get('cache-control')).toBe('no-store');
    const failed = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ meeting(code: "NOPE99") { id } }' }),
    });
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(((await failed.json()) as { errors?: unknown[] }).errors?.length).toBe(1);
  });

  it('a request is in flight (for the last-resort log) until its response closes, answered or abandoned', async () => {
    expect(await statements(SIMPLE)).toBe(1);
    expect(inFlightRequests()).toBe(' (no request in flight)');
    // A client that sends half a body and goes away.
    const socket = net.connect(Number(new URL(t.url).port), '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Request-Id: abandoned-request-1\r\nContent-Length: 100\r\n\r\n{"query":');
    for (let i = 0; i < 100 && inFlightRequests() === ' (no request in flight)'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(inFlightRequests()).toBe(' during request abandoned-request-1');
    socket.destroy();
    for (let i = 0; i < 100 && inFlightRequests() !== ' (no request in flight)'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(inFlightRequests()).toBe(' (no request in flight)');
  });
});
