import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import type { DocumentPageQuery as DocumentPageData } from '../../gql/graphql';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { errorCode, errorReason, usePageTitle } from '../../shared/hooks';
import { formatBytes, formatInstant, humanize } from '../../shared/time';
import { emptyFilters, searchHref } from '../../search/search-url';
import { documentPath, namesRevision } from '../document-path';
import { DocumentPageQuery, ProjectsOfDocumentQuery } from '../graphql/document';

type Doc = DocumentPageData['document'];
type Revision = Doc['revisions'][number];

const INDEX_STATE: Record<string, string> = {
  INDEXED: 'Searchable',
  PENDING: 'Not searchable yet (being indexed)',
  FAILED: 'Not searchable (its text could not be read)',
};

function NoSuchDocument({ symbol, malformed = false }: { symbol: string; malformed?: boolean }) {
  usePageTitle('No such document');
  return (
    <>
      <h1>No such document</h1>
      {malformed ? (
        <p>
          <strong className="symbol">{symbol}</strong> is not a document symbol. Symbols look like 2008-TELWG37-SPSG-004.
        </p>
      ) : (
        <p>
          There is no document <strong className="symbol">{symbol}</strong>, or it is restricted and you are not signed in.
        </p>
      )}
      <p>
        <Link to={searchHref({ q: symbol, filters: emptyFilters(), page: 1 })}>Search the papers for “{symbol}”</Link> or{' '}
        <Link to={`/sign-in?next=${encodeURIComponent(documentPath(symbol))}`}>sign in</Link> to see restricted papers.
      </p>
    </>
  );
}

