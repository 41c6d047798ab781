import type { ActionError } from '../action-errors';

/** What the last action did, announced at once; or what went wrong, in words. */
export function ActionOutcome({ done, error, fieldIds = {} }: { done?: string | null; error?: ActionError | null; fieldIds?: Record<string, string> }) {
  if (error) {
    const target = error.field ? fieldIds[error.field] : undefined;
    return (
      <div className="error-box" role="alert">
        <p>{target ? <a href={`#${target}`}>{error.message}</a> : error.message}</p>
      </div>
    );
  }
  return (
    <p className="done" role="status">
      {done ?? ''}
    </p>
  );
}

/** A field's own error line (GOV.UK pattern). */
export function FieldError({ id, error, field }: { id: string; error?: ActionError | null; field: string }) {
  if (!error || error.field !== field) return null;
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">Error:</span> {error.message}
    </p>
  );
}
