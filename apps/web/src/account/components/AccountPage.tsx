import { useQuery } from 'urql';
import { AccessAnswer, isAccessError } from '../../projects/components/AccessAnswer';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { usePageTitle } from '../../shared/hooks';
import { ROLE_WORDS } from '../../desk/components/accounts/AccountFields';
import { FollowsSection } from '../../follows/components/FollowsSection';
import { MyAccountQuery } from '../graphql/my-account';
import { CalendarFeedSection } from './CalendarFeedSection';
import { ChangePasswordForm } from './ChangePasswordForm';
import { NotificationSwitches } from './NotificationSwitches';
import { RequireSignedIn } from './RequireSignedIn';

/** /account — who I am here, my password, which notifications I get, what I follow, my private deadlines feed. */
export function AccountPage() {
  return (
    <RequireSignedIn what="your account">
      <MyAccount />
    </RequireSignedIn>
  );
}

function MyAccount() {
  usePageTitle('Your account');
  const [{ data, error }] = useQuery({ query: MyAccountQuery, requestPolicy: 'cache-and-network' });
  if (isAccessError(error)) return <AccessAnswer error={error} what="your account" />;
  if (error && !data) return <ErrorMessage error={error} what="your account" />;
  if (!data) return <Loading what="your account" />;
  const me = data.me;

  return (
    <div className="account-page">
      <h1>Your account</h1>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{me.displayName || <span className="muted">not given</span>}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd className="break">{me.email}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{me.roles.map((r) => ROLE_WORDS[r]).join(', ')}</dd>
        </div>
        {me.economyCode && (
          <div>
            <dt>Economy</dt>
            <dd>{me.economyCode}</dd>
          </div>
        )}
      </dl>
      <p className="hint">The secretariat changes your name, roles and economy; ask them.</p>

      <section aria-labelledby="password-title" className="account-section">
        <h2 id="password-title">Change your password</h2>
        <p>Changing it signs out your other sessions: other browsers and devices must sign in again with the new password.</p>
        <ChangePasswordForm />
      </section>

      <section aria-labelledby="notifications-title" className="account-section">
        <h2 id="notifications-title">Notifications</h2>
        <NotificationSwitches settings={data.myNotificationSettings} />
      </section>

      <FollowsSection />

      <section aria-labelledby="feed-title" className="account-section">
        <h2 id="feed-title">Your report deadlines calendar</h2>
        <CalendarFeedSection feed={data.myCalendarFeed} />
      </section>
    </div>
  );
}
