import { Logger } from '@nestjs/common';
import { Role } from '@tel/core';
import { accountFor, createTestApp, SmtpInbox, TestApp, TestAccount, waitForJobs } from '@tel/testing';
import { reportDrill } from './drill-report';

/**
 * Fault drill: the SMTP server refuses every message (451), then is down (port closed), while
 * overseers submit progress reports. Every submission is acknowledged; its mail waits in the
 * outbox (retried with backoff, then put back by the reconciliation). When the server is back,
 * every mail arrives, each exactly once.
 */
const DRAFT = `mutation($input: DraftProgressReportInput!) { draftProgressReport(input: $input) { id } }`;
const EDIT = `mutation($input: UpdateProgressReportInput!) { updateProgressReport(input: $input) { id } }`;
const SUBMIT = `mutation($id: ID!) { submitProgressReport(input: { id: $id }) { status } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`;

describe('fault drill: the SMTP server refuses, then is down, while reports are submitted', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let secretariat: TestAccount;
  let overseer: TestAccount;

  beforeAll(async () => {
    inbox = await new SmtpInbox().start();
    t = await createTestApp({
      env: { SMTP_URL: inbox.url, PUBLIC_URL: 'http://tel.test', JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '50', JOB_RECONCILE_INTERVAL_MS: '300', JOB_RECONCILE_GRACE_MS: '200' },
    });
    await waitForJobs(t, 120_000);
    secretariat = await accountFor(t, [Role.SECRETARIAT]);
    overseer = await accountFor(t, [Role.OVERSEER]);
  });
  afterAll(async () => {
    await t?.close();
    await inbox?.stop();
  });

  const gqlOk = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const res = await t.gql<T>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const count = async (where: string): Promise<number> => {
    const rows: { n: number | string }[] = await t.dataSource.query(`SELECT COUNT(*) AS n FROM mail_message WHERE ${where}`);
    return Number(rows[0].n);
  };
  type Submitted = { submitProgressReport: { status: string } };

  async function readyReport(title: string): Promise<string> {
    const projectId = (
      await gqlOk<{ createProject: { id: string } }>(
        CREATE_PROJECT,
        { input: { title, steeringGroupCode: 'SPSG', status: 'IN_PROGRESS', overseerAccountEmails: [overseer.email] } },
        secretariat.token,
      )
    ).createProject.id;
    const id = (await gqlOk<{ draftProgressReport: { id: string } }>(DRAFT, { input: { projectId, meetingCode: 'TEL37' } }, overseer.token)).draftProgressReport.id;
    await gqlOk(
      EDIT,
      { input: { id, onSchedule: 'YES', withinBudget: 'YES', objectivesResults: 'Done.', progressSinceLastReport: 'Done.', overseerSignatureDate: '2008-03-01' } },
      overseer.token,
    );
    return id;
  }

  it('loses no message and sends none twice', async () => {
    // Expected: every refused or unreachable try is logged (warn, and error when its tries run out). Silenced here.
    const quiet = [jest.spyOn(Logger.prototype, 'warn').mockImplementation(), jest.spyOn(Logger.prototype, 'error').mockImplementation()];
    const titles = ['Drill A', 'Drill B', 'Drill C', 'Drill D', 'Drill E', 'Drill F'];
    const reports = [];
    for (const title of titles) reports.push(await readyReport(title));
    let acknowledged = 0;

    // 1. The server answers 451 to every message.
    inbox.refuse(true);
    for (const id of reports.slice(0, 3)) if ((await gqlOk<Submitted>(SUBMIT, { id }, overseer.token)).submitProgressReport.status === 'SUBMITTED') acknowledged++;
    // Tried and refused (the failures are recorded), nothing delivered.
    const deadline = Date.now() + 20_000;
    while ((await count('failures > 0')) < 3) {
      if (Date.now() > deadline) throw new Error('the refused messages were not tried');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(inbox.received).toEqual([]);

    // 2. The server is down: the port is closed.
    await inbox.stop();
    for (const id of reports.slice(3)) if ((await gqlOk<Submitted>(SUBMIT, { id }, overseer.token)).submitProgressReport.status === 'SUBMITTED') acknowledged++;
    expect(await count(`status = 'PENDING'`)).toBe(6);

    // 3. Back, on the same port, accepting again: everything arrives, once.
    inbox.refuse(false);
    await inbox.start();
    await inbox.waitFor(() => inbox.to(secretariat.email).length >= 6, 'the six submissions', 60_000);
    // Let the outbox, the retries and a few reconciliation passes run out: nothing more may come.
    await waitForJobs(t, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const subjects = inbox.to(secretariat.email).map((m) => m.subject);
    const present = titles.filter((title) => subjects.includes(`Progress report submitted: ${title}`)).length;
    const duplicated = subjects.length - new Set(subjects).size;
    const sent = await count(`status = 'SENT'`);
    reportDrill('smtp-down', t.dialect, { attempted: titles.length, acknowledged, present, duplicated }, `SMTP refused 3, was down for 3; ${sent} outbox rows SENT`);
    expect(acknowledged).toBe(6);
    expect(present).toBe(6);
    expect(duplicated).toBe(0);
    expect(sent).toBe(6);
    expect(quiet[0]).toHaveBeenCalled(); // the failures were seen and logged
    for (const spy of quiet) spy.mockRestore();
  });
});
