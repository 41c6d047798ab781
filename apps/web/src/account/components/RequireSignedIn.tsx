import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../session/hooks/useSession';
import { usePageTitle } from '../../shared/hooks';

/** A page of one's own (account, notifications): sign in first. The server checks every request all the same. */
export function RequireSignedIn({ what, children }: { what: string; children: ReactNode }) {
  const { user } = useSession();
  if (!user) return <SignInFirst what={what} />;
  return <>{children}</>;
}

function SignInFirst({ what }: { what: string }) {
  const { pathname, search } = useLocation();
  usePageTitle(`Sign in to see ${what}`);
  return (
    <>
      <h1>Sign in to see {what}</h1>
      <p>This page is for signed-in members.</p>
      <p>
        <Link to={`/sign-in?next=${encodeURIComponent(pathname + search)}`}>Sign in</Link>
      </p>
    </>
  );
}
