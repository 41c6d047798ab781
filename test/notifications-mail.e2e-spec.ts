import { Role } from '@tel/core';
import { accountFor, createTestApp, errorCodes, SmtpInbox, TestApp, TestAccount, waitForJobs } from '@tel/testing';

/**
 * Accounts as people and the mail they get, through a real SMTP server of the test's own on a
 * loopback port: an invited overseer chooses a password from the link, submits a report, the
 * secretariat is mailed; the overseer is mailed when it is returned; a decision mails both.
 */
const PUBLIC_URL = 'http://tel.test';

const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id email displayName roles activated } }`;
const ACCEPT = `mutation($token: String!, $password: String!) { acceptInvitation(input: { token: $token, password: $password }) }`;
const LOGIN = `mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { token } }`;
const FORGOT = `mutation($email: String!) { requestPasswordReset(input: { email: $email }) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(input: { token: $token, password: $password }) }`;
const CHANGE = `mutation($current: String!, $next: String!) { changePassword(input: { currentPassword: $current, newPassword: $next }) { ok token } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const DRAFT = `mutation($input: DraftProgressReportInput!) { draftProgressReport(input: $input) { id } }`;
const EDIT = `mutation($input: UpdateProgressReportInput!) { updateProgressReport(input: $input) { id version } }`;
const SUBMIT = `mutation($id: ID!) { submitProgressReport(input: { id: $id }) { status } }`;
const RECEIVE = `mutation($id: ID!) { receiveProgressReport(input: { id: $id, dateReceived: "2008-03-05" }) { status } }`;
const RETURN = `mutation($id: ID!, $comment: String!) { returnProgressReport(input: { id: $id, comment: $comment }) { status } }`;
const MINE = `{ myNotifications { unreadCount totalCount nodes { id kind title body path read } } }`;

/** The one-time link's secret in a message (`/invitation/…` or `/reset-password/…`). */
function linkSecret(text: string, page: string): string {
  const m = new RegExp(`${PUBLIC_URL.replace(/[.]/g, '\\.')}/${page}/([A-Za-z0-9_-]{43})`).exec(text);
  if (!m) throw new Error(`no ${page} link in: ${text}`);
  return m[1];
}

describe('accounts, notifications and mail through a real SMTP server (e2e)', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let secretariat: TestAccount;
  let otherSecretariat: TestAccount;
  let overseer: { email: string; password: string; token: string; id: string };
  let projectId: string;
  let reportId: string;

  beforeAll(async () => {
    inbox = await new SmtpInbox().start();
    t = await createTestApp({ env: { SMTP_URL: inbox.url, PUBLIC_URL, MAIL_FROM: 'TEL registry <registry@tel.test>', JOB_BACKOFF_MS: '50', REMINDER_INTERVAL_MS: '0' } });
    await waitForJobs(t, 120_000); // the seed's papers are indexed first; mail then does not queue behind them
    secretariat = await accountFor(t, [Role.SECRETARIAT]);
    otherSecretariat = await accountFor(t, [Role.SECRETARIAT]);
  });
  afterAll(async () => {
    await t?.close();
    await inbox?.stop();
  });

  const gqlOk = async <T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
    const res = await t.gql<T>(query, variables, token);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  type Listed = { myNotifications: { unreadCount: number; totalCount: number; nodes: { kind: string; title: string; read: boolean }[] } };
  type Login = { login: { token: string } };

  it('invites an overseer, who chooses a password from the link (once) and signs in', async () => {
    const email = 'pai-por.wang@tel.test';
    const invited = (await gqlOk<{ inviteUser: { id: string } }>(INVITE, { input: { email, displayName: 'Pai-Por Wang', roles: ['OVERSEER'] } }, secretariat.token)).inviteUser;
    expect(invited).toMatchObject({ email, displayName: 'Pai-Por Wang', roles: ['OVERSEER'], activated: false });
    await inbox.waitFor(() => inbox.to(email).length === 1, 'the invitation');
    const [mail] = inbox.to(email);
    expect(mail.subject).toBe('You are invited to the APEC TEL registry');
    expect(mail.from).toBe('registry@tel.test');
    expect(mail.text).toContain('Dear Pai-Por Wang');
    const secret = linkSecret(mail.text, 'invitation');
    expect(mail.html).toContain(`href="${PUBLIC_URL}/invitation/${secret}"`);
    // The secret is stored nowhere: not in the outbox, not as the link's row.
    const stored = JSON.stringify(await t.dataSource.query(`SELECT * FROM mail_message`)) + JSON.stringify(await t.dataSource.query(`SELECT * FROM account_token`));
    expect(stored).not.toContain(secret);
    // The link is a page of the site (its index.html, or 503 while the site is not built), not "Page not found".
    expect((await fetch(`${t.url}/invitation/${secret}`)).status).not.toBe(404);

    expect(errorCodes(await t.gql(LOGIN, { email, password: 'not chosen yet!!' }))).toEqual(['UNAUTHENTICATED']);
    const password = 'a long passphrase of mine';
    expect((await gqlOk<{ acceptInvitation: boolean }>(ACCEPT, { token: secret, password })).acceptInvitation).toBe(true);
    const again = await t.gql(ACCEPT, { token: secret, password: 'another long passphrase' });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ACCOUNT_LINK_INVALID' });
    const token = (await gqlOk<Login>(LOGIN, { email, password })).login.token;
    overseer = { email, password, token, id: invited.id };
  });

  it('mails the secretariat when the overseer submits a report, and the overseer when it is returned', async () => {
    projectId = (
      await gqlOk<{ createProject: { id: string } }>(
        CREATE_PROJECT,
        { input: { title: 'Mailed project', steeringGroupCode: 'SPSG', status: 'IN_PROGRESS', proposingEconomyCodes: ['CT'], overseerAccountEmails: [overseer.email] } },
        secretariat.token,
      )
    ).createProject.id;
    reportId = (await gqlOk<{ draftProgressReport: { id: string } }>(DRAFT, { input: { projectId, meetingCode: 'TEL37' } }, overseer.token)).draftProgressReport.id;
    await gqlOk(
      EDIT,
      {
        input: {
          id: reportId,
          onSchedule: 'YES',
          withinBudget: 'YES',
          objectivesResults: 'Seminar held.',
          progressSinceLastReport: 'Started.',
          overseerSignatureDate: '2008-03-01',
          overseerSignatureName: 'Pai-Por Wang',
        },
      },
      overseer.token,
    );
    await gqlOk(SUBMIT, { id: reportId }, overseer.token);
    await inbox.waitFor(() => inbox.to(secretariat.email).length === 1 && inbox.to(otherSecretariat.email).length === 1, 'the submission to both secretariat accounts');
    const [submitted] = inbox.to(secretariat.email);
    expect(submitted.subject).toBe('Progress report submitted: Mailed project');
    expect(submitted.text).toContain(`${overseer.email} submitted the TEL37 progress report of "Mailed project"`);
    expect(submitted.text).toContain(`${PUBLIC_URL}/projects/${projectId}`);
    expect(submitted.html).toContain(`href="${PUBLIC_URL}/projects/${projectId}"`);

    // In the web app too, with the unread count.
    const listed = (await gqlOk<Listed>(MINE, {}, secretariat.token)).myNotifications;
    expect(listed).toMatchObject({ unreadCount: 1, totalCount: 1, nodes: [{ kind: 'REPORT_SUBMITTED', title: 'Progress report submitted: Mailed project', read: false }] });

    await gqlOk(RECEIVE, { id: reportId }, secretariat.token);
    await gqlOk(RETURN, { id: reportId, comment: 'Say why the schedule slipped.' }, secretariat.token);
    await inbox.waitFor(() => inbox.to(overseer.email).filter((m) => m.subject.startsWith('Progress report returned')).length === 1, 'the returned report');
    const returned = inbox.to(overseer.email).find((m) => m.subject.startsWith('Progress report returned'))!;
    expect(returned.subject).toBe('Progress report returned: Mailed project');
    expect(returned.text).toContain('Their comment: Say why the schedule slipped.');
    expect(inbox.to(overseer.email).map((m) => m.subject)).toEqual([
      'You are invited to the APEC TEL registry',
      'Progress report received: Mailed project',
      'Progress report returned: Mailed project',
    ]);
    const mine = (await gqlOk<Listed>(MINE, {}, overseer.token)).myNotifications;
    expect(mine.unreadCount).toBe(2);
    expect((await gqlOk<{ markNotificationsRead: number }>(`mutation { markNotificationsRead(input: {}) }`, {}, overseer.token)).markNotificationsRead).toBe(0);
  });

  it('sends nothing of a kind someone switched off, in the web app or by mail', async () => {
    await gqlOk(`mutation { setNotificationSetting(input: { kind: REPORT_SUBMITTED, enabled: false }) { kind enabled } }`, {}, otherSecretariat.token);
    const settings = (await gqlOk<{ myNotificationSettings: { kind: string; enabled: boolean }[] }>(`{ myNotificationSettings { kind enabled } }`, {}, otherSecretariat.token))
      .myNotificationSettings;
    expect(settings).toContainEqual({ kind: 'REPORT_SUBMITTED', enabled: false });
    expect(errorCodes(await t.gql(`mutation { setNotificationSetting(input: { kind: ACCOUNT, enabled: false }) { kind } }`, {}, otherSecretariat.token))).toEqual([
      'BAD_USER_INPUT',
    ]);
    await gqlOk(SUBMIT, { id: reportId }, overseer.token);
    await inbox.waitFor(() => inbox.to(secretariat.email).length === 2, 'the second submission');
    await t.app.get((await import('@tel/jobs')).JobsService).drain();
    expect(inbox.to(otherSecretariat.email)).toHaveLength(1);
    expect((await gqlOk<Listed>(MINE, {}, otherSecretariat.token)).myNotifications.totalCount).toBe(1);
  });

  it('resets a forgotten password by a one-time link, answering alike for an unknown address', async () => {
    expect((await gqlOk<{ requestPasswordReset: boolean }>(FORGOT, { email: 'nobody@tel.test' })).requestPasswordReset).toBe(true);
    expect((await gqlOk<{ requestPasswordReset: boolean }>(FORGOT, { email: overseer.email.toUpperCase() })).requestPasswordReset).toBe(true);
    await inbox.waitFor(() => inbox.to(overseer.email).some((m) => m.subject.startsWith('Reset your password')), 'the reset link');
    expect(inbox.to('nobody@tel.test')).toEqual([]);
    const secret = linkSecret(inbox.to(overseer.email).find((m) => m.subject.startsWith('Reset'))!.text, 'reset-password');
    const weak = await t.gql(RESET, { token: secret, password: 'short' });
    expect(weak.errors?.[0].extensions).toMatchObject({ reason: 'PASSWORD_WEAK' });
    expect((await gqlOk<{ resetPassword: boolean }>(RESET, { token: secret, password: 'the reset passphrase' })).resetPassword).toBe(true);
    expect(errorCodes(await t.gql(RESET, { token: secret, password: 'the reset passphrase 2' }))).toEqual(['BAD_USER_INPUT']);
    // The session token from before the reset stopped working.
    expect(errorCodes(await t.gql(`{ me { email } }`, {}, overseer.token))).toEqual(['UNAUTHENTICATED']);
    overseer.password = 'the reset passphrase';
    overseer.token = (await gqlOk<Login>(LOGIN, { email: overseer.email, password: overseer.password })).login.token;
  });

  it('changes a password only with the current one, ending the other sessions', async () => {
    const other = (await gqlOk<Login>(LOGIN, { email: overseer.email, password: overseer.password })).login.token;
    const wrong = await t.gql(CHANGE, { current: 'not my password', next: 'a brand new passphrase' }, overseer.token);
    expect(wrong.errors?.[0].extensions).toMatchObject({ reason: 'PASSWORD_CURRENT_WRONG', field: 'input.currentPassword' });
    const changed = (await gqlOk<{ changePassword: { ok: boolean; token: string } }>(CHANGE, { current: overseer.password, next: 'a brand new passphrase' }, overseer.token))
      .changePassword;
    expect(changed.ok).toBe(true);
    expect(errorCodes(await t.gql(`{ me { email } }`, {}, other))).toEqual(['UNAUTHENTICATED']);
    expect((await gqlOk<{ me: { email: string } }>(`{ me { email } }`, {}, changed.token)).me.email).toBe(overseer.email);
    overseer.token = changed.token;
    await inbox.waitFor(() => inbox.to(overseer.email).some((m) => m.subject === 'Your password was changed'), 'the password-changed notice');
  });

  it('reminds the overseers 14, 7 and 1 days before the due date and when overdue, each once, in the meeting’s time zone', async () => {
    const reminders = () => inbox.to(overseer.email).filter((m) => /^Progress report (due|overdue)/.test(m.subject));
    const settle = async () => {
      await t.app.get((await import('@tel/jobs')).JobsService).drain();
      await waitForJobs(t, 30_000);
    };
    const run = async (at: string) => {
      await t.app.get((await import('@tel/projects')).ReportReminders).run(new Date(at));
      await settle();
    };
    // TEL38 (Lima) has no dates yet: the report is due, date not set — listed, not invisible.
    const before = (await gqlOk<{ reportDeadlines: unknown[] }>(`{ reportDeadlines(mine: true) { project { title } meeting { code } dueOn dueLabel filed } }`, {}, overseer.token))
      .reportDeadlines;
    expect(before).toEqual([{ project: { title: 'Mailed project' }, meeting: { code: 'TEL38' }, dueOn: null, dueLabel: 'due: date not set', filed: false }]);
    await run('2008-08-09T12:00:00Z');
    expect(reminders()).toEqual([]);

    await gqlOk(`mutation { updateMeeting(input: { code: "TEL38", startDate: "2008-09-22", endDate: "2008-09-26" }) { code } }`, {}, secretariat.token);
    // Due 30 days before the meeting: 2008-08-23. At 03:00 UTC on 9 August it is still the 8th in Lima: 15 days to go.
    await run('2008-08-09T03:00:00Z');
    expect(reminders()).toEqual([]);
    await run('2008-08-09T12:00:00Z');
    await run('2008-08-09T12:00:00Z'); // the same pass again (a restart, another process): nothing new
    await run('2008-08-12T12:00:00Z'); // still the 14-day stage
    await inbox.waitFor(() => reminders().length >= 1, 'the 14-day reminder');
    await run('2008-08-16T12:00:00Z');
    await run('2008-08-22T12:00:00Z');
    await Promise.all([run('2008-08-24T12:00:00Z'), run('2008-08-24T12:00:00Z'), run('2008-08-25T12:00:00Z')]);
    await inbox.waitFor(() => reminders().length >= 4, 'four reminders');
    await settle();
    expect(reminders().map((m) => m.subject)).toEqual([
      'Progress report due in 14 days: Mailed project',
      'Progress report due in 7 days: Mailed project',
      'Progress report due tomorrow: Mailed project',
      'Progress report overdue: Mailed project',
    ]);
    expect(reminders()[0].text).toContain('is due on 2008-08-23');
    expect(reminders()[0].text).toContain(`${PUBLIC_URL}/projects/${projectId}`);
    // By the real clock TEL38 (2008) is past: the next report is for TEL39, which has no dates yet.
    const after = (await gqlOk<{ reportDeadlines: unknown[] }>(`{ reportDeadlines(mine: true) { meeting { code } dueOn dueLabel } }`, {}, overseer.token)).reportDeadlines;
    expect(after).toEqual([{ meeting: { code: 'TEL39' }, dueOn: null, dueLabel: 'due: date not set' }]);
  });

  it('lets the account linked to the TEL Chair record the chair’s decision, and mails the secretariat', async () => {
    const holders = (
      await gqlOk<{ group: { officeHolders: { role: string; person: { id: string } }[] } }>(
        `{ group(code: "TEL") { officeHolders { role person { id name } } } }`,
        {},
        secretariat.token,
      )
    ).group.officeHolders;
    const chair = holders.find((h) => h.role === 'CHAIR')!.person;
    const waiting = (
      await gqlOk<{ approvalRequests: { nodes: { id: string; subject: string; awaitingStep: { id: string; mode: string; version: number } }[] } }>(
        `{ approvalRequests(filter: { awaitingBody: "TEL" }) { nodes { id subject awaitingStep { id mode version } } } }`,
        {},
        secretariat.token,
      )
    ).approvalRequests.nodes.find((r) => r.awaitingStep.mode === 'BY_CHAIR')!;
    expect(waiting).toBeDefined();
    const decide = `mutation($input: DecideApprovalStepInput!) { decideApprovalStep(input: $input) { status } }`;
    const input = { stepId: waiting.awaitingStep.id, expectedVersion: waiting.awaitingStep.version, outcome: 'APPROVED', decidedOn: '2008-05-02' };
    // An account not linked to the chair may not; linked, it may.
    const plain = await accountFor(t, [Role.DELEGATE], { economyCode: 'THA' });
    expect((await t.gql(decide, { input }, plain.token)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_CHAIR' });
    const linked = await accountFor(t, [Role.DELEGATE], { economyCode: 'THA' });
    const updated = await gqlOk<{ updateUser: { personId: string } }>(
      `mutation($input: UpdateUserInput!) { updateUser(input: $input) { personId } }`,
      { input: { email: linked.email, personId: chair.id } },
      secretariat.token,
    );
    expect(updated.updateUser.personId).toBe(chair.id);
    const relinked = (await gqlOk<Login>(LOGIN, { email: linked.email, password: linked.password })).login.token;
    await gqlOk(decide, { input }, relinked);
    await inbox.waitFor(() => inbox.to(secretariat.email).some((m) => m.subject === `Decision recorded: ${waiting.subject}`), 'the decision');
    expect(inbox.to(secretariat.email).find((m) => m.subject === `Decision recorded: ${waiting.subject}`)!.text).toContain('TEL (chair) approved by its chair on 2008-05-02');
  });

  it('keeps every message sent exactly once', () => {
    const ids = inbox.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
