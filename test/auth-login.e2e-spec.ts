import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Logger } from '@nestjs/common';
import { Role } from '@tel/core';
import * as credentials from '../libs/auth/src/accounts/credentials';
import { AUTH_SECRET_FILE, User } from '@tel/auth';
import { accountFor, createTestApp, errorCodes, TestApp } from '@tel/testing';

// Booting an app (seed, argon2 hashes) can take more than jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;

async function login(t: TestApp, email: string, password: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  const body = (await res.json()) as { data?: { login: { token: string } } | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), token: body.data?.login.token, codes: errorCodes(body), errors: body.errors };
}

describe('login rate limit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, env: { LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_IP: '1000', LOGIN_BLOCK_SECONDS: '600' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('after LOGIN_MAX_FAILURES wrong passwords, answers TOO_MANY_REQUESTS with retryAfterSeconds — even to the right password', async () => {
    const account = await accountFor(t, [Role.OVERSEER]);
    for (let i = 0; i < 3; i++) expect((await login(t, account.email, 'wrong-password-123')).codes).toEqual(['UNAUTHENTICATED']);
    for (const password of ['wrong-password-123', account.password]) {
      const res = await login(t, account.email, password);
      expect(res.codes).toEqual(['TOO_MANY_REQUESTS']);
      const retry = res.errors![0].extensions.retryAfterSeconds as number;
      expect(retry).toBeGreaterThan(0);
      expect(retry).toBeLessThanOrEqual(600);
      expect(Number(res.retryAfter)).toBe(retry);
      expect(res.token).toBeUndefined();
    }
    // The count is per e-mail (and address): another account is not affected.
    const other = await accountFor(t, [Role.OVERSEER]);
    expect((await login(t, other.email, other.password)).token).toEqual(expect.any(String));
  });

  it('counts unknown e-mails too, whatever their case', async () => {
    for (let i = 0; i < 3; i++) expect((await login(t, i % 2 ? 'Ghost@Test.Example' : 'ghost@test.example', 'wrong-password-123')).codes).toEqual(['UNAUTHENTICATED']);
    expect((await login(t, 'GHOST@test.example', 'wrong-password-123')).codes).toEqual(['TOO_MANY_REQUESTS']);
  });

  it('a correct password resets the count for that e-mail', async () => {
    const account = await accountFor(t, [Role.OVERSEER]);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 2; i++) expect((await login(t, account.email, 'wrong-password-123')).codes).toEqual(['UNAUTHENTICATED']);
      expect((await login(t, account.email, account.password)).token).toEqual(expect.any(String));
    }
  });

  it('finds an account by its normalized address: full-width letters sign in, a look-alike finds nothing and cannot be created', async () => {
    const account = await accountFor(t, [Role.OVERSEER], { email: `admin-${Date.now()}@test.example` });
    const fullWidth = [...account.email].map((c) => (c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0)! + 0xfee0) : c)).join('');
    expect((await login(t, ` ${fullWidth.toUpperCase()} `, account.password)).token).toEqual(expect.any(String));
    const lookAlike = account.email.replace('a', '\u0430'); // Cyrillic а
    const res = await login(t, lookAlike, account.password);
    expect(res.codes).toEqual(['UNAUTHENTICATED']);
    expect(res.errors![0].message).toBe('Invalid email or password');
    const admin = await accountFor(t, [Role.ADMIN, Role.SECRETARIAT]);
    const created = await t.gql(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      { input: { email: lookAlike, password: 'a long enough password', roles: ['OVERSEER'] } },
      admin.token,
    );
    expect(errorCodes(created)).toEqual(['BAD_USER_INPUT']);
    expect(created.errors![0].message).toMatch(/mixes letters of different scripts/);
  });

  it('checks a password for an unknown e-mail all the same (against a dummy hash)', async () => {
    const verify = jest.spyOn(credentials, 'verifyPassword');
    try {
      expect((await login(t, 'nobody-here@test.example', 'wrong-password-123')).codes).toEqual(['UNAUTHENTICATED']);
      expect(verify).toHaveBeenCalledTimes(1);
      expect(verify.mock.calls[0][0]).toMatch(/^\$argon2id\$/);
    } finally {
      verify.mockRestore();
    }
  });
});

