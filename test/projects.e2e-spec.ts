import { expect } from '@jest/globals';
import { Role } from '@tel/core';
import { accountFor, createTestApp, errorCodes, GqlData, TestApp, tokenFor } from '@tel/testing';

const PROJECT_FIELDS = `id number title status fundingAccount projectType projectTypeOther description source
  forum { code } steeringGroup { code } proposingEconomies { code } coSponsoringEconomies { code }
  overseer { name } overseerContact { postalAddress phone fax email }
  totalCost { amount currency qualifier } apecFundingSought { amount currency qualifier }
  startDate { value precision } endDate { value precision } completionMeeting { code }
  agendaItems { number agenda { group { code } } } documents { documentSymbol }`;

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { ${PROJECT_FIELDS} } }`;
const REPORT_FIELDS = `id status version period projectTitle committeeName fundingAccount projectNumber returnComment dateReceivedBySecretariat
  proposingEconomies { code } coSponsoringEconomies { code } overseerName overseerContact { email }
  totalCost { amount qualifier } apecFundingSought { amount qualifier } startDate { value precision } endDate { value precision }
  onSchedule withinBudget objectivesResults progressSinceLastReport overseerSignatureDate documentSymbol`;
const DRAFT = `mutation($input: DraftProgressReportInput!) { draftProgressReport(input: $input) { ${REPORT_FIELDS} } }`;
const EDIT = `mutation($input: UpdateProgressReportInput!) { updateProgressReport(input: $input) { ${REPORT_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitProgressReport(input: { id: $id }) { ${REPORT_FIELDS} } }`;
const RECEIVE = `mutation($id: ID!, $date: String) { receiveProgressReport(input: { id: $id, dateReceived: $date }) { ${REPORT_FIELDS} } }`;
const ACCEPT = `mutation($id: ID!) { acceptProgressReport(input: { id: $id }) { ${REPORT_FIELDS} } }`;
const RETURN = `mutation($id: ID!, $comment: String!) { returnProgressReport(input: { id: $id, comment: $comment }) { ${REPORT_FIELDS} } }`;
const REPORT = `query($id: ID!) { progressReport(id: $id) { ${REPORT_FIELDS} previousReport { period } changesSincePrevious { field before after } history { action fromState toState note actorEmail } } }`;

describe('projects and progress reports (e2e)', () => {
  let t: TestApp;
  let secretariat: string;
  let overseer: { id: string; email: string; token: string };
  let otherOverseer: string;
  let delegate: string;

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
    overseer = await accountFor(t, [Role.OVERSEER], { economyCode: 'CT' });
    otherOverseer = await tokenFor(t, [Role.OVERSEER]);
    delegate = await tokenFor(t, [Role.DELEGATE], { economyCode: 'CT' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const gqlOk = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await t.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const projectByKey = async (title: string) => {
    const data = await gqlOk(`query($t: String) { projects(filter: { title: $t }) { nodes { ${PROJECT_FIELDS} } } }`, { t: title });
    expect(data.projects.nodes).toHaveLength(1);
    return data.projects.nodes[0];
  };

  describe('the register after TEL37 (seed)', () => {
    it('holds the eight SPSG projects and the new proposal, with their states and economies', async () => {
      const data = await gqlOk(
        `{ projects(filter: { steeringGroupCode: "SPSG" }, first: 50) { totalCount nodes { title status source proposingEconomies { code } coSponsoringEconomies { code } agendaItems { number } } } }`,
        {},
      );
      const byItem = Object.fromEntries(data.projects.nodes.map((p: GqlData) => [p.agendaItems[0].number, p]));
      expect(data.projects.totalCount).toBe(9);
      expect(Object.fromEntries(Object.entries(byItem).map(([n, p]: [string, GqlData]) => [n, p.status]))).toEqual({
        '3.a': 'IN_PROGRESS',
        '3.b': 'COMPLETED',
        '3.c': 'IN_PROGRESS',
        '3.d': 'IN_PROGRESS',
        '3.e': 'COMPLETED',
        '3.f': 'IN_PROGRESS',
        '3.g': 'IN_PROGRESS',
        '3.h': 'IN_PROGRESS',
        '7.a': 'PROPOSED',
      });
      const codes = (p: GqlData, key: string) => p[key].map((e: GqlData) => e.code);
      expect(codes(byItem['3.a'], 'proposingEconomies')).toEqual(['NZ']);
      expect(codes(byItem['3.h'], 'proposingEconomies')).toEqual(['USA', 'ROK']);
      expect(codes(byItem['7.a'], 'proposingEconomies')).toEqual(['AUS', 'USA']);
      expect(codes(byItem['7.a'], 'coSponsoringEconomies')).toEqual(['ROK', 'CDA', 'MAS']);
      for (const p of data.projects.nodes) expect(p.source).toMatch(/annex|§/);
    });

    it('filters by economy (proposing or co-sponsoring) and steering group; a code that names none matches no project', async () => {
      type Listed = { title: string; proposingEconomies: { code: string }[]; coSponsoringEconomies: { code: string }[] };
      const titles = async (filter: string): Promise<Listed[]> =>
        (
          (await gqlOk(`{ projects(filter: { ${filter} }, first: 50) { nodes { title proposingEconomies { code } coSponsoringEconomies { code } } } }`, {})) as unknown as {
            projects: { nodes: Listed[] };
          }
        ).projects.nodes;
      const korea = await titles('economyCode: "rok"');
      expect(korea.length).toBeGreaterThanOrEqual(2);
      for (const p of korea) expect([...p.proposingEconomies, ...p.coSponsoringEconomies].map((e) => e.code)).toContain('ROK');
      const nz = await titles('economyCode: "NZ", steeringGroupCode: "SPSG"');
      expect(nz.map((p) => p.proposingEconomies.map((e) => e.code))).toContainEqual(['NZ']);
      expect(await titles('economyCode: "XX"')).toEqual([]);
      expect(await titles('steeringGroupCode: "NOSUCH"')).toEqual([]);
    });

    it('gives the PKI project as its progress report states it: lower-bound cost, month precision, overseer', async () => {
      const p = await projectByKey('PKI/e-Authentication');
      expect(p).toMatchObject({
        number: null,
        fundingAccount: 'SELF_FUNDED',
        projectType: 'OTHER',
        projectTypeOther: 'long-term training program',
        totalCost: { amount: '400000.00', currency: 'USD', qualifier: 'AT_LEAST' },
        apecFundingSought: { amount: '0.00', currency: 'USD', qualifier: 'EXACT' },
        startDate: { value: '2006-11', precision: 'MONTH' },
        endDate: { value: '2009-10', precision: 'MONTH' },
        overseer: { name: 'Pai-Por Wang' },
        // contact details are for signed-in callers only
        overseerContact: { postalAddress: null, phone: null, fax: null, email: null },
        proposingEconomies: [{ code: 'CT' }],
        coSponsoringEconomies: [{ code: 'THA' }, { code: 'MAS' }, { code: 'PE' }],
        // Its paper, 2008-TELWG37-SPSG-009, is RESTRICTED: an anonymous caller sees no link (restricted-leaks.e2e-spec.ts).
        documents: [],
      });
      const signedIn = await t.gql(`query($id: ID!) { project(id: $id) { overseerContact { phone email } } }`, { id: p.id }, delegate);
      expect(signedIn.data.project.overseerContact).toEqual({ phone: '+886-2-2392-5090', email: 'anitakuo@itri.org.tw' });
    });

    it('has the PKI progress report of 18 March 2008, submitted and tabled at TEL37, every form field typed', async () => {
      const data = await gqlOk(
        `{ projects(filter: { title: "PKI" }) { nodes { progressReports { ${REPORT_FIELDS} overseerTitle overseerOrganization overseerSex projectType projectTypeOther description linkagesMethodologyBudget
            genderImpactOnWomen genderWomenConsulted genderSexDisaggregatedData overseerSignatureName tabledAtMeeting { code } document { symbol title } source history { action note } } } } }`,
        {},
      );
      const [report] = data.projects.nodes[0].progressReports;
      expect(report).toMatchObject({
        status: 'SUBMITTED',
        period: 'TEL37',
        projectNumber: null,
        fundingAccount: null,
        committeeName: 'Security and Prosperity Steering Group',
        projectTitle: 'APEC TEL PKI/E-AUTHENTICAITON Training Program',
        proposingEconomies: [{ code: 'CT' }],
        coSponsoringEconomies: [{ code: 'THA' }, { code: 'MAS' }, { code: 'PE' }],
        overseerName: 'Pai-Por Wang',
        overseerTitle: 'Chairman',
        overseerOrganization: 'Chinese Taipei PKI Forum',
        overseerSex: 'MALE',
        totalCost: { amount: '400000.00', qualifier: 'AT_LEAST' },
        apecFundingSought: { amount: '0.00', qualifier: 'EXACT' },
        projectType: 'OTHER',
        projectTypeOther: 'long-term training program',
        startDate: { value: '2006-11', precision: 'MONTH' },
        endDate: { value: '2009-10', precision: 'MONTH' },
        onSchedule: 'UNKNOWN',
        withinBudget: 'NOT_APPLICABLE',
        genderImpactOnWomen: 'N.A.',
        genderWomenConsulted: 'N.A.',
        genderSexDisaggregatedData: 'N.A.',
        overseerSignatureName: null,
        overseerSignatureDate: '2008-03-18',
        dateReceivedBySecretariat: null,
        tabledAtMeeting: { code: 'TEL37' },
        documentSymbol: null, // tabled as 2008-TELWG37-SPSG-009, which is RESTRICTED: members only
      });
      for (const text of [report.description, report.objectivesResults, report.linkagesMethodologyBudget, report.progressSinceLastReport]) expect(text.length).toBeGreaterThan(40);
      expect(report.objectivesResults).toMatch(/24 trainees from 18 economies/);
      expect(report.source).toMatch(/annex 2/);
      expect(report.history).toEqual([expect.objectContaining({ action: 'report.create', note: expect.stringContaining('annex 2') })]);
      const asMember = await gqlOk(
        `{ projects(filter: { title: "PKI" }) { nodes { documents { documentSymbol } progressReports { documentSymbol document { symbol } } } } }`,
        {},
        delegate,
      );
      expect(asMember.projects.nodes[0]).toEqual({
        documents: [{ documentSymbol: '2008-TELWG37-SPSG-009' }],
        progressReports: [{ documentSymbol: '2008-TELWG37-SPSG-009', document: { symbol: '2008-TELWG37-SPSG-009' } }],
      });
    });
  });

  describe("the secretariat's worklist", () => {
    type Worklist = { progressReports: { id: string; status: string; period: string; project: { title: string } }[] };
    const WORKLIST = `query($status: [ProgressReportStatus!]) { progressReports(status: $status) { id status period project { title } } }`;

    it('lists the reports waiting on the secretariat (the seeded PKI report is submitted), to the secretariat only', async () => {
      const waiting = (await t.gql<Worklist>(WORKLIST, {}, secretariat)).data.progressReports;
      expect(waiting.map((r) => [r.status, r.period, r.project.title])).toContainEqual(['SUBMITTED', 'TEL37', expect.stringMatching(/PKI/)]);
      expect(waiting.every((r) => ['SUBMITTED', 'RECEIVED'].includes(r.status))).toBe(true);
      const accepted = (await t.gql<Worklist>(WORKLIST, { status: ['ACCEPTED'] }, secretariat)).data.progressReports;
      expect(accepted.every((r) => r.status === 'ACCEPTED')).toBe(true);
      expect(errorCodes(await t.gql(WORKLIST, {}, overseer.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await t.gql(WORKLIST, {}))).toEqual(['UNAUTHENTICATED']);
    });
  });

  describe('the register (secretariat)', () => {
    it('registers a project, reading "TEL 01 2007S" as TEL 01/2007S and keeping money exact', async () => {
      const data = await gqlOk(
        CREATE,
        {
          input: {
            title: 'Test project on money',
            number: 'TEL 01 2007S',
            steeringGroupCode: 'spsg',
            proposingEconomyCodes: ['CT'],
            coSponsoringEconomyCodes: ['THA', 'PE'],
            fundingAccount: 'OPERATIONAL_ACCOUNT',
            totalCost: { amount: '123456789012.34' },
            apecFundingSought: { amount: '0.10' },
            startDate: '2008',
            endDate: '2009-05-31',
            documentSymbols: ['2008-TELWG37-SPSG-006.doc [Rev.2]'],
            source: 'test',
          },
        },
        secretariat,
      );
      expect(data.createProject).toMatchObject({
        number: 'TEL 01/2007S',
        status: 'PROPOSED',
        forum: { code: 'TEL' },
        steeringGroup: { code: 'SPSG' },
        totalCost: { amount: '123456789012.34', currency: 'USD', qualifier: 'EXACT' },
        apecFundingSought: { amount: '0.10', currency: 'USD', qualifier: 'EXACT' },
        startDate: { value: '2008', precision: 'YEAR' },
        endDate: { value: '2009-05-31', precision: 'DAY' },
        documents: [{ documentSymbol: '2008-TELWG37-SPSG-006' }],
      });
      for (const number of ['TEL 01/2007S', 'tel 1 2007s', 'TEL01/2007S']) {
        const found = await gqlOk(`query($n: String!) { projectByNumber(number: $n) { id totalCost { amount } apecFundingSought { amount } } }`, { n: number });
        expect(found.projectByNumber).toEqual({ id: data.createProject.id, totalCost: { amount: '123456789012.34' }, apecFundingSought: { amount: '0.10' } });
      }
      // what the database holds is the same exact text, not a float
      const [row] = await t.dataSource.query<{ totalCostAmount: unknown; apecFundingAmount: unknown }[]>(
        `SELECT "totalCostAmount", "apecFundingAmount" FROM project WHERE id = $1`.replace('$1', t.dialect === 'sqlite' ? '?' : '$1'),
        [data.createProject.id],
      );
      expect(row).toEqual({ totalCostAmount: '123456789012.34', apecFundingAmount: '0.10' });
      expect(errorCodes(await t.gql(`{ projectByNumber(number: "TEL 99/2007S") { id } }`))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await t.gql(`{ projectByNumber(number: "not a number") { id } }`))).toEqual(['BAD_USER_INPUT']);
    });

    it.each([
      ['three decimals', { totalCost: { amount: '1.234' } }, 'BAD_USER_INPUT'],
      ['a float in exponent form', { totalCost: { amount: '1e6' } }, 'BAD_USER_INPUT'],
      ['a negative sum', { apecFundingSought: { amount: '-5' } }, 'BAD_USER_INPUT'],
      ['another currency', { totalCost: { amount: '5', currency: 'EUR' } }, 'BAD_USER_INPUT'],
      ['more than 12 digits', { totalCost: { amount: '1234567890123' } }, 'BAD_USER_INPUT'],
      ['an end before the start', { startDate: '2009-01', endDate: '2008-12' }, 'BAD_USER_INPUT'],
      ['a malformed number', { number: 'TEL-01-2007' }, 'BAD_USER_INPUT'],
      ['a taken number', { number: 'TEL 1/2007S' }, 'CONFLICT'],
      ['an unknown economy', { proposingEconomyCodes: ['ATL'] }, 'NOT_FOUND'],
      ['an economy twice', { proposingEconomyCodes: ['CT'], coSponsoringEconomyCodes: ['CT'] }, 'BAD_USER_INPUT'],
      ['a bad document symbol', { documentSymbols: ['not a symbol'] }, 'BAD_USER_INPUT'],
    ])('refuses %s and writes nothing', async (_case, fields, code) => {
      const before = (await gqlOk(`{ projects { totalCount } }`, {})).projects.totalCount;
      const res = await t.gql(CREATE, { input: { title: 'Refused', ...fields } }, secretariat);
      expect(errorCodes(res)).toEqual([code]);
      expect((await gqlOk(`{ projects { totalCount } }`, {})).projects.totalCount).toBe(before);
    });

    it('keeps money exact through an update, records the change in history and audit', async () => {
      const p = await projectByKey('Test project on money');
      const data = await gqlOk(UPDATE, { input: { id: p.id, totalCost: { amount: '0.1', qualifier: 'AT_LEAST' }, apecFundingSought: null, endDate: '2010-06' } }, secretariat);
      expect(data.updateProject).toMatchObject({
        totalCost: { amount: '0.10', qualifier: 'AT_LEAST' },
        apecFundingSought: null,
        endDate: { value: '2010-06', precision: 'MONTH' },
      });
      const history = await gqlOk(`query($id: ID!) { project(id: $id) { history { action toState changes { field before after } actorEmail } } }`, { id: p.id }, secretariat);
      expect(history.project.history.map((h: GqlData) => h.action)).toEqual(['project.create', 'project.update']);
      expect(history.project.history[1].changes).toEqual([
        { field: 'totalCost', before: '123456789012.34 USD', after: 'at least 0.10 USD' },
        { field: 'apecFundingSought', before: '0.10 USD', after: null },
        { field: 'endDate', before: '2009-05-31', after: '2010-06' },
      ]);
      expect(history.project.history[1].actorEmail).toMatch(/@/);
      const audit = await gqlOk(`query($id: String) { auditEvents(filter: { entityId: $id }) { nodes { action } } }`, { id: p.id }, secretariat);
      expect(audit.auditEvents.nodes.map((n: GqlData) => n.action).sort()).toEqual(['project.create', 'project.update']);
    });

    it('moves status only along the life of a project', async () => {
      const p = await projectByKey('Test project on money');
      const change = (status: string) =>
        t.gql(`mutation($id: ID!, $s: ProjectStatus!) { changeProjectStatus(input: { id: $id, status: $s, note: "test" }) { status } }`, { id: p.id, s: status }, secretariat);
      expect(errorCodes(await change('COMPLETED'))).toEqual(['INVALID_STATE']);
      expect((await change('APPROVED')).data.changeProjectStatus.status).toBe('APPROVED');
      expect((await change('IN_PROGRESS')).data.changeProjectStatus.status).toBe('IN_PROGRESS');
    });

    it('lets only the secretariat change the register', async () => {
      expect(errorCodes(await t.gql(CREATE, { input: { title: 'x' } }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await t.gql(CREATE, { input: { title: 'x' } }, overseer.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await t.gql(CREATE, { input: { title: 'x' } }, delegate))).toEqual(['FORBIDDEN']);
    });
  });

  describe('an overseer reports on their project', () => {
    let mine: GqlData;
    let theirs: GqlData;
    let firstId: string;
    let secondId: string;

    beforeAll(async () => {
      // Two projects: the overseer's account is linked to the first only.
      mine = (
        await gqlOk(
          CREATE,
          {
            input: {
              title: 'Overseen project',
              steeringGroupCode: 'SPSG',
              status: 'IN_PROGRESS',
              proposingEconomyCodes: ['CT'],
              coSponsoringEconomyCodes: ['THA'],
              overseerAccountEmails: [overseer.email],
              fundingAccount: 'SELF_FUNDED',
              totalCost: { amount: '50000' },
              apecFundingSought: { amount: '0' },
              projectType: 'SEMINAR_SYMPOSIUM',
              startDate: '2007-01',
              endDate: '2008-12',
              overseerContact: { email: 'Overseer@Example.org', phone: '+886 2 1234' },
            },
          },
          secretariat,
        )
      ).createProject;
      theirs = (await gqlOk(CREATE, { input: { title: 'Someone else’s project', steeringGroupCode: 'SPSG', status: 'IN_PROGRESS' } }, secretariat)).createProject;
    });

    it('shows the overseer accounts to the secretariat only', async () => {
      const q = `query($id: ID!) { project(id: $id) { overseerAccounts { email } viewerIsOverseer } }`;
      expect((await t.gql(q, { id: mine.id }, secretariat)).data.project).toEqual({ overseerAccounts: [{ email: overseer.email }], viewerIsOverseer: false });
      expect((await t.gql(q, { id: mine.id }, overseer.token)).data.project).toEqual({ overseerAccounts: null, viewerIsOverseer: true });
      expect((await t.gql(q, { id: theirs.id }, overseer.token)).data.project.viewerIsOverseer).toBe(false);
      const listed = await gqlOk(`{ projects(filter: { overseenByMe: true }) { nodes { title } } }`, {}, overseer.token);
      expect(listed.projects.nodes).toEqual([{ title: 'Overseen project' }]);
    });

    it('drafts a report whose header comes from the register, and is refused for another project', async () => {
      const data = await gqlOk(DRAFT, { input: { projectId: mine.id, meetingCode: 'TEL37' } }, overseer.token);
      firstId = data.draftProgressReport.id;
      expect(data.draftProgressReport).toMatchObject({
        status: 'DRAFT',
        period: 'TEL37',
        projectTitle: 'Overseen project',
        committeeName: 'Security and Prosperity Steering Group',
        fundingAccount: 'SELF_FUNDED',
        proposingEconomies: [{ code: 'CT' }],
        coSponsoringEconomies: [{ code: 'THA' }],
        totalCost: { amount: '50000.00', qualifier: 'EXACT' },
        apecFundingSought: { amount: '0.00', qualifier: 'EXACT' },
        startDate: { value: '2007-01', precision: 'MONTH' },
        endDate: { value: '2008-12', precision: 'MONTH' },
        overseerContact: { email: 'overseer@example.org' },
        onSchedule: null,
      });
      expect(errorCodes(await t.gql(DRAFT, { input: { projectId: theirs.id, meetingCode: 'TEL37' } }, overseer.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await t.gql(DRAFT, { input: { projectId: mine.id, meetingCode: 'TEL37' } }, otherOverseer))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await t.gql(DRAFT, { input: { projectId: mine.id, meetingCode: 'TEL37' } }, delegate))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await t.gql(DRAFT, { input: { projectId: mine.id, meetingCode: 'TEL37' } }, overseer.token))).toEqual(['CONFLICT']);
    });

    it('keeps a draft from everyone but its overseers and the secretariat', async () => {
      expect((await t.gql(REPORT, { id: firstId }, overseer.token)).data.progressReport.status).toBe('DRAFT');
      expect((await t.gql(REPORT, { id: firstId }, secretariat)).data.progressReport.status).toBe('DRAFT');
      expect(errorCodes(await t.gql(REPORT, { id: firstId }, otherOverseer))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await t.gql(REPORT, { id: firstId }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await t.gql(EDIT, { input: { id: firstId, objectivesResults: 'x' } }, otherOverseer))).toEqual(['NOT_FOUND']);
      const listed = await gqlOk(`query($id: ID!) { project(id: $id) { progressReports { id } } }`, { id: mine.id });
      expect(listed.project.progressReports).toEqual([]);
    });

    it('edits the draft (refusing a stale version) and submits it once the form is complete', async () => {
      const edited = await gqlOk(
        EDIT,
        { input: { id: firstId, expectedVersion: 0, onSchedule: 'YES', objectivesResults: 'First seminar held.', progressSinceLastReport: 'Started.' } },
        overseer.token,
      );
      expect(edited.updateProgressReport).toMatchObject({ version: 1, onSchedule: 'YES', objectivesResults: 'First seminar held.' });
      expect(errorCodes(await t.gql(EDIT, { input: { id: firstId, expectedVersion: 0, objectivesResults: 'lost update' } }, overseer.token))).toEqual(['CONFLICT']);

      const early = await t.gql(SUBMIT, { id: firstId }, overseer.token);
      expect(errorCodes(early)).toEqual(['INVALID_STATE']);
      expect(early.errors![0].extensions).toMatchObject({ missing: ['withinBudget', 'overseerSignatureDate'] });
      await gqlOk(EDIT, { input: { id: firstId, withinBudget: 'NOT_APPLICABLE', overseerSignatureDate: '2008-03-01', overseerSignatureName: 'Test Overseer' } }, overseer.token);
      expect(errorCodes(await t.gql(SUBMIT, { id: firstId }, secretariat))).toEqual(['FORBIDDEN']);
      const submitted = await gqlOk(SUBMIT, { id: firstId }, overseer.token);
      expect(submitted.submitProgressReport.status).toBe('SUBMITTED');
      expect(errorCodes(await t.gql(EDIT, { input: { id: firstId, objectivesResults: 'too late' } }, overseer.token))).toEqual(['INVALID_STATE']);
      // now public
      expect((await t.gql(REPORT, { id: firstId })).data.progressReport.status).toBe('SUBMITTED');
    });

    it('is received (date stamped) and accepted by the secretariat only', async () => {
      expect(errorCodes(await t.gql(RECEIVE, { id: firstId }, overseer.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await t.gql(ACCEPT, { id: firstId }, secretariat))).toEqual(['INVALID_STATE']);
      expect(errorCodes(await t.gql(RECEIVE, { id: firstId, date: '2008-02-01' }, secretariat))).toEqual(['BAD_USER_INPUT']);
      const received = await gqlOk(RECEIVE, { id: firstId, date: '2008-03-05' }, secretariat);
      expect(received.receiveProgressReport).toMatchObject({ status: 'RECEIVED', dateReceivedBySecretariat: '2008-03-05' });
      const accepted = await gqlOk(ACCEPT, { id: firstId }, secretariat);
      expect(accepted.acceptProgressReport.status).toBe('ACCEPTED');
      const worklist = `query($status: [ProgressReportStatus!]) { progressReports(status: $status) { id } }`;
      const ids = async (status?: string[]) => (await t.gql<{ progressReports: { id: string }[] }>(worklist, { status }, secretariat)).data.progressReports.map((r) => r.id);
      expect(await ids()).not.toContain(firstId);
      expect(await ids(['ACCEPTED'])).toContain(firstId);
      const report = await gqlOk(REPORT, { id: firstId }, secretariat);
      expect(report.progressReport.history.map((h: GqlData) => [h.action, h.fromState, h.toState])).toEqual([
        ['report.draft', null, 'DRAFT'],
        ['report.edit', null, null],
        ['report.edit', null, null],
        ['report.submit', 'DRAFT', 'SUBMITTED'],
        ['report.receive', 'SUBMITTED', 'RECEIVED'],
        ['report.accept', 'RECEIVED', 'ACCEPTED'],
      ]);
      expect(report.progressReport.changesSincePrevious).toEqual([]);
      const audit = await gqlOk(`query($id: String) { auditEvents(filter: { entityId: $id }, first: 50) { nodes { action } } }`, { id: firstId }, secretariat);
      expect(audit.auditEvents.nodes.map((n: GqlData) => n.action).sort()).toEqual([
        'progress_report.accept',
        'progress_report.draft',
        'progress_report.edit',
        'progress_report.edit',
        'progress_report.receive',
        'progress_report.submit',
      ]);
    });

    it('shows, field by field, what changed since the previous report', async () => {
      const register = await gqlOk(UPDATE, { input: { id: mine.id, endDate: '2009-06', coSponsoringEconomyCodes: ['THA', 'VN'] } }, secretariat);
      expect(register.updateProject.endDate.value).toBe('2009-06');
      const draft = await gqlOk(
        DRAFT,
        { input: { projectId: mine.id, meetingCode: 'TEL38', onSchedule: 'NO', withinBudget: 'NOT_APPLICABLE', totalCost: { amount: '55000.5' } } },
        overseer.token,
      );
      secondId = draft.draftProgressReport.id;
      await gqlOk(
        EDIT,
        { input: { id: secondId, objectivesResults: 'First seminar held.', progressSinceLastReport: 'Second seminar planned.', overseerSignatureDate: '2008-08-20' } },
        overseer.token,
      );
      const report = await gqlOk(REPORT, { id: secondId }, overseer.token);
      expect(report.progressReport.previousReport).toEqual({ period: 'TEL37' });
      expect(report.progressReport.changesSincePrevious).toEqual([
        { field: 'coSponsoringEconomies', before: 'THA', after: 'THA, VN' },
        { field: 'totalCost', before: '50000.00 USD', after: '55000.50 USD' },
        { field: 'endDate', before: '2008-12', after: '2009-06' },
        { field: 'onSchedule', before: 'YES', after: 'NO' },
        { field: 'progressSinceLastReport', before: 'Started.', after: 'Second seminar planned.' },
      ]);
    });

    it('goes back to draft with a comment when returned, and is submitted again', async () => {
      await gqlOk(SUBMIT, { id: secondId }, overseer.token);
      expect(errorCodes(await t.gql(RETURN, { id: secondId, comment: '' }, secretariat))).toEqual(['BAD_USER_INPUT']);
      const returned = await gqlOk(RETURN, { id: secondId, comment: 'Say why the schedule slipped.' }, secretariat);
      expect(returned.returnProgressReport).toMatchObject({ status: 'DRAFT', returnComment: 'Say why the schedule slipped.' });
      expect(errorCodes(await t.gql(REPORT, { id: secondId }, otherOverseer))).toEqual(['NOT_FOUND']);
      await gqlOk(EDIT, { input: { id: secondId, linkagesMethodologyBudget: 'The venue changed.' } }, overseer.token);
      const again = await gqlOk(SUBMIT, { id: secondId }, overseer.token);
      expect(again.submitProgressReport).toMatchObject({ status: 'SUBMITTED', returnComment: null });
      const history = await gqlOk(REPORT, { id: secondId }, secretariat);
      expect(history.progressReport.history.filter((h: GqlData) => h.action === 'report.return')).toEqual([
        expect.objectContaining({ fromState: 'SUBMITTED', toState: 'DRAFT', note: 'Say why the schedule slipped.' }),
      ]);
    });

    it('registers the report as a meeting document when it is tabled', async () => {
      const TABLE = `mutation($id: ID!, $m: String!, $s: String) { tableProgressReport(input: { id: $id, meetingCode: $m, documentSymbol: $s }) { documentSymbol tabledAtMeeting { code } document { symbol title type } } }`;
      expect(errorCodes(await t.gql(TABLE, { id: secondId, m: 'TEL38', s: '2008-TELWG37-SPSG-006' }, secretariat))).toEqual(['BAD_USER_INPUT']);
      const tabled = await gqlOk(TABLE, { id: secondId, m: 'TEL38', s: '2008-TELWG38-SPSG-021' }, secretariat);
      expect(tabled.tableProgressReport).toEqual({
        documentSymbol: '2008-TELWG38-SPSG-021',
        tabledAtMeeting: { code: 'TEL38' },
        document: { symbol: '2008-TELWG38-SPSG-021', title: 'Progress report: Overseen project', type: 'PROGRESS_REPORT' },
      });
      expect((await gqlOk(`{ document(symbol: "2008-TELWG38-SPSG-021") { title } }`, {})).document.title).toBe('Progress report: Overseen project');
      expect(errorCodes(await t.gql(TABLE, { id: firstId, m: 'TEL38', s: '2008-TELWG38-SPSG-021' }, secretariat))).toEqual(['CONFLICT']);
    });

    it('diffs a new PKI report against the seeded one of 18 March 2008', async () => {
      const pki = await projectByKey('PKI/e-Authentication');
      await gqlOk(UPDATE, { input: { id: pki.id, overseerAccountEmails: [overseer.email] } }, secretariat);
      const draft = await gqlOk(
        DRAFT,
        { input: { projectId: pki.id, meetingCode: 'TEL38', onSchedule: 'YES', withinBudget: 'NOT_APPLICABLE', overseerSex: 'MALE' } },
        overseer.token,
      );
      const report = await gqlOk(REPORT, { id: draft.draftProgressReport.id }, overseer.token);
      const fields = report.progressReport.changesSincePrevious.map((c: GqlData) => c.field);
      // the register spells the title right and names the account; the new report has not yet given its answers
      expect(report.progressReport.changesSincePrevious).toEqual(
        expect.arrayContaining([
          { field: 'projectTitle', before: 'APEC TEL PKI/E-AUTHENTICAITON Training Program', after: 'APEC TEL PKI/e-Authentication Training Program' },
          { field: 'fundingAccount', before: null, after: 'SELF_FUNDED' },
          { field: 'onSchedule', before: 'UNKNOWN', after: 'YES' },
        ]),
      );
      expect(fields).not.toContain('totalCost');
      expect(fields).not.toContain('endDate');
      expect(fields).not.toContain('withinBudget');
    });
  });

  describe('overdue reports', () => {
    it('lists projects in progress without a submitted report for the next TEL meeting, REPORT_DUE_DAYS_BEFORE_MEETING days before it', async () => {
      const q = `query($asOf: String) { overdueReports(asOf: $asOf) { project { title } meeting { code } dueOn daysOverdue } }`;
      expect(errorCodes(await t.gql(q, { asOf: '2008-09-01' }))).toEqual(['UNAUTHENTICATED']);
      // No TEL meeting ahead has dates yet: nothing is due.
      expect((await gqlOk(q, { asOf: '2008-09-01' }, secretariat)).overdueReports).toEqual([]);
      await gqlOk(`mutation { updateMeeting(input: { code: "TEL38", startDate: "2008-09-21", endDate: "2008-09-26", timeZone: "America/Lima" }) { code } }`, {}, secretariat);
      expect((await gqlOk(q, { asOf: '2008-08-22' }, secretariat)).overdueReports).toEqual([]);
      const rows = (await gqlOk(q, { asOf: '2008-09-01' }, secretariat)).overdueReports;
      const titles = rows.map((r: GqlData) => r.project.title);
      for (const r of rows) expect(r).toMatchObject({ meeting: { code: 'TEL38' }, dueOn: '2008-08-22', daysOverdue: 10 });
      // the seeded projects in progress owe one; the overseen project submitted its TEL38 report; completed and proposed ones owe nothing
      expect(titles).toEqual(expect.arrayContaining(['Cyber Security Exercises', 'Voice over IP (VoIP) Security Guidelines', 'APEC TEL PKI/e-Authentication Training Program']));
      expect(titles).not.toContain('Overseen project');
      expect(titles).not.toContain('Information Security Certifications Assessment Guide');
      expect(titles).not.toContain('Cyber Security Awareness Raising Project');
      expect(errorCodes(await t.gql(q, { asOf: '1 Sept' }, secretariat))).toEqual(['BAD_USER_INPUT']);
    });

    it('takes the number of days from REPORT_DUE_DAYS_BEFORE_MEETING', async () => {
      const other = await createTestApp({ env: { REPORT_DUE_DAYS_BEFORE_MEETING: '45' } });
      try {
        const token = await tokenFor(other, [Role.SECRETARIAT]);
        await other.gql(`mutation { updateMeeting(input: { code: "TEL38", startDate: "2008-09-21", endDate: "2008-09-26", timeZone: "America/Lima" }) { code } }`, {}, token);
        const res = await other.gql(`{ overdueReports(asOf: "2008-08-08") { dueOn daysOverdue project { title } } }`, {}, token);
        expect(res.errors).toBeUndefined();
        expect(res.data.overdueReports.length).toBe(6);
        for (const r of res.data.overdueReports) expect(r).toMatchObject({ dueOn: '2008-08-07', daysOverdue: 1 });
      } finally {
        await other.close();
      }
    });
  });
});
