import { cacheExchange, Client, fetchExchange } from 'urql';

/**
 * One client per session: signing in or out makes a new one, so nothing read as one person is
 * shown to the next. Cookie-authenticated POSTs carry the CSRF token.
 */
export function createGraphqlClient(csrfToken: string | null): Client {
  return new Client({
    url: '/graphql',
    exchanges: [cacheExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: (): RequestInit => ({
      credentials: 'same-origin',
      headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {},
    }),
  });
}
