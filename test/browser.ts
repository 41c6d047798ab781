/**
 * What the browser suites share: Chromium's flags, a page that records CSP violations and page
 * errors, signing in through the form, and the axe and overflow checks every page must pass.
 */
import * as fs from 'node:fs';
import { expect } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A page of its own context that records CSP violations and page errors (and, if asked, every URL it requests). */
export async function openPage(browser: Browser, width = 1440, options: { downloads?: boolean } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: options.downloads ?? false });
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('request', (req) => requests.push(req.url()));
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
  });
  return { context, page, problems, requests };
}

/** Signs in through /sign-in and waits until the page says so. */
export async function signIn(page: Page, baseUrl: string, account: { email: string; password: string }, next: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

let axeSource: string | undefined;

/** axe-core run inside the page (through the DevTools protocol, so the page's CSP rightly does not block it); serious and critical violations fail. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate<{ id: string; impact: string; help: string; nodes: string[] }[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) })))`,
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect({ page: name, violations: bad }).toEqual({ page: name, violations: [] });
}

/** Nothing on the page is wider than the screen. */
export async function expectNoOverflow(page: Page, name: string): Promise<void> {
  const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
  expect({ page: name, overflow }).toEqual({ page: name, overflow: 0 });
}
