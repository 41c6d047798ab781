import { randomUUID } from 'node:crypto';
import { expect } from '@jest/globals';
import { Role } from '@tel/core';
import { accountFor, createTestApp, JsonData, TestApp, tokenFor } from '@tel/testing';
import { samples } from '../../libs/documents/src/testing/sample-files';
import { reportDrill } from './drill-report';

// Fault drill: double (and N-fold) submits of creating mutations with one Idempotency-Key, all at
// once. Exactly one record, and every answer the same. Runs on SQLite, and on PostgreSQL when
// DATABASE_URL is set (where the duplicates really race on the key's unique index).
jest.setTimeout(120_000);

const N = 8;

interface Answer {
  status: number;
  body: JsonData;
  replayed: boolean;
}

describe('fault drill: double submits with one Idempotency-Key (e2e)', () => {
  let t: TestApp;
  let secretariat: string;

  const gql = async (query: string, variables: Record<string, unknown>, token: string, key?: string): Promise<Answer> => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as JsonData, replayed: res.headers.get('idempotent-replayed') === 'true' };
  };
  const upload = async (symbol: string, revision: number, bytes: Buffer, name: string, token: string, key?: string): Promise<Answer> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const res = await fetch(`${t.url}/api/documents/${encodeURIComponent(symbol)}/revisions/${revision}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
      body: form,
    });
    return { status: res.status, body: (await res.json()) as JsonData, replayed: res.headers.get('idempotent-replayed') === 'true' };
  };
  const count = async (sql: string, ...params: unknown[]): Promise<number> => {
    const text =
      t.dialect === 'sqlite'
        ? sql
        : sql.replace(
            /\?/g,
            (() => {
              let i = 0;
              return () => `$${++i}`;
            })(),
          );
    return Number((await t.dataSource.query<{ n: number | string }[]>(text, params))[0].n);
  };
  const ok = (a: Answer) => a.status < 300 && !a.body.errors;

  /** Sends `send` N times at once with one key; checks one record and N equal answers; prints the drill line. */
  async function drill(name: string, send: (key: string) => Promise<Answer>, present: () => Promise<number>, before: number): Promise<Answer[]> {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: N }, () => send(key)));
    // One logical write: "acknowledged" counts the distinct records the answers name (all the same when it works).
    const acknowledged = new Set(answers.filter(ok).map((a) => JSON.stringify(a.body))).size;
    const rows = (await present()) - before;
    reportDrill(
      name,
      t.dialect,
      { attempted: 1, acknowledged, present: rows, duplicated: Math.max(0, rows - 1) },
      `sent ${N} times at once, ${answers.filter(ok).length} answered OK, ${answers.filter((a) => a.replayed).length} of them replays`,
    );
    expect(answers.map((a) => a.body.errors ?? null)).toEqual(Array(N).fill(null));
    expect(rows).toBe(1);
    for (const a of answers) expect(a.body).toEqual(answers[0].body);
    expect(answers.filter((a) => a.replayed)).toHaveLength(N - 1);
    // Later, sequentially: still the same answer.
    const again = await send(key);
    expect(again.body).toEqual(answers[0].body);
    expect(again.replayed).toBe(true);
    expect((await present()) - before).toBe(1);
    return answers;
  }

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const REGISTER = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id symbol number title } }`;
  const registerInput = (title: string) => ({ input: { meetingCode: 'TEL37', groupCode: 'SPSG', title, type: 'REPORT', purpose: 'INFORMATION', access: 'PUBLIC' } });

  it('registerDocument without a number: one document, one number', async () => {
    const title = `Idempotent register ${randomUUID()}`;
    const answers = await drill(
      'registerDocument ×8, one key',
      (key) => gql(REGISTER, registerInput(title), secretariat, key),
      () => count('SELECT COUNT(*) AS n FROM document WHERE title = ?', title),
      0,
    );
    expect(answers[0].body.data.registerDocument.symbol).toMatch(/^2008-TELWG37-SPSG-\d{3}$/);
  });

  it('addRevision without a number: one revision', async () => {
    const doc = (await gql(REGISTER, registerInput(`Revised ${randomUUID()}`), secretariat)).body.data.registerDocument;
    const revisions = () => count('SELECT COUNT(*) AS n FROM document_revision WHERE "documentId" = ?', doc.id);
    const before = await revisions();
    const answers = await drill(
      'addRevision ×8, one key',
      (key) => gql(`mutation($input: AddRevisionInput!) { addRevision(input: $input) { id number symbol } }`, { input: { symbol: doc.symbol, note: 'typos' } }, secretariat, key),
      revisions,
      before,
    );
    expect(answers[0].body.data.addRevision.number).toBe(1);
  });

  it('fileApprovalRequest: one request with one chain', async () => {
    const subject = `Idempotent filing ${randomUUID()}`;
    const answers = await drill(
      'fileApprovalRequest ×8, one key',
      (key) =>
        gql(
          `mutation($input: FileApprovalRequestInput!) { fileApprovalRequest(input: $input) { id subject steps { body { code } } } }`,
          { input: { kind: 'REPORT_ENDORSEMENT', subject, steps: [{ groupCode: 'TEL' }, { groupCode: 'SOM' }] } },
          secretariat,
          key,
        ),
      () => count('SELECT COUNT(*) AS n FROM approval_request WHERE subject = ?', subject),
      0,
    );
    const id = answers[0].body.data.fileApprovalRequest.id;
    expect(await count('SELECT COUNT(*) AS n FROM approval_step WHERE "requestId" = ?', id)).toBe(2);
  });

  it('an upload: one file row, every answer the first one', async () => {
    const doc = (await gql(REGISTER, registerInput(`Uploaded ${randomUUID()}`), secretariat)).body.data.registerDocument;
    const bytes = samples.txt(`Idempotent upload ${randomUUID()}\n`);
    const files = () => count('SELECT COUNT(*) AS n FROM document_file f JOIN document_revision r ON r.id = f."revisionId" WHERE r."documentId" = ?', doc.id);
    const answers = await drill('upload ×8, one key', (key) => upload(doc.symbol, 0, bytes, 'paper.txt', secretariat, key), files, 0);
    expect(answers.every((a) => a.status === 201)).toBe(true);
    // Without a key the same bytes are a CONFLICT, as before.
    expect((await upload(doc.symbol, 0, bytes, 'paper.txt', secretariat)).status).toBe(409);
  });

  it('the same key with another body is a CONFLICT that says so; another caller has keys of its own', async () => {
    const key = randomUUID();
    const title = `Conflicting ${randomUUID()}`;
    expect((await gql(REGISTER, registerInput(title), secretariat, key)).body.errors).toBeUndefined();
    const other = await gql(REGISTER, registerInput(`${title} (changed)`), secretariat, key);
    expect(other.body.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/already used for a different request/) });
    const elsewhere = await gql(`mutation($input: AddRevisionInput!) { addRevision(input: $input) { id } }`, { input: { symbol: '2008-TELWG37-SPSG-006' } }, secretariat, key);
    expect(elsewhere.body.errors?.[0].extensions.code).toBe('CONFLICT');
    // Another account may use the same key for its own request.
    const colleague = await tokenFor(t, [Role.SECRETARIAT]);
    const theirs = await gql(REGISTER, registerInput(`${title} (colleague)`), colleague, key);
    expect(theirs.body.errors).toBeUndefined();
    expect(theirs.replayed).toBe(false);
    expect(await count('SELECT COUNT(*) AS n FROM document WHERE title LIKE ?', `${title}%`)).toBe(2);
  });

  it('a key is forgotten once it expires: the request then runs again', async () => {
    const key = randomUUID();
    const title = `Expiring ${randomUUID()}`;
    await gql(REGISTER, registerInput(title), secretariat, key);
    const past = new Date(Date.now() - 1000);
    await t.dataSource.createQueryBuilder().update('idempotency_key').set({ expiresAt: past }).where('key = :key', { key }).execute();
    const again = await gql(REGISTER, registerInput(title), secretariat, key);
    expect(again.body.errors).toBeUndefined();
    expect(again.replayed).toBe(false);
    expect(await count('SELECT COUNT(*) AS n FROM document WHERE title = ?', title)).toBe(2);
  });

  it('refuses a malformed key, and a key over two mutations; queries ignore it', async () => {
    const bad = await gql(REGISTER, registerInput('Bad key'), secretariat, 'has spaces in it');
    expect(bad.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/Idempotency-Key/) });
    const two = await gql(
      `mutation($input: RegisterDocumentInput!) { a: registerDocument(input: $input) { id } b: registerDocument(input: $input) { id } }`,
      registerInput('Two at once'),
      secretariat,
      randomUUID(),
    );
    expect(two.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: expect.stringMatching(/covers one mutation/) });
    expect(await count('SELECT COUNT(*) AS n FROM document WHERE title = ?', 'Two at once')).toBe(0);
    const query = await gql(`{ meeting(code: "TEL37") { code } }`, {}, secretariat, randomUUID());
    expect(query.body).toEqual({ data: { meeting: { code: 'TEL37' } } });
  });

  it('createApiToken: one token; a repeat does not show the secret again', async () => {
    const account = await accountFor(t, [Role.OVERSEER]);
    const key = randomUUID();
    const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name } } }`;
    const answers = await Promise.all(Array.from({ length: 4 }, () => gql(CREATE, { input: { name: 'ci' } }, account.token, key)));
    const made = answers.filter((a) => !a.body.errors);
    expect(made).toHaveLength(1);
    for (const a of answers.filter((x) => x.body.errors)) {
      expect(a.body.errors[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringMatching(/secret that is shown only once/) });
    }
    expect(await count('SELECT COUNT(*) AS n FROM api_token WHERE "userId" = ?', account.id)).toBe(1);
  });

  it('every other creating mutation honours the key too', async () => {
    const code = `TEL${900 + Math.floor(Math.random() * 90)}`;
    const cases: [string, string, Record<string, unknown>, () => Promise<number>][] = [
      [
        'createMeeting',
        `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { id code } }`,
        { input: { code, number: Number(code.slice(3)), title: code, startDate: '2030-09-12', endDate: '2030-09-17', timeZone: 'Asia/Taipei' } },
        () => count('SELECT COUNT(*) AS n FROM meeting WHERE code = ?', code),
      ],
      [
        'createSession',
        `mutation($input: CreateSessionInput!) { createSession(input: $input) { id title } }`,
        { input: { meetingCode: code, kind: 'PLENARY', title: 'Idempotent plenary', startsAt: '2030-09-15T09:00', endsAt: '2030-09-15T12:00' } },
        () => count('SELECT COUNT(*) AS n FROM meeting_session WHERE title = ?', 'Idempotent plenary'),
      ],
      [
        'createAgenda',
        `mutation($input: CreateAgendaInput!) { createAgenda(input: $input) { id } }`,
        { input: { meetingCode: code, groupCode: 'SPSG' } },
        () => count('SELECT COUNT(*) AS n FROM agenda a JOIN meeting m ON m.id = a."meetingId" WHERE m.code = ?', code),
      ],
      [
        'createProject',
        `mutation($input: CreateProjectInput!) { createProject(input: $input) { id title } }`,
        { input: { title: `Idempotent project ${code}`, steeringGroupCode: 'SPSG', proposingEconomyCodes: ['CT'], status: 'IN_PROGRESS' } },
        () => count('SELECT COUNT(*) AS n FROM project WHERE title = ?', `Idempotent project ${code}`),
      ],
      [
        'createUser',
        `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
        { input: { email: `idem-${code.toLowerCase()}@test.example`, password: 'a long enough password', roles: ['OVERSEER'] } },
        () => count('SELECT COUNT(*) AS n FROM app_user WHERE email = ?', `idem-${code.toLowerCase()}@test.example`),
      ],
    ];
    const admin = await tokenFor(t, [Role.ADMIN, Role.SECRETARIAT]);
    for (const [name, query, variables, rows] of cases) {
      const key = randomUUID();
      const [a, b] = await Promise.all([gql(query, variables, admin, key), gql(query, variables, admin, key)]);
      expect([name, a.body.errors ?? null, b.body.errors ?? null]).toEqual([name, null, null]);
      expect([name, b.body]).toEqual([name, a.body]);
      expect([name, await rows()]).toEqual([name, 1]);
    }
    // Items and reports hang off what was just made.
    const agendaId = (await gql(`{ agenda(meetingCode: "${code}", groupCode: "SPSG") { id } }`, {}, admin)).body.data.agenda.id;
    const projectId = (await gql(`{ projects(filter: { title: "Idempotent project ${code}" }) { nodes { id } } }`, {}, admin)).body.data.projects.nodes[0].id;
    const more: [string, string, Record<string, unknown>, () => Promise<number>][] = [
      [
        'addAgendaItem',
        `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { id number } }`,
        { input: { agendaId, title: 'Idempotent item' } },
        () => count('SELECT COUNT(*) AS n FROM agenda_item WHERE "agendaId" = ?', agendaId),
      ],
      [
        'draftProgressReport',
        `mutation($input: DraftProgressReportInput!) { draftProgressReport(input: $input) { id } }`,
        { input: { projectId, meetingCode: 'TEL37' } },
        () => count('SELECT COUNT(*) AS n FROM progress_report WHERE "projectId" = ?', projectId),
      ],
    ];
    for (const [name, query, variables, rows] of more) {
      const key = randomUUID();
      const [a, b] = await Promise.all([gql(query, variables, admin, key), gql(query, variables, admin, key)]);
      expect([name, a.body.errors ?? null, b.body.errors ?? null]).toEqual([name, null, null]);
      expect([name, b.body]).toEqual([name, a.body]);
      expect([name, await rows()]).toEqual([name, 1]);
    }
  });
});
