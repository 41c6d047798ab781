import { useEffect, useRef, type ReactNode } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { NotificationsLink } from '../../notifications/components/NotificationsLink';
import { useSession } from '../../session/hooks/useSession';

/** Header, skip link, one <main> and a footer around every page. */
export function Layout({ children }: { children: ReactNode }) {
  const { user, signOut, loaded } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After a client-side navigation to another page, move focus to it (as a page load would);
  // a change of query only (a search, a filter) leaves focus where it is.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    main.current?.focus();
  }, [location.pathname]);

  const onSignOut = async () => {
    await signOut();
    void navigate('/', { replace: false });
  };

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="wrap header-inner">
          <Link to="/" className="brand">
            TEL Registry
          </Link>
          <nav aria-label="Main">
            <ul className="nav-list">
              <li>
                <NavLink to="/search?q=">Search</NavLink>
              </li>
              <li>
                <NavLink to="/meetings">Meetings</NavLink>
              </li>
              <li>
                <NavLink to="/projects" end>
                  Projects
                </NavLink>
              </li>
              {user?.roles.includes('OVERSEER') && (
                <li>
                  <NavLink to="/my/projects">My projects</NavLink>
                </li>
              )}
              {user?.roles.includes('SECRETARIAT') && (
                <li>
                  <NavLink to="/desk/reports">Desk</NavLink>
                </li>
              )}
              {loaded && !user && (
                <li>
                  <NavLink to={location.pathname === '/sign-in' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`}>Sign in</NavLink>
                </li>
              )}
            </ul>
          </nav>
          {user && (
            <div className="account">
              <NotificationsLink />
              <NavLink to="/account" className="account-email">
                <span className="visually-hidden">Your account: </span>
                {user.email}
              </NavLink>
              <button type="button" className="button button-secondary" onClick={() => void onSignOut()}>
                Sign out
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="wrap">
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>
            APEC Telecommunications and Information Working Group (TEL) meeting documents. The <a href="/explorer">GraphQL explorer</a> documents the API.
          </p>
        </div>
      </footer>
    </>
  );
}
