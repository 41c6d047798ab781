import { parseSymbolInput, symbolKey } from '@tel/documents';

/**
 * Links to meeting documents keep both the symbol (as the sources cite it, in canonical form
 * without revision or extension: `2008-TELWG37-SPSG-006`) and, when the document is registered,
 * its id. A symbol cited before its document is registered still resolves later, by symbol.
 */
export function documentKey(input: string, field: string): string {
  return symbolKey(parseSymbolInput(input, field));
}
