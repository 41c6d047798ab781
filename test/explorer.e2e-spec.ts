import * as vm from 'node:vm';
import { Role } from '@tel/core';
import { accountFor, createTestApp, TestApp } from '@tel/testing';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH;
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = '/tmp/explorer.png';
const BROWSER_TIMEOUT = 90_000;
const RESTRICTED_SYMBOL = '2008-TELWG37-SPSG-004';

/** The src/href URLs of a page's <script> and <link> tags. */
function linkedUrls(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
}

/** The code of an HTTP error answer: { "error": { "code", … } }. */
async function errorCode(res: Response): Promise<string | undefined> {
  const body = (await res.json()) as { error?: { code?: string } };
  return body.error?.code;
}

function assetUrls(html: string): string[] {
  return linkedUrls(html).filter((u) => u.startsWith('/explorer/assets/'));
}

describe('explorer (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('serves the page with a strict Content-Security-Policy', async () => {
    const res = await fetch(`${t.url}/explorer`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['img-src']).toEqual(["'self'", 'data:']);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['style-src'][0]).toBe("'self'");
    expect(directives['style-src'].slice(1)).toEqual([expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{16,}'$/)]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');

    const html = await res.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline scripts
    expect(html).not.toMatch(/\sstyle=|<style/); // no inline styles
    // The sign-in bar: a form sent by script to /api/session (form-action 'none' stops any other way).
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(html).toMatch(/<form id="tel-sign-in"[^>]*>/);
    expect(html).toContain('autocomplete="current-password"');
    expect(html).not.toMatch(/<form[^>]*\baction=/);
    const urls = linkedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(7);
    for (const url of urls) expect(url).toMatch(/^(\/explorer\/assets\/[\w.-]+|data:,)$/); // same origin only
    expect(assetUrls(html).map((u) => u.replace(/\.[0-9a-f]{12}\./, '.').replace('/explorer/assets/', ''))).toEqual([
      'graphiql.css',
      'explorer.css',
      'react.js',
      'react-dom.js',
      'graphiql.js',
      'examples.js',
      'explorer.js',
    ]);
  });

  it('serves each asset with its content type and a long cache lifetime', async () => {
    const html = await (await fetch(`${t.url}/explorer`)).text();
    for (const url of assetUrls(html)) {
      const res = await fetch(`${t.url}${url}`);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.headers.get('content-type')).toBe(url.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const body = await res.text();
      expect(body.length).toBeGreaterThan(100);
      expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(body));
    }
  });

  it('answers 404 JSON for anything outside the allowlist', async () => {
    const html = await (await fetch(`${t.url}/explorer`)).text();
    const graphiqlJs = assetUrls(html).find((u) => /graphiql\.[0-9a-f]{12}\.js$/.test(u))!;
    for (const path of [
      '/explorer/assets/nope.js',
      graphiqlJs.replace(/[0-9a-f]{12}/, '000000000000'),
      '/explorer/assets/..%2Fexplorer.controller.ts',
      '/explorer/assets/..%2F..%2F..%2F..%2F..%2Fpackage.json',
      '/explorer/assets/%2e%2e/%2e%2e/package.json',
      '/explorer/assets/__proto__',
      '/explorer/public/explorer.js',
      '/explorer/explorer.js',
    ]) {
      const res = await fetch(`${t.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(await errorCode(res)).toBe('NOT_FOUND');
    }
  });

  it('keeps the start-up script and the examples in files of their own', async () => {
    const html = await (await fetch(`${t.url}/explorer`)).text();
    const [examplesUrl, explorerUrl] = assetUrls(html).slice(-2);
    const examples = await (await fetch(`${t.url}${examplesUrl}`)).text();
    for (const op of ['query DelegateSearch', 'query OverseerProgressReport', 'query SecretariatApprovalsBoard']) {
      expect(examples).toContain(op);
    }
    // Signing in is the page's bar (a cookie), not a tab whose variables would keep the password.
    expect(examples).not.toMatch(/\blogin\s*\(|\$password/);
    const explorer = await (await fetch(`${t.url}${explorerUrl}`)).text();
    expect(explorer).toContain('X-CSRF-Token');
    expect(explorer).toContain('defaultTabs');
  });

  it('the example queries that work today answer without errors', async () => {
    // The examples file is a browser script; run it against a stand-in window to read the list.
    const html = await (await fetch(`${t.url}/explorer`)).text();
    const source = await (await fetch(`${t.url}${assetUrls(html).at(-2)}`)).text();
    const window: { TEL_EXPLORER_EXAMPLES?: { query: string; variables?: Record<string, unknown> }[] } = {};
    vm.runInNewContext(source, { window });
    const examples = window.TEL_EXPLORER_EXAMPLES ?? [];
    expect(examples).toHaveLength(3);
    for (const example of examples) {
      const res = await t.gql(example.query, example.variables);
      const title = example.query.split('\n')[0];
      expect({ title, errors: res.errors }).toEqual({ title, errors: undefined });
    }
  });
});

describe('explorer when NODE_ENV=production (e2e)', () => {
  const production = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) };

  it('is switched off, along with introspection', async () => {
    const t = await createTestApp({ env: production });
    try {
      for (const path of ['/explorer', '/explorer/assets/explorer.js']) {
        const res = await fetch(`${t.url}${path}`);
        expect(res.status).toBe(404);
        expect(await errorCode(res)).toBe('NOT_FOUND');
      }
      const introspection = await t.gql('{ __schema { queryType { name } } }');
      expect(introspection.errors?.length).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });

  it('is served with EXPLORER_ENABLED=true', async () => {
    const t = await createTestApp({ env: { ...production, EXPLORER_ENABLED: 'true' } });
    try {
      const res = await fetch(`${t.url}/explorer`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const introspection = await t.gql('{ __schema { queryType { name } } }');
      expect(introspection.data?.__schema.queryType.name).toBe('Query');
    } finally {
      await t.close();
    }
  });
});

if (!CHROMIUM_PATH) {
  // Said plainly rather than registered as skipped tests: without Chromium there are none.
  console.log('explorer browser test left out: set CHROMIUM_PATH=/usr/bin/chromium to run it');
} else {
  describe('explorer in a browser (e2e)', () => {
    let t: TestApp;
    // playwright-core is loaded only here, when there is a browser to drive.
    let browser: import('playwright-core').Browser;

    beforeAll(async () => {
      t = await createTestApp();
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    }, BROWSER_TIMEOUT);
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    it(
      'runs a query, shows its result, and talks to no one but this server',
      async () => {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const requests: string[] = [];
        const consoleErrors: string[] = [];
        const pageErrors: string[] = [];
        page.on('request', (req) => requests.push(req.url()));
        page.on('console', (msg) => {
          if (msg.type() === 'error') consoleErrors.push(msg.text());
        });
        page.on('pageerror', (err) => pageErrors.push(err.message));
        // CSP violations, seen from inside the page (browser code as text: this file has no DOM types).
        await page.addInitScript(`
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
        });
      `);

        await page.goto(`${t.url}/explorer`);
        await page.waitForSelector('.graphiql-container');
        // The example tabs are there, named after their operations.
        for (const name of ['DelegateSearch', 'OverseerProgressReport', 'SecretariatApprovalsBoard']) {
          await page.getByRole('tab', { name }).waitFor();
        }

        // Type a query of our own into the editor (CodeMirror 5) and run it.
        await page.click('.graphiql-query-editor .CodeMirror');
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        // insertText, not typing: CodeMirror would close each bracket typed.
        await page.keyboard.insertText('query Where { meeting(code: "TEL37") { code city venue startDate } }');
        // GraphiQL takes the operation name from the editor a moment later; run once it has.
        await page.getByRole('tab', { name: 'Where' }).waitFor();
        await page.click('.graphiql-execute-button');
        const response = page.locator('.graphiql-response');
        await response.getByText('"Tokyo"').waitFor();
        const text = await response.innerText();
        expect(text).toContain('"code": "TEL37"');
        expect(text).not.toContain('UNAUTHENTICATED');

        // The schema came through our fetcher: the documentation explorer lists the root types.
        await page.click('[aria-label="Show Documentation Explorer"]');
        await page.locator('.graphiql-doc-explorer').getByText('Root Types').waitFor();
        await page.locator('.graphiql-doc-explorer').getByText('Mutation', { exact: true }).waitFor();

        // The settings dialog inserts a <style> element; the CSP nonce must let it in.
        await page.click('[aria-label="Open settings dialog"]');
        await page.getByRole('dialog').waitFor();
        await page.screenshot({ path: SCREENSHOT.replace('.png', '-settings.png') });
        await page.keyboard.press('Escape');

        await page.screenshot({ path: SCREENSHOT });

        const violations = await page.evaluate<string[]>('window.__cspViolations');
        expect(violations).toEqual([]);
        expect(pageErrors).toEqual([]);
        expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
        expect(consoleErrors).toEqual([]);

        // Every request went to the test server (data: URLs — GraphiQL's inlined fonts and icons,
        // and the page's empty favicon — never leave the machine, so they are allowed).
        const origin = new URL(t.url).origin;
        expect(requests.length).toBeGreaterThan(7);
        const elsewhere = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'));
        expect(elsewhere).toEqual([]);
        expect(requests).toContain(`${origin}/graphql`);
        await page.close();
      },
      BROWSER_TIMEOUT,
    );

    /** Replaces the query editor's text (CodeMirror 5) and waits until GraphiQL has named the tab. */
    async function typeQuery(page: import('playwright-core').Page, query: string, operationName: string): Promise<void> {
      await page.click('.graphiql-query-editor .CodeMirror');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      // insertText, not typing: CodeMirror would close each bracket typed.
      await page.keyboard.insertText(query);
      await page.locator('.graphiql-tab-active', { hasText: operationName }).waitFor();
    }

    /** Everything the page keeps in localStorage and sessionStorage, as one string. */
    async function storedText(page: import('playwright-core').Page): Promise<string> {
      return page.evaluate<string>(`JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])`);
    }

    it(
      'runs the first example on the first click, with its variables',
      async () => {
        const page = await browser.newPage();
        const bodies: string[] = [];
        page.on('request', (req) => {
          if (req.url().endsWith('/graphql') && /DelegateSearch/.test(req.postData() ?? '')) bodies.push(req.postData() ?? '');
        });
        await page.goto(`${t.url}/explorer`);
        await page.waitForSelector('.graphiql-container');
        // No tab switching: the first tab is open, its variables in the Variables pane.
        await page.locator('.graphiql-editor-tool .CodeMirror').first().getByText('殭屍網路 botnet').waitFor();
        await page.click('.graphiql-execute-button');
        const response = page.locator('.graphiql-response');
        await response.getByText('"searchDocuments"').waitFor();
        await response.getByText('"totalCount"').waitFor();
        const text = await response.innerText();
        expect(text).not.toMatch(/"errors"|was not provided/);
        expect((JSON.parse(bodies[0]) as { variables?: unknown }).variables).toEqual({ q: '殭屍網路 botnet' });
        await page.close();
      },
      BROWSER_TIMEOUT,
    );

    it(
      'signs in once through the cookie: a new tab reads a restricted paper, no password is stored, signing out ends it',
      async () => {
        const member = await accountFor(t, [Role.DELEGATE]);
        const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
        const pageErrors: string[] = [];
        const graphqlHeaders: Record<string, string>[] = [];
        context.on('request', (req) => {
          if (req.url().endsWith('/graphql')) graphqlHeaders.push(req.headers());
        });
        const restricted = `query Restricted { document(symbol: "${RESTRICTED_SYMBOL}") { symbol access title } }`;

        const first = await context.newPage();
        first.on('pageerror', (err) => pageErrors.push(err.message));
        await first.addInitScript(`
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
        });
      `);
        await first.goto(`${t.url}/explorer`);
        await first.waitForSelector('.graphiql-container');
        await first.locator('#tel-session-status').getByText('Not signed in').waitFor();
        // Anonymous: the restricted paper does not exist.
        await typeQuery(first, restricted, 'Restricted');
        await first.click('.graphiql-execute-button');
        await first.locator('.graphiql-response').getByText('"NOT_FOUND"', { exact: true }).waitFor();

        // Sign in with the bar: the password goes to /api/session and nowhere else.
        await first.fill('#tel-sign-in input[name="email"]', member.email);
        await first.fill('#tel-sign-in input[name="password"]', member.password);
        await first.click('#tel-sign-in button[type="submit"]');
        await first.locator('#tel-session-status').getByText(`Signed in as ${member.email}`).waitFor();
        expect(await first.inputValue('#tel-sign-in input[name="password"]')).toBe('');
        const cookies = await context.cookies();
        expect(cookies.find((c) => c.name === 'tel_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
        expect(await first.evaluate<string>('document.cookie')).not.toContain('tel_session'); // HttpOnly: no script sees it

        // A new tab of the same browser is signed in too, with no token pasted anywhere.
        const second = await context.newPage();
        second.on('pageerror', (err) => pageErrors.push(err.message));
        await second.goto(`${t.url}/explorer`);
        await second.waitForSelector('.graphiql-container');
        await second.locator('#tel-session-status').getByText(`Signed in as ${member.email}`).waitFor();
        await typeQuery(second, restricted, 'Restricted');
        graphqlHeaders.length = 0;
        await second.click('.graphiql-execute-button');
        await second.locator('.graphiql-response').getByText('"RESTRICTED"').waitFor();
        expect(await second.locator('.graphiql-response').innerText()).toContain(RESTRICTED_SYMBOL);
        expect(graphqlHeaders.length).toBeGreaterThan(0);
        for (const headers of graphqlHeaders) {
          expect(headers['authorization']).toBeUndefined();
          expect(headers['x-csrf-token']).toMatch(/^[A-Za-z0-9_-]{43}$/);
        }

        // Someone runs the login mutation by hand, password in the variables: GraphiQL stores the
        // tab and its history, but the password is taken out first.
        await typeQuery(second, 'mutation ByHand($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { expiresAt } }', 'ByHand');
        const variables = second.locator('.graphiql-editor-tool .CodeMirror').first();
        await variables.click();
        await second.keyboard.press('Control+A');
        await second.keyboard.press('Delete');
        await second.keyboard.insertText(JSON.stringify({ email: member.email, password: member.password }));
        await second.click('.graphiql-execute-button');
        await second.locator('.graphiql-response').getByText('"expiresAt"').waitFor();
        await second.waitForTimeout(600); // GraphiQL writes its tab state after a short debounce
        for (const page of [first, second]) {
          const stored = await storedText(page);
          expect(stored).toContain('Restricted'); // GraphiQL does keep tabs here…
          expect(stored).not.toContain(member.password); // …but never the password
        }

        // Signing out in one tab ends the session on the server for every tab.
        await second.click('#tel-sign-out');
        await second.locator('#tel-session-status').getByText('Not signed in').waitFor();
        expect((await context.cookies()).find((c) => c.name === 'tel_session')).toBeUndefined();
        await first.reload();
        await first.waitForSelector('.graphiql-container');
        await first.locator('#tel-session-status').getByText('Not signed in').waitFor();

        expect(await first.evaluate<string[]>('window.__cspViolations')).toEqual([]);
        expect(pageErrors).toEqual([]);
        await context.close();
      },
      BROWSER_TIMEOUT,
    );

    it(
      'sends a bearer token typed into the Headers pane as Authorization',
      async () => {
        const page = await browser.newPage();
        const sent: (string | undefined)[] = [];
        page.on('request', (req) => {
          if (req.url().endsWith('/graphql')) sent.push(req.headers()['authorization']);
        });
        await page.goto(`${t.url}/explorer`);
        await page.waitForSelector('.graphiql-container');
        await page.click('.graphiql-execute-button');
        await page.locator('.graphiql-response').getByText('"searchDocuments"').waitFor();
        expect(sent.length).toBeGreaterThan(0);
        expect(sent.every((h) => h === undefined)).toBe(true);

        await page.getByRole('button', { name: 'Headers', exact: true }).click();
        const headerEditor = page.locator('.graphiql-editor-tool .CodeMirror').last();
        await headerEditor.click();
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        await page.keyboard.type('{"Authorization": "Bearer not-a-real-token"');
        sent.length = 0;
        await page.click('.graphiql-execute-button');
        await page.locator('.graphiql-response').getByText('"UNAUTHENTICATED"', { exact: true }).waitFor();
        expect(sent).toContain('Bearer not-a-real-token');
        await page.close();
      },
      BROWSER_TIMEOUT,
    );
  });
}
