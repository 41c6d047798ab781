import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { fetchSession, SessionState, SIGNED_OUT, signOut as deleteSession } from '../session-api';

interface SessionContextValue extends SessionState {
  /** False until the first GET /api/session has answered. */
  loaded: boolean;
  setSession: (session: SessionState) => void;
  signOut: () => Promise<void>;
  /** Asks the server for the session again (after it refused the one this page holds). */
  refresh: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>(SIGNED_OUT);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    void fetchSession()
      .catch(() => SIGNED_OUT)
      .then((s) => {
        if (!live) return;
        setSession(s);
        setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, []);

  const signOut = useCallback(async () => {
    await deleteSession(session.csrfToken).catch(() => false);
    setSession(SIGNED_OUT);
  }, [session.csrfToken]);

  const refresh = useCallback(() => {
    void fetchSession()
      .catch(() => SIGNED_OUT)
      .then(setSession);
  }, []);

  const value = useMemo(() => ({ ...session, loaded, setSession, signOut, refresh }), [session, loaded, signOut, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
