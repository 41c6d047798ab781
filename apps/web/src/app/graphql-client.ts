import { cacheExchange, Client, fetchExchange, mapExchange } from 'urql';

/**
 * One client per session: signing in or out makes a new one, so nothing read as one person is
 * shown to the next. Cookie-authenticated POSTs carry the CSRF token.
 *
 * When the server stops accepting a session the page still holds (the account was disabled, the
 * password changed elsewhere, the session expired), the first UNAUTHENTICATED answer calls
 * `onSessionRefused`, which asks the server for the session again — so the header shows
 * "Sign in" at once instead of a user the server no longer knows.
 */
export function createGraphqlClient(csrfToken: string | null, onSessionRefused?: () => void): Client {
  let told = false;
  const refused = mapExchange({
    onResult(result) {
      if (!csrfToken || told || !onSessionRefused) return;
      if (result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
        told = true;
        onSessionRefused();
      }
    },
  });
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, refused, fetchExchange],
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({
      credentials: 'same-origin',
      headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {},
    }),
  });
}
