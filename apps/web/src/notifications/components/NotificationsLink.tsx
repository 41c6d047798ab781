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
  // Named "Notifications 3 unread": the words stay inline with the badge (an aria-label would not match the visible text).
  return (
    <NavLink to="/notifications" className="notifications-link">
      Notifications{' '}
      {unread > 0 && (
        <span className="badge">
          {unread > 99 ? '99+' : unread}
          <span className="visually-hidden"> unread</span>
        </span>
      )}
    </NavLink>
  );
}
