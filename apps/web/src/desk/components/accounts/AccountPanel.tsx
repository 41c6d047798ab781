import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation } from 'urql';
import { describeError, type ActionError } from '../../action-errors';
import { ActionOutcome, FieldError } from '../Outcome';
import { ACCOUNT_LABELS, EconomySelect, fieldClass, PersonSelect, RoleChoices } from './AccountFields';
import type { Account, DeskAccountsData } from './accounts-data';
import type { RoleName } from './accounts-filter';
import { DisableUserMutation, EnableUserMutation, ProjectOverseersQuery, SetProjectOverseersMutation, UpdateUserMutation } from './accounts-graphql';

export function accountName(user: Pick<Account, 'id' | 'email' | 'displayName'>): string {
  return user.displayName || user.email || user.id;
}

/** What the secretariat may do with one account: change it, give an overseer projects, disable it, enable it again. */
export function AccountPanel({
  user,
  data,
  viewerIsAdmin,
  viewerId,
  onDone,
}: {
  user: Account;
  data: DeskAccountsData;
  viewerIsAdmin: boolean;
  viewerId: string;
  onDone: (message: string) => Promise<void>;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="account-panel">
      <h3 className="h3" ref={heading} tabIndex={-1}>
        Manage {accountName(user)}
      </h3>
      {user.disabled ? (
        <>
          <p>This account is disabled: it cannot sign in, and its sessions and API tokens no longer work.</p>
          <EnableAccount user={user} onDone={onDone} />
        </>
      ) : (
        <>
          <EditAccount user={user} data={data} viewerIsAdmin={viewerIsAdmin} onDone={onDone} />
          {user.roles.includes('OVERSEER') && <OverseenProjects user={user} data={data} onDone={onDone} />}
          {user.id === viewerId ? <p className="muted">This is your own account: it cannot be disabled from here.</p> : <DisableAccount user={user} onDone={onDone} />}
        </>
      )}
    </div>
  );
}

