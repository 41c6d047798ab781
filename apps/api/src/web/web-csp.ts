/**
 * The Content-Security-Policy of the web app, as strict as the explorer's: every script, style and
 * request comes from this server; no inline script, no eval, no inline style element.
 * img-src data: is for the empty favicon.
 */
export function webCsp(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Paths that belong to the API; the web app's history fallback never answers them. */
export const API_PREFIXES = ['/graphql', '/explorer', '/api', '/files', '/health', '/assets', '/calendar', '/exports'];

export function isApiPath(pathname: string): boolean {
  return API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** The register and the overseers' pages (apps/web/src/projects/routes.tsx). */
const PROJECT_ROUTES = [/^\/projects\/?$/, /^\/projects\/[^/]+\/?$/, /^\/my\/projects\/?$/, /^\/reports\/[^/]+(\/edit)?\/?$/];

/** The web app's own routes (apps/web/src/app/App.tsx): the history fallback answers these. */
const APP_ROUTES = [
  /^\/$/,
  /^\/(search|meetings|sign-in)\/?$/,
  /^\/(documents|meetings|groups)\/[^/].*$/,
  // Accounts (apps/web/src/account).
  /^\/forgot-password\/?$/,
  // The secretariat's desk (apps/web/src/desk).
  /^\/desk\/(reports|approvals|documents)\/?$/,
  /^\/(invitation|reset-password)\/[A-Za-z0-9_-]+\/?$/,
  // My account and my notifications (apps/web/src/account, apps/web/src/notifications); the desk's accounts page.
  /^\/(account|notifications)\/?$/,
  /^\/desk\/accounts\/?$/,
  ...PROJECT_ROUTES,
];

export function isAppRoute(pathname: string): boolean {
  return APP_ROUTES.some((route) => route.test(pathname));
}
