import { useEffect, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import type { DeskDocumentQuery as DeskDocumentData, DocumentAccess } from '../../gql/graphql';
import { documentPath } from '../../documents/document-path';
import { useSession } from '../../session/hooks/useSession';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { describeError, type ActionError } from '../action-errors';
import { AddRevisionMutation, ChangeAccessMutation, DeskDocumentQuery, RetryIndexingMutation } from '../graphql/documents';
import { uploadFile } from '../upload';
import { AccessChoice } from './DeskDocumentsPage';
import { ActionOutcome } from './Outcome';

type Doc = DeskDocumentData['document'];
type File_ = Doc['revisions'][number]['files'][number];

interface Upload {
  key: string;
  name: string;
  loaded: number;
  total: number;
  state: 'sending' | 'sent' | 'failed';
  error?: string;
}

/** How often the panel asks again while a file waits to be indexed or an upload runs. */
const POLL_MS = 1000;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One document on the desk: access, revisions, files and their indexing, uploads. */
export function DeskDocumentPanel({ symbol, onDone }: { symbol: string; onDone: (message: string | null) => void }) {
  const [{ data, error }, refetch] = useQuery({ query: DeskDocumentQuery, variables: { symbol }, requestPolicy: 'cache-and-network' });
  const [uploads, setUploads] = useState<Upload[]>([]);
  const doc = data?.document;
  const pending = !!doc?.revisions.some((r) => r.files.some((f) => f.indexState === 'PENDING')) || uploads.some((u) => u.state === 'sending');

  // Poll while something is on its way: each file's state shows as soon as the index has it.
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearInterval(timer);
  }, [pending, refetch]);

  if (error && !data) return <ErrorMessage error={error} what={`the document ${symbol}`} />;
  if (!doc) return <Loading what={`the document ${symbol}`} />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const latest = doc.revisions[0];

  return (
    <div className="doc-panel">
      <h3 className="h3">
        <Link to={documentPath(doc.symbol)}>{doc.symbol}</Link>
      </h3>
      <p>{doc.title}</p>
      <p className="meta-line">
        <span>{doc.meeting.code}</span>
        {doc.group && <span>{doc.group.code}</span>}
        <span>{doc.access === 'PUBLIC' ? 'Public' : 'Restricted'}</span>
        {doc.status !== 'REGISTERED' && <span>{doc.status.toLowerCase()}</span>}
      </p>
      <AccessForm key={doc.access} doc={doc} onDone={(m) => (onDone(m), reload())} />
      <AddRevisionForm doc={doc} onDone={(m) => (onDone(m), reload())} />
      {doc.revisions.map((rev) => (
        <section key={rev.id} className={rev === latest ? 'revision current' : 'revision'} aria-label={`Revision ${rev.number}`}>
          <h4 className="h4">
            Rev.{rev.number} <span className="symbol muted">{rev.symbol}</span>
          </h4>
          {rev.note && <p className="muted">{rev.note}</p>}
          {rev.files.length ? (
            <ul className="plain-list file-list">
              {rev.files.map((f) => (
                <FileRow key={f.id} file={f} onRetried={reload} />
              ))}
            </ul>
          ) : (
            <p className="muted">No files yet.</p>
          )}
          {rev === latest && <UploadZone symbol={doc.symbol} revision={rev.number} uploads={uploads} setUploads={setUploads} onUploaded={reload} />}
        </section>
      ))}
    </div>
  );
}

function FileRow({ file, onRetried }: { file: File_; onRetried: () => void }) {
  const [retry, doRetry] = useMutation(RetryIndexingMutation);
  const [failure, setFailure] = useState<ActionError | null>(null);
  return (
    <li className="file-row">
      <span className="file-name">{file.name}</span> <span className="muted">{size(file.size)}</span>{' '}
      <span className={`index-state index-${file.indexState.toLowerCase()}`}>
        {file.indexState === 'INDEXED' ? 'Searchable' : file.indexState === 'PENDING' ? 'Indexing…' : `Not searchable: ${file.indexError ?? 'its text could not be read'}`}
      </span>
      {file.indexState === 'FAILED' && (
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={retry.fetching}
          onClick={() =>
            void doRetry({ fileId: file.id }).then((r) => {
              setFailure(r.error ? describeError(r.error) : null);
              onRetried();
            })
          }
        >
          Retry <span className="visually-hidden">indexing {file.name}</span>
        </button>
      )}
      {failure && <ActionOutcome error={failure} />}
    </li>
  );
}

