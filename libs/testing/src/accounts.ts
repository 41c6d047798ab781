import { randomBytes } from 'node:crypto';
import { Role, systemContext } from '@tel/core';
import { AuthService } from '@tel/auth';
import type { TestApp } from './test-app';

export interface TestAccountOptions {
  /** The economy of a DELEGATE; by default the first economy in the database (by code). */
  economyCode?: string;
  /** By default a fresh random address. */
  email?: string;
}

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  token: string;
}

/**
 * Creates an account with the roles (through AuthService, as the system, so any role goes) and a
 * random strong password, and returns the account with a session token for it.
 */
export async function accountFor(t: TestApp, roles: Role[], opts: TestAccountOptions = {}): Promise<TestAccount> {
  const auth = t.app.get(AuthService);
  const email = opts.email ?? `${roles.map((r) => r.toLowerCase()).join('-') || 'user'}-${randomBytes(6).toString('hex')}@test.example`;
  const password = `pw-${randomBytes(18).toString('base64url')}`;
  let economyCode = opts.economyCode;
  if (!economyCode && roles.includes(Role.DELEGATE)) {
    const [first] = await t.dataSource.query<{ code: string }[]>(`SELECT code FROM economy ORDER BY code LIMIT 1`);
    if (!first) throw new Error('tokenFor: a DELEGATE needs an economy, and the database has none (seed it, or pass economyCode)');
    economyCode = first.code;
  }
  const user = await auth.createUser(systemContext('test'), { email, password, roles, economyCode: economyCode ?? null });
  return { id: user.id, email: user.email, password, token: auth.issueSession(user).token };
}

/** A session token for a new account holding `roles` (see accountFor). */
export async function tokenFor(t: TestApp, roles: Role[], opts?: TestAccountOptions): Promise<string> {
  return (await accountFor(t, roles, opts)).token;
}

export interface BrowserSignIn {
  /** The tel_session cookie's value. */
  cookie: string;
  csrfToken: string;
  /** What a signed-in page sends: the Cookie header and X-CSRF-Token. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Signs an account in the way a browser does (POST /api/session) and returns its cookie and CSRF token. */
export async function signInBrowser(t: TestApp, account: Pick<TestAccount, 'email' | 'password'>): Promise<BrowserSignIn> {
  const res = await fetch(`${t.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = /^tel_session=([^;]+)/.exec(res.headers.getSetCookie().find((c) => c.startsWith('tel_session=')) ?? '')?.[1];
  if (res.status !== 200 || !cookie || !body.csrfToken) throw new Error(`signInBrowser: POST /api/session answered ${res.status} ${JSON.stringify(body)}`);
  return { cookie, csrfToken: body.csrfToken, headers: { cookie: `tel_session=${cookie}`, 'x-csrf-token': body.csrfToken } };
}
