/**
 * What a job is: a name, the shape of its payload, and how it is retried. Payloads carry ids
 * only (the handler loads what it needs), so they stay small in Redis and never go stale.
 */
export type JobPayloadValue = string | number | boolean | null;
export type JobPayload = Record<string, JobPayloadValue>;

export interface JobDefinitionOptions<P extends JobPayload> {
  /**
   * The identity of the work, e.g. `(p) => p.fileId`. The default job id is `<name>.<key>`, so
   * enqueueing the same work twice (or a second delivery of one outbox row) runs it once.
   */
  key: (payload: P) => string;
  /** Runs before the job finally fails (default JOB_ATTEMPTS). */
  attempts?: number;
  /** Wait before the first retry, doubling each time (default JOB_BACKOFF_MS). */
  backoffMs?: number;
  /** Jobs of this name run at once in one worker (default JOB_CONCURRENCY). */
  concurrency?: number;
}

export interface JobDefinition<P extends JobPayload = JobPayload> extends Readonly<JobDefinitionOptions<P>> {
  readonly name: string;
  /** Carries the payload type only; never set. */
  readonly __payload?: P;
}

export type PayloadOf<D> = D extends JobDefinition<infer P> ? P : never;

const JOB_NAME = /^[a-z][a-z0-9-]{1,62}$/;
const JOB_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Declares a job: `export const EXTRACT_TEXT = defineJob<{ fileId: string }>('extract-text', { key: (p) => p.fileId })`. */
export function defineJob<P extends JobPayload>(name: string, options: JobDefinitionOptions<P>): JobDefinition<P> {
  if (!JOB_NAME.test(name)) throw new Error(`job name "${name}" must be lower-case letters, digits and "-" (2 to 63 characters)`);
  for (const field of ['attempts', 'backoffMs', 'concurrency'] as const) {
    const value = options[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 1)) throw new Error(`job "${name}": ${field} must be a positive whole number`);
  }
  return Object.freeze({ name, ...options });
}

/** Throws (a programming error) unless `payload` is a flat object of ids and scalars. */
export function assertJobPayload(name: string, payload: unknown): asserts payload is JobPayload {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload) || Object.getPrototypeOf(payload) !== Object.prototype) {
    throw new Error(`job "${name}": the payload must be a plain object`);
  }
  for (const [field, value] of Object.entries(payload)) {
    const ok = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (!ok) throw new Error(`job "${name}": payload field "${field}" must be a string, number, boolean or null (jobs carry ids, not data)`);
    if (typeof value === 'string' && value.length > 1000) throw new Error(`job "${name}": payload field "${field}" is too long (jobs carry ids, not data)`);
  }
}

/** Throws unless `jobId` can be a BullMQ custom id: 1–200 of [A-Za-z0-9._-], not a bare integer (no ":"). */
export function assertJobId(jobId: string): void {
  if (!JOB_ID.test(jobId) || /^\d+$/.test(jobId)) {
    throw new Error(`job id "${jobId}" must be 1 to 200 letters, digits, ".", "_" or "-", and not a bare number`);
  }
}

/** The id a job gets unless the caller gives one: `<name>.<key(payload)>`. */
export function defaultJobId<P extends JobPayload>(job: JobDefinition<P>, payload: P): string {
  const id = `${job.name}.${job.key(payload)}`;
  assertJobId(id);
  return id;
}
