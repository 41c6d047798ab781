/**
 * The browser sign-in API (/api/session, a REST route, so no GraphQL types): the cookie carries
 * the session, and every non-GET request must echo the CSRF token it hands out.
 */
export interface SessionUser {
  id: string;
  email: string;
  roles: string[];
  economyCode: string | null;
}

export interface SessionState {
  user: SessionUser | null;
  csrfToken: string | null;
}

export type SignInResult = { ok: true; session: SessionState } | { ok: false; code: string; reason: string | null; message: string; retryAfterSeconds: number | null };

/** The REST error body: `reason` is stable (docs/ERRORS.md), the message is for people. */
interface ErrorBody {
  error?: { code?: string; reason?: string; message?: string };
}

export const SIGNED_OUT: SessionState = { user: null, csrfToken: null };

/** The current session; signed out when the server has none (or has no session API). */
export async function fetchSession(): Promise<SessionState> {
  const res = await fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!res.ok) return SIGNED_OUT;
  const body = (await res.json()) as Partial<SessionState>;
  return { user: body.user ?? null, csrfToken: body.csrfToken ?? null };
}

export async function signIn(email: string, password: string): Promise<SignInResult> {
  let res: Response;
  try {
    res = await fetch('/api/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    return { ok: false, code: 'NETWORK', reason: null, message: 'The server could not be reached. Check your connection and try again.', retryAfterSeconds: null };
  }
  if (res.ok) {
    const body = (await res.json()) as SessionState;
    return { ok: true, session: { user: body.user, csrfToken: body.csrfToken } };
  }
  const body = (await res.json().catch(() => ({}))) as ErrorBody;
  const retry = Number(res.headers.get('Retry-After'));
  return {
    ok: false,
    code: body.error?.code ?? `HTTP_${res.status}`,
    reason: body.error?.reason ?? null,
    message: body.error?.message ?? `The server answered ${res.status}.`,
    retryAfterSeconds: Number.isFinite(retry) && retry > 0 ? retry : null,
  };
}

export async function signOut(csrfToken: string | null): Promise<boolean> {
  const res = await fetch('/api/session', {
    method: 'DELETE',
    credentials: 'same-origin',
    headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {},
  });
  return res.ok;
}
