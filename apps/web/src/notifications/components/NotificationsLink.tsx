import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { UnreadCountQuery } from '../graphql/notifications';

/** The header's link to /notifications with the unread count, asked again on every navigation. */
export function NotificationsLink() {
  const { pathname, search } = useLocation();
  const [{ data }, reexecute] = useQuery({ query: UnreadCountQuery, requestPolicy: 'cache-and-network' });
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    reexecute({ requestPolicy: 'network-only' });
  }, [pathname, search, reexecute]);
  const unread = data?.myNotifications.unreadCount ?? 0;
  // The name says the count in words ("Notifications, 3 unread"); the badge shows the number.
  return (
    <NavLink to="/notifications" className="notifications-link" aria-label={unread > 0 ? `Notifications, ${unread} unread` : undefined}>
      Notifications
      {unread > 0 && <span className="badge">{unread > 99 ? '99+' : unread}</span>}
    </NavLink>
  );
}
