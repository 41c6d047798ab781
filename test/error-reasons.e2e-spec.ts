import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { ERROR_REASONS, Role } from '@tel/core';
import { accountFor, createTestApp, GqlData, JsonData, signInBrowser, TestApp, tokenFor } from '@tel/testing';
import { samples } from '../libs/documents/src/testing/sample-files';

jest.setTimeout(90_000);

const RESTRICTED_SYMBOL = '2008-TELWG37-SPSG-004';
const REGISTER = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`;
const DECIDE = `mutation($input: DecideApprovalStepInput!) { decideApprovalStep(input: $input) { id } }`;

interface Answer {
  status: number;
  body: JsonData;
}

/** What a client branches on, from a GraphQL answer (first error) or a REST one. */
function gqlError(a: Answer) {
  const e = a.body.errors?.[0];
  return e && { status: a.status, code: e.extensions?.code, reason: e.extensions?.reason, field: e.extensions?.field };
}
function restError(a: Answer) {
  const e = a.body?.error;
  return e && { status: a.status, code: e.code, reason: e.reason, field: e.field };
}

/**
 * A walk through failing requests, over GraphQL and REST: each answers a code and a stable reason
 * (and the field at fault) that a client can branch on without reading the message.
 */
describe('error reasons reach the client (e2e)', () => {
  let t: TestApp;
  let secretariat: string;

  const post = async (path: string, init: { json?: unknown; raw?: string; headers?: Record<string, string>; body?: FormData; method?: string }): Promise<Answer> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.json !== undefined || init.raw !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${t.url}${path}`, { method: init.method ?? 'POST', headers, body: init.raw ?? (init.json !== undefined ? JSON.stringify(init.json) : init.body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as JsonData };
  };
  const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => post('/graphql', { json: { query, variables }, headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const upload = (symbol: string, bytes: Buffer, name: string, headers: Record<string, string>) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return post(`/api/documents/${encodeURIComponent(symbol)}/revisions/0/files`, { body: form, headers });
  };

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('GraphQL: extensions.code, extensions.reason, extensions.field', () => {
    it('a malformed symbol is SYMBOL_MALFORMED, naming the argument', async () => {
      const a = await gql(`{ document(symbol: "not-a-symbol") { title } }`);
      expect(gqlError(a)).toEqual({ status: 200, code: 'BAD_USER_INPUT', reason: 'SYMBOL_MALFORMED', field: 'symbol' });
    });

    it('a missing document and one the caller may not see are the same DOCUMENT_NOT_FOUND', async () => {
      const missing = await gql(`{ document(symbol: "2008-TELWG37-SPSG-999") { title } }`);
      const hidden = await gql(`query($s: String!) { document(symbol: $s) { title } }`, { s: RESTRICTED_SYMBOL });
      expect(gqlError(missing)).toEqual({ status: 200, code: 'NOT_FOUND', reason: 'DOCUMENT_NOT_FOUND', field: undefined });
      expect(gqlError(hidden)).toEqual(gqlError(missing));
      // …while the secretariat sees it: the refusal above was about access.
      expect((await gql(`query($s: String!) { document(symbol: $s) { title } }`, { s: RESTRICTED_SYMBOL }, bearer(secretariat))).body.errors).toBeUndefined();
    });

    it('deciding a step before the one awaited is STEP_NOT_NEXT', async () => {
      const list = await gql(`{ approvalRequests(filter: { awaitingBody: "TEL" }, first: 50) { nodes { steps { id version body { code } } } } }`, {}, bearer(secretariat));
      const request = list.body.data.approvalRequests.nodes.find((r: GqlData) => r.steps.some((s: GqlData) => s.body.code === 'SOM'));
      const som = request.steps.find((s: GqlData) => s.body.code === 'SOM');
      const a = await gql(DECIDE, { input: { stepId: som.id, expectedVersion: som.version, outcome: 'APPROVED', decidedOn: '2008-04-01' } }, bearer(secretariat));
      expect(gqlError(a)).toEqual({ status: 200, code: 'INVALID_STATE', reason: 'STEP_NOT_NEXT', field: undefined });
    });

    it('a class-validator refusal is INPUT_INVALID with the input path', async () => {
      const input = { meetingCode: 'X'.repeat(30), code: 'ERR', groupCode: 'SPSG', title: 'Too long a code', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC' };
      const a = await gql(REGISTER, { input }, bearer(secretariat));
      expect(gqlError(a)).toEqual({ status: 200, code: 'BAD_USER_INPUT', reason: 'INPUT_INVALID', field: 'input.meetingCode' });
      expect(a.body.errors[0].extensions.fields).toEqual(['input.meetingCode']);
    });

    it("a service's refusal names the field by its path from the argument too", async () => {
      const a = await gql(`query($f: DocumentFilter) { documents(filter: $f, first: 1) { totalCount } }`, { f: { agendaItem: 'not-an-id' } });
      expect(gqlError(a)).toEqual({ status: 200, code: 'BAD_USER_INPUT', reason: 'INPUT_INVALID', field: 'filter.agendaItem' });
      const year = await gql(
        REGISTER,
        { input: { symbol: '2008-TELWG37-SPSG-090', year: 2007, title: 'Year mismatch', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC' } },
        bearer(secretariat),
      );
      expect(gqlError(year)).toEqual({ status: 200, code: 'BAD_USER_INPUT', reason: 'SYMBOL_MISMATCH', field: 'input.year' });
    });

    it('reusing an Idempotency-Key for other input is IDEMPOTENCY_KEY_REUSED; a malformed one IDEMPOTENCY_KEY_MALFORMED', async () => {
      const key = randomUUID();
      const input = { meetingCode: 'TEL37', code: 'ERR', groupCode: 'SPSG', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC' };
      const first = await gql(REGISTER, { input: { ...input, title: 'First' } }, { ...bearer(secretariat), 'idempotency-key': key });
      expect(first.body.errors).toBeUndefined();
      const other = await gql(REGISTER, { input: { ...input, title: 'Other' } }, { ...bearer(secretariat), 'idempotency-key': key });
      expect(gqlError(other)).toEqual({ status: 200, code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED', field: undefined });
      const malformed = await gql(REGISTER, { input: { ...input, title: 'Third' } }, { ...bearer(secretariat), 'idempotency-key': 'x'.repeat(300) });
      expect(gqlError(malformed)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_MALFORMED', field: 'Idempotency-Key' });
    });

    it('a signed-out mutation is SIGN_IN_REQUIRED, a bad token TOKEN_INVALID', async () => {
      const input = { meetingCode: 'TEL37', code: 'ERR', groupCode: 'SPSG', title: 'x', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC' };
      expect(gqlError(await gql(REGISTER, { input }))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' });
      expect(gqlError(await gql(REGISTER, { input }, bearer('not-a-token')))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    });

    it("a POST without the session's CSRF token is CSRF_TOKEN_INVALID (403)", async () => {
      const account = await accountFor(t, [Role.SECRETARIAT]);
      const { headers } = await signInBrowser(t, account);
      const a = await gql(`{ economies { code } }`, {}, { cookie: headers.cookie });
      expect(gqlError(a)).toEqual({ status: 403, code: 'FORBIDDEN', reason: 'CSRF_TOKEN_INVALID', field: undefined });
    });

    it("Apollo's and the hardening limits' own refusals have reasons too", async () => {
      expect(gqlError(await gql(`{ economies { code `))).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED', reason: 'GRAPHQL_PARSE' });
      expect(gqlError(await gql(`{ economiez { code } }`))).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', reason: 'GRAPHQL_VALIDATION' });
      let selection = 'code';
      for (let i = 0; i < 19; i++) selection = `${i % 2 ? 'children' : 'parent'} { ${selection} }`;
      expect(gqlError(await gql(`{ group(code: "TEL") { ${selection} } }`))).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED', reason: 'QUERY_TOO_DEEP' });
      expect(gqlError(await gql(`{ meetings(first: 100000) { totalCount } }`))).toMatchObject({ status: 400, reason: 'QUERY_TOO_COSTLY' });
      const aliases = await gql(`{ ${Array.from({ length: 21 }, (_, i) => `a${i}: economies { code }`).join(' ')} }`);
      expect(gqlError(aliases)).toMatchObject({ status: 400, reason: 'QUERY_TOO_MANY_ALIASES' });
      const tokens = await gql(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
      expect(gqlError(tokens)).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED', reason: 'QUERY_TOO_LARGE' });
      expect(gqlError(await gql(`query($f: Int) { meetings(first: $f) { totalCount } }`, { f: 'many' }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'GRAPHQL_VARIABLES_INVALID',
      });
    });
  });

  describe('REST: { error: { code, reason, field?, message, requestId } }', () => {
    it('a malformed symbol, a missing document, a missing file', async () => {
      const bad = await upload('not-a-symbol', samples.pdf(), 'paper.pdf', bearer(secretariat));
      expect(restError(bad)).toEqual({ status: 400, code: 'BAD_USER_INPUT', reason: 'SYMBOL_MALFORMED', field: 'symbol' });
      expect(bad.body.error).toEqual({ code: 'BAD_USER_INPUT', reason: 'SYMBOL_MALFORMED', field: 'symbol', message: expect.any(String), requestId: expect.any(String) });
      const missing = await upload('2008-TELWG37-SPSG-999', samples.pdf(), 'paper.pdf', bearer(secretariat));
      expect(restError(missing)).toEqual({ status: 404, code: 'NOT_FOUND', reason: 'DOCUMENT_NOT_FOUND', field: undefined });
      const file = await post(`/files/${'0'.repeat(64)}`, { method: 'GET' });
      expect(restError(file)).toMatchObject({ status: 404, code: 'NOT_FOUND', reason: 'FILE_NOT_FOUND' });
    });

    it('a refused upload is UPLOAD_TYPE_REFUSED (415); an empty one UPLOAD_EMPTY', async () => {
      const registered = await gql(
        REGISTER,
        { input: { meetingCode: 'TEL37', code: 'ERR', groupCode: 'SPSG', title: 'Upload target', type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC' } },
        bearer(secretariat),
      );
      const symbol = registered.body.data.registerDocument.symbol;
      expect(restError(await upload(symbol, samples.macroDocx(), 'macro.docx', bearer(secretariat)))).toEqual({
        status: 415,
        code: 'BAD_USER_INPUT',
        reason: 'UPLOAD_TYPE_REFUSED',
        field: undefined,
      });
      expect(restError(await upload(symbol, Buffer.alloc(0), 'empty.pdf', bearer(secretariat)))).toMatchObject({ status: 400, reason: 'UPLOAD_EMPTY' });
      const notMultipart = await post(`/api/documents/${symbol}/revisions/0/files`, { json: {}, headers: bearer(secretariat) });
      expect(restError(notMultipart)).toMatchObject({ status: 415, reason: 'UPLOAD_TYPE_REFUSED' });
      const key = await upload(symbol, samples.pdf(), 'paper.pdf', { ...bearer(secretariat), 'idempotency-key': 'é'.repeat(3) });
      expect(restError(key)).toEqual({ status: 400, code: 'BAD_USER_INPUT', reason: 'IDEMPOTENCY_KEY_MALFORMED', field: 'Idempotency-Key' });
    });

    it('sign-in: wrong password LOGIN_FAILED, a missing password INPUT_INVALID (field password), bad JSON REQUEST_INVALID', async () => {
      const account = await accountFor(t, [Role.DELEGATE], { economyCode: 'USA' });
      expect(restError(await post('/api/session', { json: { email: account.email, password: 'wrong password!' } }))).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
        reason: 'LOGIN_FAILED',
        field: undefined,
      });
      expect(restError(await post('/api/session', { json: { email: account.email } }))).toMatchObject({
        status: 400,
        code: 'BAD_USER_INPUT',
        reason: 'INPUT_INVALID',
        field: 'password',
      });
      // Nest turns body-parser's SyntaxError into a BadRequestException before our filter sees it.
      expect(restError(await post('/api/session', { raw: '{"email": ' }))).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', reason: 'REQUEST_INVALID' });
    });

    it('a DELETE without the CSRF token is CSRF_TOKEN_INVALID (403)', async () => {
      const account = await accountFor(t, [Role.DELEGATE], { economyCode: 'USA' });
      const { headers } = await signInBrowser(t, account);
      const a = await post('/api/session', { method: 'DELETE', headers: { cookie: headers.cookie } });
      expect(restError(a)).toEqual({ status: 403, code: 'FORBIDDEN', reason: 'CSRF_TOKEN_INVALID', field: undefined });
    });
  });

  it('every reason seen above is in the catalogue (docs/ERRORS.md)', () => {
    for (const reason of [
      'SYMBOL_MALFORMED',
      'DOCUMENT_NOT_FOUND',
      'STEP_NOT_NEXT',
      'INPUT_INVALID',
      'IDEMPOTENCY_KEY_REUSED',
      'CSRF_TOKEN_INVALID',
      'UPLOAD_TYPE_REFUSED',
      'QUERY_TOO_DEEP',
      'LOGIN_FAILED',
    ]) {
      expect(Object.keys(ERROR_REASONS)).toContain(reason);
    }
  });
});
