import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import type { GroupPageQuery as GroupPageData } from '../../gql/graphql';
import { ErrorMessage, Loading } from '../../shared/components/Status';
import { errorCode, usePageTitle } from '../../shared/hooks';
import { humanize } from '../../shared/time';
import { FollowButton } from '../../follows/components/FollowButton';
import { GroupPageQuery } from '../graphql/group';

type Term = GroupPageData['group']['officeHolders'][number];

function termText(t: Term): string {
  const who = t.person ? `${t.person.name}${t.person.nameLocal ? ` (${t.person.nameLocal})` : ''}` : 'Name not recorded';
  const span =
    t.fromMeeting || t.toMeeting
      ? ` — ${t.fromMeeting ? `from ${t.fromMeeting.code}` : ''}${t.fromMeeting && t.toMeeting ? ' ' : ''}${t.toMeeting ? `to ${t.toMeeting.code}` : ''}`
      : '';
  return `${who}, ${t.economy.name}${span}${t.note ? ` (${t.note})` : ''}`;
}

const ROLE_ORDER = ['CHAIR', 'CONVENOR', 'VICE_CONVENOR'];

function OfficeHolders({ terms }: { terms: Term[] }) {
  const sorted = [...terms].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
  const current = sorted.filter((t) => t.current);
  const before = sorted.filter((t) => !t.current);
  return (
    <>
      <h2>Office holders now</h2>
      {current.length ? (
        <ul>
          {current.map((t) => (
            <li key={t.id}>
              <strong>{humanize(t.role)}:</strong> {termText(t)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None recorded.</p>
      )}
      <h2>Office holders before</h2>
      {before.length ? (
        <ul>
          {before.map((t) => (
            <li key={t.id}>
              <strong>{humanize(t.role)}:</strong> {termText(t)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None recorded.</p>
      )}
    </>
  );
}

/** /groups/{code}, e.g. /groups/SPSG. */
export function GroupPage() {
  const code = useParams().code ?? '';
  const [result] = useQuery({ query: GroupPageQuery, variables: { code } });
  const group = result.data?.group;
  usePageTitle(group ? `${group.code} ${group.name}` : code);
  if (errorCode(result.error) === 'NOT_FOUND') {
    return (
      <>
        <h1>No such group</h1>
        <p>
          There is no group {code}. The groups are listed on each <Link to="/meetings">meeting</Link>’s agenda.
        </p>
      </>
    );
  }
  if (result.error && !group) return <ErrorMessage error={result.error} what={`group ${code}`} />;
  if (!group || !result.data) return <Loading what={`group ${code}`} />;
  const docs = result.data.documents;
  const meetings = new Map<string, { code: string; title: string; startDate?: string | null }>();
  for (const d of docs.nodes) meetings.set(d.meeting.code, d.meeting);
  const meetingList = [...meetings.values()].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  return (
    <>
      <p className="symbol-line">
        {group.code} · {humanize(group.kind)}
      </p>
      <h1>{group.name}</h1>
      <FollowButton groupCode={group.code} />
      <p>{group.description ?? 'No description has been recorded.'}</p>
      {group.parent && (
        <p>
          Part of <Link to={`/groups/${encodeURIComponent(group.parent.code)}`}>{group.parent.name}</Link>.
        </p>
      )}
      {group.children.length > 0 && (
        <>
          <h2>Groups under it</h2>
          <ul>
            {group.children.map((c) => (
              <li key={c.code}>
                <Link to={`/groups/${encodeURIComponent(c.code)}`}>{c.code}</Link> {c.name}
              </li>
            ))}
          </ul>
        </>
      )}
      <OfficeHolders terms={group.officeHolders} />
      <h2>Meetings</h2>
      {meetingList.length ? (
        <ul>
          {meetingList.map((m) => (
            <li key={m.code}>
              <Link to={`/meetings/${encodeURIComponent(m.code)}#agenda-${group.code}`}>{m.code}</Link> {m.title}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No meeting has papers of this group.</p>
      )}
      <h2>Documents</h2>
      <p>
        {docs.totalCount} {docs.totalCount === 1 ? 'document' : 'documents'}
        {docs.totalCount > docs.nodes.length ? ` (the first ${docs.nodes.length} shown)` : ''}.{' '}
        <Link to={`/search?q=&group=${encodeURIComponent(group.code)}`}>Search within {group.code}’s papers</Link>
      </p>
      <ul className="doc-links">
        {docs.nodes.map((d) => (
          <li key={d.id}>
            <Link to={`/documents/${encodeURIComponent(d.symbol)}`} className="symbol">
              {d.symbol}
            </Link>{' '}
            <span lang={d.language}>{d.title}</span> <span className="muted">({humanize(d.type)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
