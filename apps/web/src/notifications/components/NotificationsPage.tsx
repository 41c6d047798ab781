import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { RequireSignedIn } from '../../account/components/RequireSignedIn';
import { describeError } from '../../desk/action-errors';
import type { MyNotificationsQuery as MyNotificationsData } from '../../gql/graphql';
import { AccessAnswer, isAccessError } from '../../projects/components/AccessAnswer';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { usePageTitle } from '../../shared/hooks';
import { formatInstant } from '../format-instant';
import { MarkNotificationsReadMutation, MyNotificationsQuery } from '../graphql/notifications';

type Notification = MyNotificationsData['myNotifications']['nodes'][number];

/** The server answers at most this many at once. */
const MOST = 100;
const PAGE = 50;
/** Marking read changes every list of notifications, the header's count included: urql asks for them again. */
const REFRESH_LISTS = { additionalTypenames: ['NotificationList'] };

/** /notifications (?unread=1): mine, newest first; one is marked read when opened, or all at once. */
export function NotificationsPage() {
  return (
    <RequireSignedIn what="your notifications">
      <Notifications />
    </RequireSignedIn>
  );
}

function Notifications() {
  usePageTitle('Notifications');
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const [first, setFirst] = useState(PAGE);
  const [{ data, error, fetching }] = useQuery({ query: MyNotificationsQuery, variables: { first, unreadOnly }, requestPolicy: 'cache-and-network' });
  const [marking, markRead] = useMutation(MarkNotificationsReadMutation);
  const [outcome, setOutcome] = useState<{ done?: string; failed?: string }>({});

  if (isAccessError(error)) return <AccessAnswer error={error} what="your notifications" />;
  const list = data?.myNotifications;

  const mark = async (ids: string[] | null) => {
    setOutcome({});
    const result = await markRead({ input: ids ? { ids } : {} }, REFRESH_LISTS);
    if (result.error) setOutcome({ failed: describeError(result.error).message });
    else if (!ids) setOutcome({ done: 'All your notifications are marked read.' });
  };

  return (
    <>
      <h1>Notifications</h1>
      {outcome.failed && (
        <div className="error-box" role="alert">
          <p>Not marked read: {outcome.failed}</p>
        </div>
      )}
      <p className="done" role="status">
        {outcome.done ?? ''}
      </p>
      <div className="notifications-bar">
        <p className="unread-line">{list ? (list.unreadCount ? `${list.unreadCount} unread` : 'Nothing unread') : ''}</p>
        <div className="checkbox">
          <input
            type="checkbox"
            id="unread-only"
            checked={unreadOnly}
            onChange={(e) => {
              setFirst(PAGE);
              setParams(e.target.checked ? { unread: '1' } : {}, { replace: true });
            }}
          />
          <label htmlFor="unread-only">Unread only</label>
        </div>
        <button type="button" className="button button-secondary" disabled={!list?.unreadCount || marking.fetching} onClick={() => void mark(null)}>
          Mark all read
        </button>
      </div>
      {error && !data && <ErrorMessage error={error} what="your notifications" />}
      {!list && !error && <Loading what="your notifications" />}
      {list && !list.nodes.length && (
        <p className="muted">{unreadOnly ? 'No unread notification.' : 'No notification yet. You are told here (and by e-mail) when something of yours moves.'}</p>
      )}
      {list && list.nodes.length > 0 && (
        <ol className="notification-list" aria-label={unreadOnly ? 'Unread notifications, newest first' : 'Notifications, newest first'}>
          {list.nodes.map((n) => (
            <NotificationItem key={n.id} notification={n} onRead={() => void mark([n.id])} />
          ))}
        </ol>
      )}
      {list && list.totalCount > list.nodes.length && (
        <p>
          {first < MOST ? (
            <button type="button" className="button button-secondary" disabled={fetching} onClick={() => setFirst(MOST)}>
              Show older notifications
            </button>
          ) : (
            <span className="muted">
              The newest {list.nodes.length} of {list.totalCount} are shown.
            </span>
          )}
        </p>
      )}
    </>
  );
}

function NotificationItem({ notification: n, onRead }: { notification: Notification; onRead: () => void }) {
  const paragraphs = n.body.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <li className={n.read ? 'notification' : 'notification unread'}>
      <h2 className="h3 notification-title">
        {!n.read && <span className="tag tag-unread">Unread</span>}{' '}
        {n.path ? (
          <Link to={n.path} onClick={() => !n.read && onRead()}>
            {n.title}
          </Link>
        ) : (
          n.title
        )}
      </h2>
      <p className="meta-line">
        <time dateTime={n.createdAt}>{formatInstant(n.createdAt)}</time>
      </p>
      {paragraphs.map((p, i) => (
        <p key={i} className="pre-line">
          {p}
        </p>
      ))}
      {!n.read && (
        <button type="button" className="button button-secondary button-small" onClick={onRead}>
          Mark read <span className="visually-hidden">: {n.title}</span>
        </button>
      )}
    </li>
  );
}
