/**
 * Requests the server cannot serve get a coded request error, never INTERNAL_SERVER_ERROR, and a
 * production server does not spell out its schema through "Did you mean …?" hints.
 */
import { expect } from '@jest/globals';
import { TestApp, createTestApp } from '@tel/testing';

describe('coded request errors', () => {
  let dev: TestApp;
  let prod: TestApp;

  beforeAll(async () => {
    dev = await createTestApp({ seed: false });
    prod = await createTestApp({ seed: false, env: { NODE_ENV: 'production', AUTH_SECRET: 'a-test-secret-of-more-than-thirty-two-characters' } });
  });
  afterAll(async () => {
    await dev?.close();
    await prod?.close();
  });

  it.each(['subscription { meetings { code } }', 'subscription Watch { __typename }'])('refuses a subscription operation as BAD_REQUEST (400): %s', async (query) => {
    for (const t of [dev, prod]) {
      const res = await t.gql(query);
      expect(res.status).toBe(400);
      expect(res.data).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]).toMatchObject({
        message: expect.stringMatching(/Subscriptions are not supported/),
        extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) },
      });
    }
  });

  it('still runs a document that holds a subscription beside the query it selects', async () => {
    const res = await fetch(`${dev.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query Q { __typename } subscription S { __typename }', operationName: 'Q' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  });

  const MISSPELT: [string, RegExp][] = [
    ['{ meetingz { code } }', /Cannot query field "meetingz" on type "Query"\./],
    ['{ meetings(frist: 1) { totalCount } }', /Unknown argument "frist" on field "Query\.meetings"\./],
    ['{ meetings(first: 1) { nodez { code } } }', /Cannot query field "nodez" on type "MeetingConnection"\./],
    ['query($f: Meting) { __typename }', /Unknown type "Meting"\./],
  ];

  it.each(MISSPELT)('in production answers %s without suggestions', async (query, message) => {
    const res = await prod.gql(query);
    expect(res.status).toBe(400);
    expect(res.errors!.map((e) => e.extensions?.code)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors!.some((e) => message.test(e.message))).toBe(true);
    for (const e of res.errors!) expect(e.message).not.toMatch(/Did you mean/);
  });

  it('keeps the suggestions in development, where introspection is on anyway', async () => {
    const res = await dev.gql('{ meetingz { code } }');
    expect(res.errors![0].message).toMatch(/Did you mean "meeting" or "meetings"\?/);
  });
});
