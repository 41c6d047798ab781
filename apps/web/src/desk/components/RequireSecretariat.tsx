import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../../shared/hooks';
import { useSession } from '../../session/hooks/useSession';

/**
 * The desk's pages answer as the API would: sign in first, or not allowed. This only spares a
 * page that cannot work; the server checks every request and stays the judge.
 */
export function RequireSecretariat({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <SignInFirst next={location.pathname + location.search} />;
  if (!user.roles.includes('SECRETARIAT')) return <NotAllowed />;
  return <>{children}</>;
}

function SignInFirst({ next }: { next: string }) {
  usePageTitle('Sign in to use the desk');
  return (
    <>
      <h1>Sign in to use the desk</h1>
      <p>The secretariat&apos;s desk is for signed-in secretariat staff.</p>
      <p>
        <Link to={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </>
  );
}

function NotAllowed() {
  usePageTitle('Not allowed');
  return (
    <>
      <h1>Not allowed</h1>
      <p>Your account may not use the secretariat&apos;s desk. If you need it, ask the secretariat.</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </>
  );
}
