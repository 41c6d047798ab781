import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation } from 'urql';
import { usePageTitle } from '../../shared/hooks';
import { AcceptInvitationMutation, ResetPasswordMutation } from '../graphql/account';

/** /invitation/{token} and /reset-password/{token}: choose a password from a one-time link. */
export function ChoosePasswordPage({ mode }: { mode: 'invitation' | 'reset' }) {
  const { token = '' } = useParams();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [accept, acceptInvitation] = useMutation(AcceptInvitationMutation);
  const [reset, resetPassword] = useMutation(ResetPasswordMutation);
  const title = mode === 'invitation' ? 'Choose your password' : 'Choose a new password';
  usePageTitle(error ? `Error: ${title}` : title);
  const busy = accept.fetching || reset.fetching;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ([...password].length < 12) {
      setError('Enter a password of at least 12 characters');
      return;
    }
    const input = { token, password };
    const result = mode === 'invitation' ? await acceptInvitation({ input }) : await resetPassword({ input });
    const problem = result.error?.graphQLErrors[0];
    if (problem) {
      setError(problem.extensions?.reason === 'ACCOUNT_LINK_INVALID' ? 'This link is not valid any more. Ask for a new one.' : problem.message);
      return;
    }
    if (result.error) {
      setError('The password could not be saved. Try again.');
      return;
    }
    setDone(true);
  };

  if (done) {
    return (
      <div className="narrow">
        <h1>Password saved</h1>
        <p>
          <Link to="/sign-in">Sign in</Link> with your e-mail address and the new password.
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      {error && (
        <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            <li>
              <a href="#password">{error}</a>
            </li>
          </ul>
        </div>
      )}
      <h1>{title}</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={error ? 'field field-error' : 'field'}>
          <label className="label" htmlFor="password">
            Password
          </label>
          <p className="hint" id="password-hint">
            At least 12 characters. A few words you remember make a good one.
          </p>
          <input
            id="password"
            name="password"
            type="password"
            className="input"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby="password-hint"
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save password'}
        </button>
      </form>
    </div>
  );
}
