import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { usePageTitle } from '../../shared/hooks';
import { useSession } from '../hooks/useSession';
import { signIn } from '../session-api';
import { safeNext, validateSignIn, type FieldError } from '../sign-in-validation';

/** /sign-in — GOV.UK pattern: labels above fields, an error summary at the top linking to each field. */
export function SignInPage() {
  const { user, setSession } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  usePageTitle(errors.length || problem ? 'Error: Sign in' : 'Sign in');

  useEffect(() => {
    if (errors.length || problem) summary.current?.focus();
  }, [errors, problem]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateSignIn(email, password);
    setErrors(found);
    setProblem(null);
    if (found.length) return;
    setBusy(true);
    const result = await signIn(email.trim(), password);
    setBusy(false);
    if (result.ok) {
      setSession(result.session);
      void navigate(safeNext(params.get('next')), { replace: true });
      return;
    }
    setPassword('');
    if (result.reason === 'LOGIN_FAILED') setErrors([{ field: 'email', message: 'The email address or password is not right' }]);
    else if (result.reason === 'LOGIN_RATE_LIMITED' || result.code === 'TOO_MANY_REQUESTS')
      setProblem(`Too many sign-in attempts. Wait ${result.retryAfterSeconds ? `${result.retryAfterSeconds} seconds` : 'a few minutes'}, then try again.`);
    else if (result.code === 'SERVICE_UNAVAILABLE') setProblem('Signing in is unavailable for a moment. Try again in a few seconds.');
    else setProblem(`You could not be signed in: ${result.message}`);
  };

  if (user) {
    return (
      <>
        <h1>Signed in</h1>
        <p>You are signed in as {user.email}.</p>
        <p>
          <Link to="/">Go to the start page</Link>
        </p>
      </>
    );
  }

  const errorOf = (field: FieldError['field']) => errors.find((e) => e.field === field);
  const emailError = errorOf('email');
  const passwordError = errorOf('password');

  return (
    <div className="narrow">
      {(errors.length > 0 || problem) && (
        <div className="error-summary" ref={summary} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">There is a problem</h2>
          <ul>
            {errors.map((e) => (
              <li key={e.field + e.message}>
                <a href={`#${e.field}`}>{e.message}</a>
              </li>
            ))}
            {problem && <li>{problem}</li>}
          </ul>
        </div>
      )}
      <h1>Sign in</h1>
      <p>Members sign in to see restricted papers.</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className={emailError ? 'field field-error' : 'field'}>
          <label className="label" htmlFor="email">
            Email
          </label>
          {emailError && (
            <p className="error-message" id="email-error">
              <span className="visually-hidden">Error:</span> {emailError.message}
            </p>
          )}
          <input
            id="email"
            name="email"
            type="email"
            className="input"
            autoComplete="username"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? 'email-error' : undefined}
          />
        </div>
        <div className={passwordError ? 'field field-error' : 'field'}>
          <label className="label" htmlFor="password">
            Password
          </label>
          {passwordError && (
            <p className="error-message" id="password-error">
              <span className="visually-hidden">Error:</span> {passwordError.message}
            </p>
          )}
          <input
            id="password"
            name="password"
            type="password"
            className="input"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? 'password-error' : undefined}
          />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </div>
  );
}
