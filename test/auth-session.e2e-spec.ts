import { expect } from '@jest/globals';
import { Role, systemContext } from '@tel/core';
import { AuthService, BrowserSession, SessionClock, SessionEndReason } from '@tel/auth';
import { accountFor, createTestApp, errorCodes, GqlData, JsonData, signInBrowser, TestAccount, TestApp } from '@tel/testing';
import { samples } from '../libs/documents/src/testing/sample-files';

// Booting an app (seed, argon2 hashes) can take more than jest's default 5 s on a busy machine.
jest.setTimeout(90_000);

const RESTRICTED_SYMBOL = '2008-TELWG37-SPSG-004';
const IDLE_SECONDS = 600;
const TTL_SECONDS = 3600;

interface Answer {
  status: number;
  headers: Headers;
  body: JsonData;
  /** The tel_session Set-Cookie line, if any. */
  setCookie: string | undefined;
}

/** A browser of our own: keeps the tel_session cookie like one would. */
class Browser {
  cookie: string | null = null;
  csrfToken: string | null = null;
  constructor(private readonly t: TestApp) {}

  async request(method: string, path: string, init: { json?: unknown; headers?: Record<string, string>; body?: RequestInit['body']; csrf?: boolean } = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = `tel_session=${this.cookie}`;
    if (init.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    let body = init.body;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const res = await fetch(`${this.t.url}${path}`, { method, headers, body, redirect: 'manual' });
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('tel_session='));
    if (setCookie) {
      const value = /^tel_session=([^;]*)/.exec(setCookie)![1];
      this.cookie = value && !/Expires=Thu, 01 Jan 1970/i.test(setCookie) ? value : null;
    }
    const text = await res.text();
    let parsed = text as JsonData;
    try {
      parsed = text ? (JSON.parse(text) as JsonData) : (null as unknown as JsonData);
    } catch {
      // a file, not JSON
    }
    return { status: res.status, headers: res.headers, body: parsed, setCookie };
  }

  async signIn(email: string, password: string, headers?: Record<string, string>): Promise<Answer> {
    const res = await this.request('POST', '/api/session', { json: { email, password }, headers });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }

