import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useSession } from '../../session/hooks/useSession';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { usePageTitle } from '../../shared/hooks';
import { formatDate, formatInstant } from '../../shared/time';
import { ROLE_WORDS } from './accounts/AccountFields';
import { accountName, AccountPanel } from './accounts/AccountPanel';
import { useDeskAccountsData, type Account } from './accounts/accounts-data';
import { accountState, filterAccounts, filterParams, readFilter, ROLES, STATE_WORDS, type AccountFilter, type AccountState, type RoleName } from './accounts/accounts-filter';
import { InviteForm } from './accounts/InviteForm';
import { ActionOutcome } from './Outcome';

const COLUMNS = 7;

/** /desk/accounts — who has an account, in which roles and state; invite, change, give projects, disable. */
export function DeskAccountsPage() {
  usePageTitle('Accounts · Desk');
  const { user: viewer } = useSession();
  const viewerIsAdmin = !!viewer?.roles.includes('ADMIN');
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const { data, error, reload } = useDeskAccountsData();
  const [done, setDone] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);

  const setFilter = (next: Partial<AccountFilter>) => setParams(filterParams({ ...filter, ...next }), { replace: true });
  const finished = async (message: string) => {
    await reload();
    setDone(message);
  };

  if (error && !data) return <ErrorMessage error={error} what="the accounts" />;
  if (!data) return <Loading what="the accounts" />;
  const personName = (u: Account) => data.persons.find((p) => p.id === u.personId)?.name ?? '';
  const shown = filterAccounts(data.users, filter, personName);
  const overseen = (u: Account) => data.projects.filter((p) => p.overseerAccounts?.some((a) => a.id === u.id));

  return (
    <>
      <h1>Accounts</h1>
      <ActionOutcome done={done} />
      <section aria-labelledby="invite-title" className="invite-section">
        <h2 id="invite-title">
          <button type="button" className="disclosure" aria-expanded={inviting} onClick={() => setInviting(!inviting)}>
            Invite an account
          </button>
        </h2>
        {inviting && (
          <InviteForm
            data={data}
            viewerIsAdmin={viewerIsAdmin}
            onInvited={(message) => {
              setParams({}, { replace: true });
              void finished(message);
            }}
          />
        )}
      </section>

      <section aria-labelledby="list-title">
        <h2 id="list-title">Accounts ({shown.length === data.users.length ? data.users.length : `${shown.length} of ${data.users.length}`})</h2>
        <form className="filters" role="search" aria-label="Filter the accounts" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label className="label" htmlFor="filter-text">
              Name, e-mail or economy
            </label>
            <input id="filter-text" type="search" className="input input-filter" value={filter.text} onChange={(e) => setFilter({ text: e.target.value })} />
          </div>
          <div className="field">
            <label className="label" htmlFor="filter-role">
              Role
            </label>
            <select id="filter-role" className="select" value={filter.role} onChange={(e) => setFilter({ role: e.target.value as RoleName | '' })}>
              <option value="">Any role</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_WORDS[r]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="label" htmlFor="filter-state">
              State
            </label>
            <select id="filter-state" className="select" value={filter.state} onChange={(e) => setFilter({ state: e.target.value as AccountState | '' })}>
              <option value="">Any state</option>
              {(Object.keys(STATE_WORDS) as AccountState[]).map((s) => (
                <option key={s} value={s}>
                  {STATE_WORDS[s]}
                </option>
              ))}
            </select>
          </div>
        </form>
        {shown.length ? (
          <table className="table table-stack accounts-table">
            <caption className="visually-hidden">Accounts{filter.text || filter.role || filter.state ? ', filtered' : ''}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Roles</th>
                <th scope="col">Economy</th>
                <th scope="col">Person</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => {
                const state = accountState(u);
                const projects = u.roles.includes('OVERSEER') ? overseen(u) : [];
                return (
                  <Fragment key={u.id}>
                    <tr className={state === 'DISABLED' ? 'row-disabled' : undefined}>
                      <td data-label="Name">{u.displayName ? <strong>{u.displayName}</strong> : <span className="muted">No name given</span>}</td>
                      <td data-label="E-mail" className="break">
                        {u.email}
                      </td>
                      <td data-label="Roles">
                        {u.roles.map((r) => ROLE_WORDS[r]).join(', ')}
                        {projects.length > 0 && <span className="muted block">Oversees {projects.map((p) => p.title).join('; ')}</span>}
                      </td>
                      <td data-label="Economy" className={u.economyCode ? undefined : 'empty-cell'}>
                        {u.economyCode ?? <span className="muted">—</span>}
                      </td>
                      <td data-label="Person" className={personName(u) ? undefined : 'empty-cell'}>
                        {personName(u) || <span className="muted">—</span>}
                      </td>
                      <td data-label="State">
                        <span className={`tag state-${state.toLowerCase()}`}>{STATE_WORDS[state]}</span>
                        {state !== 'INVITED' &&
                          (u.lastSignInAt ? (
                            <span className="muted block">
                              Signed in{' '}
                              <time dateTime={u.lastSignInAt} title={formatInstant(u.lastSignInAt)}>
                                {formatDate(u.lastSignInAt)}
                              </time>
                            </span>
                          ) : (
                            <span className="muted block">Never signed in</span>
                          ))}
                      </td>
                      <td className="nowrap">
                        <button
                          type="button"
                          className="button button-secondary button-small"
                          aria-expanded={open === u.id}
                          onClick={() => {
                            setDone(null);
                            setOpen(open === u.id ? null : u.id);
                          }}
                        >
                          Manage <span className="visually-hidden">{accountName(u)}</span>
                        </button>
                      </td>
                    </tr>
                    {open === u.id && (
                      <tr className="panel-row">
                        <td colSpan={COLUMNS}>
                          <AccountPanel user={u} data={data} viewerIsAdmin={viewerIsAdmin} viewerId={viewer?.id ?? ''} onDone={finished} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        ) : (
          <p className="muted">No account matches this filter.</p>
        )}
      </section>
    </>
  );
}
