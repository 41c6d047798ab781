import DataLoader from 'dataloader';
import type { Request, Response } from 'express';
import { Role } from '../access/roles';

/** Who is calling; anonymous callers have no user. */
export interface Actor {
  userId: string;
  email: string;
  roles: Role[];
  economyId: string | null;
  /** The person of the directory the account is (its offices, e.g. the TEL Chair), if linked. */
  personId?: string | null;
  /** How the caller proved who they are. */
  via: 'session-token' | 'api-token' | 'browser-session';
  tokenId?: string;
  /** The browser session (tel_session cookie) the request came with. */
  sessionId?: string;
}

/** The per-request context every resolver and service receives (Vendure's RequestContext). */
export interface RequestContext {
  requestId: string;
  actor: Actor | null;
  req?: Request;
  res?: Response;
  /** Per-request DataLoaders, created on first use and dropped with the request. */
  loaders: Map<string, DataLoader<unknown, unknown>>;
}

export function createRequestContext(init: Partial<RequestContext> & { requestId: string }): RequestContext {
  return { actor: null, loaders: new Map(), ...init };
}

/** A context for work that no HTTP request started (seed, CLI, jobs). */
export function systemContext(requestId = 'system'): RequestContext {
  return createRequestContext({ requestId });
}

/** Returns this request's loader called `name`, creating it with `batch` the first time. */
export function loaderFor<K, V>(ctx: RequestContext, name: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
  let loader = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
    ctx.loaders.set(name, loader);
  }
  return loader;
}

/** Groups rows by a key, in the order of `keys` — the shape a one-to-many DataLoader returns. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Orders rows to match `keys` (null where missing) — the shape a one-to-one DataLoader returns. */
export function byKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}
