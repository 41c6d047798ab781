import { useCallback, useEffect, useState } from 'react';
import { CombinedError, useClient, type Client } from 'urql';
import type { DeskPersonsQuery, DeskProjectsOverseersQuery, DeskUsersQuery } from '../../../gql/graphql';
import { DeskEconomiesQuery, DeskPersonsQuery as PersonsDoc, DeskProjectsOverseersQuery as ProjectsDoc, DeskUsersQuery as UsersDoc } from './accounts-graphql';

export type Account = DeskUsersQuery['users']['nodes'][number];
export type Person = DeskPersonsQuery['persons']['nodes'][number];
export type OverseenProject = DeskProjectsOverseersQuery['projects']['nodes'][number];
export interface Economy {
  code: string;
  name: string;
}

export interface DeskAccountsData {
  users: Account[];
  persons: Person[];
  economies: Economy[];
  projects: OverseenProject[];
}

type Page<T> = { nodes: T[]; pageInfo: { endCursor?: string | null; hasNextPage: boolean } };

/** Every page of a list (the server caps a page at 100); fails with the first error. */
async function allPages<T>(fetchPage: (after: string | null) => Promise<{ page?: Page<T>; error?: CombinedError }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const { page, error } = await fetchPage(after);
    if (error || !page) throw error ?? new Error('no answer');
    out.push(...page.nodes);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return out;
    after = page.pageInfo.endCursor;
  }
}

/** Reads everything the page shows, every page of each list, from the server (not the cache). */
async function loadAll(client: Client): Promise<DeskAccountsData> {
  const net = { requestPolicy: 'network-only' as const };
  const [users, persons, projects, economies] = await Promise.all([
    allPages(async (after) => {
      const r = await client.query(UsersDoc, { after }, net).toPromise();
      return { page: r.data?.users, error: r.error };
    }),
    allPages(async (after) => {
      const r = await client.query(PersonsDoc, { after }, net).toPromise();
      return { page: r.data?.persons, error: r.error };
    }),
    allPages(async (after) => {
      const r = await client.query(ProjectsDoc, { after }, net).toPromise();
      return { page: r.data?.projects, error: r.error };
    }),
    client
      .query(DeskEconomiesQuery, {}, net)
      .toPromise()
      .then((r) => {
        if (r.error || !r.data) throw r.error ?? new Error('no answer');
        return r.data.economies;
      }),
  ]);
  return { users, persons: [...persons].sort((a, b) => a.name.localeCompare(b.name)), projects, economies };
}

function asCombinedError(e: unknown): CombinedError {
  return e instanceof CombinedError ? e : new CombinedError({ networkError: e instanceof Error ? e : new Error(String(e)) });
}

/**
 * What the accounts page shows: all accounts (filtered in the browser, so the filter is instant),
 * the directory's persons, the economies and the projects with their overseer accounts.
 * `reload()` reads everything again from the server (after each action).
 */
export function useDeskAccountsData(): { data: DeskAccountsData | null; error: CombinedError | null; reload: () => Promise<void> } {
  const client = useClient();
  const [data, setData] = useState<DeskAccountsData | null>(null);
  const [error, setError] = useState<CombinedError | null>(null);

  useEffect(() => {
    let live = true;
    loadAll(client).then(
      (loaded) => {
        if (!live) return;
        setData(loaded);
        setError(null);
      },
      (e: unknown) => {
        if (live) setError(asCombinedError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [client]);

  const reload = useCallback(async () => {
    try {
      setData(await loadAll(client));
      setError(null);
    } catch (e) {
      setError(asCombinedError(e));
    }
  }, [client]);

  return { data, error, reload };
}
