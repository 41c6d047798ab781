import { ExplorerAssets } from './explorer-assets';

/**
 * The Content-Security-Policy of the explorer page. Everything comes from this server:
 * - script-src 'self': no inline script, no eval (GraphiQL 4's UMD build needs neither); the
 *   start-up script is a file of its own for this reason.
 * - style-src 'self' 'nonce-…': GraphiQL's dialogs (settings, shortcuts) lock page scrolling by
 *   inserting a <style> element (react-remove-scroll); it carries the per-response nonce, which
 *   the start-up script hands over as `__webpack_nonce__`. No 'unsafe-inline'.
 * - img-src / font-src data:: GraphiQL's stylesheet embeds its fonts and a few icons as data: URLs.
 * - connect-src 'self': the page can only talk to this server (/graphql, /api/session).
 * - form-action 'none': the sign-in form is sent by script, never as a form submission.
 */
export function explorerCsp(styleNonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const SESSION_PATH = '/api/session';

/**
 * Signing in once for every tab: the form posts to /api/session (by script, as JSON), which sets
 * the HttpOnly tel_session cookie. The password goes only there — never into GraphiQL's tabs,
 * history or the browser's storage. Shown or hidden by explorer.js once it knows the session.
 */
const SIGN_IN_BAR = [
  '    <header class="tel-explorer-bar">',
  '      <span class="tel-explorer-title">TEL Registry · GraphQL explorer</span>',
  '      <span id="tel-session-status" class="tel-explorer-status" role="status" aria-live="polite">Checking whether you are signed in…</span>',
  '      <form id="tel-sign-in" class="tel-explorer-sign-in" hidden>',
  '        <label>E-mail <input type="email" name="email" autocomplete="username" required maxlength="254"></label>',
  '        <label>Password <input type="password" name="password" autocomplete="current-password" required maxlength="1024"></label>',
  '        <button type="submit">Sign in</button>',
  '      </form>',
  '      <button type="button" id="tel-sign-out" hidden>Sign out</button>',
  '      <span id="tel-sign-in-error" class="tel-explorer-error" role="alert" hidden></span>',
  '    </header>',
];

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The explorer page: links to the allowlisted assets, no inline script or style. */
export function explorerHtml(assets: ExplorerAssets, styleNonce: string, graphqlPath: string): string {
  const styles = assets.styles.map((href) => `    <link rel="stylesheet" href="${escapeAttr(href)}">`);
  const scripts = assets.scripts.map((src, i) =>
    // The last script is the start-up script; it reads the nonce from its own tag.
    i === assets.scripts.length - 1 ? `    <script src="${escapeAttr(src)}" nonce="${escapeAttr(styleNonce)}"></script>` : `    <script src="${escapeAttr(src)}"></script>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8">',
    '    <meta name="viewport" content="width=device-width, initial-scale=1">',
    '    <meta name="referrer" content="no-referrer">',
    '    <title>TEL Registry · GraphQL explorer</title>',
    // An empty icon, so the browser does not ask for /favicon.ico.
    '    <link rel="icon" href="data:,">',
    ...styles,
    '  </head>',
    '  <body>',
    ...SIGN_IN_BAR,
    `    <div id="graphiql" data-endpoint="${escapeAttr(graphqlPath)}" data-session="${escapeAttr(SESSION_PATH)}"><p class="tel-explorer-loading">Loading the explorer…</p></div>`,
    '    <noscript><p class="tel-explorer-loading">The explorer needs JavaScript.</p></noscript>',
    ...scripts,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}
