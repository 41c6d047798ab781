import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AppError } from '../errors/app-error';
import { IdempotencyKey } from './idempotency-key.entity';

/** The request header clients send: any 1–255 printable ASCII characters, e.g. a UUID. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Set on an answer that replays the first request's result instead of doing the work again. */
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replayed';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** A header value as a key, or BAD_USER_INPUT; undefined when the header is absent. */
export function parseIdempotencyKey(raw: string | string[] | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw : [raw];
  if (value.length !== 1 || !KEY_PATTERN.test(value[0].trim())) {
    throw AppError.badInput('IDEMPOTENCY_KEY_MALFORMED', `${IDEMPOTENCY_HEADER} must be one value of 1 to 255 printable ASCII characters (a UUID, say)`, {
      field: IDEMPOTENCY_HEADER,
    });
  }
  return value[0].trim();
}

/** Fields never hashed into a fingerprint: a fast hash of a password must not sit in the table. */
const SECRET_FIELD = /^(password|secret|token)$/i;

/**
 * JSON with object keys sorted at every level, so equal requests hash the same whatever their key
 * order; secret fields are left out (so a repeat that differs only in its password replays).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (k, v: unknown) => {
    if (SECRET_FIELD.test(k)) return '[secret]';
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>)
          .filter(([, x]) => x !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return v;
  });
}

export function requestFingerprint(operation: string, args: unknown): string {
  return createHash('sha256')
    .update(`${operation}\n${canonicalJson(args ?? null)}`)
    .digest('hex');
}

/**
 * One request's key, carried through its async calls. The first `UnitOfWork.write` inside the scope
 * claims the key in its own transaction and stores what it returned; later writes of the same
 * request run as usual.
 */
export class IdempotencyScope {
  state: 'open' | 'claiming' | 'claimed' = 'open';
  constructor(
    readonly callerId: string,
    readonly key: string,
    readonly operation: string,
    /** Set by REST routes once the body is read (an upload's digest); GraphQL sets it at once. */
    public fingerprint: string | null,
    readonly ttlSeconds: number,
  ) {}
}

const storage = new AsyncLocalStorage<IdempotencyScope>();
/** Scopes whose work has not yet settled. */
let openScopes = 0;

/**
 * Runs `fn` in the key's scope. When the last open scope settles, the storage is turned off
 * until the next one: on Node 20 an enabled AsyncLocalStorage keeps async_hooks' promise hooks on
 * for every promise of the process, which every later request would pay for (the README's
 * *Request-path benchmark*). A callback the work left behind (a timer, say) that runs after
 * the scope settled is outside it: its writes claim no key.
 */
export async function runWithIdempotency<T>(scope: IdempotencyScope, fn: () => Promise<T>): Promise<T> {
  openScopes++;
  try {
    return await storage.run(scope, fn);
  } finally {
    if (--openScopes === 0) storage.disable();
  }
}

export function currentIdempotencyScope(): IdempotencyScope | undefined {
  return storage.getStore();
}

/** Thrown by the claiming write when the key was already used for this request: answer with its result. */
export class IdempotentReplay extends Error {
  constructor(readonly row: IdempotencyKey) {
    super(`replay of ${row.operation} (${IDEMPOTENCY_HEADER} ${row.key})`);
    this.name = 'IdempotentReplay';
  }
}

/** What a stored key means for a new request with it: replay, or CONFLICT. */
export function verdictFor(row: IdempotencyKey, scope: IdempotencyScope): IdempotentReplay | AppError {
  if (row.operation !== scope.operation || row.fingerprint !== scope.fingerprint) {
    return AppError.conflict(
      'IDEMPOTENCY_KEY_REUSED',
      `${IDEMPOTENCY_HEADER} "${scope.key}" was already used for a different request (${row.operation} with other input); use a new key for a new request`,
      { idempotencyKey: scope.key },
    );
  }
  if (!row.replayable) {
    return AppError.conflict(
      'IDEMPOTENCY_NOT_REPLAYABLE',
      `${row.operation} already ran with ${IDEMPOTENCY_HEADER} "${scope.key}"; its answer held a secret that is shown only once, so it cannot be sent again`,
      { idempotencyKey: scope.key, resultId: row.resultId },
    );
  }
  return new IdempotentReplay(row);
}

