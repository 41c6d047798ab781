import type { ActionError } from '../../action-errors';
import { FieldError } from '../Outcome';
import type { Economy, Person } from './accounts-data';
import { ROLES, type RoleName } from './accounts-filter';

export const ROLE_WORDS: Record<RoleName, string> = {
  SECRETARIAT: 'Secretariat',
  ADMIN: 'Administrator',
  DELEGATE: 'Delegate',
  OVERSEER: 'Project overseer',
};
const ROLE_HINTS: Record<RoleName, string> = {
  SECRETARIAT: 'registers meetings and documents, receives reports, records decisions',
  ADMIN: 'everything the secretariat does, and accounts of the secretariat',
  DELEGATE: 'reads restricted papers; speaks for an economy',
  OVERSEER: 'drafts and submits the progress reports of the projects given below',
};
const PRIVILEGED: RoleName[] = ['SECRETARIAT', 'ADMIN'];

export const ACCOUNT_LABELS = {
  email: 'e-mail address',
  displayName: 'name',
  roles: 'roles',
  economyCode: 'economy',
  personId: 'person',
  overseerAccountEmails: 'overseer accounts',
};

export function fieldClass(error: ActionError | null, field: string, base = 'field'): string {
  return error?.field === field ? `${base} field-error` : base;
}

/** The roles as checkboxes; SECRETARIAT and ADMIN only for an administrator (the server says the same). */
export function RoleChoices({
  idPrefix,
  value,
  onChange,
  viewerIsAdmin,
  error,
}: {
  idPrefix: string;
  value: RoleName[];
  onChange: (roles: RoleName[]) => void;
  viewerIsAdmin: boolean;
  error: ActionError | null;
}) {
  const errorId = `${idPrefix}-roles-error`;
  return (
    <fieldset className={fieldClass(error, 'roles')} id={`${idPrefix}-roles`} aria-describedby={error?.field === 'roles' ? errorId : undefined}>
      <legend className="label">Roles</legend>
      {!viewerIsAdmin && <p className="hint">Only an administrator may give the Secretariat and Administrator roles.</p>}
      <FieldError id={errorId} error={error} field="roles" />
      {ROLES.map((role) => {
        const locked = !viewerIsAdmin && PRIVILEGED.includes(role);
        return (
          <div className="checkbox" key={role}>
            <input
              type="checkbox"
              id={`${idPrefix}-role-${role}`}
              checked={value.includes(role)}
              disabled={locked}
              onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
            />
            <label htmlFor={`${idPrefix}-role-${role}`}>
              {ROLE_WORDS[role]} <span className="muted">— {ROLE_HINTS[role]}</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export function EconomySelect({
  id,
  value,
  onChange,
  economies,
  error,
}: {
  id: string;
  value: string;
  onChange: (code: string) => void;
  economies: Economy[];
  error: ActionError | null;
}) {
  return (
    <div className={fieldClass(error, 'economyCode')}>
      <label className="label" htmlFor={id}>
        Economy
      </label>
      <p className="hint" id={`${id}-hint`}>
        The economy a delegate speaks for (needed for a delegate).
      </p>
      <FieldError id={`${id}-error`} error={error} field="economyCode" />
      <select
        id={id}
        className="select select-wide"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-hint${error?.field === 'economyCode' ? ` ${id}-error` : ''}`}
        aria-invalid={error?.field === 'economyCode' ? true : undefined}
      >
        <option value="">None</option>
        {economies.map((e) => (
          <option key={e.code} value={e.code}>
            {e.name} ({e.code})
          </option>
        ))}
      </select>
    </div>
  );
}

export function PersonSelect({
  id,
  value,
  onChange,
  persons,
  error,
}: {
  id: string;
  value: string;
  onChange: (personId: string) => void;
  persons: Person[];
  error: ActionError | null;
}) {
  return (
    <div className={fieldClass(error, 'personId')}>
      <label className="label" htmlFor={id}>
        Person in the directory (optional)
      </label>
      <p className="hint" id={`${id}-hint`}>
        Who the account is — a convenor, an overseer, the TEL Chair: their offices give the account what the office may do.
      </p>
      <FieldError id={`${id}-error`} error={error} field="personId" />
      <select
        id={id}
        className="select select-wide"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={`${id}-hint${error?.field === 'personId' ? ` ${id}-error` : ''}`}
        aria-invalid={error?.field === 'personId' ? true : undefined}
      >
        <option value="">Nobody</option>
        {persons.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
            {p.economy ? ` (${p.economy.code})` : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
