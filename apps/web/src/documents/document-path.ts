/** Whether a typed symbol names a revision ("…-Rev.2", "…rev2", "… [Rev.2]"). */
export function namesRevision(typed: string): boolean {
  return /rev\.?\s*\d+\]?(\.\w+)?$/i.test(typed.trim());
}

/**
 * The canonical URL of a document, or of the revision the typed symbol names:
 * /documents/2008-TELWG37-SPSG-006, /documents/2008-TELWG37-SPSG-006-Rev.2.
 */
export function documentPath(symbol: string, revision: number | null = null): string {
  return `/documents/${encodeURIComponent(symbol)}${revision === null ? '' : `-Rev.${revision}`}`;
}