  gql(query: string, variables?: Record<string, unknown>, init: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Answer> {
    return this.request('POST', '/graphql', { json: { query, variables }, ...init });
  }

  async whoAmI(): Promise<string | null> {
    const res = await this.request('GET', '/api/session');
    return res.body.user?.email ?? null;
  }
}

describe('browser sessions (e2e)', () => {
  let t: TestApp;
  let delegate: TestAccount;
  let secretariat: TestAccount;
  let restrictedFileId: string;
  let clock: SessionClock;
  let now: number;

  beforeAll(async () => {
    t = await createTestApp({
      env: { TRUST_PROXY: 'true', SESSION_TTL: String(TTL_SECONDS), SESSION_IDLE_TIMEOUT: String(IDLE_SECONDS), LOGIN_MAX_FAILURES: '3' },
    });
    delegate = await accountFor(t, [Role.DELEGATE], { economyCode: 'CT' });
    secretariat = await accountFor(t, [Role.SECRETARIAT]);
    const doc = await t.gql(`{ document(symbol: "${RESTRICTED_SYMBOL}") { access revisions { files { id } } } }`, {}, secretariat.token);
    expect(doc.data.document.access).toBe('RESTRICTED');
    restrictedFileId = doc.data.document.revisions.flatMap((r): GqlData[] => r.files)[0].id;
    clock = t.app.get(SessionClock);
    now = Date.now();
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(now));
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  const sessionRows = () => t.dataSource.getRepository(BrowserSession).find({ order: { createdAt: 'ASC' } });

  it('signs in: the user, a CSRF token and an HttpOnly, SameSite=Lax cookie for the whole site', async () => {
    const browser = new Browser(t);
    const res = await browser.signIn(` ${delegate.email.toUpperCase()} `, delegate.password);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: { id: delegate.id, email: delegate.email, roles: ['DELEGATE'], economyCode: 'CT' }, csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(res.headers.get('cache-control')).toBe('no-store');
    const attributes = res.setCookie!.split(';').map((a) => a.trim());
    expect(attributes[0]).toMatch(/^tel_session=[A-Za-z0-9_-]{43}$/);
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/']));
    expect(attributes.find((a) => a.startsWith('Expires='))).toBeDefined();
    expect(attributes).not.toContain('Secure'); // plain HTTP
    // The secret is nowhere in the database, only its hash.
    const rows = await sessionRows();
    const row = rows.find((r) => r.userId === delegate.id)!;
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(browser.cookie);
    expect(row.csrfToken).toBe(res.body.csrfToken);
    expect(row.expiresAt.getTime() - now).toBe(TTL_SECONDS * 1000);
  });

  it('marks the cookie Secure when the request came over HTTPS (X-Forwarded-Proto, with TRUST_PROXY)', async () => {
    const res = await new Browser(t).signIn(delegate.email, delegate.password, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(res.setCookie!.split(';').map((a) => a.trim())).toContain('Secure');
  });

  it('answers 401 "Wrong e-mail or password" for a wrong password and an unknown e-mail alike, and sets no cookie', async () => {
    for (const [email, password] of [
      [secretariat.email, 'wrong-password-123'],
      ['nobody@test.example', 'wrong-password-123'],
    ]) {
      const res = await new Browser(t).signIn(email, password);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'UNAUTHENTICATED', reason: 'LOGIN_FAILED', message: 'Wrong e-mail or password', requestId: expect.any(String) } });
      expect(res.setCookie).toBeUndefined();
    }
  });

  it('refuses a body that is not JSON, or lacks a field, with 400', async () => {
    const form = await fetch(`${t.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ email: delegate.email, password: delegate.password }),
    });
    expect(form.status).toBe(400);
    expect(form.headers.getSetCookie()).toEqual([]);
    const missing = await new Browser(t).request('POST', '/api/session', { json: { email: delegate.email } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('BAD_USER_INPUT');
  });

  it('shares the rate limit with GraphQL login: 429 TOO_MANY_REQUESTS with Retry-After', async () => {
    const victim = await accountFor(t, [Role.OVERSEER]);
    const login = `mutation($input: LoginInput!) { login(input: $input) { token } }`;
    for (let i = 0; i < 2; i++) expect(errorCodes(await t.gql(login, { input: { email: victim.email, password: 'wrong-password-123' } }))).toEqual(['UNAUTHENTICATED']);
    expect((await new Browser(t).signIn(victim.email, 'wrong-password-123')).status).toBe(401);
    const res = await new Browser(t).signIn(victim.email, victim.password);
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.setCookie).toBeUndefined();
    expect(errorCodes(await t.gql(login, { input: { email: victim.email, password: victim.password } }))).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('GET /api/session: null for anonymous callers, the user and the CSRF token for a signed-in browser; never cached', async () => {
    const browser = new Browser(t);
    const anonymous = await browser.request('GET', '/api/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ user: null, csrfToken: null });
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    const signedIn = await browser.signIn(secretariat.email, secretariat.password);
    const res = await browser.request('GET', '/api/session');
    expect(res.body).toEqual({ user: { id: secretariat.id, email: secretariat.email, roles: ['SECRETARIAT'], economyCode: null }, csrfToken: signedIn.body.csrfToken });
    expect(res.headers.get('cache-control')).toBe('no-store');
    // With a bearer token: the token's account, and no CSRF token (bearer requests need none).
    const bearer = await fetch(`${t.url}/api/session`, { headers: { authorization: `Bearer ${delegate.token}` } });
    expect(await bearer.json()).toEqual({ user: { id: delegate.id, email: delegate.email, roles: ['DELEGATE'], economyCode: 'CT' }, csrfToken: null });
  });

  it("signs GraphQL in as the cookie's account; POSTs need the X-CSRF-Token", async () => {
    const browser = new Browser(t);
    await browser.signIn(delegate.email, delegate.password);
    const me = await browser.gql('{ me { email roles economyCode } }');
    expect(me.status).toBe(200);
    expect(me.body.data.me).toEqual({ email: delegate.email, roles: ['DELEGATE'], economyCode: 'CT' });

    const other = new Browser(t);
    await other.signIn(secretariat.email, secretariat.password);
    for (const [label, headers] of [
      ['no token', undefined],
      ['a wrong token', { 'x-csrf-token': 'x'.repeat(43) }],
      ["another session's token", { 'x-csrf-token': other.csrfToken! }],
    ] as const) {
      const res = await browser.gql('{ me { email } }', undefined, { csrf: false, headers });
      expect({ label, status: res.status }).toEqual({ label, status: 403 });
      expect(res.body).toEqual({
        errors: [{ message: 'Missing or invalid CSRF token', extensions: { code: 'FORBIDDEN', reason: 'CSRF_TOKEN_INVALID', requestId: expect.any(String) } }],
      });
    }
    // A mutation without the token changes nothing.
    const before = await t.dataSource.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM api_token`);
    const create = `mutation { createApiToken(input: { name: "from the browser" }) { token } }`;
    expect((await browser.gql(create, undefined, { csrf: false })).status).toBe(403);
    expect(await t.dataSource.query(`SELECT COUNT(*) AS n FROM api_token`)).toEqual(before);
    // With it, it works (a browser session is a password sign-in, so it may make API tokens).
    const created = await browser.gql(create);
    expect(created.body.errors).toBeUndefined();
    expect(created.body.data.createApiToken.token).toMatch(/^telp_/);
  });

  it('refuses the upload route and DELETE /api/session without the CSRF token, as JSON errors', async () => {
    const browser = new Browser(t);
    await browser.signIn(secretariat.email, secretariat.password);
    const form = new FormData();
    form.append('file', new Blob(['hello']), 'hello.txt');
    const upload = await browser.request('POST', `/api/documents/${RESTRICTED_SYMBOL}/revisions/0/files`, { body: form, csrf: false });
    expect(upload.status).toBe(403);
    expect(upload.body).toEqual({ error: { code: 'FORBIDDEN', reason: 'CSRF_TOKEN_INVALID', message: 'Missing or invalid CSRF token', requestId: expect.any(String) } });
    const signOut = await browser.request('DELETE', '/api/session', { csrf: false });
    expect(signOut.status).toBe(403);
    expect(await browser.whoAmI()).toBe(secretariat.email);
    // With the token, the cookie's account uploads (the secretariat here).
    const ok = new FormData();
    ok.append('file', new Blob([new Uint8Array(samples.pdf('uploaded from a signed-in browser'))]), 'from-browser.pdf');
    const uploaded = await browser.request('POST', `/api/documents/${RESTRICTED_SYMBOL}/revisions/0/files`, { body: ok });
    expect(uploaded.status).toBe(201);
    const [row] = await t.dataSource.query<{ uploadedById: string | null }[]>(`SELECT "uploadedById" FROM document_file WHERE id = ${t.dialect === 'postgres' ? '$1' : '?'}`, [
      uploaded.body.id,
    ]);
    expect(row.uploadedById).toBe(secretariat.id);
  });

  it("lets a member's browser download a restricted paper from a plain link; without the cookie it is a 404", async () => {
    const browser = new Browser(t);
    await browser.signIn(delegate.email, delegate.password);
    const member = await browser.request('GET', `/files/${restrictedFileId}`);
    expect(member.status).toBe(200);
    expect(member.headers.get('cache-control')).toBe('private, no-cache');
    expect(member.headers.get('vary')).toMatch(/Cookie/);
    const anonymous = await fetch(`${t.url}/files/${restrictedFileId}`);
    expect(anonymous.status).toBe(404);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    // A cookie that names no session is no error: the caller is anonymous, and the cookie is cleared.
    const stale = await fetch(`${t.url}/files/${restrictedFileId}`, { headers: { cookie: `tel_session=${'A'.repeat(43)}` } });
    expect(stale.status).toBe(404);
    expect(stale.headers.getSetCookie().join()).toMatch(/^tel_session=;.*Expires=Thu, 01 Jan 1970/);
  });

  it('treats an unknown or malformed cookie as anonymous, even on a POST without a CSRF token', async () => {
    for (const cookie of [`tel_session=${'B'.repeat(43)}`, 'tel_session=garbage']) {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ meeting(code: "TEL37") { city } }' }),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { data: { meeting: { city: string } } }).data.meeting.city).toBe('Tokyo');
      expect(res.headers.getSetCookie().join()).toMatch(/^tel_session=;/);
    }
  });

