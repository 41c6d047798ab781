import { expect } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { Role } from '@tel/core';
import { AuthService } from '@tel/auth';
import { createTestApp, JsonData, TestApp, tokenFor } from '@tel/testing';

// Booting an app (seed, argon2 hashes) can take more than jest's default 5 s on a busy machine.
jest.setTimeout(60_000);

interface Answer {
  status: number;
  body: JsonData;
  requestId: string | null;
}

async function post(t: TestApp, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as JsonData, requestId: res.headers.get('x-request-id') };
}

const query = (t: TestApp, q: string, variables?: Record<string, unknown>) => post(t, JSON.stringify({ query: q, variables }));

/** The one error of a GraphQL answer, as { status, code }. */
function refusal(a: Answer): { status: number; code: unknown } {
  expect(a.body.data ?? null).toBeNull();
  expect(a.body.errors).toHaveLength(1);
  return { status: a.status, code: a.body.errors[0].extensions?.code };
}

const INTROSPECTION = `{ __schema { queryType { name } types { name } } }`;

describe('hardening (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a 20-deep query before running it', async () => {
    let selection = 'code';
    for (let i = 0; i < 19; i++) selection = `${i % 2 ? 'children' : 'parent'} { ${selection} }`;
    const a = await query(t, `{ group(code: "TEL") { ${selection} } }`);
    expect(refusal(a)).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(a.body.errors[0].message).toMatch(/depth limit of 12/);
    expect(a.body.errors[0].extensions.requestId).toBe(a.requestId);
  });

  it('refuses 1,000 aliases (the parser stops at 3,000 tokens) and 21 (the alias limit)', async () => {
    const thousand = await query(t, `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(refusal(thousand)).toEqual({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    const many = await query(t, `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: economies { code }`).join(' ')} }`);
    expect(refusal(many)).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(many.body.errors[0].message).toMatch(/Aliases limit of 20/);
  });

  it('refuses first: 100000 — by cost when written in the query, by the page-size limit when a variable', async () => {
    const literal = await query(t, `{ meetings(first: 100000) { totalCount } }`);
    expect(refusal(literal)).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(literal.body.errors[0].message).toMatch(/Cost limit/);
    const variable = await query(t, `query($n: Int) { meetings(first: $n) { totalCount } }`, { n: 100000 });
    expect(refusal(variable)).toEqual({ status: 200, code: 'BAD_USER_INPUT' });
    expect(variable.body.errors[0].extensions.maxPageSize).toBe(100);
    const justOver = await query(t, `{ meetings(first: 101) { totalCount } }`);
    expect(refusal(justOver)).toEqual({ status: 200, code: 'BAD_USER_INPUT' });
  });

  it('refuses a 5 MB JSON body with 413 and a JSON error', async () => {
    const a = await post(t, JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(5 * 1024 * 1024) } }));
    expect(a.status).toBe(413);
    expect(a.body.error).toMatchObject({ code: 'BAD_USER_INPUT', message: 'The request body is too large' });
    // Refused before the request context was made, it still has the id given on arrival.
    expect(a.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.body.error.requestId).toBe(a.requestId);
    expect(a.body.errors[0].extensions.requestId).toBe(a.requestId);
  });

  it('a body that is not JSON is refused with 400 and the request id the client sent', async () => {
    const a = await post(t, '{"query": "{ __typename }"', { 'content-type': 'application/json', 'x-request-id': 'client-chosen-id-1' });
    expect(a.status).toBe(400);
    expect(a.requestId).toBe('client-chosen-id-1');
    expect(a.body.error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REQUEST_INVALID', requestId: 'client-chosen-id-1' });
    expect(a.body.errors[0].extensions.requestId).toBe('client-chosen-id-1');
  });

  it('refuses a batch of 100 operations', async () => {
    const a = await post(t, JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ __typename }' }))));
    expect(refusal(a)).toEqual({ status: 400, code: 'BAD_REQUEST' });
    expect(a.body.errors[0].message).toMatch(/batching/i);
  });

  it('refuses requests a browser could send cross-site (CSRF): text/plain or form posts, GET without a preflight header', async () => {
    const mutation = JSON.stringify({ query: 'mutation { login(input: { email: "a@b.co", password: "whatever-password" }) { token } }' });
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const a = await post(t, mutation, { 'content-type': contentType });
      expect([contentType, refusal(a)]).toEqual([contentType, { status: 400, code: 'BAD_REQUEST' }]);
      expect(a.body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    }
    const q = encodeURIComponent('mutation { login(input: { email: "a@b.co", password: "whatever-password" }) { token } }');
    const simpleGet = await fetch(`${t.url}/graphql?query=${q}`);
    expect(simpleGet.status).toBe(400);
    expect(((await simpleGet.json()) as JsonData).errors[0].extensions.code).toBe('BAD_REQUEST');
    // Even with the preflight header, a GET may not run a mutation.
    const preflightGet = await fetch(`${t.url}/graphql?query=${q}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflightGet.status).toBe(405);
    expect(((await preflightGet.json()) as JsonData).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('masks unexpected errors as INTERNAL_SERVER_ERROR with the request id, and logs them', async () => {
    const token = await tokenFor(t, [Role.SECRETARIAT]);
    const list = jest.spyOn(t.app.get(AuthService), 'listUsers').mockRejectedValue(new Error('relation "secret_table" does not exist at /srv/app.js:12'));
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const res = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ users { totalCount } }' }),
      });
      const a: Answer = { status: res.status, body: (await res.json()) as JsonData, requestId: res.headers.get('x-request-id') };
      expect(a.body.errors).toEqual([
        {
          message: 'Internal server error',
          locations: expect.any(Array),
          path: ['users'],
          extensions: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL', requestId: a.requestId },
        },
      ]);
      expect(JSON.stringify(a.body)).not.toMatch(/secret_table|srv|stack/);
      expect(logged.mock.calls.flat().join(' ')).toContain('secret_table');
    } finally {
      list.mockRestore();
      logged.mockRestore();
    }
  });

  it('allows introspection outside production', async () => {
    const a = await query(t, INTROSPECTION);
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data.__schema.queryType.name).toBe('Query');
  });
});

describe('hardening in production (e2e)', () => {
  const AUTH_SECRET = 'production-secret-0123456789-abcdefghijklmnop';

  it('refuses introspection', async () => {
    const t = await createTestApp({ seed: false, env: { NODE_ENV: 'production', AUTH_SECRET } });
    try {
      for (const q of [INTROSPECTION, `{ __type(name: "Query") { name } }`]) {
        const a = await query(t, q);
        expect([q, refusal(a)]).toEqual([q, { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' }]);
        expect(a.body.errors[0].message).toMatch(/introspection/i);
      }
      // Ordinary queries still work.
      expect((await query(t, `{ meetings(first: 1) { totalCount } }`)).body.errors).toBeUndefined();
    } finally {
      await t.close();
    }
  });

  it('allows introspection with EXPLORER_ENABLED=true', async () => {
    const t = await createTestApp({ seed: false, env: { NODE_ENV: 'production', AUTH_SECRET, EXPLORER_ENABLED: 'true' } });
    try {
      const a = await query(t, INTROSPECTION);
      expect(a.body.errors).toBeUndefined();
      expect(a.body.data.__schema.types.length).toBeGreaterThan(20);
    } finally {
      await t.close();
    }
  });
});
