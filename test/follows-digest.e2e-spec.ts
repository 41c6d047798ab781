import { Role } from '@tel/core';
import { JobsService } from '@tel/jobs';
import { FollowDigest } from '@tel/notifications';
import { accountFor, createTestApp, ensureWebBuild, errorCodes, SmtpInbox, TestAccount, TestApp, waitForJobs } from '@tel/testing';
import { CHROMIUM_FLAGS, expectAccessible, expectNoOverflow, openPage, signIn } from './browser';

/**
 * Follows and the daily digest, through a real SMTP server of the test's own: a delegate follows
 * SPSG and TEL37; the secretariat registers two documents (one restricted) and a revision; one
 * digest pass mails one message listing all three, with links to their pages; the next pass
 * sends nothing; at most one digest a day; FOLLOWED_DOCUMENTS off stops it; unfollowing stops it.
 */
const PUBLIC_URL = 'http://tel.test';
const DAY = 24 * 3600 * 1000;

const FOLLOW = `mutation($input: FollowInput!) { follow(input: $input) { id kind group { code } meeting { code } createdAt } }`;
const UNFOLLOW = `mutation($input: FollowInput!) { unfollow(input: $input) }`;
const MY_FOLLOWS = `{ myFollows { kind group { code } meeting { code } } }`;
const FOLLOWED = `{ group(code: "SPSG") { followedByMe } meeting(code: "TEL37") { followedByMe } }`;
const REGISTER = `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { symbol } }`;
const REVISE = `mutation($input: AddRevisionInput!) { addRevision(input: $input) { number } }`;
const SETTING = `mutation($enabled: Boolean!) { setNotificationSetting(input: { kind: FOLLOWED_DOCUMENTS, enabled: $enabled }) { kind enabled } }`;

