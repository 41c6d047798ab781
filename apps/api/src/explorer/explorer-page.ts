import { ExplorerAssets } from './explorer-assets';

/**
 * The Content-Security-Policy of the explorer page. Everything comes from this server:
 * - script-src 'self': no inline script, no eval (GraphiQL 4's UMD build needs neither); the
 *   start-up script is a file of its own for this reason.
 * - style-src 'self' 'nonce-…': GraphiQL's dialogs (settings, shortcuts) lock page scrolling by
 *   inserting a <style> element (react-remove-scroll); it carries the per-response nonce, which
 *   the start-up script hands over as `__webpack_nonce__`. No 'unsafe-inline'.
 * - img-src / font-src data:: GraphiQL's stylesheet embeds its fonts and a few icons as data: URLs.
 * - connect-src 'self': the page can only talk to this server's /graphql.
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

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The explorer page: links to the allowlisted assets, no inline script or style. */
export function explorerHtml(assets: ExplorerAssets, styleNonce: string, graphqlPath: string): string {
  const styles = assets.styles.map((href) => `    <link rel="stylesheet" href="${escapeAttr(href)}">`);
  const scripts = assets.scripts.map((src, i) =>
    // The last script is the start-up script; it reads the nonce from its own tag.
    i === assets.scripts.length - 1
      ? `    <script src="${escapeAttr(src)}" nonce="${escapeAttr(styleNonce)}"></script>`
      : `    <script src="${escapeAttr(src)}"></script>`,
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
    `    <div id="graphiql" data-endpoint="${escapeAttr(graphqlPath)}"><p class="tel-explorer-loading">Loading the explorer…</p></div>`,
    '    <noscript><p class="tel-explorer-loading">The explorer needs JavaScript.</p></noscript>',
    ...scripts,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}
