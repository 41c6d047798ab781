import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../../shared/hooks';

export function NotFoundPage() {
  usePageTitle('Page not found');
  const { pathname } = useLocation();
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at {pathname}. If you typed the address, check it is correct.</p>
      <p>
        <Link to="/">Go to the start page</Link> or <Link to="/search?q=">search the papers</Link>.
      </p>
    </>
  );
}