describe('follows and the daily digest of followed documents (e2e)', () => {
  let t: TestApp;
  let inbox: SmtpInbox;
  let secretariat: TestAccount;
  let delegate: TestAccount;
  let disabled: TestAccount;
  /** The clock of the digest passes: moved a day forward per test, from the real time. */
  let day = 0;
  /** The clock of the last pass that sent a digest. */
  let lastSentAt = new Date(0);

  beforeAll(async () => {
    inbox = await new SmtpInbox().start();
    t = await createTestApp({ env: { SMTP_URL: inbox.url, PUBLIC_URL, JOB_BACKOFF_MS: '50', REMINDER_INTERVAL_MS: '0' } });
    await waitForJobs(t, 120_000); // the seed's papers are indexed first; mail then does not queue behind them
    secretariat = await accountFor(t, [Role.SECRETARIAT]);
    delegate = await accountFor(t, [Role.DELEGATE]);
    disabled = await accountFor(t, [Role.DELEGATE]);
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
  const register = async (title: string, access: 'PUBLIC' | 'RESTRICTED' = 'PUBLIC', groupCode = 'SPSG') =>
    (
      await gqlOk<{ registerDocument: { symbol: string } }>(
        REGISTER,
        { input: { meetingCode: 'TEL37', groupCode, title, type: 'REPORT', purpose: 'INFORMATION', access } },
        secretariat.token,
      )
    ).registerDocument.symbol;
  /** A digest pass a day later than the last, then every mail it queued sent. */
  const pass = async (): Promise<number> => {
    day++;
    const at = new Date(Date.now() + day * DAY);
    const sent = await t.app.get(FollowDigest).run(at);
    if (sent) lastSentAt = at;
    await t.app.get(JobsService).drain();
    await waitForJobs(t, 30_000);
    return sent;
  };
  const digests = (email: string) => inbox.to(email).filter((m) => / new documents? for /.test(m.subject));

  it('lets only a signed-in account follow, a group or a meeting by its code', async () => {
    expect(errorCodes(await t.gql(FOLLOW, { input: { groupCode: 'SPSG' } }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await t.gql(FOLLOW, { input: {} }, delegate.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await t.gql(FOLLOW, { input: { groupCode: 'SPSG', meetingCode: 'TEL37' } }, delegate.token))).toEqual(['BAD_USER_INPUT']);
    expect((await t.gql(FOLLOW, { input: { groupCode: 'NOPE' } }, delegate.token)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'GROUP_NOT_FOUND' });
    expect((await gqlOk<{ group: { followedByMe: boolean } }>(FOLLOWED, {})).group.followedByMe).toBe(false);
  });

  it('follows SPSG and TEL37 (once, however often asked) and says so on the group and the meeting', async () => {
    const first = (await gqlOk<{ follow: { id: string; kind: string; group: { code: string } } }>(FOLLOW, { input: { groupCode: 'spsg' } }, delegate.token)).follow;
    expect(first).toMatchObject({ kind: 'GROUP', group: { code: 'SPSG' }, meeting: null });
    const again = (await gqlOk<{ follow: { id: string } }>(FOLLOW, { input: { groupCode: 'SPSG' } }, delegate.token)).follow;
    expect(again.id).toBe(first.id);
    await gqlOk(FOLLOW, { input: { meetingCode: 'TEL37' } }, delegate.token);
    expect((await gqlOk<{ myFollows: unknown[] }>(MY_FOLLOWS, {}, delegate.token)).myFollows).toEqual([
      { kind: 'GROUP', group: { code: 'SPSG' }, meeting: null },
      { kind: 'MEETING', group: null, meeting: { code: 'TEL37' } },
    ]);
    expect(await gqlOk(FOLLOWED, {}, delegate.token)).toEqual({ group: { followedByMe: true }, meeting: { followedByMe: true } });
    expect(await gqlOk(FOLLOWED, {}, secretariat.token)).toEqual({ group: { followedByMe: false }, meeting: { followedByMe: false } });
    expect(await gqlOk(FOLLOWED, {})).toEqual({ group: { followedByMe: false }, meeting: { followedByMe: false } });
  });

  it('reads followedByMe of every group and meeting in a constant number of statements', async () => {
    const count = async (query: string) => {
      const before = t.queryCount();
      await gqlOk(query, {}, delegate.token);
      return t.queryCount() - before;
    };
    const one = await count(`{ meeting(code: "TEL37") { followedByMe } group(code: "SPSG") { followedByMe } }`);
    const all = await count(`{ meetings(first: 50) { nodes { followedByMe } } groups { followedByMe } }`);
    const plain = await count(`{ meetings(first: 50) { nodes { code } } groups { code } }`);
    expect(all - plain).toBeLessThanOrEqual(2); // one statement per kind, whatever the number of rows
    expect(one).toBeGreaterThan(0);
  });

  it('mails one digest listing two new documents and a revision, with working links, and nothing on the next pass', async () => {
    // A follower whose account is disabled is no member any more: told of nothing, restricted or not.
    await gqlOk(FOLLOW, { input: { meetingCode: 'TEL37' } }, disabled.token);
    await gqlOk(`mutation($email: String!) { disableUser(input: { email: $email }) { disabled } }`, { email: disabled.email }, secretariat.token);

    const restricted = await register('Draft PKI interoperability findings', 'RESTRICTED');
    const open = await register('ICT for small and medium enterprises');
    expect((await gqlOk<{ addRevision: { number: number } }>(REVISE, { input: { symbol: open, note: 'Figures updated' } }, secretariat.token)).addRevision.number).toBe(1);

    expect(await pass()).toBe(1);
    const [mail, ...more] = digests(delegate.email);
    expect(more).toEqual([]);
    expect(mail.subject).toBe('3 new documents for SPSG at TEL37');
    const links = [`${PUBLIC_URL}/documents/${restricted}`, `${PUBLIC_URL}/documents/${open}`, `${PUBLIC_URL}/documents/${open}-Rev.1`];
    expect(mail.text).toContain(`${restricted} — Draft PKI interoperability findings\n  ${links[0]}`);
    expect(mail.text).toContain(`${open} — ICT for small and medium enterprises\n  ${links[1]}`);
    expect(mail.text).toContain(`${open} [Rev.1] — ICT for small and medium enterprises\n  ${links[2]}`);
    for (const link of links) expect(mail.html).toContain(`href="${link}"`);
    // Each link is a page of the site (its index.html, or 503 while the site is not built), and names the document the API knows.
    for (const link of links) {
      const path = link.slice(PUBLIC_URL.length);
      expect((await fetch(`${t.url}${path}`)).status).not.toBe(404);
      const symbol = decodeURIComponent(path.slice('/documents/'.length));
      expect((await gqlOk<{ document: { symbol: string } }>(`query($s: String!) { document(symbol: $s) { symbol } }`, { s: symbol }, delegate.token)).document.symbol).toBe(
        symbol.replace(/-Rev\.\d+$/, ''),
      );
    }
    expect(inbox.to(disabled.email)).toEqual([]);

    const listed = (
      await gqlOk<{ myNotifications: { nodes: { kind: string; title: string; body: string }[] } }>(`{ myNotifications { nodes { kind title body } } }`, {}, delegate.token)
    ).myNotifications.nodes;
    expect(listed[0]).toMatchObject({ kind: 'FOLLOWED_DOCUMENTS', title: '3 new documents for SPSG at TEL37' });
    expect(listed[0].body).toContain(links[2]);

    expect(await pass()).toBe(0);
    expect(digests(delegate.email)).toHaveLength(1);
  });

  it('sends at most one digest a day: what comes after waits for the next day', async () => {
    const symbol = await register('Second-day paper');
    // Later on the day of the last digest (its clock plus a second): nothing yet.
    expect(await t.app.get(FollowDigest).run(new Date(lastSentAt.getTime() + 1000))).toBe(0);
    expect(await pass()).toBe(1);
    const mails = digests(delegate.email);
    expect(mails).toHaveLength(2);
    expect(mails[1].subject).toBe('1 new document for SPSG at TEL37');
    expect(mails[1].text).toContain(`${PUBLIC_URL}/documents/${symbol}`);
    // A document of another group at the followed meeting comes too, under its own heading.
    await register('A DSG paper', 'PUBLIC', 'DSG');
    expect(await pass()).toBe(1);
    expect(digests(delegate.email)[2].subject).toBe('1 new document for DSG at TEL37');
  });

  it('sends nothing while FOLLOWED_DOCUMENTS is switched off, and drops what came meanwhile', async () => {
    await gqlOk(SETTING, { enabled: false }, delegate.token);
    await register('Paper while switched off');
    expect(await pass()).toBe(0);
    await gqlOk(SETTING, { enabled: true }, delegate.token);
    expect(await pass()).toBe(0);
    expect(digests(delegate.email)).toHaveLength(3);
  });

  it('stops the digest on unfollowing', async () => {
    expect((await gqlOk<{ unfollow: boolean }>(UNFOLLOW, { input: { groupCode: 'SPSG' } }, delegate.token)).unfollow).toBe(true);
    expect((await gqlOk<{ unfollow: boolean }>(UNFOLLOW, { input: { meetingCode: 'TEL37' } }, delegate.token)).unfollow).toBe(true);
    expect((await gqlOk<{ unfollow: boolean }>(UNFOLLOW, { input: { meetingCode: 'TEL37' } }, delegate.token)).unfollow).toBe(false);
    expect((await gqlOk<{ myFollows: unknown[] }>(MY_FOLLOWS, {}, delegate.token)).myFollows).toEqual([]);
    expect(await gqlOk(FOLLOWED, {}, delegate.token)).toEqual({ group: { followedByMe: false }, meeting: { followedByMe: false } });
    await register('Paper after unfollowing');
    expect(await pass()).toBe(0);
    expect(digests(delegate.email)).toHaveLength(3);
  });
});

const CHROMIUM_PATH = process.env.CHROMIUM_PATH;
if (!CHROMIUM_PATH) {
  console.log('follow button browser tests left out: set CHROMIUM_PATH=/usr/bin/chromium to run them');
} else {
  describe('the Follow button on the group and meeting pages, in a browser (e2e)', () => {
    let t: TestApp;
    let browser: import('playwright-core').Browser;
    let delegate: TestAccount;

    beforeAll(async () => {
      ensureWebBuild();
      t = await createTestApp({ env: { REMINDER_INTERVAL_MS: '0' } });
      delegate = await accountFor(t, [Role.DELEGATE]);
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it('is offered to a signed-in account only, and toggles Follow / Following as the server records it', async () => {
      const { context, page, problems } = await openPage(browser);
      try {
        await page.goto(`${t.url}/groups/SPSG`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(await page.getByRole('button', { name: /^Follow/ }).count()).toBe(0);

        await signIn(page, t.url, delegate, '/groups/SPSG');
        const button = page.getByRole('button', { name: 'Follow SPSG' });
        await button.waitFor();
        expect(await button.getAttribute('aria-pressed')).toBe('false');
        await expectAccessible(page, '/groups/SPSG signed in');
        await button.click();
        const following = page.getByRole('button', { name: 'Following SPSG' });
        await following.waitFor();
        expect(await following.getAttribute('aria-pressed')).toBe('true');
        const mine = async () =>
          (
            await t.gql<{ myFollows: { group: { code: string } | null; meeting: { code: string } | null }[] }>(
              `{ myFollows { group { code } meeting { code } } }`,
              {},
              delegate.token,
            )
          ).data.myFollows;
        expect(await mine()).toEqual([{ group: { code: 'SPSG' }, meeting: null }]);

        await page.goto(`${t.url}/meetings/TEL37`);
        await page.getByRole('button', { name: 'Follow TEL37' }).click();
        await page.getByRole('button', { name: 'Following TEL37' }).waitFor();
        expect(await mine()).toHaveLength(2);
        await page.getByRole('button', { name: 'Following TEL37' }).click();
        await page.getByRole('button', { name: 'Follow TEL37' }).waitFor();
        expect(await mine()).toEqual([{ group: { code: 'SPSG' }, meeting: null }]);
        await page.setViewportSize({ width: 390, height: 900 });
        await expectNoOverflow(page, '/meetings/TEL37 at 390 px');

        // /account lists what I follow, and Unfollow there ends it on the server.
        await page.goto(`${t.url}/account`);
        const section = page.getByRole('region', { name: 'What I follow' });
        await section.getByRole('link', { name: 'SPSG' }).waitFor();
        await section.getByRole('button', { name: 'Unfollow SPSG' }).click();
        await section.getByText('You follow nothing yet.').waitFor();
        expect(await mine()).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    }, 180_000);
  });
}
