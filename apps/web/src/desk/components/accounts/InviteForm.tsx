import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describeError, type ActionError } from '../../action-errors';
import { ActionOutcome, FieldError } from '../Outcome';
import { ACCOUNT_LABELS, EconomySelect, fieldClass, PersonSelect, RoleChoices } from './AccountFields';
import type { DeskAccountsData } from './accounts-data';
import type { RoleName } from './accounts-filter';
import { InviteUserMutation } from './accounts-graphql';

const IDS = { email: 'invite-email', displayName: 'invite-name', roles: 'invite-roles', economyCode: 'invite-economy', personId: 'invite-person' };

/** Invites an account: the server creates it without a password and mails its holder a one-time link. */
export function InviteForm({ data, viewerIsAdmin, onInvited }: { data: DeskAccountsData; viewerIsAdmin: boolean; onInvited: (message: string) => void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<RoleName[]>([]);
  const [economyCode, setEconomyCode] = useState('');
  const [personId, setPersonId] = useState('');
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [state, invite] = useMutation(InviteUserMutation);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const missing: ActionError | null = !email.trim()
      ? { field: 'email', reason: 'FIELD_REQUIRED', message: 'Enter the e-mail address the invitation goes to' }
      : !displayName.trim()
        ? { field: 'displayName', reason: 'FIELD_REQUIRED', message: 'Enter the name of the person' }
        : !roles.length
          ? { field: 'roles', reason: 'ROLE_UNKNOWN', message: 'Choose at least one role' }
          : roles.includes('DELEGATE') && !economyCode
            ? { field: 'economyCode', reason: 'ACCOUNT_NEEDS_ECONOMY', message: 'A delegate account needs the economy it speaks for: choose the economy' }
            : null;
    if (missing) {
      setFailure(missing);
      return;
    }
    const result = await invite({ input: { email: email.trim(), displayName: displayName.trim(), roles, economyCode: economyCode || null, personId: personId || null } });
    if (result.error || !result.data) {
      setFailure(describeError(result.error!, ACCOUNT_LABELS));
      return;
    }
    const user = result.data.inviteUser;
    setEmail('');
    setDisplayName('');
    setRoles([]);
    setEconomyCode('');
    setPersonId('');
    onInvited(
      `Invited ${user.displayName} (${user.email}). The server is e-mailing them a link to choose their password; it works once, for a limited time. Until they use it, the list shows them as invited.` +
        (user.roles.includes('OVERSEER') ? ' Give them their projects with “Manage”.' : ''),
    );
  };

  const described = (field: string, hint?: string) => [hint, failure?.field === field ? `${IDS[field as keyof typeof IDS]}-error` : null].filter(Boolean).join(' ') || undefined;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="invite-title">
      {failure && <ActionOutcome error={failure} fieldIds={IDS} />}
      <p className="hint">The server e-mails the person a link to choose their password. The account cannot sign in until they do.</p>
      <div className="form-grid-2">
        <div className={fieldClass(failure, 'email')}>
          <label className="label" htmlFor={IDS.email}>
            E-mail address
          </label>
          <FieldError id={`${IDS.email}-error`} error={failure} field="email" />
          <input
            id={IDS.email}
            type="email"
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={failure?.field === 'email' ? true : undefined}
            aria-describedby={described('email')}
          />
        </div>
        <div className={fieldClass(failure, 'displayName')}>
          <label className="label" htmlFor={IDS.displayName}>
            Name
          </label>
          <FieldError id={`${IDS.displayName}-error`} error={failure} field="displayName" />
          <input
            id={IDS.displayName}
            className="input"
            autoComplete="off"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            aria-invalid={failure?.field === 'displayName' ? true : undefined}
            aria-describedby={described('displayName')}
          />
        </div>
      </div>
      <RoleChoices idPrefix="invite" value={roles} onChange={setRoles} viewerIsAdmin={viewerIsAdmin} error={failure} />
      <div className="form-grid-2">
        <EconomySelect id={IDS.economyCode} value={economyCode} onChange={setEconomyCode} economies={data.economies} error={failure} />
        <PersonSelect id={IDS.personId} value={personId} onChange={setPersonId} persons={data.persons} error={failure} />
      </div>
      <button type="submit" className="button" disabled={state.fetching}>
        {state.fetching ? 'Inviting…' : 'Invite'}
      </button>
    </form>
  );
}