function Files({ revision }: { revision: Revision }) {
  if (!revision.files.length) return <p className="muted">No file has been uploaded for this revision yet.</p>;
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Files of Rev.{revision.number}</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">Type</th>
            <th scope="col">Search</th>
          </tr>
        </thead>
        <tbody>
          {revision.files.map((f) => (
            <tr key={f.id}>
              <td>
                <a href={`/files/${encodeURIComponent(f.id)}`} download={f.name}>
                  Download {f.name}
                </a>
              </td>
              <td>{formatBytes(f.size)}</td>
              <td>
                {f.kind}
                {f.pageCount ? `, ${f.pageCount} ${f.pageCount === 1 ? 'page' : 'pages'}` : ''}
              </td>
              <td>{INDEX_STATE[f.indexState] ?? f.indexState}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Projects({ symbol }: { symbol: string }) {
  const [result] = useQuery({ query: ProjectsOfDocumentQuery });
  if (result.fetching && !result.data) return <Loading what="projects" />;
  if (result.error && !result.data) return <ErrorMessage error={result.error} what="the projects" />;
  const projects = (result.data?.projects.nodes ?? []).filter((p) => p.documents.some((d) => d.documentSymbol === symbol));
  if (!projects.length) return <p className="muted">Not part of any project.</p>;
  return (
    <ul>
      {projects.map((p) => (
        <li key={p.id}>
          {p.number ? <span className="symbol">{p.number}</span> : null} {p.title} ({humanize(p.status)})
        </li>
      ))}
    </ul>
  );
}

function DocumentView({ doc, shownRevision }: { doc: Doc; shownRevision: number | null }) {
  usePageTitle(`${doc.symbol} ${doc.title}`);
  const revisions = [...doc.revisions].sort((a, b) => b.number - a.number);
  const latest = doc.latestRevision?.number ?? null;
  return (
    <article>
      <p className="symbol-line">
        <span className="symbol">{doc.symbol}</span>
        {shownRevision !== null && <> · Rev.{shownRevision}</>}
      </p>
      <h1 lang={doc.language}>{doc.title}</h1>
      {shownRevision !== null && latest !== null && shownRevision !== latest && (
        <p className="notice">
          You are looking at Rev.{shownRevision}. The latest is <Link to={documentPath(doc.symbol)}>Rev.{latest}</Link>.
        </p>
      )}
      {doc.supersededBy && (
        <p className="notice">
          Superseded by <Link to={documentPath(doc.supersededBy.symbol)}>{doc.supersededBy.symbol}</Link>.
        </p>
      )}
      <dl className="summary-list">
        <div>
          <dt>Type</dt>
          <dd>
            {humanize(doc.type)} ({humanize(doc.purpose)})
          </dd>
        </div>
        <div>
          <dt>Access</dt>
          <dd>{doc.access === 'PUBLIC' ? 'Public' : 'Restricted to signed-in members'}</dd>
        </div>
        <div>
          <dt>Meeting</dt>
          <dd>
            <Link to={`/meetings/${encodeURIComponent(doc.meeting.code)}`}>{doc.meeting.code}</Link> {doc.meeting.title}
          </dd>
        </div>
        {doc.group && (
          <div>
            <dt>Group</dt>
            <dd>
              <Link to={`/groups/${encodeURIComponent(doc.group.code)}`}>{doc.group.code}</Link> {doc.group.name}
            </dd>
          </div>
        )}
        <div>
          <dt>Submitted by</dt>
          <dd>{doc.submittedBy ? doc.submittedBy.name : 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {humanize(doc.status)}
            {doc.statusNote ? ` — ${doc.statusNote}` : ''}
          </dd>
        </div>
        <div>
          <dt>APEC symbol</dt>
          <dd className="symbol">{doc.apecSymbol}</dd>
        </div>
      </dl>

      <h2>Agenda item</h2>
      {doc.agendaItem ? (
        <p>
          <Link to={`/meetings/${encodeURIComponent(doc.agendaItem.agenda.meeting.code)}#agenda-${doc.agendaItem.agenda.group.code}`}>
            {doc.agendaItem.agenda.group.code} item {doc.agendaItem.number}
          </Link>{' '}
          {doc.agendaItem.title}
        </p>
      ) : (
        <p className="muted">Not linked to an agenda item.</p>
      )}

      <h2>Projects</h2>
      <Projects symbol={doc.symbol} />

      <h2>Revisions and files</h2>
      {revisions.map((r) => (
        <section key={r.id} className={r.number === shownRevision ? 'revision current' : 'revision'} aria-labelledby={`rev-${r.number}`}>
          <h3 id={`rev-${r.number}`}>
            <Link to={documentPath(doc.symbol, r.number)}>Rev.{r.number}</Link>
            {r.number === latest && <span className="tag">Latest</span>}
            {r.number === shownRevision && <span className="tag">Shown</span>}
          </h3>
          <p className="muted">
            Added {formatInstant(r.addedAt)}
            {r.note ? ` — ${r.note}` : ''}
          </p>
          <Files revision={r} />
        </section>
      ))}
    </article>
  );
}

/** /documents/{symbol}: any spelling the API accepts, replaced by the canonical one. */
export function DocumentPage() {
  // React Router hands the splat over decoded.
  const typed = (useParams()['*'] ?? '').trim();
  const navigate = useNavigate();
  const [result] = useQuery({ query: DocumentPageQuery, variables: { symbol: typed }, pause: !typed });
  const doc = result.data?.document;
  const revisionNamed = namesRevision(typed);
  const shownRevision = doc ? (revisionNamed ? (doc.revision?.number ?? null) : null) : null;
  const canonical = doc ? documentPath(doc.symbol, shownRevision) : null;

  useEffect(() => {
    if (canonical && canonical !== `/documents/${encodeURIComponent(typed)}`) {
      void navigate(canonical + window.location.hash, { replace: true });
    }
  }, [canonical, typed, navigate]);

  const reason = errorReason(result.error);
  if (!typed || reason === 'DOCUMENT_NOT_FOUND' || reason === 'SYMBOL_MALFORMED' || errorCode(result.error) === 'NOT_FOUND')
    return <NoSuchDocument symbol={typed} malformed={reason === 'SYMBOL_MALFORMED'} />;
  if (result.error && !doc) return <ErrorMessage error={result.error} what="the document" />;
  if (!doc) return <Loading what={`document ${typed}`} />;
  return <DocumentView doc={doc} shownRevision={shownRevision} />;
}
