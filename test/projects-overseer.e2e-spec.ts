import { Role } from '@tel/core';
import { accountFor, createTestApp, errorCodes, TestApp, tokenFor } from '@tel/testing';

/** What the overseers' pages ask of the API: their projects, the next report due, a draft that starts from the last report. */

const DRAFT = `mutation($input: DraftProgressReportInput!) { draftProgressReport(input: $input) { id status onSchedule withinBudget objectivesResults progressSinceLastReport
  overseerSex overseerSignatureDate carriedOver history { action note } } }`;
const EDIT = `mutation($input: UpdateProgressReportInput!) { updateProgressReport(input: $input) { objectivesResults carriedOver } }`;
interface Due {
  meeting: { code: string };
  dueOn: string | null;
  daysLeft: number | null;
  report: { id: string; status: string } | null;
}
interface Draft {
  id: string;
  status: string;
  objectivesResults: string | null;
  carriedOver: string[];
  history: { action: string; note: string | null }[];
}
type MyProjects = { myProjects: { title: string; nextReportDue: Due }[] };
const extensionsOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions;

const NEXT_DUE = `query($asOf: String) { myProjects { title nextReportDue(asOf: $asOf) { meeting { code } dueOn daysLeft report { id status } } } }`;

describe('the overseers’ side of projects (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let overseer: { id: string; email: string; token: string };
  let delegate: string;
  let pkiId: string;

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    overseer = await accountFor(t, [Role.OVERSEER], { economyCode: 'CT' });
    delegate = await tokenFor(t, [Role.DELEGATE], { economyCode: 'CT' });
    const found = await gqlOk<{ projects: { nodes: { id: string }[] } }>(`{ projects(filter: { title: "PKI" }) { nodes { id } } }`, {});
    pkiId = found.projects.nodes[0].id;
    await gqlOk<unknown>(
      `mutation($id: ID!, $e: [String!]) { updateProject(input: { id: $id, overseerAccountEmails: $e }) { id } }`,
      { id: pkiId, e: [overseer.email] },
      secretariat,
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  const gqlOk = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
    const res = await t.gql<T>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  it('lists my projects for an overseer only: sign in first, and the role is needed', async () => {
    expect(errorCodes(await t.gql(`{ myProjects { title } }`, {}))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await t.gql(`{ myProjects { title } }`, {}, delegate))).toEqual(['FORBIDDEN']);
    const data = await gqlOk<{ myProjects: unknown[] }>(`{ myProjects { title status } }`, {}, overseer.token);
    expect(data.myProjects).toEqual([{ title: 'APEC TEL PKI/e-Authentication Training Program', status: 'IN_PROGRESS' }]);
    expect((await gqlOk<{ myProjects: unknown[] }>(`{ myProjects { title } }`, {}, await tokenFor(t, [Role.OVERSEER]))).myProjects).toEqual([]);
  });

  it('says which report is owed next: for TEL38, with no due date while TEL38 has none, then the days left or overdue', async () => {
    const undated = await gqlOk<MyProjects>(NEXT_DUE, { asOf: '2008-04-01' }, overseer.token);
    expect(undated.myProjects[0].nextReportDue).toEqual({ meeting: { code: 'TEL38' }, dueOn: null, daysLeft: null, report: null });
    await gqlOk<unknown>(`mutation { updateMeeting(input: { code: "TEL38", startDate: "2008-09-21", endDate: "2008-09-26" }) { code } }`, {}, secretariat);
    const early = await gqlOk<MyProjects>(NEXT_DUE, { asOf: '2008-08-12' }, overseer.token);
    expect(early.myProjects[0].nextReportDue).toMatchObject({ dueOn: '2008-08-22', daysLeft: 10 });
    const late = await gqlOk<MyProjects>(NEXT_DUE, { asOf: '2008-08-25' }, overseer.token);
    expect(late.myProjects[0].nextReportDue).toMatchObject({ dueOn: '2008-08-22', daysLeft: -3 });
    expect(errorCodes(await t.gql(NEXT_DUE, { asOf: '25/08/2008' }, overseer.token))).toEqual(['BAD_USER_INPUT']);
    // A finished project owes nothing.
    const korea = await gqlOk<{ projects: { nodes: unknown[] } }>(
      `{ projects(filter: { title: "Strengthening Effective Response" }) { nodes { status nextReportDue { dueOn } } } }`,
      {},
    );
    expect(korea.projects.nodes).toEqual([{ status: 'COMPLETED', nextReportDue: null }]);
  });

  it('filters the register by year the project runs in', async () => {
    const titles = async (year: number) =>
      (
        await gqlOk<{ projects: { nodes: { title: string }[] } }>(`query($y: Int) { projects(filter: { year: $y }, first: 50) { nodes { title } } }`, { y: year })
      ).projects.nodes.map((n) => n.title);
    expect(await titles(2008)).toContain('APEC TEL PKI/e-Authentication Training Program');
    expect(await titles(2006)).toContain('APEC TEL PKI/e-Authentication Training Program');
    expect(await titles(2010)).not.toContain('APEC TEL PKI/e-Authentication Training Program');
    expect(errorCodes(await t.gql(`{ projects(filter: { year: 12 }) { totalCount } }`, {}))).toEqual(['BAD_USER_INPUT']);
  });

  it('starts the next draft from the last report: the answers carried over and marked, progress and signature left to fill in', async () => {
    const draft = (await gqlOk<{ draftProgressReport: Draft }>(DRAFT, { input: { projectId: pkiId, meetingCode: 'TEL38' } }, overseer.token)).draftProgressReport;
    // The seeded TEL37 report: on schedule lost (UNKNOWN, not carried), within budget N.A., gender N.A.
    expect(draft).toMatchObject({
      status: 'DRAFT',
      onSchedule: null,
      withinBudget: 'NOT_APPLICABLE',
      overseerSex: 'MALE',
      progressSinceLastReport: null,
      overseerSignatureDate: null,
    });
    expect(draft.objectivesResults).toMatch(/24 participants|2007/);
    expect(draft.carriedOver).toEqual(expect.arrayContaining(['overseerSex', 'withinBudget', 'objectivesResults']));
    expect(draft.carriedOver).not.toContain('onSchedule');
    expect(draft.history).toEqual([{ action: 'report.draft', note: 'for TEL38, answers carried over from the TEL37 report' }]);

    const edited = (await gqlOk<{ updateProgressReport: Draft }>(EDIT, { input: { id: draft.id, objectivesResults: '2008 course planned for late October.' } }, overseer.token))
      .updateProgressReport;
    expect(edited.carriedOver).not.toContain('objectivesResults');
    expect(edited.carriedOver).toContain('withinBudget');

    const due = await gqlOk<MyProjects>(NEXT_DUE, { asOf: '2008-08-12' }, overseer.token);
    expect(due.myProjects[0].nextReportDue.report).toEqual({ id: draft.id, status: 'DRAFT' });
    // Nobody else sees the draft behind the next report due.
    const publicView = await gqlOk<{ project: { nextReportDue: unknown } }>(
      `query($id: ID!) { project(id: $id) { nextReportDue(asOf: "2008-08-12") { meeting { code } report { id } } } }`,
      { id: pkiId },
    );
    expect(publicView.project.nextReportDue).toEqual({ meeting: { code: 'TEL38' }, report: null });
  });

  it('names the field of a bad value, so the form can show the error beside it', async () => {
    const draft = (await gqlOk<MyProjects>(`{ myProjects { nextReportDue(asOf: "2008-08-12") { report { id status } } } }`, {}, overseer.token)).myProjects[0].nextReportDue
      .report!;
    const bad = await t.gql(EDIT, { input: { id: draft.id, endDate: '2009-13' } }, overseer.token);
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(extensionsOf(bad)).toMatchObject({ field: 'input.endDate', reason: 'DATE_MALFORMED' });
    const money = await t.gql(EDIT, { input: { id: draft.id, totalCost: { amount: 'lots' } } }, overseer.token);
    expect(extensionsOf(money)).toMatchObject({ field: 'input.totalCost', reason: 'MONEY_INVALID' });
    const early = await t.gql(`mutation($id: ID!) { submitProgressReport(input: { id: $id }) { id } }`, { id: draft.id }, overseer.token);
    expect(extensionsOf(early)).toMatchObject({ reason: 'REPORT_INCOMPLETE', missing: ['onSchedule', 'overseerSignatureDate'] });
  });
});
