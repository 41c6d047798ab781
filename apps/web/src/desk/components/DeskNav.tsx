import { NavLink } from 'react-router';

/** The desk's own pages, under the site's header. */
export function DeskNav() {
  return (
    <nav aria-label="Desk" className="desk-nav">
      <ul className="nav-list">
        <li>
          <NavLink to="/desk/reports">Reports</NavLink>
        </li>
        <li>
          <NavLink to="/desk/approvals">Approvals</NavLink>
        </li>
        <li>
          <NavLink to="/desk/documents">Documents</NavLink>
        </li>
        <li>
          <NavLink to="/desk/accounts">Accounts</NavLink>
        </li>
      </ul>
    </nav>
  );
}
