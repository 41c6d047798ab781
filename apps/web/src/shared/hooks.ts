import { useEffect } from 'react';
import type { CombinedError } from 'urql';

/** Sets the tab title, so screen-reader users and history entries say where they are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · TEL Registry` : 'TEL Registry';
  }, [title]);
}

/**
 * The reason the API put on the first error (DOCUMENT_NOT_FOUND, SYMBOL_MALFORMED, …; see
 * docs/ERRORS.md), if any. Branch on this or on errorCode, never on the message.
 */
export function errorReason(error: CombinedError | undefined): string | undefined {
  const reason = error?.graphQLErrors?.[0]?.extensions?.reason;
  return typeof reason === 'string' ? reason : undefined;
}

/** The code the API put on the first error (NOT_FOUND, UNAUTHENTICATED, …), if any. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}
