import * as fs from 'node:fs';
import { CHROMIUM_FLAGS, expectAccessible, openPage as openBrowserPage } from './browser';
import { accountFor, createTestApp, ensureWebBuild, signInBrowser, TestApp, waitForJobs } from '@tel/testing';
import { Role } from '@tel/core';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH;
const SHOTS = '/tmp/web-shots';
const BUILD_TIMEOUT = 300_000;
const BROWSER_TIMEOUT = 120_000;

const PUBLIC_DOC = '2008-TELWG37-PTAB-WS-016';
const RESTRICTED_DOC = '2008-TELWG37-SPSG-004';

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

async function jsonErrorCode(res: Response): Promise<string | undefined> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return ((await res.json()) as { error?: { code?: string } }).error?.code;
}

describe('web app served by the API (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    ensureWebBuild();
    t = await createTestApp({ seed: false });
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await t?.close();
  });

  it.each(['/', '/search?q=%E6%AE%AD', '/documents/2008-tel37-spsg-006', '/documents/2008/TEL37/SPSG/006rev2', '/meetings', '/meetings/TEL37', '/groups/SPSG', '/sign-in'])(
    'answers %s with the app, a strict CSP and no caching',
    async (path) => {
      const res = await fetch(`${t.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const csp = directives(res.headers.get('content-security-policy') ?? '');
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['style-src']).toEqual(["'self'"]);
      expect(csp['connect-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-|\*/);
      const html = await res.text();
      expect(html).toContain('<div id="root">');
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script
      expect(html).not.toMatch(/\sstyle=|<style/);
      for (const [, url] of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)) expect(url).toMatch(/^(\/assets\/[\w.-]+|data:,)$/);
    },
  );

  it('answers a browser asking for an unknown page with the app and a 404, a script with JSON', async () => {
    const page = await fetch(`${t.url}/no/such/page`, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await page.text()).toContain('<div id="root">');
    for (const path of ['/no/such/page', '/package.json', '/favicon.ico', '/dist/web/index.html']) {
      const res = await fetch(`${t.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await jsonErrorCode(res)).toBe('NOT_FOUND');
    }
  });

  it('serves the hashed assets for a year, and nothing else under /assets', async () => {
    const html = await (await fetch(`${t.url}/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) {
      const res = await fetch(`${t.url}${asset}`);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-type')).toBe(asset.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      // React's production build, whatever NODE_ENV the build ran under.
      if (asset.endsWith('.js')) expect(await res.text()).not.toMatch(/jsxDEV|Download the React DevTools/);
    }
    for (const missing of ['/assets/nope.js', '/assets/..%2Fmanifest.json', '/assets/%2e%2e%2findex.html', '/assets/']) {
      const res = await fetch(`${t.url}${missing}`);
      expect({ missing, status: res.status }).toEqual({ missing, status: 404 });
      expect(await jsonErrorCode(res)).toBe('NOT_FOUND');
    }
  });

  it('leaves the API paths their meaning', async () => {
    for (const path of ['/api/nope', '/api', '/files/00000000-0000-0000-0000-000000000000', '/health/nope']) {
      const res = await fetch(`${t.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await jsonErrorCode(res)).toBe('NOT_FOUND');
    }
    expect((await fetch(`${t.url}/health`)).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await fetch(`${t.url}/explorer`)).headers.get('content-security-policy')).toMatch(/nonce-/);
    const graphql = await fetch(`${t.url}/graphql?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    // Only GET reaches the app: other methods on its routes stay 404.
    const post = await fetch(`${t.url}/search`, { method: 'POST' });
    expect(post.status).toBe(404);
  });
});

if (!CHROMIUM_PATH) {
  // Said plainly rather than registered as skipped tests: without Chromium there are none.
  console.log('web app browser tests left out: set CHROMIUM_PATH=/usr/bin/chromium to run them');
} else {
  describe('web app in a browser (e2e)', () => {
    let t: TestApp;
    let browser: import('playwright-core').Browser;
    let member: { email: string; password: string };
    let restrictedFileId: string;

    beforeAll(async () => {
      ensureWebBuild();
      t = await createTestApp();
      await waitForJobs(t, 60_000);
      const account = await accountFor(t, [Role.DELEGATE]);
      member = { email: account.email, password: account.password };
      const restricted = await t.gql(`{ document(symbol: "${RESTRICTED_DOC}") { revisions { files { id } } } }`, {}, account.token);
      restrictedFileId = restricted.data.document.revisions[0].files[0].id;
      fs.mkdirSync(SHOTS, { recursive: true });
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    }, BUILD_TIMEOUT);
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    type Page = import('playwright-core').Page;
    const openPage = (width = 1440) => openBrowserPage(browser, width, { downloads: true });

    async function shoot(page: Page, name: string): Promise<void> {
      await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    }

    it(
      'takes a delegate from the start page to a search hit, a public download, a restricted one as a member, and out again',
      async () => {
        const { context, page, problems, requests } = await openPage();
        try {
          await page.goto(`${t.url}/`);
          await page.getByRole('heading', { level: 2, name: 'Next meeting' }).waitFor();
          await page.getByRole('link', { name: /TEL37/ }).first().waitFor();
          await expectAccessible(page, '/');

          // Search in Chinese from the start page.
          await page.getByLabel('Search the meeting papers').fill('殭屍網路');
          await page.getByRole('button', { name: 'Search' }).click();
          await page.waitForURL(/\/search\?q=%E6%AE%AD%E5%B1%8D%E7%B6%B2%E8%B7%AF/);
          const results = page.locator('ol.results > li');
          await results.first().waitFor();
          expect(await results.count()).toBeGreaterThan(0);
          expect(await page.locator('ol.results mark').first().textContent()).toMatch(/殭屍網路|殭屍|網路/);
          await expectAccessible(page, '/search');

          // Narrow by a facet, then remove it again: both are links, so the URL says it all.
          const before = await page.locator('.result-count').textContent();
          await page
            .locator('.facets')
            .getByRole('link', { name: /^Report/ })
            .first()
            .click();
          await page.waitForURL(/type=REPORT/);
          await page
            .locator('.active-filters')
            .getByRole('link', { name: /Type: Report/ })
            .waitFor();
          const narrowed = page.url();
          expect(await page.locator('ol.results > li').count()).toBeGreaterThan(0);
          // The whole state is in the URL: a fresh page at that address shows the same.
          const shared = await context.newPage();
          await shared.goto(narrowed);
          await shared
            .locator('.active-filters')
            .getByRole('link', { name: /Type: Report/ })
            .waitFor();
          await shared.close();
          await page.goBack();
          await page.waitForURL((url) => !url.search.includes('type=REPORT'));
          expect(await page.locator('.result-count').textContent()).toBe(before);
          await page.goForward();
          await page.waitForURL(/type=REPORT/);

          // A hit opens its file at its page (PDFs), and its document page. (Which of a paper's
          // files — its PDF or its text version — a hit names depends on ties, so take a PDF hit.)
          await page.goto(`${t.url}/search?q=${encodeURIComponent('botnet workshop research report')}`);
          const fileLink = page.locator('ol.results a[href^="/files/"][href*="#page="]').first();
          await fileLink.waitFor();
          const href = (await fileLink.getAttribute('href'))!;
          expect(href).toMatch(/^\/files\/[\w-]+#page=\d+$/);
          const opened = await page.evaluate(`fetch(${JSON.stringify(href)}).then((r) => [r.status, r.headers.get('content-type')])`);
          expect(opened).toEqual([200, 'application/pdf']);

          // Open the document; a lower-case symbol is replaced by the canonical one.
          await page.goto(`${t.url}/documents/${PUBLIC_DOC.toLowerCase()}`);
          await page.waitForURL(`${t.url}/documents/${PUBLIC_DOC}`);
          await page.getByRole('heading', { level: 1, name: /Research report of the Workshop/ }).waitFor();
          await expectAccessible(page, '/documents/{symbol}');
          const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download botnet-workshop-research-report\.pdf/ }).click()]);
          expect(await download.failure()).toBeNull();
          expect(download.suggestedFilename()).toBe('botnet-workshop-research-report.pdf');

          // Anonymous: the restricted paper does not exist, and its file is a plain 404.
          await page.goto(`${t.url}/documents/${RESTRICTED_DOC}`);
          await page.getByRole('heading', { level: 1, name: 'No such document' }).waitFor();
          await page.getByRole('link', { name: new RegExp(`Search the papers for “${RESTRICTED_DOC}”`) }).waitFor();
          expect(await page.evaluate(`fetch('/files/${restrictedFileId}').then((r) => r.status)`)).toBe(404);

          // Sign in as a member through the form.
          await page.getByRole('link', { name: 'Sign in' }).first().click();
          await page.waitForURL(`${t.url}/sign-in?next=${encodeURIComponent(`/documents/${RESTRICTED_DOC}`)}`);
          await expectAccessible(page, '/sign-in');
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
          await page.locator('.error-summary').getByRole('link', { name: 'Enter your email address' }).click();
          expect(await page.evaluate('document.activeElement.id')).toBe('email');
          await expectAccessible(page, '/sign-in with errors');
          await page.getByLabel('Email').fill(member.email);
          await page.getByLabel('Password').fill('wrong-password');
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page
            .locator('.error-summary')
            .getByRole('link', { name: /email address or password is not right/ })
            .waitFor();
          await page.getByLabel('Password').fill(member.password);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.getByRole('button', { name: 'Sign out' }).waitFor();

          // Back on the paper that was missing; the same kind of link now downloads it.
          await page.getByRole('heading', { level: 1, name: /Judge and Prosecutor/ }).waitFor();
          expect(page.url()).toBe(`${t.url}/documents/${RESTRICTED_DOC}`);
          const [restricted] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /^Download judge-prosecutor-training-progress\.pdf/ }).click()]);
          expect(await restricted.failure()).toBeNull();
          expect(
            fs
              .readFileSync(await restricted.path())
              .subarray(0, 5)
              .toString(),
          ).toBe('%PDF-');

          // Sign out: the file is a 404 again.
          await page.getByRole('button', { name: 'Sign out' }).click();
          await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
          expect(await page.evaluate(`fetch('/files/${restrictedFileId}').then((r) => r.status)`)).toBe(404);

          expect(problems).toEqual([]);
          // Nothing but this server: no CDN, no web fonts.
          expect(requests.filter((u) => !u.startsWith(t.url) && !u.startsWith('data:'))).toEqual([]);
        } finally {
          await context.close();
        }
      },
      BROWSER_TIMEOUT,
    );

    const PAGES: [string, string, string][] = [
      ['home', '/', 'Next meeting'],
      ['search', `/search?q=${encodeURIComponent('殭屍網路')}`, 'Narrow the results'],
      ['search-none', `/search?q=zzzzqqq&group=SPSG`, 'No papers match “zzzzqqq”'],
      ['document', '/documents/2008-TELWG37-SPSG-006-Rev.0', 'Revisions and files'],
      ['document-missing', '/documents/2008-TELWG37-SPSG-999', 'No such document'],
      ['meetings', '/meetings', 'Past'],
      ['meeting', '/meetings/TEL37', 'Timetable'],
      ['group', '/groups/SPSG', 'Office holders now'],
      ['sign-in', '/sign-in', 'Sign in'],
    ];

    it(
      "downloads a meeting's document list from its page: restricted rows with the member's cookie only",
      async () => {
        const { context, page, problems } = await openPage();
        try {
          const download = async () => {
            await page.goto(`${t.url}/meetings/TEL37`);
            const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Document list (CSV)' }).click()]);
            expect(file.suggestedFilename()).toBe('TEL37-documents.csv');
            return fs.readFileSync(await file.path());
          };
          const anonymous = await download();
          expect([...anonymous.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
          expect(anonymous.toString('utf8')).toContain(PUBLIC_DOC);
          expect(anonymous.toString('utf8')).not.toContain(RESTRICTED_DOC);
          const { cookie } = await signInBrowser(t, member);
          await context.addCookies([{ name: 'tel_session', value: cookie, url: t.url }]);
          expect((await download()).toString('utf8')).toContain(RESTRICTED_DOC);
          await page.goto(`${t.url}/meetings`);
          expect(await page.getByRole('link', { name: /All meetings in your calendar/ }).getAttribute('href')).toBe('/calendar/meetings.ics');
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
      BROWSER_TIMEOUT,
    );

    it.each([375, 1440])(
      'renders every page at %d px with no serious accessibility violation',
      async (width) => {
        const { context, page, problems } = await openPage(width);
        try {
          for (const [name, path, heading] of PAGES) {
            await page.goto(`${t.url}${path}`);
            await page.getByRole('heading', { name: heading }).first().waitFor();
            await expectAccessible(page, `${path} at ${width}px`);
            // Nothing wider than the screen (tables scroll inside their own box).
            const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
            expect({ path, width, overflow }).toEqual({ path, width, overflow: 0 });
            await shoot(page, `${name}-${width}`);
          }
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      },
      BROWSER_TIMEOUT,
    );

    it(
      "loads the secretariat's and overseers' pages only when opened, and says so when one cannot be fetched",
      async () => {
        const { context, page, requests, problems } = await openPage(390);
        try {
          await page.goto(`${t.url}/search?q=botnet`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          const scripts = () => requests.filter((u) => /\/assets\/.*\.js$/.test(u)).map((u) => u.replace(/^.*\/assets\//, ''));
          expect(scripts().filter((f) => /^(DeskRoutes|ReportFormPage|AccountPage|ProjectsPage)-/.test(f))).toEqual([]);
          // The projects register's code comes when the page is opened.
          await page.goto(`${t.url}/projects`);
          await page.getByRole('heading', { level: 1, name: /projects/i }).waitFor();
          expect(scripts().some((f) => f.startsWith('ProjectsPage-'))).toBe(true);
          // Offline, or the site updated since the tab opened: the page's code cannot be fetched.
          await page.route(/\/assets\/NotificationsPage-.*\.js$/, (route) => route.abort('internetdisconnected'));
          await page.goto(`${t.url}/`);
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await page.evaluate("history.pushState({}, '', '/notifications'); dispatchEvent(new PopStateEvent('popstate'))");
          const alert = page.getByRole('alert');
          await alert.getByRole('heading', { name: 'This page could not be loaded' }).waitFor();
          expect(await alert.textContent()).toMatch(/Reload the page to try again/);
          await alert.getByRole('button', { name: 'Reload' }).waitFor();
          await shoot(page, 'page-code-unavailable-390');
          await expectAccessible(page, 'page code unavailable');
          // Another page works again.
          await page.evaluate("history.pushState({}, '', '/meetings'); dispatchEvent(new PopStateEvent('popstate'))");
          await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
          expect(await page.getByRole('heading', { name: 'This page could not be loaded' }).count()).toBe(0);
          expect(problems.filter((p) => !/NotificationsPage|dynamically imported module/.test(p))).toEqual([]);
        } finally {
          await context.close();
        }
      },
      BROWSER_TIMEOUT,
    );

    it(
      'keeps keyboard users oriented: a skip link first, focus moved to the page on navigation',
      async () => {
        const { context, page } = await openPage();
        try {
          await page.goto(`${t.url}/meetings`);
          await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
          await page.keyboard.press('Tab');
          expect(await page.evaluate('document.activeElement.textContent')).toBe('Skip to main content');
          await page.keyboard.press('Enter');
          expect(await page.evaluate('document.activeElement.id')).toBe('main');
          await page
            .getByRole('link', { name: /^TEL37/ })
            .first()
            .click();
          await page.getByRole('heading', { level: 2, name: 'Timetable' }).waitFor();
          expect(await page.evaluate('document.activeElement.id')).toBe('main');
          expect(await page.title()).toMatch(/^TEL37 .* · TEL Registry$/);
          // Times carry their zone.
          expect(await page.locator('.timetable .time').first().textContent()).toMatch(/^\d\d:\d\d–\d\d:\d\d (GMT|UTC)/);
          await page.goBack();
          await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
        } finally {
          await context.close();
        }
      },
      BROWSER_TIMEOUT,
    );
  });
}
