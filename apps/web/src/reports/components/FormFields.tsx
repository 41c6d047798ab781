import type { ReactNode } from 'react';
import type { FieldError, FormField } from '../report-form';

/** GOV.UK-style inputs: label above, hint under it, the error beside the field, a "carried over" tag where the value came from the last report. */

interface Common {
  name: FormField;
  label: string;
  hint?: string;
  error?: FieldError;
  carriedFrom?: string | null;
}

function describedBy(name: string, hint?: string, error?: FieldError, carried?: boolean): string | undefined {
  const ids = [hint && `${name}-hint`, carried && `${name}-carried`, error && `${name}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ name, hint, error, carriedFrom }: Omit<Common, 'label'>) {
  return (
    <>
      {carriedFrom && (
        <p className="carried" id={`${name}-carried`}>
          <span className="carried-tag">Carried over</span> from the {carriedFrom} report: check it still holds
        </p>
      )}
      {hint && (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error-message" id={`${name}-error`}>
          <span className="visually-hidden">Error:</span> {error.message}
        </p>
      )}
    </>
  );
}

export function TextField({
  name,
  label,
  hint,
  error,
  carriedFrom,
  value,
  onChange,
  width,
  type = 'text',
  autoComplete,
}: Common & { value: string; onChange: (v: string) => void; width?: 'short' | 'medium'; type?: string; autoComplete?: string }) {
  return (
    <div className={`field${error ? ' field-error' : ''}${carriedFrom ? ' field-carried' : ''}`}>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      <Extras name={name} hint={hint} error={error} carriedFrom={carriedFrom} />
      <input
        id={name}
        name={name}
        type={type}
        className={`input${width ? ` input-${width}` : ''}`}
        value={value}
        autoComplete={autoComplete ?? 'off'}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error, !!carriedFrom)}
      />
    </div>
  );
}

export function TextArea({ name, label, hint, error, carriedFrom, value, onChange, rows = 6 }: Common & { value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <div className={`field${error ? ' field-error' : ''}${carriedFrom ? ' field-carried' : ''}`}>
      <label className="label" htmlFor={name}>
        {label}
      </label>
      <Extras name={name} hint={hint} error={error} carriedFrom={carriedFrom} />
      <textarea
        id={name}
        name={name}
        className="input textarea"
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, hint, error, !!carriedFrom)}
      />
    </div>
  );
}

/** Radios in a fieldset; the first radio carries the field's id, so the error summary can link to it. */
export function Radios({
  name,
  label,
  hint,
  error,
  carriedFrom,
  value,
  onChange,
  options,
  inline,
  children,
}: Common & { value: string; onChange: (v: string) => void; options: [string, string][]; inline?: boolean; children?: ReactNode }) {
  return (
    <div className={`field${error ? ' field-error' : ''}${carriedFrom ? ' field-carried' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error, !!carriedFrom)}>
        <legend className="label">{label}</legend>
        <Extras name={name} hint={hint} error={error} carriedFrom={carriedFrom} />
        <div className={inline ? 'choices choices-inline' : 'choices'}>
          {options.map(([v, text], i) => (
            <div className="choice" key={v}>
              <input id={i === 0 ? name : `${name}-${v}`} type="radio" name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
              <label htmlFor={i === 0 ? name : `${name}-${v}`}>{text}</label>
            </div>
          ))}
        </div>
        {children}
      </fieldset>
    </div>
  );
}

/** Economies as checkboxes; the order already chosen is kept and new ones go last. */
export function EconomyChecks({
  name,
  label,
  hint,
  error,
  value,
  onChange,
  economies,
}: Common & { value: string[]; onChange: (v: string[]) => void; economies: { code: string; name: string }[] }) {
  const toggle = (code: string, on: boolean) => onChange(on ? [...value.filter((c) => c !== code), code] : value.filter((c) => c !== code));
  return (
    <div className={`field${error ? ' field-error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy(name, hint, error, false)}>
        <legend className="label">{label}</legend>
        <Extras name={name} hint={hint} error={error} />
        <div className="choices choices-grid">
          {economies.map((e, i) => (
            <div className="choice" key={e.code}>
              <input id={i === 0 ? name : `${name}-${e.code}`} type="checkbox" checked={value.includes(e.code)} onChange={(ev) => toggle(e.code, ev.target.checked)} />
              <label htmlFor={i === 0 ? name : `${name}-${e.code}`}>{e.name}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