describe('login rate limit per address (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, env: { LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_IP: '4', LOGIN_SLOWDOWN_SECONDS: '300' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('after LOGIN_MAX_FAILURES_PER_IP failures for any e-mails, slows the address down rather than locking everyone behind it out', async () => {
    const account = await accountFor(t, [Role.OVERSEER]);
    for (let i = 0; i < 4; i++) expect((await login(t, `spray-${i}@test.example`, 'wrong-password-123')).codes).toEqual(['UNAUTHENTICATED']);
    // The budget is spent: one attempt per LOGIN_SLOWDOWN_SECONDS gets through — here, the right one.
    expect((await login(t, account.email, account.password)).token).toEqual(expect.any(String));
    const res = await login(t, 'spray-9@test.example', 'wrong-password-123');
    expect(res.codes).toEqual(['TOO_MANY_REQUESTS']);
    const retry = res.errors![0].extensions.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(300);
    expect(Number(res.retryAfter)).toBe(retry);
  });
});

describe('TRUST_PROXY check (e2e)', () => {
  it('warns once when requests carry X-Forwarded-For while TRUST_PROXY=false', async () => {
    const t = await createTestApp({ seed: false });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined); // the expected warning, silenced
    try {
      await login(t, 'nobody@test.example', 'wrong-password-123'); // straight from the client: nothing to say
      expect(warn.mock.calls.filter((c) => /TRUST_PROXY/.test(String(c[0])))).toHaveLength(0);
      for (let i = 0; i < 3; i++) {
        await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      }
      const warned = warn.mock.calls.filter((c) => /TRUST_PROXY=false/.test(String(c[0])));
      expect(warned).toHaveLength(1);
    } finally {
      warn.mockRestore();
      await t.close();
    }
  });
});

describe('bootstrap admin and the signing key (e2e)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tel-bootstrap-'));
  const schema = process.env.DATABASE_URL ? `t_boot_${process.pid}_${Math.random().toString(36).slice(2, 8)}` : undefined;
  const env = (email: string, password: string) => ({
    DATA_DIR: dataDir,
    ...(schema ? { DATABASE_SCHEMA: schema } : {}),
    BOOTSTRAP_ADMIN_EMAIL: email,
    BOOTSTRAP_ADMIN_PASSWORD: password,
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates the first administrator once; a second start creates nobody and keeps sessions valid', async () => {
    const first = await createTestApp({ seed: false, env: env(' Root@Example.ORG ', 'correct horse battery staple') });
    let token: string;
    try {
      const res = await login(first, 'root@example.org', 'correct horse battery staple');
      expect(res.codes).toEqual([]);
      token = res.token!;
      const me = await first.gql(`{ me { email roles } }`, {}, token);
      expect(me.data.me).toEqual({ email: 'root@example.org', roles: ['ADMIN', 'SECRETARIAT'] });
      const audit = await first.gql(`{ auditEvents(filter: { action: "user.bootstrap" }) { nodes { actorEmail summary } } }`, {}, token);
      expect(audit.data.auditEvents.nodes).toEqual([{ actorEmail: null, summary: 'created the first administrator root@example.org (ADMIN, SECRETARIAT)' }]);
      expect(audit.data.auditEvents.nodes[0].summary).not.toContain('correct horse');

      // No AUTH_SECRET: a key was made in DATA_DIR, readable by the owner only.
      const keyFile = path.join(dataDir, AUTH_SECRET_FILE);
      expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(keyFile, 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    } finally {
      await first.close();
    }

    const second = await createTestApp({ seed: false, env: env('other-admin@example.org', 'another long password') });
    try {
      expect(await second.dataSource.getRepository(User).count()).toBe(1);
      expect((await login(second, 'other-admin@example.org', 'another long password')).codes).toEqual(['UNAUTHENTICATED']);
      // Same key file, so the first start's session still works.
      const me = await second.gql(`{ me { email } }`, {}, token);
      expect(me.data?.me.email).toBe('root@example.org');
    } finally {
      if (schema) await second.dataSource.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await second.close();
    }
  });
});
