import { expect } from '@jest/globals';
import { Role } from '@tel/core';
import { accountFor, createTestApp, errorCodes, GqlData, GqlObject, TestApp, tokenFor } from '@tel/testing';

const REQUEST_FIELDS = `id kind status subject filedOn documentSymbol
  project { id title status endDate { value precision } completionMeeting { code } }
  requestedEndDate { value precision } requestedCompletionMeeting { code }
  awaitingStep { id position mode version body { code } }
  steps { id position mode outcome version body { code } decision { id outcome decidedOn meeting { code } note corrects { id } } decisions { id outcome } }`;
const LIST = `query($filter: ApprovalRequestFilter) { approvalRequests(filter: $filter, first: 50) { totalCount nodes { ${REQUEST_FIELDS} } } }`;
const BOARD = `query($asOf: String) { approvalBoard(asOf: $asOf) { body { code } nextMeeting { code } entries { waitingSince daysWaiting nextMeeting { code } step { mode body { code } } request { subject } } } }`;
const DECIDE = `mutation($input: DecideApprovalStepInput!) { decideApprovalStep(input: $input) { ${REQUEST_FIELDS} } }`;
const FILE = `mutation($input: FileApprovalRequestInput!) { fileApprovalRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const HISTORY = `query($id: ID!) { approvalRequest(id: $id) { history { action fromState toState note actorEmail } } }`;

describe('approval requests and their chains (e2e)', () => {
  let t: TestApp;
  let secretariat: string;

  beforeAll(async () => {
    t = await createTestApp();
    secretariat = await tokenFor(t, [Role.SECRETARIAT]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const gqlOk = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const res = await t.gql(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const list = async (filter: Record<string, unknown>) => (await gqlOk(LIST, { filter })).approvalRequests;
  const bySubject = async (part: string) => {
    const all = await list({});
    const found = all.nodes.filter((r: GqlData) => r.subject.includes(part));
    expect(found).toHaveLength(1);
    return found[0];
  };
  const step = (request: GqlData, body: string) => request.steps.find((s: GqlData) => s.body.code === body);
  const decide = (request: GqlData, body: string, input: Record<string, unknown>, token = secretariat) => {
    const s = step(request, body);
    return t.gql(DECIDE, { input: { stepId: s.id, expectedVersion: s.version, ...input } }, token);
  };
  const decisionCount = async () => Number((await t.dataSource.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM approval_decision`))[0].n);

  describe('as the TEL37 report leaves them (seed)', () => {
    it('has six requests waiting on TEL — the USA postponement on the TEL Chair, five in plenary — and none on SOM', async () => {
      const tel = await list({ awaitingBody: 'TEL' });
      expect(tel.totalCount).toBe(6);
      const waiting = Object.fromEntries(tel.nodes.map((r: GqlData) => [r.subject, `${r.awaitingStep.body.code} ${r.awaitingStep.mode}`]));
      expect(waiting).toEqual({
        'Postpone the judges’ and prosecutors’ cybercrime training to May 2009': 'TEL BY_CHAIR',
        'Extend completion of the VoIP Security Guidelines to TEL38': 'TEL IN_PLENARY',
        'Extend the Guide on Policy and Technical Approaches against Botnet': 'TEL IN_PLENARY',
        'Extend completion of the Cyber Security Exercises to TEL38': 'TEL IN_PLENARY',
        'Endorse the joint APEC TEL–OECD report on malware': 'TEL IN_PLENARY',
        'Approve the Cyber Security Awareness Raising Project (self-funded)': 'TEL IN_PLENARY',
      });
      expect(tel.nodes.map((r: GqlData) => r.kind).sort()).toEqual(['EXTENSION', 'EXTENSION', 'EXTENSION', 'EXTENSION', 'NEW_PROJECT', 'REPORT_ENDORSEMENT']);
      for (const r of tel.nodes) {
        expect(r.steps[0]).toMatchObject({ body: { code: 'SPSG' }, outcome: 'APPROVED', decision: { decidedOn: '2008-03-27', meeting: { code: 'TEL37' } } });
        expect(r.steps.slice(1).every((s: GqlData) => s.outcome === 'PENDING' && s.decision === null)).toBe(true);
      }
      const usa = tel.nodes.find((r: GqlData) => r.awaitingStep.mode === 'BY_CHAIR');
      expect(usa.steps.map((s: GqlData) => s.body.code)).toEqual(['SPSG', 'TEL', 'SOM', 'BMC']);
      expect(usa.requestedEndDate).toEqual({ value: '2009-05', precision: 'MONTH' });
      const malware = tel.nodes.find((r: GqlData) => r.kind === 'REPORT_ENDORSEMENT');
      expect(malware.project).toBeNull();
      expect((await list({ awaitingBody: 'SOM' })).totalCount).toBe(0);
      expect((await list({ awaitingBody: 'BMC' })).totalCount).toBe(0);
      expect((await list({ awaitingBody: 'SPSG' })).totalCount).toBe(0);
    });

    it("has Korea's output reports endorsed by TEL and SOM already", async () => {
      const approved = await list({ status: 'APPROVED' });
      expect(approved.totalCount).toBe(1);
      const [korea] = approved.nodes;
      expect(korea).toMatchObject({
        kind: 'REPORT_ENDORSEMENT',
        documentSymbol: '2008-TELWG37-SPSG-006',
        project: { title: 'Strengthening Effective Response Capabilities Among APEC Economies' },
      });
      expect(korea.steps.map((s: GqlData) => [s.body.code, s.outcome])).toEqual([
        ['TEL', 'APPROVED'],
        ['SOM', 'APPROVED'],
      ]);
      expect(korea.steps[0].decision.decidedOn).toBeNull();
      expect((await gqlOk(`query($id: ID!) { approvalRequest(id: $id) { document { symbol } } }`, { id: korea.id })).approvalRequest.document).toEqual({
        symbol: '2008-TELWG37-SPSG-006',
      });
    });

    it('shows the same on the board: one TEL column, waiting since SPSG decided, next decided at TEL38 (the Chair between meetings)', async () => {
      const board = (await gqlOk(BOARD, { asOf: '2008-04-01' })).approvalBoard;
      expect(board.map((c: GqlData) => c.body.code)).toEqual(['TEL']);
      expect(board[0].nextMeeting).toEqual({ code: 'TEL38' });
      expect((board[0] as GqlObject).entries).toHaveLength(6);
      for (const e of (board[0] as GqlObject).entries) {
        expect(e).toMatchObject({ waitingSince: '2008-03-27', daysWaiting: 5 });
        expect(e.nextMeeting).toEqual(e.step.mode === 'BY_CHAIR' ? null : { code: 'TEL38' });
      }
      const tel = await list({ awaitingBody: 'TEL' });
      expect((board[0] as GqlObject).entries.map((e: GqlData) => e.request.subject).sort()).toEqual(tel.nodes.map((r: GqlData) => r.subject).sort());
    });

    it('filters by kind and project number', async () => {
      expect((await list({ kind: 'EXTENSION' })).totalCount).toBe(4);
      expect((await list({ kind: 'NEW_PROJECT', status: 'PENDING' })).totalCount).toBe(1);
      expect((await list({ projectNumber: 'TEL 01/2007S' })).totalCount).toBe(0);
      const exercises = (await bySubject('Cyber Security Exercises')) as unknown as { project: { id: string } };
      await gqlOk(`mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }`, { input: { id: exercises.project.id, number: 'TEL 99/2008S' } }, secretariat);
      const numbered = (await list({ projectNumber: 'tel 99/2008s' })) as unknown as { totalCount: number; nodes: { project: { id: string } }[] };
      expect(numbered.totalCount).toBeGreaterThanOrEqual(1);
      expect(numbered.nodes.map((r) => r.project.id)).toEqual(Array<string>(numbered.totalCount).fill(exercises.project.id));
      expect(errorCodes(await t.gql(LIST, { filter: { projectNumber: 'nonsense' } }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await t.gql(LIST, { filter: { awaitingBody: 'XYZ' } }))).toEqual(['NOT_FOUND']);
    });
  });

  describe('deciding up the chain', () => {
    it('refuses SOM before TEL (INVALID_STATE) and records nothing', async () => {
      const voip = await bySubject('VoIP');
      const before = await decisionCount();
      const res = await decide(voip, 'SOM', { outcome: 'APPROVED', decidedOn: '2008-09-26', meetingCode: 'TEL38' });
      expect(errorCodes(res)).toEqual(['INVALID_STATE']);
      expect(res.errors![0].message).toBe('SOM cannot decide before TEL approves');
      expect(await decisionCount()).toBe(before);
      expect(errorCodes(await decide(voip, 'SPSG', { outcome: 'APPROVED' }))).toEqual(['INVALID_STATE']);
    });

    it('moves a request along the board as TEL and then SOM approve it, and its effect lands on the project', async () => {
      const voip = await bySubject('VoIP');
      expect(voip.project.completionMeeting).toBeNull();
      const afterTel = await decide(voip, 'TEL', { outcome: 'APPROVED', decidedOn: '2008-09-26', meetingCode: 'TEL38', note: 'Endorsed in plenary.' });
      expect(afterTel.errors).toBeUndefined();
      expect(afterTel.data.decideApprovalStep).toMatchObject({ status: 'PENDING', awaitingStep: { body: { code: 'SOM' } } });

      expect((await list({ awaitingBody: 'TEL' })).totalCount).toBe(5);
      expect((await list({ awaitingBody: 'SOM' })).nodes.map((r: GqlData) => r.subject)).toEqual(['Extend completion of the VoIP Security Guidelines to TEL38']);
      const board = (await gqlOk(BOARD, { asOf: '2008-10-06' })).approvalBoard;
      expect(board.map((c: GqlData) => c.body.code)).toEqual(['SOM', 'TEL']);
      expect(board[0]).toMatchObject({
        nextMeeting: null,
        entries: [{ waitingSince: '2008-09-26', daysWaiting: 10, nextMeeting: null, request: { subject: expect.stringContaining('VoIP') } }],
      });
      expect((board[1] as GqlObject).entries).toHaveLength(5);

      const afterSom = await decide(afterTel.data.decideApprovalStep, 'SOM', { outcome: 'APPROVED', decidedOn: '2008-11-15', note: 'SOM endorsed.' });
      expect(afterSom.errors).toBeUndefined();
      expect(afterSom.data.decideApprovalStep).toMatchObject({ status: 'APPROVED', awaitingStep: null, project: { completionMeeting: { code: 'TEL38' } } });
      const boardAfter = (await gqlOk(BOARD, { asOf: '2008-11-20' })).approvalBoard;
      expect(boardAfter.map((c: GqlData) => c.body.code)).toEqual(['TEL']);
      expect((boardAfter[0] as GqlObject).entries.some((e: GqlData) => e.request.subject.includes('VoIP'))).toBe(false);

      const history = (await gqlOk(HISTORY, { id: voip.id }, secretariat)).approvalRequest.history;
      expect(history.map((h: GqlData) => [h.action, h.fromState, h.toState])).toEqual([
        ['approval.file', null, 'PENDING'],
        ['approval.decide', 'PENDING', 'APPROVED'],
        ['approval.decide', 'PENDING', 'APPROVED'],
        ['approval.status', 'PENDING', 'APPROVED'],
      ]);
      expect(history[1].note).toBe('TEL approved at TEL38 on 2008-09-26: Endorsed in plenary.');
      expect(history[1].actorEmail).toMatch(/@/);
      const projectHistory = await gqlOk(`query($id: ID!) { project(id: $id) { history { action changes { field before after } } } }`, { id: voip.project.id });
      expect(projectHistory.project.history.at(-1)).toEqual({ action: 'project.extend', changes: [{ field: 'completionMeeting', before: null, after: 'TEL38' }] });
      const audit = await gqlOk(`query($id: String) { auditEvents(filter: { entityId: $id }) { nodes { action summary } } }`, { id: voip.id }, secretariat);
      expect(audit.auditEvents.nodes.map((n: GqlData) => n.action)).toEqual(['approval.decide', 'approval.decide']);
    });

    it('moves the project end date when the last step of the USA postponement approves (TEL Chair → SOM → BMC)', async () => {
      let usa = await bySubject('Postpone');
      expect(usa.project.endDate).toEqual({ value: '2008-05', precision: 'MONTH' });
      for (const [body, on] of [
        ['TEL', '2008-04-20'],
        ['SOM', '2008-05-30'],
        ['BMC', '2008-06-15'],
      ]) {
        expect(usa.project.endDate.value).toBe('2008-05');
        const res = await decide(usa, body, { outcome: 'APPROVED', decidedOn: on });
        expect(res.errors).toBeUndefined();
        usa = res.data.decideApprovalStep;
      }
      expect(usa).toMatchObject({ status: 'APPROVED', project: { endDate: { value: '2009-05', precision: 'MONTH' } } });
      expect(step(usa, 'TEL').decision.meeting).toBeNull();
      const project = await gqlOk(`query($id: ID!) { project(id: $id) { endDate { value } history { action note changes { field before after } } } }`, { id: usa.project.id });
      expect(project.project.history.at(-1)).toMatchObject({ action: 'project.extend', changes: [{ field: 'endDate', before: '2008-05', after: '2009-05' }] });
    });

    it('approves a new project when its last step approves', async () => {
      let proposal = await bySubject('Awareness');
      expect(proposal.project.status).toBe('PROPOSED');
      proposal = (await decide(proposal, 'TEL', { outcome: 'APPROVED', decidedOn: '2008-09-26', meetingCode: 'TEL38' })).data.decideApprovalStep;
      expect(proposal.project.status).toBe('PROPOSED');
      proposal = (await decide(proposal, 'SOM', { outcome: 'APPROVED', decidedOn: '2008-11-15' })).data.decideApprovalStep;
      expect(proposal).toMatchObject({ status: 'APPROVED', project: { status: 'APPROVED' } });
    });

    it('keeps a deferred request waiting on the same body, and ends a rejected one', async () => {
      let botnet = await bySubject('Botnet');
      botnet = (await decide(botnet, 'TEL', { outcome: 'DEFERRED', decidedOn: '2008-09-26', meetingCode: 'TEL38', note: 'Wait for the draft guide.' })).data.decideApprovalStep;
      expect(botnet).toMatchObject({ status: 'PENDING', awaitingStep: { body: { code: 'TEL' } } });
      expect(step(botnet, 'TEL').outcome).toBe('DEFERRED');
      expect(errorCodes(await decide(botnet, 'SOM', { outcome: 'APPROVED' }))).toEqual(['INVALID_STATE']);
      botnet = (await decide(botnet, 'TEL', { outcome: 'REJECTED', decidedOn: '2009-04-20' })).data.decideApprovalStep;
      expect(botnet).toMatchObject({ status: 'REJECTED', awaitingStep: null });
      expect(step(botnet, 'TEL').decisions.map((d: GqlData) => d.outcome)).toEqual(['DEFERRED', 'REJECTED']);
      expect(errorCodes(await decide(botnet, 'SOM', { outcome: 'APPROVED' }))).toEqual(['INVALID_STATE']);
      expect((await list({ awaitingBody: 'TEL' })).nodes.map((r: GqlData) => r.subject)).not.toContain(botnet.subject);
    });

    it('corrects a decision with a new, linked entry and never edits one in place', async () => {
      let exercises = await bySubject('Exercises');
      const original = step(exercises, 'SPSG').decision;
      const res = await decide(exercises, 'SPSG', {
        outcome: 'APPROVED',
        decidedOn: '2008-03-26',
        meetingCode: 'TEL37',
        note: 'Taken in the first session.',
        correctsDecisionId: original.id,
      });
      expect(res.errors).toBeUndefined();
      exercises = res.data.decideApprovalStep;
      const spsg = step(exercises, 'SPSG');
      expect(spsg.decisions.map((d: GqlData) => d.id)).toEqual([original.id, spsg.decision.id]);
      expect(spsg.decision).toMatchObject({ decidedOn: '2008-03-26', corrects: { id: original.id }, note: 'Taken in the first session.' });
      const [kept] = await t.dataSource.query<{ decidedOn: string | null; note: string | null }[]>(`SELECT "decidedOn", note FROM approval_decision WHERE id = '${original.id}'`);
      expect(kept.decidedOn).toBe('2008-03-27');
      // only the current decision may be corrected, and not once a later step relied on it
      expect(errorCodes(await decide(exercises, 'SPSG', { outcome: 'REJECTED', correctsDecisionId: original.id }))).toEqual(['INVALID_STATE']);
      exercises = (await decide(exercises, 'TEL', { outcome: 'APPROVED', decidedOn: '2008-09-26' })).data.decideApprovalStep;
      expect(errorCodes(await decide(exercises, 'SPSG', { outcome: 'REJECTED', correctsDecisionId: step(exercises, 'SPSG').decision.id }))).toEqual(['INVALID_STATE']);
      const history = (await gqlOk(HISTORY, { id: exercises.id })).approvalRequest.history;
      expect(history.map((h: GqlData) => h.action)).toEqual(['approval.file', 'approval.correct', 'approval.decide']);
    });

    it('checks dates and who decides', async () => {
      const malware = await bySubject('malware');
      expect(errorCodes(await decide(malware, 'TEL', { outcome: 'APPROVED', decidedOn: '2008-03-01' }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await decide(malware, 'TEL', { outcome: 'APPROVED', decidedOn: '2999-01-01' }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await decide(malware, 'TEL', { outcome: 'PENDING' }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await decide(malware, 'TEL', { outcome: 'APPROVED', meetingCode: 'TEL99' }))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await decide(malware, 'TEL', { outcome: 'APPROVED' }, await tokenFor(t, [Role.OVERSEER])))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await t.gql(DECIDE, { input: { stepId: step(malware, 'TEL').id, expectedVersion: 0, outcome: 'APPROVED' } }))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await t.gql(DECIDE, { input: { stepId: '00000000-0000-0000-0000-000000000000', expectedVersion: 0, outcome: 'APPROVED' } }, secretariat))).toEqual([
        'NOT_FOUND',
      ]);
    });
  });

  describe('concurrency', () => {
    it('lets one of two concurrent decisions on a step win; the other gets CONFLICT', async () => {
      const malware = await bySubject('malware');
      const tel = step(malware, 'TEL');
      const before = await decisionCount();
      const input = (outcome: string) => ({ input: { stepId: tel.id, expectedVersion: tel.version, outcome, decidedOn: '2008-09-26', meetingCode: 'TEL38' } });
      const [a, b] = await Promise.all([t.gql(DECIDE, input('APPROVED'), secretariat), t.gql(DECIDE, input('DEFERRED'), secretariat)]);
      const results = [a, b];
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.flatMap(errorCodes)).toEqual(['CONFLICT']);
      expect(await decisionCount()).toBe(before + 1);
      const winner = results.find((r) => !r.errors)!.data.decideApprovalStep;
      expect(step(winner, 'TEL').decisions).toHaveLength(1);
      // the loser may read again and decide on what it now sees
      expect(errorCodes(await t.gql(DECIDE, input('APPROVED'), secretariat))).toEqual(['CONFLICT']);
    });

    it('keeps one decision out of many racing ones', async () => {
      const project = (await gqlOk(`{ projects(filter: { title: "Culture of Security" }) { nodes { id } } }`)).projects.nodes[0];
      const filed = await gqlOk(
        FILE,
        { input: { kind: 'EXTENSION', projectId: project.id, requestedEndDate: '2009-12', reason: 'race test', filedOn: '2008-04-01' } },
        secretariat,
      );
      const request = filed.fileApprovalRequest;
      expect(request.steps.map((s: GqlData) => `${s.body.code} ${s.mode}`)).toEqual(['SPSG IN_PLENARY', 'TEL IN_PLENARY', 'SOM IN_PLENARY']);
      const spsg = step(request, 'SPSG');
      const before = await decisionCount();
      const results = await Promise.all(
        Array.from({ length: 8 }, () => t.gql(DECIDE, { input: { stepId: spsg.id, expectedVersion: spsg.version, outcome: 'APPROVED', decidedOn: '2008-04-02' } }, secretariat)),
      );
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.flatMap(errorCodes)).toEqual(Array(7).fill('CONFLICT'));
      expect(await decisionCount()).toBe(before + 1);
    });
  });

  describe('filing', () => {
    it('uses the usual chain for the kind and checks what the request is about', async () => {
      const projects = (await gqlOk(`{ projects(first: 50) { nodes { id title status } } }`)).projects.nodes;
      const pki = projects.find((p: GqlData) => p.title.includes('PKI'));
      const completed = projects.find((p: GqlData) => p.status === 'COMPLETED');
      const reprogram = await gqlOk(FILE, { input: { kind: 'REPROGRAMMING', projectId: pki.id, reason: 'move money between lines' } }, secretariat);
      expect(reprogram.fileApprovalRequest.steps.map((s: GqlData) => s.body.code)).toEqual(['SPSG', 'BMC']);
      const custom = await gqlOk(
        FILE,
        { input: { kind: 'REPORT_ENDORSEMENT', subject: 'Endorse a joint paper', steps: [{ groupCode: 'TEL' }, { groupCode: 'SOM' }] } },
        secretariat,
      );
      expect(custom.fileApprovalRequest).toMatchObject({ project: null, status: 'PENDING', awaitingStep: { body: { code: 'TEL' } } });
      expect(errorCodes(await t.gql(FILE, { input: { kind: 'EXTENSION', reason: 'no project' } }, secretariat))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await t.gql(FILE, { input: { kind: 'EXTENSION', projectId: completed.id } }, secretariat))).toEqual(['INVALID_STATE']);
      expect(errorCodes(await t.gql(FILE, { input: { kind: 'NEW_PROJECT', projectId: pki.id } }, secretariat))).toEqual(['INVALID_STATE']);
      expect(errorCodes(await t.gql(FILE, { input: { kind: 'EXTENSION', projectId: pki.id, requestedEndDate: '2009-01' } }, secretariat))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await t.gql(FILE, { input: { kind: 'REPORT_ENDORSEMENT' } }, secretariat))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await t.gql(FILE, { input: { kind: 'REPORT_ENDORSEMENT', subject: 'x', steps: [{ groupCode: 'TEL' }, { groupCode: 'TEL' }] } }, secretariat))).toEqual([
        'BAD_USER_INPUT',
      ]);
    });

    it('lets an overseer file an extension for their own project only, on the usual chain', async () => {
      const projects = (await gqlOk(`{ projects(first: 50) { nodes { id title } } }`)).projects.nodes;
      const pki = projects.find((p: GqlData) => p.title.includes('PKI'));
      const other = projects.find((p: GqlData) => p.title.includes('Cyber Security Exercises'));
      const overseer = await accountFor(t, [Role.OVERSEER]);
      await gqlOk(`mutation($id: ID!, $e: [String!]) { updateProject(input: { id: $id, overseerAccountEmails: $e }) { id } }`, { id: pki.id, e: [overseer.email] }, secretariat);
      const filed = await t.gql(FILE, { input: { kind: 'EXTENSION', projectId: pki.id, requestedEndDate: '2010-10', reason: 'one more course' } }, overseer.token);
      expect(filed.errors).toBeUndefined();
      expect(filed.data.fileApprovalRequest.steps.map((s: GqlData) => s.body.code)).toEqual(['SPSG', 'TEL', 'SOM']);
      expect(errorCodes(await t.gql(FILE, { input: { kind: 'EXTENSION', projectId: other.id, requestedEndDate: '2010-10' } }, overseer.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await t.gql(FILE, { input: { kind: 'EXTENSION', projectId: pki.id, steps: [{ groupCode: 'TEL' }] } }, overseer.token))).toEqual(['FORBIDDEN']);
      expect(errorCodes(await t.gql(FILE, { input: { kind: 'NEW_PROJECT', projectId: pki.id } }, overseer.token))).toEqual(['FORBIDDEN']);
    });

    it('withdraws a pending request, and only a pending one', async () => {
      const custom = await bySubject('Endorse a joint paper');
      const WITHDRAW = `mutation($id: ID!) { withdrawApprovalRequest(input: { id: $id, note: "no longer needed" }) { status awaitingStep { id } } }`;
      expect((await gqlOk(WITHDRAW, { id: custom.id }, secretariat)).withdrawApprovalRequest).toEqual({ status: 'WITHDRAWN', awaitingStep: null });
      expect(errorCodes(await t.gql(WITHDRAW, { id: custom.id }, secretariat))).toEqual(['INVALID_STATE']);
      expect(errorCodes(await decide(custom, 'TEL', { outcome: 'APPROVED' }))).toEqual(['INVALID_STATE']);
    });
  });
});
