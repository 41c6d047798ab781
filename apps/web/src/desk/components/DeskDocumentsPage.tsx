import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { DocumentAccess, DocumentPurpose, DocumentType } from '../../gql/graphql';
import { usePageTitle } from '../../shared/hooks';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { describeError, type ActionError } from '../action-errors';
import { DeskDocumentsSetupQuery, RegisterDocumentMutation } from '../graphql/documents';
import { DeskDocumentPanel } from './DeskDocumentPanel';
import { ActionOutcome, FieldError } from './Outcome';

const TYPES: { value: DocumentType; label: string }[] = [
  { value: 'INFORMATION_PAPER', label: 'Information paper' },
  { value: 'REPORT', label: 'Report' },
  { value: 'PROGRESS_REPORT', label: 'Progress report' },
  { value: 'PROPOSAL', label: 'Proposal' },
  { value: 'PRESENTATION', label: 'Presentation' },
  { value: 'AGENDA', label: 'Agenda' },
  { value: 'SUMMARY_RECORD', label: 'Summary record' },
  { value: 'OTHER', label: 'Other' },
];
const PURPOSES: { value: DocumentPurpose; label: string }[] = [
  { value: 'INFORMATION', label: 'Information' },
  { value: 'CONSIDERATION', label: 'Consideration' },
  { value: 'DECISION', label: 'Decision' },
];
const LABELS = {
  meetingCode: 'meeting',
  groupCode: 'group',
  code: 'group',
  title: 'title',
  type: 'type',
  purpose: 'purpose',
  access: 'access',
  language: 'language',
  year: 'year',
};

/** /desk/documents — register a paper (the server gives its number), then revisions, files and access. */
export function DeskDocumentsPage() {
  usePageTitle('Documents · Desk');
  const [params, setParams] = useSearchParams();
  const symbol = params.get('symbol') ?? '';
  const [done, setDone] = useState<string | null>(null);
  const [find, setFind] = useState(symbol);

  const open = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (find.trim()) setParams({ symbol: find.trim() });
  };

  return (
    <>
      <h1>Documents</h1>
      <ActionOutcome done={done} />
      <div className="desk-columns">
        <section aria-labelledby="register-title">
          <h2 id="register-title">Register a document</h2>
          <RegisterForm
            onRegistered={(s, title) => {
              setDone(`Registered ${s}: ${title}. Add its files below.`);
              setFind(s);
              setParams({ symbol: s });
            }}
          />
        </section>
        <section aria-labelledby="open-title">
          <h2 id="open-title">Open a document</h2>
          <form onSubmit={open} className="inline-form" noValidate>
            <div className="field">
              <label className="label" htmlFor="open-symbol">
                Symbol
              </label>
              <input id="open-symbol" className="input" spellCheck={false} value={find} onChange={(e) => setFind(e.target.value)} placeholder="2008-TELWG37-SPSG-006" />
            </div>
            <button type="submit" className="button button-secondary">
              Open
            </button>
          </form>
          {symbol && <DeskDocumentPanel key={symbol} symbol={symbol} onDone={setDone} />}
        </section>
      </div>
    </>
  );
}

