import { EntityManager } from 'typeorm';
import { canReadDocument, Document, parseSymbolInput, symbolKey } from '@tel/documents';
import { RequestContext } from '@tel/core';

/**
 * Links to meeting documents keep both the symbol (as the sources cite it, in canonical form
 * without revision or extension: `2008-TELWG37-SPSG-006`) and, when the document is registered,
 * its id. A symbol cited before its document is registered still resolves later, by symbol.
 */
export function documentKey(input: string, field: string): string {
  return symbolKey(parseSymbolInput(input, field));
}

/** The id of the registered document with this canonical symbol, or null. */
export async function registeredDocumentId(em: EntityManager, key: string | null): Promise<string | null> {
  if (!key) return null;
  return (await em.findOne(Document, { where: { symbol: key }, select: { id: true } }))?.id ?? null;
}

/** A linked document as the caller may see it: null when unregistered or not readable by them. */
export function readable(ctx: RequestContext, doc: Document | null): Document | null {
  return doc && canReadDocument(ctx.actor, doc) ? doc : null;
}
