import * as fs from 'node:fs';
import { CHROMIUM_FLAGS, expectAccessible, openPage as openBrowserPage, signIn as signInAt } from './browser';
import { accountFor, createTestApp, ensureWebBuild, TestAccount, TestApp, tokenFor, waitForJobs } from '@tel/testing';
import { addDays, Role, todayUtc } from '@tel/core';

/**
 * The overseers' side of the site in a real browser: an overseer files the PKI project's next
 * progress report from the previous one, without writing GraphQL; the Secretariat's part is done
 * over GraphQL here (its desk pages are tested on their own).
 */

const CHROMIUM_PATH = process.env.CHROMIUM_PATH;
const SHOTS = '/tmp/web-shots';
const BUILD_TIMEOUT = 300_000;
const BROWSER_TIMEOUT = 180_000;
const PKI_TITLE = 'APEC TEL PKI/e-Authentication Training Program';

if (!CHROMIUM_PATH) {
  console.log('overseer browser tests left out: set CHROMIUM_PATH=/usr/bin/chromium to run them');
  // A suite must hold a test: this one is reported as skipped, saying why.
  it.skip('left out: CHROMIUM_PATH is not set', () => undefined);
} else {
  describe('the overseers’ pages in a browser (e2e)', () => {
    let t: TestApp;
    let browser: import('playwright-core').Browser;
    let secretariat: string;
    let overseer: TestAccount;
    let otherOverseer: TestAccount;
    let delegate: TestAccount;
    let pkiId: string;
    let voipId: string;

    type Page = import('playwright-core').Page;
    const openPage = (width = 1440) => openBrowserPage(browser, width);
    const signIn = (page: Page, account: { email: string; password: string }, next: string) => signInAt(page, t.url, account, next);

    const gqlOk = async <T = unknown>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> => {
      const res = await t.gql<T>(query, variables, token);
      expect(res.errors).toBeUndefined();
      return res.data;
    };

    beforeAll(async () => {
      ensureWebBuild();
      t = await createTestApp();
      await waitForJobs(t, 60_000);
      secretariat = await tokenFor(t, [Role.SECRETARIAT]);
      overseer = await accountFor(t, [Role.OVERSEER], { economyCode: 'CT' });
      otherOverseer = await accountFor(t, [Role.OVERSEER], { economyCode: 'AUS' });
      delegate = await accountFor(t, [Role.DELEGATE]);
      const projects = await gqlOk<{ projects: { nodes: { id: string; title: string }[] } }>(`{ projects(first: 50) { nodes { id title } } }`, {});
      const byTitle = (part: string) => projects.projects.nodes.find((p) => p.title.includes(part))!.id;
      pkiId = byTitle('PKI/e-Authentication');
      const link = `mutation($id: ID!, $e: [String!]) { updateProject(input: { id: $id, overseerAccountEmails: $e }) { id } }`;
      await gqlOk(link, { id: pkiId, e: [overseer.email] }, secretariat);
      voipId = byTitle('VoIP');
      await gqlOk(link, { id: voipId, e: [otherOverseer.email] }, secretariat);
      // TEL38 gets a date ahead, so the report has a due date and days left (the TEL37 report gives none for it).
      const start = addDays(todayUtc(), 45);
      await gqlOk(
        `mutation($s: String!, $e: String!) { updateMeeting(input: { code: "TEL38", startDate: $s, endDate: $e }) { code } }`,
        { s: start, e: addDays(start, 5) },
        secretariat,
      );
      fs.mkdirSync(SHOTS, { recursive: true });
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    }, BUILD_TIMEOUT);
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it(
      'lets an overseer draft the PKI report from the previous one, fix what is wrong, submit it, and resubmit it when returned',
      async () => {
        const { context, page, problems } = await openPage();
        try {
          await signIn(page, overseer, '/my/projects');
          await page.getByRole('heading', { level: 1, name: 'My projects' }).waitFor();
          await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My projects' }).waitFor();
          const row = page.getByRole('row', { name: new RegExp(PKI_TITLE.replace(/[/]/g, '.')) });
          await row.waitFor();
          expect(await row.textContent()).toMatch(/In progress.*October 2009.*For TEL38, by .*due in 15 days/);
          expect(await page.getByRole('row').count()).toBe(2); // the header and the one project
          await expectAccessible(page, '/my/projects');

          // The project page: every field, and the button that starts the next report.
          await row.getByRole('link', { name: PKI_TITLE }).click();
          await page.getByRole('heading', { level: 1, name: PKI_TITLE }).waitFor();
          const facts = await page.locator('dl.summary-list').textContent();
          expect(facts).toContain('at least US$400,000');
          expect(facts).toContain('November 2006 (known to the month)');
          expect(facts).toContain('Chinese Taipei');
          expect(facts).toContain('Thailand, Malaysia, Peru');
          await page.getByRole('link', { name: 'TEL37 report' }).waitFor();
          await expectAccessible(page, '/projects/{id}');
          await page.getByRole('button', { name: 'Start the TEL38 report' }).click();
          await page.waitForURL(/\/reports\/[\w-]+\/edit$/);
          const reportId = /\/reports\/([\w-]+)\/edit$/.exec(page.url())![1];

          // The draft starts from the TEL37 report: its answers are there, marked as carried over.
          await page.getByRole('heading', { level: 1, name: /TEL38 progress report/ }).waitFor();
          const objectives = page.getByLabel('Results so far against the expected results');
          expect(await objectives.inputValue()).toMatch(/2007/);
          expect(await page.locator('#objectivesResults-carried').textContent()).toMatch(/Carried over from the TEL37 report/);
          expect(await page.getByLabel('What has happened since the last report').inputValue()).toBe('');
          expect(await page.getByLabel('Total cost of proposal (US$)').inputValue()).toBe('400,000');
          expect(await page.getByLabel(/At least this sum \(a lower bound/).isChecked()).toBe(true);
          await expectAccessible(page, '/reports/{id}/edit');

          // A bad date is shown beside its field, and the summary links to it.
          await objectives.fill('2008 course planned for late October in Taipei, for 20 attendees.');
          expect(await page.locator('#objectivesResults-carried').count()).toBe(0);
          await page.getByLabel('Project start date').fill('2006-13');
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
          expect(await page.locator('#startDate-error').textContent()).toMatch(/start date as a year, a month or a day/);
          await page
            .locator('.error-summary')
            .getByRole('link', { name: /start date/ })
            .click();
          expect(await page.evaluate('document.activeElement.id')).toBe('startDate');
          await expectAccessible(page, '/reports/{id}/edit with errors');
          await page.getByLabel('Project start date').fill('2006-11');
          await page.getByLabel('What has happened since the last report').fill('2008 survey circulated on 1 April; responses by 12 May.');
          await page.getByRole('button', { name: 'Save draft' }).click();
          await page.getByText(/^Draft saved at \d\d:\d\d\.$/).waitFor();

          // Submitting asks for the status and the date signed first, beside their fields.
          await page.getByRole('button', { name: 'Submit the report…' }).click();
          await page.locator('#onSchedule-error').waitFor();
          expect(await page.locator('#overseerSignatureDate-error').textContent()).toMatch(/date you signed/);
          await page.getByRole('group', { name: 'Is the project on schedule?' }).getByLabel('Yes').check();
          await page.getByLabel('Signed by').fill('Pai-Por Wang');
          await page.getByLabel('Date', { exact: true }).fill('2008-08-20');
          await page.getByRole('button', { name: 'Submit the report…' }).click();
          const confirm = page.getByRole('region', { name: 'Submit the TEL38 report?' });
          await confirm.waitFor();
          expect(await confirm.textContent()).toMatch(/APEC Secretariat.*Security and Prosperity Steering Group \(SPSG\)/);
          await expectAccessible(page, '/reports/{id}/edit confirming');
          await page.screenshot({ path: `${SHOTS}/report-confirm-1440.png`, fullPage: false });
          await confirm.getByRole('button', { name: 'Yes, submit it to the APEC Secretariat' }).click();

          // Submitted: read-only, with its differences from the TEL37 report field by field.
          await page.getByRole('heading', { name: 'Report submitted' }).waitFor();
          expect(page.url()).toBe(`${t.url}/reports/${reportId}?submitted=1`);
          const diff = page.getByRole('table', { name: 'Changes since the TEL37 report' });
          const diffText = await diff.textContent();
          expect(diffText).toContain('Objectives: results so far against the expected results');
          expect(diffText).toContain('2008 course planned for late October');
          expect(diffText).toContain('Progress since last report');
          expect(diffText).toContain('Is the project on schedule?');
          await expectAccessible(page, '/reports/{id}');
          await page.goto(`${t.url}/reports/${reportId}/edit`);
          await page.getByText(/This report is submitted: it can no longer be changed/).waitFor();
          expect(await page.getByRole('textbox').count()).toBe(0);

          // The Secretariat returns it with a comment; the overseer sees it, edits and submits again.
          await gqlOk(
            `mutation($id: ID!) { returnProgressReport(input: { id: $id, comment: "Say when the 2008 course will be held." }) { status } }`,
            { id: reportId },
            secretariat,
          );
          await page.goto(`${t.url}/my/projects`);
          await page.getByRole('link', { name: 'Returned: see the comment and edit' }).click();
          await page.getByRole('heading', { name: 'Returned by the APEC Secretariat' }).waitFor();
          await page.getByText('Say when the 2008 course will be held.').waitFor();
          await page.getByLabel('Problems met and how they were resolved').fill('The 2008 course is planned for late October to early November 2008.');
          await page.getByRole('button', { name: 'Submit the report…' }).click();
          await page.getByRole('button', { name: 'Yes, submit it to the APEC Secretariat' }).click();
          await page.getByRole('heading', { name: 'Report submitted' }).waitFor();

          // Received and accepted by the Secretariat; the overseer sees it so.
          await gqlOk(`mutation($id: ID!) { receiveProgressReport(input: { id: $id }) { status } }`, { id: reportId }, secretariat);
          await gqlOk(`mutation($id: ID!) { acceptProgressReport(input: { id: $id }) { status } }`, { id: reportId }, secretariat);
          await page.goto(`${t.url}/reports/${reportId}`);
          await page.locator('.lede .tag', { hasText: 'Accepted' }).waitFor();
          const history = await page.locator('ol.history').textContent();
          expect(history).toMatch(/Draft started.*Submitted.*Returned to the overseer.*Submitted.*Received by the Secretariat.*Accepted/);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
      BROWSER_TIMEOUT,
    );

    it(
      'keeps a draft from an overseer of another project, and answers like the API on pages a role may not use',
      async () => {
        const draft = await gqlOk<{ draftProgressReport: { id: string } }>(
          `mutation($p: ID!) { draftProgressReport(input: { projectId: $p, meetingCode: "TEL39" }) { id } }`,
          { p: pkiId },
          overseer.token,
        );
        const { context, page, problems } = await openPage();
        try {
          // Anonymous: sign in first.
          await page.goto(`${t.url}/my/projects`);
          await page.getByRole('heading', { level: 1, name: 'Sign in to see the projects you oversee' }).waitFor();
          expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My projects' }).count()).toBe(0);
          await expectAccessible(page, '/my/projects anonymous');

          // A delegate: not offered, and not allowed when asked directly.
          await signIn(page, delegate, '/my/projects');
          await page.getByRole('heading', { level: 1, name: 'You are not allowed to see the projects you oversee' }).waitFor();
          expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My projects' }).count()).toBe(0);
          await page.getByRole('button', { name: 'Sign out' }).click();
          await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();

          // The overseer of another project: the draft does not exist for them.
          await signIn(page, otherOverseer, `/reports/${draft.draftProgressReport.id}/edit`);
          await page.getByRole('heading', { level: 1, name: 'No such report' }).waitFor();
          await page.goto(`${t.url}/reports/${draft.draftProgressReport.id}`);
          await page.getByRole('heading', { level: 1, name: 'No such report' }).waitFor();
          await page.goto(`${t.url}/projects/${pkiId}`);
          await page.getByRole('heading', { level: 1, name: PKI_TITLE }).waitFor();
          expect(await page.getByRole('button', { name: /Start the/ }).count()).toBe(0);
          expect(await page.getByRole('link', { name: 'TEL39 report' }).count()).toBe(0);
          await page.goto(`${t.url}/my/projects`);
          await page.getByRole('link', { name: /Voice over IP|VoIP/ }).waitFor();
          // Its extension waits on TEL (SPSG agreed at TEL37).
          expect(await page.locator('tbody tr').first().textContent()).toMatch(/waits on TEL/);
          expect(await page.getByRole('link', { name: PKI_TITLE }).count()).toBe(0);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
      BROWSER_TIMEOUT,
    );

    it.each([390, 1440])(
      'renders the register, a project, my projects, a report and its form at %d px with no serious accessibility violation',
      async (width) => {
        const { context, page, problems } = await openPage(width);
        try {
          await signIn(page, overseer, '/my/projects');
          // Whatever the other tests left: the latest filed report, and a draft (started here when there is none).
          const mine = async () =>
            (
              await gqlOk<{ myProjects: { progressReports: { id: string; status: string; period: string }[] }[] }>(
                `{ myProjects { progressReports { id status period } } }`,
                {},
                overseer.token,
              )
            ).myProjects[0].progressReports;
          if (!(await mine()).some((r) => r.status === 'DRAFT')) {
            const period = (await mine()).some((r) => r.period === 'TEL38') ? 'TEL39' : 'TEL38';
            await gqlOk(`mutation($p: ID!, $m: String!) { draftProgressReport(input: { projectId: $p, meetingCode: $m }) { id } }`, { p: pkiId, m: period }, overseer.token);
          }
          const reports = await mine();
          const filedId = reports.filter((r) => r.status !== 'DRAFT').at(-1)!.id;
          const draftId = reports.find((r) => r.status === 'DRAFT')!.id;
          const pages: [string, string, string][] = [
            ['projects', '/projects?group=SPSG&status=IN_PROGRESS', 'Projects'],
            ['projects-year', '/projects?economy=CT&year=2008', 'Projects'],
            ['project', `/projects/${pkiId}`, PKI_TITLE],
            ['project-requests', `/projects/${voipId}`, 'Approval requests'],
            ['my-projects', '/my/projects', 'My projects'],
            ['report', `/reports/${filedId}`, 'Changes since the previous report'],
            ['report-form', `/reports/${draftId}/edit`, 'Progress since last report'],
          ];
          for (const [name, path, heading] of pages) {
            await page.goto(`${t.url}${path}`);
            await page.getByRole('heading', { name: heading }).first().waitFor();
            await page.screenshot({ path: `${SHOTS}/overseer-${name}-${width}.png`, fullPage: true });
            await expectAccessible(page, `${path} at ${width}px`);
            // Nothing wider than the screen (tables scroll inside their own box).
            const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
            expect({ path, width, overflow }).toEqual({ path, width, overflow: 0 });
          }
          // The register's filter is in the URL: SPSG projects in progress, PKI among them.
          await page.goto(`${t.url}/projects?group=SPSG&status=IN_PROGRESS`);
          await page.getByRole('link', { name: PKI_TITLE }).waitFor();
          expect(await page.getByRole('status').textContent()).toMatch(/^6 projects$/);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
      BROWSER_TIMEOUT,
    );
  });
}