  it('signs out on the server: 204, the cookie cleared, and the old cookie dead even when replayed', async () => {
    const browser = new Browser(t);
    await browser.signIn(delegate.email, delegate.password);
    const oldCookie = browser.cookie!;
    const oldCsrf = browser.csrfToken!;
    const res = await browser.request('DELETE', '/api/session');
    expect(res.status).toBe(204);
    expect(res.setCookie).toMatch(/^tel_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(browser.cookie).toBeNull();

    const replay = new Browser(t);
    replay.cookie = oldCookie;
    replay.csrfToken = oldCsrf;
    expect(await replay.whoAmI()).toBeNull();
    replay.cookie = oldCookie;
    const me = await replay.gql('{ me { email } }');
    expect(errorCodes(me.body)).toEqual(['UNAUTHENTICATED']);
    replay.cookie = oldCookie;
    expect((await replay.request('GET', `/files/${restrictedFileId}`)).status).toBe(404);
    const [row] = await t.dataSource.getRepository(BrowserSession).find({ where: { csrfToken: oldCsrf } });
    expect(row.endReason).toBe(SessionEndReason.SIGNED_OUT);
    expect(row.endedAt).not.toBeNull();
    // Signing out again, or without a session, is not an error.
    expect((await new Browser(t).request('DELETE', '/api/session')).status).toBe(204);
  });

  it('ends a session after SESSION_IDLE_TIMEOUT without requests, while activity keeps it alive', async () => {
    const browser = new Browser(t);
    await browser.signIn(delegate.email, delegate.password);
    const start = now;
    try {
      for (let step = 1; step <= 4; step++) {
        now = start + step * (IDLE_SECONDS - 100) * 1000;
        expect({ step, user: await browser.whoAmI() }).toEqual({ step, user: delegate.email });
      }
      const cookie = browser.cookie;
      now += IDLE_SECONDS * 1000;
      expect(await browser.whoAmI()).toBeNull();
      expect(browser.cookie).toBeNull(); // cleared
      const row = (await sessionRows()).find((r) => r.csrfToken === browser.csrfToken)!;
      expect(row.endReason).toBe(SessionEndReason.IDLE);
      // Back to an earlier time (or the cookie replayed): it stays ended.
      now = start + 1000;
      browser.cookie = cookie;
      expect(await browser.whoAmI()).toBeNull();
    } finally {
      now = start;
    }
  });

  it('ends a session SESSION_TTL after sign-in, however active', async () => {
    const browser = new Browser(t);
    await browser.signIn(delegate.email, delegate.password);
    const start = now;
    try {
      let last: string | null = null;
      for (let elapsed = 500; elapsed < TTL_SECONDS; elapsed += 500) {
        now = start + elapsed * 1000;
        last = await browser.whoAmI();
        expect({ elapsed, last }).toEqual({ elapsed, last: delegate.email });
      }
      now = start + TTL_SECONDS * 1000;
      expect(await browser.whoAmI()).toBeNull();
      const row = (await sessionRows()).find((r) => r.csrfToken === browser.csrfToken)!;
      expect(row.endReason).toBe(SessionEndReason.EXPIRED);
    } finally {
      now = start;
    }
  });

  it('ends the sessions of an account that is disabled, or whose sessionVersion is raised', async () => {
    const target = await accountFor(t, [Role.DELEGATE], { economyCode: 'CT' });
    const browser = new Browser(t);
    await browser.signIn(target.email, target.password);
    expect(await browser.whoAmI()).toBe(target.email);
    await t.dataSource.query(`UPDATE app_user SET "sessionVersion" = "sessionVersion" + 1 WHERE id = ${t.dialect === 'postgres' ? '$1' : '?'}`, [target.id]);
    expect(await browser.whoAmI()).toBeNull();

    const again = new Browser(t);
    await again.signIn(target.email, target.password);
    const cookie = again.cookie;
    expect(await again.whoAmI()).toBe(target.email);
    await t.app.get(AuthService).disableUser(systemContext('test'), target.email);
    // Ended at once, before the browser comes back.
    const ended = (await sessionRows()).filter((r) => r.userId === target.id);
    expect(ended.every((r) => r.endedAt !== null)).toBe(true);
    expect(await again.whoAmI()).toBeNull();
    const rows = (await sessionRows()).filter((r) => r.userId === target.id);
    expect(rows.map((r) => r.endReason)).toEqual([SessionEndReason.REVOKED, SessionEndReason.REVOKED]);
    // And a disabled account cannot sign in again.
    expect((await new Browser(t).signIn(target.email, target.password)).status).toBe(401);
    again.cookie = cookie;
    expect(await again.whoAmI()).toBeNull();
  });

  it('signing in with a dead cookie answers with the new cookie only', async () => {
    const res = await fetch(`${t.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `tel_session=${'C'.repeat(43)}` },
      body: JSON.stringify({ email: delegate.email, password: delegate.password }),
    });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie().filter((c) => c.startsWith('tel_session='));
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatch(/^tel_session=[A-Za-z0-9_-]{43};/);
  });

  it('signing in again in the same browser ends its previous session', async () => {
    const browser = new Browser(t);
    await browser.signIn(delegate.email, delegate.password);
    const first = browser.cookie;
    await browser.signIn(secretariat.email, secretariat.password);
    expect(browser.cookie).not.toBe(first);
    expect(await browser.whoAmI()).toBe(secretariat.email);
    const replay = new Browser(t);
    replay.cookie = first;
    expect(await replay.whoAmI()).toBeNull();
  });

  it('keeps bearer tokens working without CSRF tokens, and a bearer token wins over a cookie', async () => {
    const bearer = await t.gql('{ me { email } }', undefined, secretariat.token);
    expect(bearer.data.me.email).toBe(secretariat.email);

    const browser = new Browser(t);
    await browser.signIn(delegate.email, delegate.password);
    const both = await browser.gql('{ me { email } }', undefined, { csrf: false, headers: { authorization: `Bearer ${secretariat.token}` } });
    expect(both.status).toBe(200);
    expect(both.body.data.me.email).toBe(secretariat.email);
    // A bad bearer token is refused as before, cookie or not.
    const bad = await browser.gql('{ me { email } }', undefined, { headers: { authorization: 'Bearer nope' } });
    expect(errorCodes(bad.body)).toEqual(['UNAUTHENTICATED']);
  });

  it('signInBrowser (libs/testing) gives the headers a signed-in page sends', async () => {
    const { headers } = await signInBrowser(t, delegate);
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(((await res.json()) as { data: { me: { email: string } } }).data.me.email).toBe(delegate.email);
  });

  it('records signing in and out in the audit trail', async () => {
    const browser = new Browser(t);
    await browser.signIn(secretariat.email, secretariat.password);
    await browser.request('DELETE', '/api/session');
    const events = await t.gql(
      `{ auditEvents(filter: { entityType: "BrowserSession" }, first: 100) { nodes { action actorEmail } } }`,
      {},
      (await accountFor(t, [Role.ADMIN])).token,
    );
    const mine = (events.data?.auditEvents.nodes ?? []).filter((e) => e.actorEmail === secretariat.email);
    expect(mine.map((e) => e.action).sort()).toEqual(expect.arrayContaining(['session.end', 'session.start']));
  });
});
