import { formatDocumentSymbol, parseDocumentSymbol } from '@tel/documents';
import { tel37Documents } from '../seed/documents/tel37-documents';

/** The seed's restricted papers, and the ways a text could name one (canonical and APEC-database symbols, the title). */
export const restrictedPapers = tel37Documents.filter((d) => d.access === 'RESTRICTED');

export function restrictedMentionsIn(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ').toLowerCase();
  const found: string[] = [];
  for (const doc of restrictedPapers) {
    const s = parseDocumentSymbol(doc.symbol);
    for (const needle of [formatDocumentSymbol(s), formatDocumentSymbol(s, { style: 'apec-db' }), doc.title]) {
      if (flat.includes(needle.replace(/\s+/g, ' ').toLowerCase())) found.push(`${doc.symbol}: ${needle}`);
    }
  }
  return found;
}

/**
 * GET with one retry when a reused keep-alive connection was closed by the server as it was reused
 * (ECONNRESET before any answer: Node closes idle sockets after 5 s, and on a loaded machine a slow
 * step in between can cross that). A GET is idempotent, so a browser retries it the same way.
 */
export async function getOnce(url: string, headers: Record<string, string> = {}): Promise<Response> {
  try {
    return await fetch(url, { headers });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'ECONNRESET') throw error;
    return fetch(url, { headers });
  }
}
