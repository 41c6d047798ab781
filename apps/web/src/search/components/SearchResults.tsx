import { Link } from 'react-router';
import type { SearchDocumentsQuery } from '../../gql/graphql';
import { Marked } from '../../shared/components/Marked';
import { humanize } from '../../shared/time';
import { snippetLanguage } from '../marks';

type Hit = SearchDocumentsQuery['searchDocuments']['nodes'][number];

/** The link that opens a hit's file, at its page when the file is a PDF. */
export function fileHref(hit: Hit): string | null {
  if (!hit.file) return null;
  const isPdf = hit.file.contentType === 'application/pdf';
  return `/files/${encodeURIComponent(hit.file.id)}${isPdf && hit.page ? `#page=${hit.page}` : ''}`;
}

export function SearchResults({ hits, firstNumber }: { hits: Hit[]; firstNumber: number }) {
  return (
    <ol className="results" start={firstNumber}>
      {hits.map((hit, i) => {
        const doc = hit.document;
        const href = fileHref(hit);
        return (
          <li key={`${doc.id}-${hit.file?.id ?? 'doc'}-${hit.page ?? i}`} className="result">
            <h3 className="result-title">
              <Link to={`/documents/${encodeURIComponent(doc.symbol)}`}>
                <span className="symbol">{doc.symbol}</span> <span lang={doc.language}>{doc.title}</span>
              </Link>
            </h3>
            <p className="meta">
              <span>Meeting {doc.meeting.code}</span>
              {doc.group && <span>Group {doc.group.code}</span>}
              <span>{humanize(doc.type)}</span>
              {hit.revision > 0 && <span>Rev.{hit.revision}</span>}
              {doc.access === 'RESTRICTED' && <span className="tag">Restricted</span>}
              {hit.symbolMatch && <span className="tag">Symbol match</span>}
            </p>
            <p className="snippet" lang={snippetLanguage(hit.snippet, doc.language)}>
              <Marked snippet={hit.snippet} />
            </p>
            {href && (
              <p className="hit-file">
                {hit.page ? <>Page {hit.page} · </> : null}
                <a href={href}>
                  Open {hit.file!.name}
                  {hit.page && hit.file!.contentType === 'application/pdf' ? ` at page ${hit.page}` : ''}
                </a>
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
