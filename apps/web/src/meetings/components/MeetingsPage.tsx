import { Link } from 'react-router';
import { useQuery } from 'urql';
import type { MeetingsListQuery as MeetingsListData } from '../../gql/graphql';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { usePageTitle } from '../../shared/hooks';
import { formatDateRange } from '../../shared/time';
import { MeetingsListQuery } from '../graphql/meetings';
import { newestFirst, nextAndLast } from '../meeting-order';
import { exportLinks } from '../../exports/links';

type Meeting = MeetingsListData['meetings']['nodes'][number];

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function MeetingSummary({ meeting }: { meeting: Meeting }) {
  return (
    <>
      <Link to={`/meetings/${encodeURIComponent(meeting.code)}`} className="meeting-link">
        {meeting.code} — {meeting.title}
      </Link>
      <span className="meta">
        <span>{formatDateRange(meeting.startDate, meeting.endDate)}</span>
        {(meeting.city || meeting.hostEconomy) && <span>{[meeting.city, meeting.hostEconomy?.name].filter(Boolean).join(', ')}</span>}
      </span>
    </>
  );
}

function MeetingList({ meetings, label }: { meetings: Meeting[]; label: string }) {
  if (!meetings.length) return <p className="muted">No {label.toLowerCase()} meetings.</p>;
  return (
    <ul className="plain-list">
      {meetings.map((m) => (
        <li key={m.id} className="meeting-row">
          <MeetingSummary meeting={m} />
        </li>
      ))}
    </ul>
  );
}

/** /meetings — coming and past meetings, newest first. */
export function MeetingsPage() {
  usePageTitle('Meetings');
  const [result] = useQuery({ query: MeetingsListQuery });
  const meetings = result.data?.meetings.nodes;
  return (
    <>
      <h1>Meetings</h1>
      <ul className="downloads" aria-label="Downloads">
        <li>
          <a href={exportLinks.meetingsCalendar()} download>
            All meetings in your calendar (.ics)
          </a>
          <span className="muted"> · subscribe to this address to keep it up to date; meetings without dates are left out</span>
        </li>
        <li>
          <a href={exportLinks.projectRegisterCsv()} download>
            Project register (CSV)
          </a>
        </li>
        <li>
          <a href={exportLinks.approvalsBoardCsv()} download>
            Approvals board (CSV)
          </a>
        </li>
      </ul>
      {result.fetching && !meetings && <Loading what="the meetings" />}
      {result.error && !meetings && <ErrorMessage error={result.error} what="the meetings" />}
      {meetings &&
        (() => {
          const sorted = newestFirst(meetings);
          const { next } = nextAndLast(meetings, today());
          const coming = sorted.filter((m) => (m.endDate ?? m.startDate ?? '9999') >= today() || m === next);
          const past = sorted.filter((m) => !coming.includes(m));
          return (
            <>
              <section aria-labelledby="coming">
                <h2 id="coming">Coming</h2>
                <MeetingList meetings={coming} label="Coming" />
              </section>
              <section aria-labelledby="past">
                <h2 id="past">Past</h2>
                <MeetingList meetings={past} label="Past" />
              </section>
            </>
          );
        })()}
    </>
  );
}
