import * as jwt from 'jsonwebtoken';
import { Role } from '@tel/core';
import { ApiToken } from '@tel/auth';
import { accountFor, createTestApp, errorCodes, GqlObject, GqlResponse, TestAccount, TestApp, tokenFor } from '@tel/testing';

// Booting an app (seed, argon2 hashes) can take more than jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

const SECRET = 'e2e-secret-that-is-long-enough-0123456789';
const INVALID = 'Invalid or expired token';

const ME = `{ me { id email roles disabled economyCode } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token expiresAt } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email roles disabled economyCode } }`;
const DISABLE_USER = `mutation($email: String!) { disableUser(input: { email: $email }) { email disabled } }`;
const ENABLE_USER = `mutation($email: String!) { enableUser(input: { email: $email }) { email disabled } }`;
const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name hint createdAt expiresAt revoked expired } } }`;
const REVOKE_TOKEN = `mutation($id: ID!) { revokeApiToken(input: { id: $id }) { id revoked } }`;
const AUDIT = `query($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { action entityType entityId actorEmail summary at requestId } }
}`;

let meetingSeq = 0;
const createMeeting = (t: TestApp, token?: string) =>
  t.gql(`mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { code } }`, { input: { code: `TEL${900 + ++meetingSeq}`, title: 'Role test meeting' } }, token);

const strongPassword = () => `pw-${Math.random().toString(36).slice(2)}-${Date.now()}-x`;

function expectOk(res: GqlResponse): void {
  expect(res.errors).toBeUndefined();
}

function expectCode(res: GqlResponse, code: string): void {
  expect(errorCodes(res)).toEqual([code]);
}

describe('accounts, roles and tokens (e2e)', () => {
  let t: TestApp;
  let delegate: TestAccount;
  let overseer: TestAccount;
  let secretariat: TestAccount;
  let admin: TestAccount;

  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_SECRET: SECRET } });
    [delegate, overseer, secretariat, admin] = await Promise.all([
      accountFor(t, [Role.DELEGATE], { economyCode: 'CT' }),
      accountFor(t, [Role.OVERSEER]),
      accountFor(t, [Role.SECRETARIAT]),
      accountFor(t, [Role.ADMIN]),
    ]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('login and me', () => {
    it('signs in with e-mail and password (e-mail in any case) and answers me', async () => {
      const login = await t.gql(LOGIN, { input: { email: `  ${delegate.email.toUpperCase()} `, password: delegate.password } });
      expectOk(login);
      expect(login.data.login.token).toEqual(expect.any(String));
      const ttl = Date.parse(login.data.login.expiresAt) - Date.now();
      expect(ttl).toBeGreaterThan(8 * 3600 * 1000 - 60_000);
      expect(ttl).toBeLessThanOrEqual(8 * 3600 * 1000);
      const me = await t.gql(ME, {}, login.data.login.token);
      expectOk(me);
      expect(me.data.me).toEqual({ id: delegate.id, email: delegate.email, roles: ['DELEGATE'], disabled: false, economyCode: 'CT' });
    });

    it('answers a wrong password and an unknown e-mail alike', async () => {
      const wrong = await t.gql(LOGIN, { input: { email: overseer.email, password: 'not-the-password-at-all' } });
      const unknown = await t.gql(LOGIN, { input: { email: 'nobody@test.example', password: 'not-the-password-at-all' } });
      const malformed = await t.gql(LOGIN, { input: { email: 'not an e-mail', password: 'not-the-password-at-all' } });
      for (const res of [wrong, unknown, malformed]) {
        expectCode(res, 'UNAUTHENTICATED');
        expect(res.errors![0].message).toBe('Invalid email or password');
        expect(res.data).toBeNull();
      }
    });

    it('me needs a signed-in caller', async () => {
      const res = await t.gql(ME);
      expectCode(res, 'UNAUTHENTICATED');
    });
  });

  describe('what each role may do', () => {
    const roles = () => ({ anonymous: undefined, DELEGATE: delegate.token, OVERSEER: overseer.token, SECRETARIAT: secretariat.token, ADMIN: admin.token });

    it('public reads: everyone', async () => {
      for (const token of Object.values(roles())) {
        expectOk(await t.gql(`{ meetings(first: 1) { totalCount } }`, {}, token));
      }
    });

    it('createMeeting: the secretariat and ADMIN', async () => {
      const expected: Record<string, string | null> = { anonymous: 'UNAUTHENTICATED', DELEGATE: 'FORBIDDEN', OVERSEER: 'FORBIDDEN', SECRETARIAT: null, ADMIN: null };
      for (const [who, token] of Object.entries(roles())) {
        const res = await createMeeting(t, token);
        expect([who, errorCodes(res)]).toEqual([who, expected[who] ? [expected[who]] : []]);
      }
    });

    it('createUser (a delegate): the secretariat and ADMIN', async () => {
      const expected: Record<string, string | null> = { anonymous: 'UNAUTHENTICATED', DELEGATE: 'FORBIDDEN', OVERSEER: 'FORBIDDEN', SECRETARIAT: null, ADMIN: null };
      for (const [who, token] of Object.entries(roles())) {
        const input = { email: `made-by-${who.toLowerCase()}@test.example`, password: strongPassword(), roles: ['DELEGATE'], economyCode: 'usa' };
        const res = await t.gql(CREATE_USER, { input }, token);
        expect([who, errorCodes(res)]).toEqual([who, expected[who] ? [expected[who]] : []]);
        if (!expected[who]) expect(res.data.createUser).toMatchObject({ email: input.email, roles: ['DELEGATE'], disabled: false, economyCode: 'USA' });
      }
    });

    it('createUser with SECRETARIAT or ADMIN: ADMIN only', async () => {
      for (const role of ['SECRETARIAT', 'ADMIN']) {
        const input = { email: `new-${role.toLowerCase()}@test.example`, password: strongPassword(), roles: [role] };
        const bySecretariat = await t.gql(CREATE_USER, { input }, secretariat.token);
        expectCode(bySecretariat, 'FORBIDDEN');
        const byAdmin = await t.gql(CREATE_USER, { input }, admin.token);
        expectOk(byAdmin);
        expect(byAdmin.data.createUser.roles).toEqual([role]);
      }
    });

    it('auditEvents and users: the secretariat and ADMIN', async () => {
      const expected: Record<string, string | null> = { anonymous: 'UNAUTHENTICATED', DELEGATE: 'FORBIDDEN', OVERSEER: 'FORBIDDEN', SECRETARIAT: null, ADMIN: null };
      for (const [who, token] of Object.entries(roles())) {
        const audit = await t.gql(`{ auditEvents(first: 1) { totalCount } }`, {}, token);
        const users = await t.gql(`{ users(first: 1) { totalCount } }`, {}, token);
        expect([who, errorCodes(audit), errorCodes(users)]).toEqual([who, ...(expected[who] ? [[expected[who]], [expected[who]]] : [[], []])]);
      }
    });

    it('me and apiTokens: any account', async () => {
      for (const [who, token] of Object.entries(roles())) {
        const res = await t.gql(`{ me { email } apiTokens { id } }`, {}, token);
        expect([who, errorCodes(res)]).toEqual([who, who === 'anonymous' ? ['UNAUTHENTICATED'] : []]);
      }
    });
  });

  describe('createUser rules', () => {
    const attempt = (input: Record<string, unknown>) => t.gql(CREATE_USER, { input: { password: strongPassword(), roles: ['OVERSEER'], ...input } }, admin.token);

    it('refuses weak passwords, bad e-mails, delegates without an economy, unknown economies and roles', async () => {
      expectCode(await attempt({ email: 'short@test.example', password: 'eleven-char' }), 'BAD_USER_INPUT');
      expectCode(await attempt({ email: 'long@test.example', password: 'x'.repeat(257) }), 'BAD_USER_INPUT');
      expectCode(await attempt({ email: 'not-an-email' }), 'BAD_USER_INPUT');
      expectCode(await attempt({ email: 'no-economy@test.example', roles: ['DELEGATE'] }), 'BAD_USER_INPUT');
      expectCode(await attempt({ email: 'bad-economy@test.example', roles: ['DELEGATE'], economyCode: 'XX' }), 'BAD_USER_INPUT');
      expectCode(await attempt({ email: 'no-roles@test.example', roles: [] }), 'BAD_USER_INPUT');
      expectCode(await attempt({ email: 'bad-role@test.example', roles: ['ROOT'] }), 'BAD_USER_INPUT');
    });

    it('takes a 12-character password and one of 256 characters', async () => {
      expectOk(await attempt({ email: 'twelve@test.example', password: 'twelve-chars' }));
      expectOk(await attempt({ email: 'max@test.example', password: 'y'.repeat(256) }));
    });

    it('keeps e-mails unique whatever their case', async () => {
      expectOk(await attempt({ email: 'Dup@Test.Example' }));
      const again = await attempt({ email: 'dup@test.EXAMPLE' });
      expectCode(again, 'CONFLICT');
    });
  });

  describe('session tokens', () => {
    it('refuses an expired token', async () => {
      const expired = jwt.sign({ sv: 0 }, SECRET, { algorithm: 'HS256', subject: delegate.id, issuer: 'tel-registry', audience: 'tel-registry/api', expiresIn: -10 });
      const res = await t.gql(ME, {}, expired);
      expectCode(res, 'UNAUTHENTICATED');
      expect(res.errors![0].message).toBe(INVALID);
      // ...but signing in again works while the stale token still sits in the headers.
      const again = await t.gql(LOGIN, { input: { email: delegate.email, password: delegate.password } }, expired);
      expect(again.errors).toBeUndefined();
      expect(again.data.login.token).toEqual(expect.any(String));
    });

    it('refuses a tampered token, one signed with another key, and an unsigned one', async () => {
      const [header, payload, signature] = delegate.token.split('.');
      const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const elevated = Buffer.from(JSON.stringify({ ...claims, sub: admin.id })).toString('base64url');
      const forged = [
        `${header}.${payload}.${flip(signature, 5)}`,
        `${header}.${flip(payload, 10)}.${signature}`,
        `${header}.${elevated}.${signature}`,
        jwt.sign({ sv: 0 }, 'another-secret-that-is-long-enough-000000', { algorithm: 'HS256', subject: admin.id, issuer: 'tel-registry', audience: 'tel-registry/api' }),
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`,
        'garbage',
      ];
      for (const token of forged) {
        const res = await t.gql(ME, {}, token);
        expect([token, errorCodes(res), res.errors?.[0].message]).toEqual([token, ['UNAUTHENTICATED'], INVALID]);
      }
    });

    it('refuses a token even on public queries, and a malformed Authorization header', async () => {
      expectCode(await t.gql(`{ meetings(first: 1) { totalCount } }`, {}, 'garbage'), 'UNAUTHENTICATED');
      for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', delegate.token]) {
        const res = await fetch(`${t.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query: '{ meetings(first: 1) { totalCount } }' }),
        });
        const body = (await res.json()) as GqlResponse;
        expect([authorization, body.errors?.[0]?.extensions?.code]).toEqual([authorization, 'UNAUTHENTICATED']);
      }
    });
  });

  describe('personal API tokens', () => {
    it('are shown once, work as bearer tokens, are listed without their secret, and stop when revoked', async () => {
      const created = await t.gql(CREATE_TOKEN, { input: { name: 'nightly export' } }, overseer.token);
      expectOk(created);
      const { token, apiToken } = created.data.createApiToken;
      expect(token).toMatch(/^telp_[A-Za-z0-9_-]{43}$/);
      expect(apiToken).toMatchObject({ name: 'nightly export', hint: token.slice(0, 12), expiresAt: null, revoked: false, expired: false });

      const me = await t.gql(`{ me { email } }`, {}, token);
      expectOk(me);
      expect(me.data.me.email).toBe(overseer.email);

      const stored = await t.dataSource.getRepository(ApiToken).findOneByOrFail({ id: apiToken.id });
      expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(stored)).not.toContain(token);

      const listed = await t.gql(`{ apiTokens { id name hint revoked } }`, {}, overseer.token);
      expect(listed.data.apiTokens).toEqual([{ id: apiToken.id, name: 'nightly export', hint: apiToken.hint, revoked: false }]);
      expect(JSON.stringify(listed)).not.toContain(token);
      // Someone else's token is not there for them.
      expect((await t.gql(`{ apiTokens { id } }`, {}, delegate.token)).data.apiTokens).toEqual([]);

      // Another account cannot revoke it (it does not exist for them).
      expectCode(await t.gql(REVOKE_TOKEN, { id: apiToken.id }, delegate.token), 'NOT_FOUND');

      const revoked = await t.gql(REVOKE_TOKEN, { id: apiToken.id }, overseer.token);
      expectOk(revoked);
      expect(revoked.data.revokeApiToken.revoked).toBe(true);
      const after = await t.gql(`{ me { email } }`, {}, token);
      expectCode(after, 'UNAUTHENTICATED');
      expect(after.errors![0].message).toBe(INVALID);
      expect((await t.gql(`{ apiTokens { id } }`, {}, overseer.token)).data.apiTokens).toEqual([]);
    });

    it('refuse unknown and malformed telp_ tokens', async () => {
      for (const token of [`telp_${'A'.repeat(43)}`, 'telp_short', `telp_${'A'.repeat(44)}`]) {
        const res = await t.gql(ME, {}, token);
        expect([token, errorCodes(res), res.errors?.[0].message]).toEqual([token, ['UNAUTHENTICATED'], INVALID]);
      }
    });

    it('stop working when they expire', async () => {
      const created = await t.gql(CREATE_TOKEN, { input: { name: 'short-lived', expiresAt: new Date(Date.now() + 3_600_000).toISOString() } }, overseer.token);
      expectOk(created);
      const { token, apiToken } = created.data.createApiToken;
      expectOk(await t.gql(ME, {}, token));
      await t.uow.write((em) => em.update(ApiToken, { id: apiToken.id }, { expiresAt: new Date(Date.now() - 1000) }));
      const res = await t.gql(ME, {}, token);
      expectCode(res, 'UNAUTHENTICATED');
      expect(res.errors![0].message).toBe(INVALID);
      const listed = await t.gql(`{ apiTokens { id expired } }`, {}, overseer.token);
      expect(listed.data.apiTokens).toContainEqual({ id: apiToken.id, expired: true });
    });

    it('refuse an expiry in the past or a malformed one', async () => {
      expectCode(await t.gql(CREATE_TOKEN, { input: { name: 'x', expiresAt: '2001-01-01T00:00:00Z' } }, overseer.token), 'BAD_USER_INPUT');
      expectCode(await t.gql(CREATE_TOKEN, { input: { name: 'x', expiresAt: 'next tuesday' } }, overseer.token), 'BAD_USER_INPUT');
      expectCode(await t.gql(CREATE_TOKEN, { input: { name: '' } }, overseer.token), 'BAD_USER_INPUT');
    });

    it('cannot mint further API tokens', async () => {
      const created = await t.gql(CREATE_TOKEN, { input: { name: 'script' } }, delegate.token);
      expectOk(created);
      const res = await t.gql(CREATE_TOKEN, { input: { name: 'copy' } }, created.data.createApiToken.token);
      expectCode(res, 'FORBIDDEN');
    });

    it("an ADMIN may revoke anyone's token", async () => {
      const created = await t.gql(CREATE_TOKEN, { input: { name: 'to be revoked by admin' } }, delegate.token);
      const res = await t.gql(REVOKE_TOKEN, { id: created.data.createApiToken.apiToken.id }, admin.token);
      expectOk(res);
      expectCode(await t.gql(ME, {}, created.data.createApiToken.token), 'UNAUTHENTICATED');
      expectCode(await t.gql(REVOKE_TOKEN, { id: 'no-such-token' }, admin.token), 'NOT_FOUND');
    });
  });

  describe('disabling an account', () => {
    it('stops its session and API tokens at once, and its sign-in', async () => {
      const victim = await accountFor(t, [Role.DELEGATE], { economyCode: 'AUS' });
      const apiToken = (await t.gql(CREATE_TOKEN, { input: { name: 'victim script' } }, victim.token)).data.createApiToken.token;
      expectOk(await t.gql(ME, {}, victim.token));
      expectOk(await t.gql(ME, {}, apiToken));

      const res = await t.gql(DISABLE_USER, { email: victim.email.toUpperCase() }, secretariat.token);
      expectOk(res);
      expect(res.data.disableUser).toEqual({ email: victim.email, disabled: true });

      for (const token of [victim.token, apiToken]) {
        const after = await t.gql(ME, {}, token);
        expectCode(after, 'UNAUTHENTICATED');
        expect(after.errors![0].message).toBe(INVALID);
      }
      const login = await t.gql(LOGIN, { input: { email: victim.email, password: victim.password } });
      expectCode(login, 'UNAUTHENTICATED');
      expect(login.errors![0].message).toBe('Invalid email or password');

      const listed = await t.gql(`{ users(filter: { disabled: true }, first: 100) { nodes { email disabled } } }`, {}, secretariat.token);
      expect(listed.data.users.nodes).toContainEqual({ email: victim.email, disabled: true });
    });

    it('of SECRETARIAT or ADMIN accounts is for an ADMIN; nobody disables themselves; unknown e-mails are NOT_FOUND', async () => {
      const other = await accountFor(t, [Role.SECRETARIAT]);
      expectCode(await t.gql(DISABLE_USER, { email: admin.email }, secretariat.token), 'FORBIDDEN');
      expectCode(await t.gql(DISABLE_USER, { email: other.email }, secretariat.token), 'FORBIDDEN');
      expectCode(await t.gql(DISABLE_USER, { email: secretariat.email }, secretariat.token), 'FORBIDDEN');
      expectCode(await t.gql(DISABLE_USER, { email: admin.email }, admin.token), 'INVALID_STATE');
      expectCode(await t.gql(DISABLE_USER, { email: 'nobody@test.example' }, secretariat.token), 'NOT_FOUND');
      expectCode(await t.gql(DISABLE_USER, { email: other.email }, delegate.token), 'FORBIDDEN');
      expectOk(await t.gql(DISABLE_USER, { email: other.email }, admin.token));
    });
  });

  describe('enabling a disabled account', () => {
    it('lets it sign in again with its password; what ended when it was disabled stays ended', async () => {
      const person = await accountFor(t, [Role.DELEGATE], { economyCode: 'NZ' });
      const apiToken = (await t.gql(CREATE_TOKEN, { input: { name: 'before' } }, person.token)).data.createApiToken.token;
      expectOk(await t.gql(DISABLE_USER, { email: person.email }, secretariat.token));
      const res = await t.gql(ENABLE_USER, { email: ` ${person.email.toUpperCase()} ` }, secretariat.token);
      expectOk(res);
      expect(res.data.enableUser).toEqual({ email: person.email, disabled: false });
      for (const token of [person.token, apiToken]) expectCode(await t.gql(ME, {}, token), 'UNAUTHENTICATED');
      const login = await t.gql(LOGIN, { input: { email: person.email, password: person.password } });
      expectOk(login);
      expect((await t.gql(ME, {}, login.data.login.token)).data.me.email).toBe(person.email);
      // Enabling an enabled account changes nothing.
      expectOk(await t.gql(ENABLE_USER, { email: person.email }, secretariat.token));
      const audit = await t.gql(`{ auditEvents(filter: { action: "user.enable" }, first: 5) { nodes { summary } } }`, {}, admin.token);
      expect(audit.data.auditEvents.nodes.map((n) => n.summary)).toEqual([`enabled account ${person.email} again`]);
    });

    it('of SECRETARIAT or ADMIN accounts is for an ADMIN; delegates may not; unknown e-mails are NOT_FOUND', async () => {
      const other = await accountFor(t, [Role.SECRETARIAT]);
      expectOk(await t.gql(DISABLE_USER, { email: other.email }, admin.token));
      expectCode(await t.gql(ENABLE_USER, { email: other.email }, secretariat.token), 'FORBIDDEN');
      expectCode(await t.gql(ENABLE_USER, { email: other.email }, delegate.token), 'FORBIDDEN');
      expectCode(await t.gql(ENABLE_USER, { email: 'nobody@test.example' }, secretariat.token), 'NOT_FOUND');
      expect((await t.gql(ENABLE_USER, { email: other.email }, admin.token)).data.enableUser).toEqual({ email: other.email, disabled: false });
    });
  });

  describe('last sign-in', () => {
    it('is stamped by each sign-in with the password, and read by the account itself and the secretariat', async () => {
      const person = await accountFor(t, [Role.DELEGATE], { economyCode: 'PE' });
      const listed = async () =>
        (await t.gql(`{ users(first: 100) { nodes { email lastSignInAt } } }`, {}, secretariat.token)).data.users.nodes.find((u) => u.email === person.email)?.lastSignInAt;
      expect(await listed()).toBeNull(); // its token was issued without a sign-in
      const before = Date.now();
      const login = await t.gql(LOGIN, { input: { email: person.email, password: person.password } });
      expectOk(login);
      const mine = (await t.gql(`{ me { lastSignInAt } }`, {}, login.data.login.token)).data.me.lastSignInAt as string;
      expect(Date.parse(mine)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(mine)).toBeLessThanOrEqual(Date.now() + 1000);
      expect(await listed()).toBe(mine);
      // A failed sign-in stamps nothing.
      expectCode(await t.gql(LOGIN, { input: { email: person.email, password: 'wrong password here' } }), 'UNAUTHENTICATED');
      expect(await listed()).toBe(mine);
    });
  });

  describe('users', () => {
    it('lists accounts by e-mail, filtered by role', async () => {
      const res = await t.gql(`{ users(filter: { role: OVERSEER }, first: 100) { totalCount nodes { email roles } } }`, {}, secretariat.token);
      expectOk(res);
      expect(res.data.users.nodes.length).toBe(res.data.users.totalCount);
      expect(res.data.users.nodes.every((u) => u.roles.includes('OVERSEER'))).toBe(true);
      expect(res.data.users.nodes.map((u) => u.email)).toContain(overseer.email);
      const emails = res.data.users.nodes.map((u) => u.email);
      expect(emails).toEqual([...emails].sort());
    });
  });

  describe('field rules', () => {
    const PEOPLE = `{ persons(first: 100) { nodes { name email } } }`;

    it('hide Person.email from anonymous callers and show it to accounts', async () => {
      const anonymous = await t.gql(PEOPLE);
      const signedIn = await t.gql(PEOPLE, {}, delegate.token);
      expectOk(anonymous);
      expectOk(signedIn);
      expect(anonymous.data.persons.nodes.every((p) => p.email === null)).toBe(true);
      expect(signedIn.data.persons.nodes.some((p) => p.email !== null)).toBe(true);
      // Same people, only the e-mails differ.
      expect(anonymous.data.persons.nodes.map((p) => p.name)).toEqual(signedIn.data.persons.nodes.map((p) => p.name));
    });
  });

  describe('the audit trail', () => {
    it('records account and token changes, without secrets, newest first, and filters them', async () => {
      const password = strongPassword();
      const since = new Date(Date.now() - 1000).toISOString();
      const made = await t.gql(CREATE_USER, { input: { email: 'audited@test.example', password, roles: ['OVERSEER'] } }, secretariat.token);
      expectOk(made);
      const userId = made.data.createUser.id;
      const login = await t.gql(LOGIN, { input: { email: 'audited@test.example', password } });
      const created = await t.gql(CREATE_TOKEN, { input: { name: 'audited token' } }, login.data.login.token);
      const { token, apiToken } = created.data.createApiToken;
      expectOk(await t.gql(REVOKE_TOKEN, { id: apiToken.id }, login.data.login.token));
      expectOk(await t.gql(DISABLE_USER, { email: 'audited@test.example' }, secretariat.token));

      const byUser = await t.gql(AUDIT, { filter: { entityType: 'User', entityId: userId } }, secretariat.token);
      expectOk(byUser);
      expect(byUser.data.auditEvents.nodes.map((e) => e.action)).toEqual(['user.disable', 'user.create']);
      expect(byUser.data.auditEvents.nodes[1]).toMatchObject({ actorEmail: secretariat.email, entityId: userId });
      expect(byUser.data.auditEvents.nodes[1].summary).toContain('audited@test.example');

      const mine = await t.gql(AUDIT, { filter: { actorEmail: 'AUDITED@test.example', since } }, admin.token);
      expect(mine.data.auditEvents.nodes.map((e) => e.action)).toEqual(['api_token.revoke', 'api_token.create']);
      for (const e of mine.data.auditEvents.nodes) expect(e.entityId).toBe(apiToken.id);

      const all = await t.gql(AUDIT, { filter: { since }, first: 100 }, admin.token);
      const text = JSON.stringify(all.data);
      expect(text).not.toContain(password);
      expect(text).not.toContain(token);
      expect(text).not.toContain(login.data.login.token);
      const times = all.data.auditEvents.nodes.map((e) => (e as GqlObject).at);
      for (const at of times) expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(times).toEqual([...times].sort().reverse());
      expect(all.data.auditEvents.nodes.find((e) => e.action === 'login')).toBeUndefined();
    });

    it('pages with first/after and filters by action and time', async () => {
      const first = await t.gql(AUDIT, { filter: { action: 'user.create' }, first: 2 }, secretariat.token);
      expectOk(first);
      expect(first.data.auditEvents.nodes).toHaveLength(2);
      expect(first.data.auditEvents.totalCount).toBeGreaterThan(2);
      const next = await t.gql(AUDIT, { filter: { action: 'user.create' }, first: 2, after: first.data.auditEvents.pageInfo.endCursor }, secretariat.token);
      expect(next.data.auditEvents.nodes[0]).not.toEqual(first.data.auditEvents.nodes[1]);
      expect((next.data.auditEvents.nodes[0] as GqlObject).at <= (first.data.auditEvents.nodes[1] as GqlObject).at).toBe(true);

      const future = await t.gql(AUDIT, { filter: { since: '2999-01-01' } }, secretariat.token);
      expect(future.data.auditEvents.totalCount).toBe(0);
      const past = await t.gql(AUDIT, { filter: { until: '2000-01-01T00:00:00Z' } }, secretariat.token);
      expect(past.data.auditEvents.totalCount).toBe(0);
      const meetings = await t.gql(AUDIT, { filter: { action: 'meeting.create', entityType: 'Meeting' } }, secretariat.token);
      expect(meetings.data.auditEvents.totalCount).toBeGreaterThanOrEqual(2);
      expectCode(await t.gql(AUDIT, { filter: { since: 'yesterday' } }, secretariat.token), 'BAD_USER_INPUT');
      expectCode(await t.gql(AUDIT, { first: 100000 }, secretariat.token), 'BAD_USER_INPUT');
    });
  });

  it('tokenFor gives a working session token for the roles asked', async () => {
    const token = await tokenFor(t, [Role.OVERSEER, Role.DELEGATE]);
    const me = await t.gql(`{ me { roles economyCode } }`, {}, token);
    expect(me.data.me.roles).toEqual(['DELEGATE', 'OVERSEER']);
    expect(me.data.me.economyCode).toEqual(expect.any(String));
  });
});

describe('session lifetime (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false, env: { TOKEN_TTL: '1' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('TOKEN_TTL=1: a token stops working after a second', async () => {
    const account = await accountFor(t, [Role.OVERSEER]);
    const login = await t.gql(LOGIN, { input: { email: account.email, password: account.password } });
    expectOk(login);
    await new Promise((r) => setTimeout(r, 2100));
    const res = await t.gql(ME, {}, login.data.login.token);
    expectCode(res, 'UNAUTHENTICATED');
    expect(res.errors![0].message).toBe(INVALID);
  });
});
