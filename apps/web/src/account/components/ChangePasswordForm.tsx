import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { describeError } from '../../desk/action-errors';
import { ChangePasswordMutation } from '../graphql/my-account';

type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';
const IDS: Record<Field, string> = { currentPassword: 'current-password', newPassword: 'new-password', repeatPassword: 'repeat-password' };
const LABELS = { currentPassword: 'current password', newPassword: 'new password' };

/** Current password and the new one twice; the errors sit beside their fields and in a summary above. */
export function ChangePasswordForm() {
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', repeatPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [state, change] = useMutation(ChangePasswordMutation);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setGeneral(null);
    const found: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) found.currentPassword = 'Enter your current password';
    const length = [...values.newPassword].length;
    if (length < 12) found.newPassword = 'Enter a new password of at least 12 characters';
    else if (length > 256) found.newPassword = 'The new password must be at most 256 characters';
    if (values.newPassword && values.repeatPassword !== values.newPassword) found.repeatPassword = 'The two new passwords are not the same: type it again';
    setErrors(found);
    if (Object.keys(found).length) return;
    const result = await change({ input: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
    if (result.error) {
      const why = describeError(result.error, LABELS);
      if (why.field === 'currentPassword' || why.field === 'newPassword') setErrors({ [why.field]: why.message });
      else setGeneral(why.message);
      return;
    }
    setValues({ currentPassword: '', newPassword: '', repeatPassword: '' });
    setDone(true);
  };

  const listed = (Object.keys(IDS) as Field[]).filter((f) => errors[f]);
  const field = (name: Field, label: string, autoComplete: string, hint?: string) => {
    const error = errors[name];
    const described = [hint ? `${IDS[name]}-hint` : null, error ? `${IDS[name]}-error` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className={error ? 'field field-error' : 'field'}>
        <label className="label" htmlFor={IDS[name]}>
          {label}
        </label>
        {hint && (
          <p className="hint" id={`${IDS[name]}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p className="error-message" id={`${IDS[name]}-error`}>
            <span className="visually-hidden">Error:</span> {error}
          </p>
        )}
        <input
          id={IDS[name]}
          type="password"
          className="input"
          autoComplete={autoComplete}
          value={values[name]}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
        />
      </div>
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="password-title">
      {(listed.length > 0 || general) && (
        <div className="error-summary" role="alert" aria-labelledby="password-problem">
          <h3 id="password-problem" className="h4">
            The password was not changed
          </h3>
          <ul>
            {listed.map((f) => (
              <li key={f}>
                <a href={`#${IDS[f]}`}>{errors[f]}</a>
              </li>
            ))}
            {general && <li>{general}</li>}
          </ul>
        </div>
      )}
      <p className="done" role="status">
        {done ? 'Your password is changed. Your other sessions — other browsers, devices and session tokens — have been signed out; this one stays signed in.' : ''}
      </p>
      {field('currentPassword', 'Current password', 'current-password')}
      {field('newPassword', 'New password', 'new-password', 'At least 12 characters. A few words you remember make a good one.')}
      {field('repeatPassword', 'New password again', 'new-password')}
      <button type="submit" className="button" disabled={state.fetching}>
        {state.fetching ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