function RegisterForm({ onRegistered }: { onRegistered: (symbol: string, title: string) => void }) {
  const [{ data, error }] = useQuery({ query: DeskDocumentsSetupQuery });
  const [meetingCode, setMeetingCode] = useState('');
  const [groupCode, setGroupCode] = useState('');
  const [title, setTitle] = useState('');
  const [type, setType] = useState<DocumentType>('INFORMATION_PAPER');
  const [purpose, setPurpose] = useState<DocumentPurpose>('INFORMATION');
  const [access, setAccess] = useState<DocumentAccess | ''>('');
  const [language, setLanguage] = useState('en');
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [state, register] = useMutation(RegisterDocumentMutation);

  if (error && !data) return <ErrorMessage error={error} what="the meetings and groups" />;
  if (!data) return <Loading what="the meetings and groups" />;
  const meetings = [...data.meetings.nodes].reverse();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const missing = !meetingCode ? 'meetingCode' : !groupCode ? 'groupCode' : !title.trim() ? 'title' : !access ? 'access' : null;
    if (missing) {
      setFailure({
        field: missing,
        reason: 'FIELD_REQUIRED',
        message: missing === 'access' ? 'Say whether the public may read it' : `Choose the ${LABELS[missing]}`.replace('Choose the title', 'Enter the title'),
      });
      return;
    }
    const result = await register({ input: { meetingCode, groupCode, title: title.trim(), type, purpose, access: access as DocumentAccess, language: language.trim() || 'en' } });
    if (result.error) setFailure(describeError(result.error, LABELS));
    else {
      const doc = result.data!.registerDocument;
      setTitle('');
      setAccess('');
      onRegistered(doc.symbol, doc.title);
    }
  };

  const fieldFor = (name: string) => (failure?.field === name || (name === 'groupCode' && failure?.field === 'code') ? 'field field-error' : 'field');
  const errorFor = (name: string) => (failure && (failure.field === name || (name === 'groupCode' && failure.field === 'code')) ? { ...failure, field: name } : null);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {failure && !failure.field && <ActionOutcome error={failure} />}
      <p className="hint">The server gives the number: the next free one of the meeting and group.</p>
      <div className={fieldFor('meetingCode')}>
        <label className="label" htmlFor="reg-meeting">
          Meeting
        </label>
        <FieldError id="reg-meeting-error" error={errorFor('meetingCode')} field="meetingCode" />
        <select id="reg-meeting" className="select" value={meetingCode} onChange={(e) => setMeetingCode(e.target.value)}>
          <option value="">Choose a meeting</option>
          {meetings.map((m) => (
            <option key={m.id} value={m.code}>
              {m.code} — {m.title}
            </option>
          ))}
        </select>
      </div>
      <div className={fieldFor('groupCode')}>
        <label className="label" htmlFor="reg-group">
          Group
        </label>
        <FieldError id="reg-group-error" error={errorFor('groupCode')} field="groupCode" />
        <select id="reg-group" className="select" value={groupCode} onChange={(e) => setGroupCode(e.target.value)}>
          <option value="">Choose a group</option>
          {data.groups.map((g) => (
            <option key={g.id} value={g.code}>
              {g.code} — {g.name}
            </option>
          ))}
        </select>
      </div>
      <div className={fieldFor('title')}>
        <label className="label" htmlFor="reg-title">
          Title
        </label>
        <FieldError id="reg-title-error" error={errorFor('title')} field="title" />
        <input id="reg-title" className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label className="label" htmlFor="reg-type">
            Type
          </label>
          <select id="reg-type" className="select" value={type} onChange={(e) => setType(e.target.value as DocumentType)}>
            {TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="reg-purpose">
            Purpose
          </label>
          <select id="reg-purpose" className="select" value={purpose} onChange={(e) => setPurpose(e.target.value as DocumentPurpose)}>
            {PURPOSES.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <div className={fieldFor('language')}>
          <label className="label" htmlFor="reg-language">
            Language
          </label>
          <FieldError id="reg-language-error" error={errorFor('language')} field="language" />
          <input id="reg-language" className="input input-short" spellCheck={false} value={language} onChange={(e) => setLanguage(e.target.value)} />
        </div>
      </div>
      <AccessChoice name="reg-access" value={access} onChange={setAccess} error={errorFor('access')} />
      <button type="submit" className="button" disabled={state.fetching}>
        {state.fetching ? 'Registering…' : 'Register the document'}
      </button>
    </form>
  );
}

export function AccessChoice({ name, value, onChange, error }: { name: string; value: DocumentAccess | ''; onChange: (v: DocumentAccess) => void; error?: ActionError | null }) {
  return (
    <fieldset className={error ? 'field field-error' : 'field'}>
      <legend className="label">Access</legend>
      <FieldError id={`${name}-error`} error={error} field="access" />
      {(
        [
          ['PUBLIC', 'Public: anyone may read it'],
          ['RESTRICTED', 'Restricted: members only'],
        ] as [DocumentAccess, string][]
      ).map(([v, label]) => (
        <div key={v} className="radio">
          <input type="radio" id={`${name}-${v}`} name={name} value={v} checked={value === v} onChange={() => onChange(v)} />
          <label htmlFor={`${name}-${v}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}
