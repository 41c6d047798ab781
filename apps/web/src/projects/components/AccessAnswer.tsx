import { Link, useLocation } from 'react-router';
import type { CombinedError } from 'urql';
import { errorCode } from '../../shared/hooks';
import { usePageTitle } from '../../shared/hooks';

/**
 * The page's answer when the API refused: UNAUTHENTICATED → sign in (and come back), FORBIDDEN →
 * not allowed. The server decides; the page only says what it answered. Null for other errors.
 */
export function AccessAnswer({ error, what }: { error: CombinedError | undefined; what: string }) {
  const code = errorCode(error);
  const { pathname, search } = useLocation();
  usePageTitle(code === 'UNAUTHENTICATED' ? 'Sign in needed' : code === 'FORBIDDEN' ? 'Not allowed' : '');
  if (code === 'UNAUTHENTICATED') {
    return (
      <>
        <h1>Sign in to see {what}</h1>
        <p>This page is for signed-in members.</p>
        <p>
          <Link className="button" to={`/sign-in?next=${encodeURIComponent(pathname + search)}`}>
            Sign in
          </Link>
        </p>
      </>
    );
  }
  if (code === 'FORBIDDEN') {
    return (
      <>
        <h1>You are not allowed to see {what}</h1>
        <p>Your account does not hold the role this page needs. If you oversee an APEC project, ask the APEC Secretariat to give your account the overseer role.</p>
        <p>
          <Link to="/projects">See the project register</Link>
        </p>
      </>
    );
  }
  return null;
}

/** True when AccessAnswer has something to say for this error. */
export function isAccessError(error: CombinedError | undefined): boolean {
  const code = errorCode(error);
  return code === 'UNAUTHENTICATED' || code === 'FORBIDDEN';
}
