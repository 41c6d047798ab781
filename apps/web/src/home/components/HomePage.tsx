import { Link } from 'react-router';
import { useQuery } from 'urql';
import { MeetingsListQuery } from '../../meetings/graphql/meetings';
import { MeetingSummary, today } from '../../meetings/components/MeetingsPage';
import { nextAndLast } from '../../meetings/meeting-order';
import { emptyFilters } from '../../search/search-url';
import { SearchForm } from '../../search/components/SearchForm';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { usePageTitle } from '../../shared/hooks';
import { humanize } from '../../shared/time';
import { RecentDocumentsQuery } from '../graphql/home';

function Meetings() {
  const [result] = useQuery({ query: MeetingsListQuery });
  if (result.fetching && !result.data) return <Loading what="the meetings" />;
  if (result.error && !result.data) return <ErrorMessage error={result.error} what="the meetings" />;
  const { next, last } = nextAndLast(result.data?.meetings.nodes ?? [], today());
  return (
    <div className="cards">
      <section className="card" aria-labelledby="next-meeting">
        <h2 id="next-meeting">Next meeting</h2>
        {next ? <MeetingSummary meeting={next} /> : <p className="muted">No meeting is planned yet.</p>}
      </section>
      <section className="card" aria-labelledby="last-meeting">
        <h2 id="last-meeting">Last meeting</h2>
        {last ? <MeetingSummary meeting={last} /> : <p className="muted">No meeting has been held yet.</p>}
      </section>
    </div>
  );
}

function RecentDocuments() {
  const [result] = useQuery({ query: RecentDocumentsQuery });
  if (result.fetching && !result.data) return <Loading what="recent documents" />;
  if (result.error && !result.data) return <ErrorMessage error={result.error} what="recent documents" />;
  const docs = result.data?.searchDocuments.nodes.map((n) => n.document) ?? [];
  if (!docs.length) return <p className="muted">No documents yet.</p>;
  return (
    <ul className="doc-links">
      {docs.map((d) => (
        <li key={d.id}>
          <Link to={`/documents/${encodeURIComponent(d.symbol)}`} className="symbol">
            {d.symbol}
          </Link>{' '}
          <span lang={d.language}>{d.title}</span>{' '}
          <span className="muted">
            ({humanize(d.type)}, {d.meeting.code})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** / — the search box, the next and last meeting, recent documents. */
export function HomePage() {
  usePageTitle('');
  return (
    <>
      <h1>APEC TEL meeting papers</h1>
      <SearchForm state={{ q: '', filters: emptyFilters(), page: 1 }} />
      <Meetings />
      <h2>Recent documents</h2>
      <RecentDocuments />
      <p>
        <Link to="/search?q=">All documents, newest first</Link> · <Link to="/meetings">All meetings</Link>
      </p>
    </>
  );
}