function EditAccount({ user, data, viewerIsAdmin, onDone }: { user: Account; data: DeskAccountsData; viewerIsAdmin: boolean; onDone: (message: string) => Promise<void> }) {
  const prefix = `edit-${user.id}`;
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<RoleName[]>(user.roles as RoleName[]);
  const [economyCode, setEconomyCode] = useState(user.economyCode ?? '');
  const [personId, setPersonId] = useState(user.personId ?? '');
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [state, update] = useMutation(UpdateUserMutation);
  const ids = { displayName: `${prefix}-name`, roles: `${prefix}-roles`, economyCode: `${prefix}-economy`, personId: `${prefix}-person` };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    if (!displayName.trim()) return setFailure({ field: 'displayName', reason: 'FIELD_REQUIRED', message: 'Enter the name of the person' });
    if (!roles.length) return setFailure({ field: 'roles', reason: 'ROLE_UNKNOWN', message: 'Choose at least one role' });
    if (roles.includes('DELEGATE') && !economyCode)
      return setFailure({ field: 'economyCode', reason: 'ACCOUNT_NEEDS_ECONOMY', message: 'A delegate account needs the economy it speaks for: choose the economy' });
    const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));
    const input = {
      email: user.email!,
      ...(displayName.trim() !== user.displayName ? { displayName: displayName.trim() } : {}),
      ...(!same(roles, user.roles) ? { roles } : {}),
      ...(economyCode !== (user.economyCode ?? '') ? { economyCode } : {}),
      ...(personId !== (user.personId ?? '') ? { personId } : {}),
    };
    if (Object.keys(input).length === 1) return setFailure({ field: null, reason: null, message: 'Nothing was changed: change a field first' });
    const result = await update({ input });
    if (result.error) return setFailure(describeError(result.error, ACCOUNT_LABELS));
    const changed = result.data!.updateUser;
    await onDone(`Saved ${accountName(changed)}: roles ${changed.roles.join(', ')}${changed.economyCode ? `, economy ${changed.economyCode}` : ''}.`);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Change ${accountName(user)}`}>
      <h4 className="h4">Name, roles, economy and person</h4>
      {failure && <ActionOutcome error={failure} fieldIds={ids} />}
      <div className={fieldClass(failure, 'displayName')}>
        <label className="label" htmlFor={ids.displayName}>
          Name
        </label>
        <FieldError id={`${ids.displayName}-error`} error={failure} field="displayName" />
        <input
          id={ids.displayName}
          className="input"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          aria-invalid={failure?.field === 'displayName' ? true : undefined}
          aria-describedby={failure?.field === 'displayName' ? `${ids.displayName}-error` : undefined}
        />
      </div>
      <RoleChoices idPrefix={prefix} value={roles} onChange={setRoles} viewerIsAdmin={viewerIsAdmin} error={failure} />
      <div className="form-grid-2">
        <EconomySelect id={ids.economyCode} value={economyCode} onChange={setEconomyCode} economies={data.economies} error={failure} />
        <PersonSelect id={ids.personId} value={personId} onChange={setPersonId} persons={data.persons} error={failure} />
      </div>
      <button type="submit" className="button" disabled={state.fetching}>
        Save changes
      </button>
    </form>
  );
}

/**
 * The projects an overseer acts for. Each project's list of overseer accounts is read again just
 * before it is written, and only this account is added or taken off: the others stay.
 */
function OverseenProjects({ user, data, onDone }: { user: Account; data: DeskAccountsData; onDone: (message: string) => Promise<void> }) {
  const client = useClient();
  const prefix = `projects-${user.id}`;
  const current = data.projects.filter((p) => p.overseerAccounts?.some((a) => a.id === user.id)).map((p) => p.id);
  const [chosen, setChosen] = useState<string[]>(current);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [busy, setBusy] = useState(false);
  const [, setOverseers] = useMutation(SetProjectOverseersMutation);
  const title = (id: string) => data.projects.find((p) => p.id === id)?.title ?? id;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const add = chosen.filter((id) => !current.includes(id));
    const remove = current.filter((id) => !chosen.includes(id));
    if (!add.length && !remove.length) return setFailure({ field: null, reason: null, message: 'Nothing was changed: tick or untick a project first' });
    setBusy(true);
    const done: string[] = [];
    try {
      for (const id of [...add, ...remove]) {
        const now = await client.query(ProjectOverseersQuery, { id }, { requestPolicy: 'network-only' }).toPromise();
        if (now.error || !now.data) return setFailure({ ...describeError(now.error!, ACCOUNT_LABELS), message: `${title(id)}: ${describeError(now.error!).message}` });
        const others = (now.data.project.overseerAccounts ?? []).filter((a) => a.id !== user.id).map((a) => a.email!);
        const emails = add.includes(id) ? [...others, user.email!] : others;
        const result = await setOverseers({ input: { id, overseerAccountEmails: emails } });
        if (result.error) {
          const why = describeError(result.error, ACCOUNT_LABELS);
          return setFailure({ ...why, field: null, message: `${title(id)}: ${why.message}.${done.length ? ` Saved before this: ${done.join('; ')}.` : ''}` });
        }
        done.push(`${add.includes(id) ? 'now overseer of' : 'no longer overseer of'} ${title(id)}`);
      }
      await onDone(`${accountName(user)}: ${done.join('; ')}.`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={`Projects ${accountName(user)} oversees`}>
      {failure && <ActionOutcome error={failure} />}
      <fieldset className="field">
        <legend className="h4">Projects they oversee</legend>
        <p className="hint">They draft and submit these projects’ progress reports. The projects’ other overseer accounts stay as they are.</p>
        <div className="project-choices">
          {data.projects.map((p) => (
            <div className="checkbox" key={p.id}>
              <input
                type="checkbox"
                id={`${prefix}-${p.id}`}
                checked={chosen.includes(p.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, p.id] : chosen.filter((c) => c !== p.id))}
              />
              <label htmlFor={`${prefix}-${p.id}`}>
                {p.title}
                {p.number && <span className="muted"> ({p.number})</span>}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : 'Save projects'}
      </button>
    </form>
  );
}

function EnableAccount({ user, onDone }: { user: Account; onDone: (message: string) => Promise<void> }) {
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [state, enable] = useMutation(EnableUserMutation);
  const run = async () => {
    setFailure(null);
    const result = await enable({ input: { email: user.email! } });
    if (result.error) return setFailure(describeError(result.error, ACCOUNT_LABELS));
    await onDone(`Enabled ${accountName(user)} (${user.email}) again: they can sign in with their password, or ask for a reset link.`);
  };
  return (
    <div className="enable-account">
      {failure && <ActionOutcome error={failure} />}
      <p className="muted">Enabling lets them sign in again. The sessions and API tokens that ended when it was disabled stay ended.</p>
      <button type="button" className="button" disabled={state.fetching} onClick={() => void run()}>
        {state.fetching ? 'Enabling…' : 'Enable this account again'}
      </button>
    </div>
  );
}

function DisableAccount({ user, onDone }: { user: Account; onDone: (message: string) => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [state, disable] = useMutation(DisableUserMutation);
  const question = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  const confirm = async () => {
    setFailure(null);
    const result = await disable({ input: { email: user.email! } });
    if (result.error) return setFailure(describeError(result.error, ACCOUNT_LABELS));
    await onDone(`Disabled ${accountName(user)} (${user.email}). Their sessions and API tokens have ended; they cannot sign in.`);
  };

  return (
    <div className="disable-account">
      {failure && <ActionOutcome error={failure} />}
      {!confirming ? (
        <button type="button" className="button button-warning" onClick={() => setConfirming(true)}>
          Disable this account…
        </button>
      ) : (
        <div className="confirm" role="group" aria-labelledby={`disable-q-${user.id}`}>
          <h4 className="h4" id={`disable-q-${user.id}`} ref={question} tabIndex={-1}>
            Disable {accountName(user)}?
          </h4>
          <p>{user.email} is signed out at once: their browser sessions and API tokens end now, and they cannot sign in again. Their name stays on what they did.</p>
          <div className="actions">
            <button type="button" className="button button-warning" disabled={state.fetching} onClick={() => void confirm()}>
              Yes, disable the account
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
