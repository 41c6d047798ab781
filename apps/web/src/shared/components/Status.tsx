import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { errorCode } from '../hooks';

/** A loading message that screen readers announce. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="status" role="status" aria-live="polite">
      Loading {what}…
    </p>
  );
}

/** Says what went wrong in words, with the request id when the server gave one. */
export function ErrorMessage({ error, what, children }: { error: CombinedError; what: string; children?: ReactNode }) {
  const code = errorCode(error);
  const requestId = error.graphQLErrors?.[0]?.extensions?.requestId;
  let message: string;
  if (error.networkError) message = `The server could not be reached, so ${what} could not be loaded. Check your connection and reload the page.`;
  else if (code === 'TOO_MANY_REQUESTS') message = `Too many requests: wait a moment, then reload the page to see ${what}.`;
  else if (code === 'SERVICE_UNAVAILABLE') message = `The service is unavailable for a moment, so ${what} could not be loaded. Try again shortly.`;
  else if (code === 'BAD_USER_INPUT') message = `The server could not read this request for ${what}: ${error.graphQLErrors[0]?.message ?? ''}`;
  else message = `Something went wrong while loading ${what}${code ? ` (${code})` : ''}. Reload the page to try again.`;
  return (
    <div className="error-box" role="alert">
      <h2>{what.charAt(0).toUpperCase() + what.slice(1)} could not be loaded</h2>
      <p>{message}</p>
      {typeof requestId === 'string' && <p className="muted">Request id: {requestId}</p>}
      {children}
    </div>
  );
}