/**
 * First statements of the claiming transaction: replays or refuses a used key, else inserts it.
 * The insert skips on conflict (ON CONFLICT DO NOTHING / INSERT OR IGNORE): on PostgreSQL a
 * concurrent duplicate waits there for the first transaction, and then reads the row it committed.
 */
export async function claimIdempotencyKey(em: EntityManager, scope: IdempotencyScope): Promise<void> {
  if (!scope.fingerprint) throw new Error(`idempotency scope of ${scope.operation} has no fingerprint yet`);
  const now = new Date();
  const where = { callerId: scope.callerId, key: scope.key };
  const existing = await em.findOne(IdempotencyKey, { where });
  if (existing && existing.expiresAt > now) throw verdictFor(existing, scope);
  if (existing) await em.delete(IdempotencyKey, { id: existing.id });
  const id = randomUUID();
  await em
    .createQueryBuilder()
    .insert()
    .into(IdempotencyKey)
    .values({
      id,
      callerId: scope.callerId,
      key: scope.key,
      operation: scope.operation,
      fingerprint: scope.fingerprint,
      resultEntity: null,
      resultId: null,
      replayable: true,
      createdAt: now,
      expiresAt: new Date(now.getTime() + scope.ttlSeconds * 1000),
    })
    .orIgnore()
    .updateEntity(false)
    .execute();
  const claimed = await em.findOne(IdempotencyKey, { where });
  if (!claimed) throw new Error(`idempotency key of ${scope.operation} neither inserted nor found`);
  if (claimed.id !== id) throw verdictFor(claimed, scope);
}

/** Last statement of the claiming transaction: what it returned, to be loaded again for a replay. */
export async function completeIdempotencyKey(em: EntityManager, scope: IdempotencyScope, result: unknown): Promise<void> {
  const ref = resultRef(em, result);
  await em.update(IdempotencyKey, { callerId: scope.callerId, key: scope.key }, ref);
}

/**
 * An entity is remembered by name and id. An object holding a one-time secret next to an entity
 * (createApiToken's `{ token, apiToken }`) is remembered as not replayable.
 */
function resultRef(em: EntityManager, result: unknown): Pick<IdempotencyKey, 'resultEntity' | 'resultId' | 'replayable'> {
  const entityOf = (value: unknown) => {
    if (!value || typeof value !== 'object' || !em.connection.hasMetadata(value.constructor)) return null;
    const id = (value as { id?: unknown }).id;
    return typeof id === 'string' ? { resultEntity: em.connection.getMetadata(value.constructor).name, resultId: id } : null;
  };
  const direct = entityOf(result);
  if (direct) return { ...direct, replayable: true };
  if (result && typeof result === 'object') {
    for (const value of Object.values(result)) {
      const inner = entityOf(value);
      if (inner) return { ...inner, replayable: false };
    }
  }
  return { resultEntity: null, resultId: null, replayable: false };
}

/** The entity a replay answers with; CONFLICT when it is gone (deleted since). */
export async function loadReplay(em: EntityManager, replay: IdempotentReplay): Promise<unknown> {
  const { resultEntity, resultId, operation, key } = replay.row;
  const found = resultEntity && resultId ? await em.findOne(resultEntity, { where: { id: resultId } }) : null;
  if (!found) {
    throw AppError.conflict('IDEMPOTENCY_RESULT_GONE', `${operation} already ran with ${IDEMPOTENCY_HEADER} "${key}", and what it returned no longer exists`, {
      idempotencyKey: key,
    });
  }
  return found;
}
