import { useMemo } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { accountRoutes } from '../account/routes';
import { DocumentPage } from '../documents/components/DocumentPage';
import { GroupPage } from '../groups/components/GroupPage';
import { HomePage } from '../home/components/HomePage';
import { MeetingPage } from '../meetings/components/MeetingPage';
import { MeetingsPage } from '../meetings/components/MeetingsPage';
import { notificationRoutes } from '../notifications/routes';
import { projectRoutes } from '../projects/routes';
import { SearchPage } from '../search/components/SearchPage';
import { SignInPage } from '../session/components/SignInPage';
import { SessionProvider, useSession } from '../session/hooks/useSession';
import { Layout } from './components/Layout';
import { NotFoundPage } from './components/NotFoundPage';
import { createGraphqlClient } from './graphql-client';
import { lazyPage, PageCode } from './lazy-page';

const DeskRoutes = lazyPage(() => import('../desk/DeskRoutes'), 'DeskRoutes');

function Site() {
  const { csrfToken, loaded, refresh } = useSession();
  // A new client (and an empty cache) for each session: signing in or out changes the CSRF token.
  const client = useMemo(() => createGraphqlClient(csrfToken, refresh), [csrfToken, refresh]);
  return (
    <Provider value={client}>
      <Layout>
        {loaded ? (
          <PageCode>
            <Routes>
              <Route path="/" element={<HomePage />} />
              <Route path="/search" element={<SearchPage />} />
              <Route path="/documents/*" element={<DocumentPage />} />
              <Route path="/meetings" element={<MeetingsPage />} />
              <Route path="/meetings/:code" element={<MeetingPage />} />
              <Route path="/groups/:code" element={<GroupPage />} />
              <Route path="/sign-in" element={<SignInPage />} />
              <Route path="/desk/*" element={<DeskRoutes />} />
              {accountRoutes}
              {notificationRoutes}
              {projectRoutes}
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </PageCode>
        ) : (
          <p className="status" role="status">
            Loading…
          </p>
        )}
      </Layout>
    </Provider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Site />
      </SessionProvider>
    </BrowserRouter>
  );
}
