import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import type { AgendaItemFieldsFragment, DocumentType, MeetingPageQuery as MeetingPageData } from '../../gql/graphql';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { errorCode, usePageTitle } from '../../shared/hooks';
import { dayInZone, formatDate, formatDateRange, formatDay, formatTimeRange, humanize } from '../../shared/time';
import { exportLinks } from '../../exports/links';
import { FollowButton } from '../../follows/components/FollowButton';
import { MeetingDocumentsQuery, MeetingPageQuery } from '../graphql/meetings';

type Meeting = MeetingPageData['meeting'];
type Session = Meeting['sessions'][number];
type Item = AgendaItemFieldsFragment & { children?: Item[] };

const DOCUMENT_TYPES: DocumentType[] = ['AGENDA', 'INFORMATION_PAPER', 'OTHER', 'PRESENTATION', 'PROGRESS_REPORT', 'PROPOSAL', 'REPORT', 'SUMMARY_RECORD'];

function Timetable({ meeting }: { meeting: Meeting }) {
  if (!meeting.sessions.length) return <p className="muted">No timetable has been published.</p>;
  const zone = meeting.timeZone;
  const byDay = new Map<string, Session[]>();
  for (const s of [...meeting.sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = dayInZone(s.startsAt, zone);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  return (
    <>
      <p className="hint">Times are local to the meeting: {zone ?? 'UTC (no time zone recorded)'}.</p>
      {[...byDay].map(([day, sessions]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h3 id={`day-${day}`}>{formatDay(day)}</h3>
          <ul className="timetable">
            {sessions.map((s) => (
              <li key={s.id}>
                <span className="time">{formatTimeRange(s.startsAt, s.endsAt, zone)}</span>
                <span>
                  {s.title}
                  {s.group && <span className="muted"> ({s.group.code})</span>}
                  {s.tentative && <span className="tag">Tentative</span>}
                  {s.timeIsConventional && <span className="muted"> · approximate hours (the sources say only morning or afternoon)</span>}
                  {s.note && <span className="muted"> · {s.note}</span>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function AgendaItems({ items }: { items: Item[] }) {
  return (
    <ol className="agenda">
      {items.map((item) => (
        <li key={item.id}>
          <p className="agenda-title">
            <span className="agenda-number">{item.number}</span> {item.title}
          </p>
          {item.presenters.length > 0 && <p className="meta">Presented by {item.presenters.map((p) => p.name).join(', ')}</p>}
          {item.outcome && (
            <p className="outcome">
              <strong>Outcome:</strong> {item.outcome}
            </p>
          )}
          {item.documents.length > 0 && (
            <ul className="doc-links">
              {item.documents.map((d) => (
                <li key={d.id}>
                  <Link to={`/documents/${encodeURIComponent(d.symbol)}`}>
                    <span className="symbol">{d.symbol}</span>
                  </Link>{' '}
                  <span lang={d.language}>{d.title}</span>
                </li>
              ))}
            </ul>
          )}
          {item.children && item.children.length > 0 && <AgendaItems items={item.children} />}
        </li>
      ))}
    </ol>
  );
}

function Documents({ meeting }: { meeting: Meeting }) {
  const [params, setParams] = useSearchParams();
  const group = params.get('group') ?? '';
  const type = (DOCUMENT_TYPES as string[]).includes(params.get('type') ?? '') ? (params.get('type') as DocumentType) : '';
  const sort = params.get('sort') === 'date' ? 'date' : 'symbol';
  const [result] = useQuery({
    query: MeetingDocumentsQuery,
    variables: { filter: { meetingCode: meeting.code, ...(group ? { groupCode: group } : {}), ...(type ? { type } : {}) }, first: 100 },
  });
  const update = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const groups = [...new Set(meeting.agendas.map((a) => a.group.code))].sort();
  const docs = [...(result.data?.documents.nodes ?? [])].sort((a, b) =>
    sort === 'date' ? b.registeredAt.localeCompare(a.registeredAt) || a.symbol.localeCompare(b.symbol) : a.symbol.localeCompare(b.symbol),
  );
  return (
    <>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter the documents">
        <div className="field">
          <label className="label" htmlFor="doc-group">
            Group
          </label>
          <select id="doc-group" className="select" value={group} onChange={(e) => update('group', e.target.value)}>
            <option value="">All groups</option>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="doc-type">
            Type
          </label>
          <select id="doc-type" className="select" value={type} onChange={(e) => update('type', e.target.value)}>
            <option value="">All types</option>
            {DOCUMENT_TYPES.map((t) => (
              <option key={t} value={t}>
                {humanize(t)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="label" htmlFor="doc-sort">
            Sort by
          </label>
          <select id="doc-sort" className="select" value={sort} onChange={(e) => update('sort', e.target.value === 'symbol' ? '' : e.target.value)}>
            <option value="symbol">Symbol</option>
            <option value="date">Date registered, newest first</option>
          </select>
        </div>
      </form>
      {result.fetching && !result.data && <Loading what="the documents" />}
      {result.error && !result.data && <ErrorMessage error={result.error} what="the documents" />}
      {result.data && (
        <>
          <p role="status">
            {result.data.documents.totalCount} {result.data.documents.totalCount === 1 ? 'document' : 'documents'}
            {result.data.documents.totalCount > docs.length && ` (the first ${docs.length} shown; search to find the rest)`}
          </p>
          {docs.length > 0 && (
            <div className="table-scroll">
              <table className="table">
                <caption className="visually-hidden">Documents of {meeting.code}</caption>
                <thead>
                  <tr>
                    <th scope="col">Symbol</th>
                    <th scope="col">Title</th>
                    <th scope="col">Type</th>
                    <th scope="col">Submitted by</th>
                    <th scope="col">Registered</th>
                  </tr>
                </thead>
                <tbody>
                  {docs.map((d) => (
                    <tr key={d.id}>
                      <td>
                        <Link to={`/documents/${encodeURIComponent(d.symbol)}`} className="symbol">
                          {d.symbol}
                        </Link>
                      </td>
                      <td lang={d.language}>
                        {d.title}
                        {d.access === 'RESTRICTED' && <span className="tag">Restricted</span>}
                      </td>
                      <td>{humanize(d.type)}</td>
                      <td>{d.submittedBy?.name ?? '—'}</td>
                      <td className="nowrap">{formatDate(d.registeredAt.slice(0, 10))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}

function MeetingView({ meeting }: { meeting: Meeting }) {
  usePageTitle(`${meeting.code} ${meeting.title}`);
  const place = [meeting.venue, meeting.venueLocalName && meeting.venueLocalName !== meeting.venue ? meeting.venueLocalName : null, meeting.city, meeting.hostEconomy?.name]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <p className="symbol-line">{meeting.code}</p>
      <h1>{meeting.title}</h1>
      <FollowButton meetingCode={meeting.code} />
      <dl className="summary-list">
        <div>
          <dt>Dates</dt>
          <dd>{formatDateRange(meeting.startDate, meeting.endDate)}</dd>
        </div>
        <div>
          <dt>Place</dt>
          <dd>{place || 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>{meeting.timeZone ?? 'Not recorded (times shown in UTC)'}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{meeting.status === 'HELD' ? 'Held' : 'Planned'}</dd>
        </div>
      </dl>
      {meeting.notes && <p>{meeting.notes}</p>}

      <ul className="downloads" aria-label={`Downloads for ${meeting.code}`}>
        <li>
          <a href={exportLinks.meetingCalendar(meeting.code)} download>
            Add to calendar (.ics)
          </a>
          {!meeting.startDate && <span className="muted"> · empty until the meeting has dates</span>}
        </li>
        <li>
          <a href={exportLinks.meetingDocumentsCsv(meeting.code)} download>
            Document list (CSV)
          </a>
        </li>
        <li>
          <a href={exportLinks.meetingProgressReportsCsv(meeting.code)} download>
            Progress reports (CSV)
          </a>
        </li>
      </ul>

      <nav aria-label="On this page" className="toc">
        <ul>
          <li>
            <a href="#timetable">Timetable</a>
          </li>
          <li>
            <a href="#agendas">Agendas</a>
          </li>
          <li>
            <a href="#documents">Documents</a>
          </li>
        </ul>
      </nav>

      <h2 id="timetable">Timetable</h2>
      <Timetable meeting={meeting} />

      <h2 id="agendas">Agendas</h2>
      {meeting.agendas.length === 0 && <p className="muted">No agenda has been published.</p>}
      {meeting.agendas.map((agenda) => (
        <section key={agenda.id} aria-labelledby={`agenda-${agenda.group.code}`} className="agenda-section">
          <h3 id={`agenda-${agenda.group.code}`}>
            <Link to={`/groups/${encodeURIComponent(agenda.group.code)}`}>{agenda.group.code}</Link> — {agenda.title} <span className="tag">{humanize(agenda.status)}</span>
          </h3>
          {agenda.items.length ? <AgendaItems items={agenda.items as Item[]} /> : <p className="muted">No items yet.</p>}
        </section>
      ))}

      <h2 id="documents">Documents</h2>
      <Documents meeting={meeting} />
    </>
  );
}

/** /meetings/{code}, e.g. /meetings/TEL37. */
export function MeetingPage() {
  const code = useParams().code ?? '';
  const [result] = useQuery({ query: MeetingPageQuery, variables: { code } });
  const meeting = result.data?.meeting;
  if (errorCode(result.error) === 'NOT_FOUND') {
    return (
      <>
        <h1>No such meeting</h1>
        <p>
          There is no meeting {code}. See <Link to="/meetings">all meetings</Link>.
        </p>
      </>
    );
  }
  if (result.error && !meeting) return <ErrorMessage error={result.error} what={`meeting ${code}`} />;
  if (!meeting) return <Loading what={`meeting ${code}`} />;
  return <MeetingView meeting={meeting} />;
}
