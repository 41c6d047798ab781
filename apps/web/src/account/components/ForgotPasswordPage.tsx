import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { usePageTitle } from '../../shared/hooks';
import { RequestPasswordResetMutation } from '../graphql/account';

/** /forgot-password: asks for a reset link; says the same whether or not the address has an account. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [state, requestReset] = useMutation(RequestPasswordResetMutation);
  usePageTitle(error ? 'Error: Forgot password' : 'Forgot password');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setError('Enter your e-mail address');
      return;
    }
    const result = await requestReset({ input: { email: email.trim() } });
    if (result.error) {
      setError('The request could not be sent. Try again.');
      return;
    }
    setSent(true);
  };

  if (sent) {
    return (
      <div className="narrow">
        <h1>Check your e-mail</h1>
        <p>If {email.trim()} has an account, we have sent it a link to choose a new password. The link works once, for a short time.</p>
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
              <a href="#email">{error}</a>
            </li>
          </ul>
        </div>
      )}
      <h1>Forgot password</h1>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className={error ? 'field field-error' : 'field'}>
          <label className="label" htmlFor="email">
            Email
          </label>
          <input
            id="email"
            name="email"
            type="email"
            className="input"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={state.fetching}>
          {state.fetching ? 'Sending…' : 'Send me a link'}
        </button>
      </form>
    </div>
  );
}