function AccessForm({ doc, onDone }: { doc: Doc; onDone: (message: string) => void }) {
  const [access, setAccess] = useState<DocumentAccess>(doc.access);
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [state, change] = useMutation(ChangeAccessMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const result = await change({ input: { symbol: doc.symbol, access } });
    if (result.error) setFailure(describeError(result.error, { access: 'access' }));
    else onDone(`${doc.symbol} is now ${access === 'PUBLIC' ? 'public' : 'restricted to members'}.`);
  };
  return (
    <details className="desk-details">
      <summary>Change access</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {failure && <ActionOutcome error={failure} />}
        <AccessChoice name={`access-${doc.id}`} value={access} onChange={setAccess} />
        <button type="submit" className="button" disabled={state.fetching || access === doc.access}>
          Change access
        </button>
      </form>
    </details>
  );
}

function AddRevisionForm({ doc, onDone }: { doc: Doc; onDone: (message: string) => void }) {
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<ActionError | null>(null);
  const [state, add] = useMutation(AddRevisionMutation);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const result = await add({ input: { symbol: doc.symbol, note: note.trim() || null } });
    if (result.error) setFailure(describeError(result.error, { note: 'note', number: 'revision number' }));
    else {
      setNote('');
      onDone(`Added ${result.data!.addRevision.symbol}. Add its files below.`);
    }
  };
  return (
    <details className="desk-details">
      <summary>Add a revision</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {failure && <ActionOutcome error={failure} />}
        <div className="field">
          <label className="label" htmlFor={`rev-note-${doc.id}`}>
            What changed
          </label>
          <input id={`rev-note-${doc.id}`} className="input" value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="submit" className="button" disabled={state.fetching}>
          Add Rev.{(doc.latestRevision?.number ?? -1) + 1}
        </button>
      </form>
    </details>
  );
}

function UploadZone({
  symbol,
  revision,
  uploads,
  setUploads,
  onUploaded,
}: {
  symbol: string;
  revision: number;
  uploads: Upload[];
  setUploads: (f: (u: Upload[]) => Upload[]) => void;
  onUploaded: () => void;
}) {
  const { csrfToken } = useSession();
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const counter = useRef(0);

  const send = (files: File[]) => {
    for (const file of files) {
      const key = `${++counter.current}-${file.name}`;
      setUploads((u) => [...u, { key, name: file.name, loaded: 0, total: file.size, state: 'sending' }]);
      const update = (patch: Partial<Upload>) => setUploads((u) => u.map((x) => (x.key === key ? { ...x, ...patch } : x)));
      const { done } = uploadFile(symbol, revision, file, csrfToken, (loaded, total) => update({ loaded, total }));
      void done.then((outcome) => {
        if (outcome.ok) update({ state: 'sent', loaded: file.size });
        else update({ state: 'failed', error: outcome.error.message });
        onUploaded();
      });
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    send(Array.from(e.dataTransfer.files));
  };

  return (
    <div
      className={over ? 'drop-zone over' : 'drop-zone'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p>
        Drag files here to add them to Rev.{revision}, or{' '}
        <label htmlFor={`files-${symbol}`} className="file-pick">
          choose files
        </label>
        <input
          ref={input}
          id={`files-${symbol}`}
          type="file"
          multiple
          className="file-input"
          onChange={(e) => {
            send(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </p>
      {uploads.length > 0 && (
        <ul className="plain-list uploads" aria-label="Uploads">
          {uploads.map((u) => (
            <li key={u.key} className="upload">
              <label htmlFor={`up-${u.key}`} className="upload-name">
                {u.name}
              </label>
              <progress id={`up-${u.key}`} max={u.total || 1} value={u.loaded} />
              <span className={u.state === 'failed' ? 'error-message' : 'muted'} role={u.state === 'failed' ? 'alert' : undefined}>
                {u.state === 'sending' ? `${Math.round((100 * u.loaded) / (u.total || 1))} %` : u.state === 'sent' ? 'Uploaded' : `Not uploaded: ${u.error}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
